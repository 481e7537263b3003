"""Semantic-preserving mutations for Java, on tree-sitter trees with byte-exact rewrites.

The same SPMs as for Python, under javac's rules: dead code behind a false guard must still
compile (only names in scope and definitely assigned, no assignment to finals), renaming
follows each local's declared scope and never touches fields, private methods are the only
methods renamed, and reordering moves methods, constructors and nested types but never fields
or initializer blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import tree_sitter

from flipbench.corpora import modifier_words
from flipbench.mutators import java_faults
from flipbench.mutators.content import ContentRequest, validate_comment, validate_identifier
from flipbench.mutators.java_tree import (
    JavaTree,
    can_complete_normally,
    declaration_covers,
    names_available,
    node_key,
    read_identifiers,
)
from flipbench.mutators.rewrites import Rewrite, reorder_blocks
from flipbench.mutators.sampling import rank
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spm import Application, Context, Rejection, Site, Spm, apply_renames

Node = tree_sitter.Node
STATEMENT_PARENTS = ("block", "constructor_body", "switch_block_statement_group")
SIMPLE_STATEMENTS = ("expression_statement", "local_variable_declaration", "return_statement", "break_statement",
                     "continue_statement", "throw_statement", "yield_statement", "assert_statement")
CALLABLES = ("method_declaration", "constructor_declaration")
MOVABLE_MEMBERS = ("method_declaration", "constructor_declaration", "class_declaration", "interface_declaration",
                   "enum_declaration", "record_declaration", "annotation_type_declaration",
                   "compact_constructor_declaration")
MEMBER_BODIES = ("class_body", "interface_body", "enum_body_declarations")
_CONSTANT_GUARDS = ("false", "1 > 2", "0 == 1", "!true")
_LIBRARY_GUARDS = ("Integer.MAX_VALUE < 0", "\"\".length() > 0", "Math.abs(0) > 0")


@dataclass(frozen=True)
class Statement:
    node: Node
    method: Node | None
    in_loop: bool


class _Facts:
    """Facts about one parsed program that several SPMs need, computed once per step."""

    def __init__(self, tree: JavaTree) -> None:
        self.tree = tree

    @cached_property
    def statements(self) -> list[Statement]:
        tree, found = self.tree, []
        for node in _named_descendants(tree.root):
            if node.parent is None or node.parent.type not in STATEMENT_PARENTS or node.type.endswith("comment"):
                continue
            if node.type in ("switch_label",) or not tree.starts_line(node):
                continue
            owner = tree.callable_of(node)
            method = owner if owner is not None and owner.type in CALLABLES else None
            found.append(Statement(node, method, _in_loop(node)))
        return found

    @cached_property
    def comment_lines(self) -> frozenset[int]:
        """Lines a comment covers (nothing is appended to them)."""
        tree = self.tree
        return frozenset(line for c in _comments(tree) for line in range(tree.line(c), tree.last_line(c) + 1))

    @cached_property
    def calls_by_name(self) -> dict[str, list[Node]]:
        """Method invocations and method references, by the method name they use."""
        calls: dict[str, list[Node]] = {}
        for call in self.tree.nodes("method_invocation", "method_reference"):
            name = call.child_by_field_name("name") if call.type == "method_invocation" else call.named_children[-1]
            if name is not None and name.type == "identifier":
                calls.setdefault(self.tree.code(name), []).append(call)
        return calls

    @cached_property
    def identifiers(self) -> frozenset[str]:
        return frozenset(self.tree.code(node) for node in self.tree.nodes("identifier", "type_identifier"))

    @cached_property
    def unit(self) -> str:
        for line in self.tree.text.text.split("\n"):
            stripped = line.lstrip(" \t")
            if stripped and line != stripped and not stripped.startswith(("*", "/")):
                whitespace = line[: len(line) - len(stripped)]
                return "\t" if whitespace.startswith("\t") else " " * min(len(whitespace), 4)
        return "    "

    @cached_property
    def strings(self) -> str:
        return "\n".join(self.tree.code(node) for node in self.tree.nodes("string_literal"))

    def indentation(self, line: int) -> str:
        return self.tree.text.indentation(line).decode("utf-8")


def _named_descendants(node: Node):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.named_children))


def _in_loop(node: Node) -> bool:
    current = node.parent
    while current is not None and current.type not in ("method_declaration", "constructor_declaration",
                                                       "lambda_expression", "class_body"):
        if current.type in ("for_statement", "enhanced_for_statement", "while_statement", "do_statement"):
            return True
        current = current.parent
    return False


_FACTS: dict[int, _Facts] = {}


def facts(context: Context) -> _Facts:
    tree = context.tree
    cached = _FACTS.get(id(tree))
    if cached is None or cached.tree is not tree:
        _FACTS.clear()
        cached = _FACTS[id(tree)] = _Facts(tree)
    return cached


def _insert_above(tree: JavaTree, line: int, text: bytes) -> Rewrite:
    offset = tree.text.line_starts[line - 1]
    return Rewrite(Splice(offset, offset, text + tree.text.newline))


def _line_end(tree: JavaTree, line: int) -> int:
    starts = tree.text.line_starts
    end = starts[line] - 1 if line < len(starts) else len(tree.text.data)
    return end - 1 if end > 0 and tree.text.data[end - 1:end] == b"\r" else end


def _lines(tree: JavaTree, first: int, last: int) -> tuple[int, int]:
    starts = tree.text.line_starts
    return starts[first - 1], starts[last] if last < len(starts) else len(tree.text.data)


def _comments(tree: JavaTree) -> list[Node]:
    return tree.nodes("line_comment", "block_comment")


def _is_negation(condition: Node) -> bool:
    """``!c``, which :func:`_negation` negates by taking the ``!`` away."""
    return condition.type == "unary_expression" and condition.child_by_field_name("operator").type == "!"


def _negation(tree: JavaTree, condition: Node) -> str:
    """Negated text of an ``if``'s parenthesized condition's inner expression."""
    if _is_negation(condition):
        operand = condition.child_by_field_name("operand")
        inner = operand.named_children[0] if operand.type == "parenthesized_expression" else operand
        return tree.code(inner)
    if condition.type in ("identifier", "method_invocation", "field_access", "parenthesized_expression", "true",
                          "false", "array_access"):
        return "!" + tree.code(condition)
    return f"!({tree.code(condition)})"


# -- comments ------------------------------------------------------------------------------------

def _end_of_statement(context: Context, statement: Node) -> int | None:
    """Where `  // ...` can go after a simple statement that ends its line with nothing after it."""
    tree = context.tree
    if statement.type not in SIMPLE_STATEMENTS or not tree.ends_line(statement):
        return None
    if tree.line(statement) != tree.last_line(statement) or tree.last_line(statement) in facts(context).comment_lines:
        return None
    return statement.end_byte


class MisleadingComments(Spm):
    """A comment that plausibly misdescribes the code next to it: above a statement, or after one."""

    not_applicable = "no statement to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in facts(context).statements:
            line = tree.line(statement.node)
            found.append(Site(context.key("above", line), line, ("above", statement.node)))
            if _end_of_statement(context, statement.node) is not None:
                found.append(Site(context.key("end", line), line, ("end", statement.node)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        where, node = site.payload
        request = ContentRequest("comment", "java", site.key, tree.text.line_bytes(site.line).decode("utf-8"))
        text = context.ask(request, lambda comment: validate_comment(comment, "java"))
        if text is None:
            return None
        if where == "above":
            indent = facts(context).indentation(site.line)
            return Application((_insert_above(tree, site.line, f"{indent}// {text}".encode()),),
                               f"comment above: // {text}", site.line)
        return Application((Rewrite(Splice(node.end_byte, node.end_byte, f"  // {text}".encode())),),
                           f"comment: // {text}", site.line)


class FaultComment(Spm):
    """A comment on or above a fault line asserting that the line is correct."""

    not_applicable = "no fault line to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        ends = {tree.last_line(s.node): s.node for s in facts(context).statements
                if _end_of_statement(context, s.node) is not None}
        for line in context.fault_lines:
            if not tree.text.line_bytes(line).strip():
                continue
            found.append(Site(context.key("fault-above", line), line, ("above", None)))
            if line in ends:
                found.append(Site(context.key("fault-end", line), line, ("end", ends[line])))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        request = ContentRequest("fault_comment", "java", site.key, tree.text.line_bytes(site.line).decode(),
                                 context.fault)
        text = context.ask(request, lambda comment: validate_comment(comment, "java"))
        if text is None:
            return None
        where, node = site.payload
        if where == "above":
            indent = facts(context).indentation(site.line)
            return Application((_insert_above(tree, site.line, f"{indent}// {text}".encode()),),
                               f"comment above fault: // {text}", site.line)
        return Application((Rewrite(Splice(node.end_byte, node.end_byte, f"  // {text}".encode())),),
                           f"comment on fault: // {text}", site.line)


class StripComments(Spm):
    """Comments (javadoc included) removed; never one on a fault line."""

    not_applicable = "no comment"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        data = tree.text.data
        for comment in _comments(tree):
            first, last = tree.line(comment), tree.last_line(comment)
            if any(first <= fault <= last for fault in context.fault_lines):
                continue
            if tree.starts_line(comment) and tree.ends_line(comment):
                start, end = _lines(tree, first, last)
                splice = Splice(start, end, b"")
            elif tree.ends_line(comment) and comment.type == "line_comment":
                splice = Splice(len(data[:comment.start_byte].rstrip(b" \t")), comment.end_byte, b"")
            elif first == last:
                before, after = data[comment.start_byte - 1:comment.start_byte], data[comment.end_byte:comment.end_byte + 1]
                keep_apart = not before.isspace() and not after.isspace() and before and after
                splice = Splice(comment.start_byte, comment.end_byte, b" " if keep_apart else b"")
            else:
                continue
            found.append(Site(context.key("comment", first), first, splice))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        splice: Splice = site.payload
        removed = context.tree.text.data[splice.start:splice.end].decode("utf-8").strip()
        return Application((Rewrite(splice),), f"removed: {removed[:60]}", site.line)


# -- dead code -----------------------------------------------------------------------------------

def _redefined_names(tree: JavaTree) -> frozenset[str]:
    """Names the file gives meanings of its own (types it declares or imports, its variables),
    which may hide the ``java.lang`` classes of the same name."""
    types = {tree.code(n.child_by_field_name("name")) for n in tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    imported = {tree.code(n).rstrip(";").split(".")[-1].strip() for n in tree.nodes("import_declaration")}
    return frozenset(types | imported | tree.declared_names)


def _guards(context: Context) -> tuple[str, ...]:
    shadowed = facts(context).identifiers & {"Integer", "Math", "String"}
    declared = {context.tree.code(n.child_by_field_name("name")) for n in context.tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    library = tuple(g for g in _LIBRARY_GUARDS if not any(name in g for name in shadowed & declared))
    return _CONSTANT_GUARDS + library


def _dead_block(context: Context, line: int, guard: str, body: str) -> bytes:
    indent = facts(context).indentation(line)
    unit = facts(context).unit
    newline = context.tree.text.newline.decode()
    return f"{indent}if ({guard}) {{{newline}{indent}{unit}{body}{newline}{indent}}}".encode()


def _dead_code_problem(tree: JavaTree, statement: Node, method: Node, offset: int) -> str | None:
    """Why a statement may not stand in dead code at ``offset`` of ``method`` (None: it may)."""
    kind = statement.type
    if kind not in ("expression_statement", "return_statement"):
        return f"{kind} cannot be copied"
    if tree.nodes("lambda_expression", "class_body", "switch_expression", within=statement):
        return "copies of lambdas and classes are left out"
    expression = statement.named_children[0] if statement.named_children else statement
    if kind == "return_statement":
        read = statement
    elif expression.type == "method_invocation":
        read = expression
    elif expression.type in ("assignment_expression", "update_expression"):
        simple = expression.type == "assignment_expression" and expression.child_by_field_name("operator").type == "="
        target = expression.child_by_field_name("left") if expression.type == "assignment_expression" \
            else expression.named_children[0]
        if not _assignable(tree, target, method, offset):
            return "assigns a final or out-of-scope variable"
        if target.type != "identifier" and not names_available(tree, target, method, offset):
            return "its target reads a local that is not definitely assigned there"
        read = expression.child_by_field_name("right") if simple else expression
    else:
        return f"{expression.type} cannot be copied"
    if not names_available(tree, read, method, offset):
        return "reads a local that is not definitely assigned there"
    if method.type != "method_declaration" and any(
            tree.code(name) in tree.blank_final_fields for name in read_identifiers(tree, statement)):
        return "reads a final field the constructor may not have assigned there"
    return _exception_problem(tree, statement, method, offset)


def _exception_problem(tree: JavaTree, statement: Node, method: Node, offset: int) -> str | None:
    """Why a copy of ``statement`` at ``offset`` might throw a checked exception javac rejects there.

    javac checks exceptions in dead code too. In an expression or return statement (lambdas and
    classes are never copied) only calls and ``new`` can throw a checked exception, and which they
    throw is beyond local evidence. But the statement compiles where it is: what it throws is
    caught by the ``try`` blocks around it or declared by the method. A copy in the same method
    inside every one of those ``try`` blocks has the same handlers and the same ``throws``
    clause, so it compiles too; anywhere else it is refused.
    """
    if not tree.nodes("method_invocation", "object_creation_expression", within=statement):
        return None
    if _try_blocks_around(tree, method, statement.start_byte) <= _try_blocks_around(tree, method, offset):
        return None
    return "may throw a checked exception that only a try block around it catches"


def _try_blocks_around(tree: JavaTree, method: Node, offset: int) -> frozenset[tuple[int, int, str]]:
    """The ``try`` bodies of ``method`` holding ``offset`` (their catch clauses do not count)."""
    bodies = (t.child_by_field_name("body") for t in tree.nodes("try_statement", "try_with_resources_statement",
                                                                  within=method))
    return frozenset(node_key(body) for body in bodies if body is not None and body.start_byte < offset < body.end_byte)


_UNCHECKED_CALLS = re.compile(r"System\.(out|err)\.(print|println|printf|format)|Math\.\w+")
"""Library calls that declare no checked exception (``PrintStream``'s printing, ``Math``)."""


def _external_exception_problem(tree: JavaTree, statement: Node) -> str | None:
    """Dead code from elsewhere has no place where it compiled: it may call only library methods
    known to throw no checked exception (unless the file declares its own ``System`` or ``Math``)
    and create no object (any constructor may throw one)."""
    if tree.nodes("object_creation_expression", within=statement):
        return "creates an object, whose constructor may throw a checked exception"
    shadowed = _redefined_names(tree)
    for call in tree.nodes("method_invocation", within=statement):
        receiver = call.child_by_field_name("object")
        callee = f"{tree.code(receiver)}.{tree.code(call.child_by_field_name('name'))}" if receiver is not None else ""
        if not _UNCHECKED_CALLS.fullmatch(callee) or callee.split(".")[0] in shadowed:
            return f"calls {callee or tree.code(call.child_by_field_name('name'))}, which may throw a checked exception"
    return None


def _assignable(tree: JavaTree, target: Node, method: Node, offset: int) -> bool:
    name = target if target.type == "identifier" else target.child_by_field_name("field") \
        if target.type == "field_access" else None
    if target.type == "array_access":
        return True
    if name is None:
        return False
    text = tree.code(name)
    for declaration in tree.nodes("local_variable_declaration", within=method):
        names = [tree.code(d.child_by_field_name("name")) for d in declaration.children_by_field_name("declarator")]
        if text in names and ("final" in modifier_words(declaration)
                              or not declaration_covers(tree, declaration, offset, assigned=False)):
            return False
    for field in tree.nodes("field_declaration"):
        if "final" in modifier_words(field) and any(
                tree.code(d.child_by_field_name("name")) == text for d in field.children_by_field_name("declarator")):
            return False
    return True


def _copyable(context: Context, method: Node, offset: int) -> list[Node]:
    return [s.node for s in facts(context).statements
            if s.method is not None and node_key(s.method) == node_key(method)
            and context.tree.line(s.node) == context.tree.last_line(s.node)
            and _dead_code_problem(context.tree, s.node, method, offset) is None]


def _dead_sites(context: Context, kind: str) -> list[tuple[Site, Statement]]:
    tree, found = context.tree, []
    for statement in facts(context).statements:
        node = statement.node
        if statement.method is None or node.type == "explicit_constructor_invocation":
            continue
        if tree.callable_of(node) is None or tree.callable_of(node).type == "lambda_expression":
            continue
        line = tree.line(node)
        found.append((Site(context.key(kind, line), line, statement), statement))
    return found


class DeadCode(Spm):
    """A never-executed ``if (false) { ... }`` (or a less obvious always-false guard) holding a statement
    of the same method that compiles at the insertion point."""

    not_applicable = "no statement inside a method"

    def sites(self, context: Context) -> list[Site]:
        return [site for site, _ in _dead_sites(context, "dead")]

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        statement: Statement = site.payload
        offset = statement.node.start_byte
        own = tree.code(statement.node)
        candidates = [tree.code(node) for node in _copyable(context, statement.method, offset)]
        options = tuple(code for code in candidates if code != own) or tuple(candidates)
        request = ContentRequest("dead_code", "java", site.key, own, options=options)
        guards = _guards(context)
        guard = guards[int.from_bytes(rank(0, site.key)[:4], "big") % len(guards)]

        def check(code: str) -> str | None:
            if code in options:
                return None  # a statement of this method already checked at this point
            return _external_dead_code_problem(tree, site.line, _dead_block(context, site.line, guard, code.strip()))

        text = context.ask(request, check)
        if text is None:
            return None
        return Application((_insert_above(tree, site.line, _dead_block(context, site.line, guard, text.strip())),),
                           f"dead code: if ({guard}) {{ {text.strip()} }}", site.line)


def _external_dead_code_problem(tree: JavaTree, line: int, block: bytes) -> str | None:
    """Check a dead-code block written elsewhere in place: insert it, re-parse, apply the same rules."""
    if block.count(b"\n") != 2:
        return "dead code must be one line"
    insertion = _insert_above(tree, line, block).splice
    try:
        edited = JavaTree.parse(tree.text.apply(insertion))
    except ValueError as error:
        return f"does not parse in place: {error}"
    guard_start = insertion.start + len(block) - len(block.lstrip())
    guard_block = next((n for n in edited.nodes("if_statement") if n.start_byte == guard_start), None)
    consequence = guard_block.child_by_field_name("consequence") if guard_block is not None else None
    if consequence is None or len(consequence.named_children) != 1:
        return "dead code must be exactly one statement"
    statement = consequence.named_children[0]
    method = edited.callable_of(statement)
    if method is None or method.type not in CALLABLES:
        return "dead code must go inside a method"
    return _dead_code_problem(edited, statement, method, statement.start_byte) \
        or _external_exception_problem(edited, statement)


class Decoy(Spm):
    """Dead code next to a non-fault statement holding a copy of it with the fault's kind of bug."""

    not_applicable = "no statement near which the fault's kind of bug can be imitated"

    def sites(self, context: Context) -> list[Site]:
        if context.fault is None or context.fault == "removed_statement":
            return []
        tree = context.tree
        by_line: dict[int, list[Splice]] = {}
        if context.fault != "misplaced_return":
            for splice in java_faults.FINDERS[context.fault](tree):
                if b"\n" not in splice.text:
                    by_line.setdefault(tree.text.line_of(splice.start), []).append(splice)
        found = []
        for site, statement in _dead_sites(context, "decoy"):
            node = statement.node
            if site.line in context.fault_lines or tree.line(node) != tree.last_line(node):
                continue
            if context.fault == "misplaced_return":
                found.append(Site(site.key, site.line, (statement, None)))
                continue
            inside = [s for s in by_line.get(site.line, []) if node.start_byte <= s.start and s.end <= node.end_byte]
            if inside and node.type in ("expression_statement", "return_statement"):
                found.append(Site(site.key, site.line, (statement, inside)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        statement, splices = site.payload
        node, offset = statement.node, statement.node.start_byte
        if splices is None:
            returns = [n for n in _copyable(context, statement.method, offset) if n.type == "return_statement"]
            if not returns:
                return None
            copy = tree.code(returns[int.from_bytes(rank(0, site.key)[:4], "big") % len(returns)])
        else:
            problem = _dead_code_problem(tree, node, statement.method, offset)
            if problem is not None:
                context.rejections.append(Rejection(site.key, f"decoy rejected: {problem}"))
                return None
            splice = splices[int.from_bytes(rank(0, site.key)[:4], "big") % len(splices)]
            data = tree.text.data
            copy = (data[node.start_byte:splice.start] + splice.text + data[splice.end:node.end_byte]).decode("utf-8")
        guards = _guards(context)
        guard = guards[int.from_bytes(rank(0, site.key + "guard")[:4], "big") % len(guards)]
        return Application((_insert_above(tree, site.line, _dead_block(context, site.line, guard, copy)),),
                           f"decoy: if ({guard}) {{ {copy} }}", site.line)


# -- names ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Local:
    method: Node
    name: str
    nodes: tuple[Node, ...]


def _locals(context: Context) -> list[_Local]:
    """Locals and parameters of each method or constructor with every identifier that means them."""
    tree = context.tree
    found = []
    for method in tree.nodes(*CALLABLES):
        body = method.child_by_field_name("body")
        if body is None:
            continue
        declarations: dict[str, list[Node]] = {}
        for node in tree.nodes("formal_parameter", "local_variable_declaration", "enhanced_for_statement",
                               "catch_formal_parameter", within=method):
            owner = tree.callable_of(node)
            if owner is None or node_key(owner) != node_key(method):
                continue
            if node.type == "local_variable_declaration":
                names = [d.child_by_field_name("name") for d in node.children_by_field_name("declarator")]
            else:
                names = [node.child_by_field_name("name")]
            for name in names:
                if name is not None:
                    declarations.setdefault(tree.code(name), []).append(node)
        nested = tree.nodes("class_body", within=body)
        for name, declared in sorted(declarations.items()):
            occurrences = _occurrences(tree, method, name)
            if any(n.start_byte <= o.start_byte < n.end_byte for o in occurrences for n in nested):
                continue
            if all(any(_in_scope(tree, d, o, method) for d in declared) for o in occurrences):
                found.append(_Local(method, name, tuple(occurrences)))
    return found


def _occurrences(tree: JavaTree, method: Node, name: str) -> list[Node]:
    """Identifiers named ``name`` in the method that are variables (not members after a dot, not labels)."""
    found = []
    for identifier in tree.nodes("identifier", within=method):
        if tree.code(identifier) != name:
            continue
        parent = identifier.parent
        if parent.type == "method_invocation" and node_key(parent.child_by_field_name("name")) == node_key(identifier):
            continue
        if parent.type == "field_access" and node_key(parent.child_by_field_name("field")) == node_key(identifier):
            continue
        if parent.type == "method_reference" and node_key(parent.named_children[0]) != node_key(identifier):
            continue  # the method's name; the receiver of `factory::create` is the variable
        if parent.type in ("method_declaration", "constructor_declaration", "labeled_statement", "break_statement",
                           "continue_statement", "annotation", "marker_annotation", "element_value_pair",
                           "scoped_identifier"):
            continue
        found.append(identifier)
    return found


def _in_scope(tree: JavaTree, declaration: Node, identifier: Node, method: Node) -> bool:
    offset = identifier.start_byte
    if declaration.type == "formal_parameter" and node_key(declaration.parent.parent) == node_key(method):
        return True
    if declaration.type == "local_variable_declaration":
        scope = declaration.parent
        if scope.type == "for_statement":
            return scope.start_byte <= offset < scope.end_byte
        return declaration.start_byte <= offset < scope.end_byte
    if declaration.type == "enhanced_for_statement":
        return declaration.start_byte <= offset < declaration.end_byte
    if declaration.type == "catch_formal_parameter":
        return declaration.parent.start_byte <= offset < declaration.parent.end_byte
    return False


class MisleadingNames(Spm):
    """Scope-aware renaming of a method's locals and parameters to names that suggest another role,
    or swapping the names of two of them. Fields are never renamed."""

    not_applicable = "no local variable or parameter that can be renamed safely"

    def sites(self, context: Context) -> list[Site]:
        found = []
        by_method: dict[tuple, list[_Local]] = {}
        for local in _locals(context):
            line = context.tree.line(local.nodes[0])
            found.append(Site(context.key("name", line, local.name), line, (local,)))
            by_method.setdefault(node_key(local.method), []).append(local)
        for group in by_method.values():
            for first, second in zip(group, group[1:]):
                line = context.tree.line(first.nodes[0])
                found.append(Site(context.key("swap", line, first.name, second.name), line, (first, second)))
        return found

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        return apply_renames(context, ranked, strength, language="java", taken=set(facts(context).identifiers),
                             scope_of=lambda local: node_key(local.method))


class RenameFunctions(Spm):
    """Private methods renamed to misleading names with every call and method reference updated:
    nothing outside the class can call them and nothing can override them."""

    not_applicable = "no private method to rename"

    def sites(self, context: Context) -> list[Site]:
        tree = context.tree
        methods: dict[str, list[Node]] = {}
        for method in tree.nodes("method_declaration"):
            methods.setdefault(tree.code(method.child_by_field_name("name")), []).append(method)
        found = []
        for name, declared in sorted(methods.items()):
            if not all("private" in modifier_words(m) for m in declared) or name in context.protected_names:
                continue
            classes = {node_key(tree.enclosing(m, "class_body", "enum_body", "interface_body")) for m in declared}
            if len(classes) != 1 or re.search(rf"\b{re.escape(name)}\b", facts(context).strings):
                continue
            owner = tree.enclosing(declared[0], "class_declaration", "enum_declaration", "record_declaration")
            owner_name = tree.code(owner.child_by_field_name("name")) if owner is not None else None
            nodes = [m.child_by_field_name("name") for m in declared]
            usable = True
            for call in facts(context).calls_by_name.get(name, []):
                if call.type == "method_invocation":
                    receiver = call.child_by_field_name("object")
                    if receiver is not None and receiver.type != "this" and tree.code(receiver) != owner_name \
                            and tree.expression_type(receiver) != owner_name:
                        usable = False
                        break
                    nodes.append(call.child_by_field_name("name"))
                else:
                    nodes.append(call.named_children[-1])
            if usable:
                line = tree.line(declared[0])
                found.append(Site(context.key("method", line, name), line, (name, tuple(nodes))))
        return found

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        taken = set(facts(context).identifiers)
        applied = []
        for site in ranked:
            if len(applied) == strength:
                break
            old, nodes = site.payload
            request = ContentRequest("function_name", "java", site.key, old, taken=frozenset(taken))
            new = context.ask(request, lambda name: validate_identifier(name, "java", frozenset(taken)))
            if new is None:
                continue
            taken.add(new)
            applied.append(Application(tuple(Rewrite(context.tree.replace(node, new)) for node in nodes),
                                       f"renamed method {old} -> {new}", site.line))
        return applied


# -- control flow --------------------------------------------------------------------------------

def _brace_layout(tree: JavaTree, block: Node) -> bool:
    """``{`` ends its line and ``}`` starts its own: lines between are exactly the block's inside."""
    if block.type != "block" or tree.line(block) == tree.last_line(block):
        return False
    open_end = _line_end(tree, tree.line(block))
    after_open = tree.text.data[block.start_byte + 1:open_end]
    close_line_start = tree.text.line_starts[tree.last_line(block) - 1]
    return not after_open.strip() and not tree.text.data[close_line_start:block.end_byte - 1].strip()


class SwapIfElse(Spm):
    """``if (c) { A } else { B }`` becomes ``if (!(c)) { B } else { A }``."""

    not_applicable = "no if/else with both branches in braces laid out one statement per line"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.nodes("if_statement"):
            consequence, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
            if alternative is None or not _brace_layout(tree, consequence) or not _brace_layout(tree, alternative):
                continue
            condition = node.child_by_field_name("condition")
            if tree.line(condition) != tree.last_line(condition) or tree.last_line(consequence) != tree.line(alternative):
                continue
            if tree.line(condition) in context.fault_lines and _is_negation(condition.named_children[0]):
                continue  # un-negating would erase fault-line code (after negated_condition: the fault itself)
            found.append(Site(context.key("swap-if", tree.line(node)), tree.line(node), node))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        node = site.payload
        consequence, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        condition = node.child_by_field_name("condition").named_children[0]
        first_inner, else_line = tree.line(consequence) + 1, tree.last_line(consequence)
        last_inner = tree.last_line(alternative) - 1
        then_lines = list(range(first_inner, else_line))
        else_lines = list(range(else_line + 1, last_inner + 1))
        if not then_lines or not else_lines:
            return None
        order = else_lines + [else_line] + then_lines
        start, end = _lines(tree, first_inner, last_inner)
        block = b"".join(tree.text.data[slice(*_lines(tree, line, line))] for line in order)
        position = {old: index for index, old in enumerate(order)}
        line_map = tuple((position[line],) for line in range(first_inner, last_inner + 1))
        return Application((Rewrite(tree.replace(condition, _negation(tree, condition))),
                            Rewrite(Splice(start, end, block), line_map)),
                           f"swapped the branches of `if ({tree.code(condition)})`", site.line)


class LoopRewrite(Spm):
    """``for (int i = a; c; u) { B }`` becomes ``int i = a; while (c) { B u; }`` when the body never
    continues the loop, surely completes normally (else ``u;`` would be unreachable) and ``i`` is not
    used after it; any ``while (c)`` becomes ``for (; c; )``."""

    not_applicable = "no loop that can be rewritten exactly"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.nodes("for_statement", "while_statement"):
            if node.parent is None or node.parent.type not in STATEMENT_PARENTS or not tree.starts_line(node):
                continue
            condition = node.child_by_field_name("condition")
            if condition is None or tree.line(condition) != tree.last_line(condition):
                continue
            if node.type == "while_statement" or self._for_convertible(tree, node):
                found.append(Site(context.key(node.type, tree.line(node)), tree.line(node), node))
        return found

    def _for_convertible(self, tree: JavaTree, loop: Node) -> bool:
        init = loop.child_by_field_name("init")
        updates = loop.children_by_field_name("update")
        body = loop.child_by_field_name("body")
        if init is None or init.type != "local_variable_declaration" or len(updates) != 1 or body is None:
            return False
        declarators = init.children_by_field_name("declarator")
        if len(declarators) != 1 or not _brace_layout(tree, body) or tree.line(body) != tree.line(loop):
            return False
        if any(self._continues(tree, node, loop) for node in tree.nodes("continue_statement", within=body)):
            return False
        if not can_complete_normally(tree, body):
            return False  # the update, moved to the end of the body, would be unreachable: javac rejects it
        name = tree.code(declarators[0].child_by_field_name("name"))
        # the hoisted declaration is in scope to the end of the enclosing block (a switch group's: the switch's)
        scope = loop.parent.parent if loop.parent.type == "switch_block_statement_group" else loop.parent
        after = [i for i in tree.nodes("identifier", within=scope)
                 if i.start_byte >= loop.end_byte and tree.code(i) == name]
        return not after

    @staticmethod
    def _continues(tree: JavaTree, statement: Node, loop: Node) -> bool:
        """Whether this ``continue`` targets ``loop`` (unlabelled and not inside an inner loop)."""
        if statement.named_children:
            return True  # labelled: be safe
        current = statement.parent
        while node_key(current) != node_key(loop):
            if current.type in ("for_statement", "enhanced_for_statement", "while_statement", "do_statement",
                                "lambda_expression", "class_body"):
                return False
            current = current.parent
        return True

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        loop = site.payload
        condition = loop.child_by_field_name("condition")
        if loop.type == "while_statement":
            inner = condition.named_children[0]
            return Application((Rewrite(Splice(loop.start_byte, condition.end_byte,
                                               f"for (; {tree.code(inner)}; )".encode())),),
                               "while loop -> for (; c; ) loop", site.line)
        init = loop.child_by_field_name("init")
        update = loop.children_by_field_name("update")[0]
        body = loop.child_by_field_name("body")
        indent = facts(context).indentation(site.line)
        newline = tree.text.newline.decode()
        header_start, header_end = _lines(tree, site.line, site.line)
        rest = tree.text.data[body.start_byte:header_end].decode("utf-8")
        header = f"{indent}{tree.code(init)}{newline}{indent}while ({tree.code(condition)}) {rest}"
        statements = body.named_children
        inner_indent = facts(context).indentation(tree.line(statements[0])) if statements else indent + facts(context).unit
        close_line = tree.last_line(body)
        inner = tree.text.data[header_end:tree.text.line_starts[close_line - 1]]
        closing = tree.text.data[slice(*_lines(tree, close_line, close_line))]
        if not closing.endswith(b"\n"):
            return None
        update_line = f"{inner_indent}{tree.code(update)};{newline}".encode()
        inner_count = close_line - site.line - 1
        # the header becomes the declaration, the condition and the update
        line_map = ((0, 1, 2 + inner_count),) + tuple((2 + offset,) for offset in range(inner_count)) + (
            (3 + inner_count,),)
        start, end = _lines(tree, site.line, close_line)
        return Application((Rewrite(Splice(start, end, header.encode() + inner + update_line + closing), line_map),),
                           "for loop -> while loop", site.line)


# -- layout --------------------------------------------------------------------------------------

class Reformat(Spm):
    """Layout only: a blank line above a statement or member, a call's arguments split over lines,
    or a method body re-indented with another width."""

    not_applicable = "nothing to reformat"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in facts(context).statements:
            line = tree.line(statement.node)
            found.append(Site(context.key("blank", line), line, ("blank", line)))
        text_block_lines = {line for n in tree.nodes("string_literal", "block_comment")
                            for line in range(tree.line(n), tree.last_line(n) + 1) if tree.last_line(n) > tree.line(n)}
        for method in tree.nodes(*CALLABLES):
            rewrite = self._reindent(context, method, text_block_lines)
            if rewrite is not None:
                found.append(Site(context.key("indent", tree.line(method)), tree.line(method), ("indent", rewrite)))
        for arguments in tree.nodes("argument_list"):
            rewrite = self._split(context, arguments, text_block_lines)
            if rewrite is not None:
                line = tree.line(arguments)
                found.append(Site(context.key("split", line, arguments.start_point[1]), line, ("split", rewrite)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        kind, detail = site.payload
        if kind == "blank":
            return Application((_insert_above(context.tree, detail, b""),), "blank line", site.line)
        return Application((detail,), "split arguments over lines" if kind == "split" else "re-indented body",
                           site.line)

    def _split(self, context: Context, arguments: Node, skip_lines: set[int]) -> Rewrite | None:
        tree = context.tree
        items = arguments.named_children
        line = tree.line(arguments)
        if len(items) < 2 or tree.last_line(arguments) != line or line in skip_lines \
                or line in facts(context).comment_lines:
            return None
        start, end = _lines(tree, line, line)
        if not tree.text.data[start:end].endswith(b"\n"):
            return None
        indent = facts(context).indentation(line)
        inner = indent + facts(context).unit * 2
        newline = tree.text.newline.decode()
        head = tree.text.data[start:arguments.start_byte + 1].decode("utf-8")
        tail = tree.text.data[arguments.end_byte - 1:end].decode("utf-8").rstrip("\r\n")
        pieces = [head.rstrip()] + [f"{inner}{tree.code(item)}," for item in items[:-1]] + \
                 [f"{inner}{tree.code(items[-1])}{tail}"]
        return Rewrite(Splice(start, end, (newline.join(pieces) + newline).encode("utf-8")),
                       (tuple(range(len(pieces))),))

    def _reindent(self, context: Context, method: Node, skip_lines: set[int]) -> Rewrite | None:
        tree = context.tree
        body = method.child_by_field_name("body")
        if body is None or not _brace_layout(tree, body):
            return None
        first, last = tree.line(body) + 1, tree.last_line(body) - 1
        if first > last or any(first <= line <= last for line in skip_lines):
            return None
        base = facts(context).indentation(tree.last_line(body))
        unit = len(facts(context).unit)
        if "\t" in base or facts(context).unit == "\t":
            return None
        new_unit = 2 if unit == 4 else 4
        newline = tree.text.newline.decode()
        lines = []
        for line in range(first, last + 1):
            text = tree.text.line_bytes(line).decode("utf-8").rstrip("\r")
            stripped = text.lstrip(" ")
            extra = len(text) - len(stripped) - len(base)
            if not stripped or extra <= 0 or not text.startswith(base):
                lines.append(text)
                continue
            level, remainder = divmod(extra, unit)
            lines.append(base + " " * (new_unit * level + remainder) + stripped)
        start, end = _lines(tree, first, last)
        text = "".join(line + newline for line in lines).encode("utf-8")
        return Rewrite(Splice(start, end, text)) if text != tree.text.data[start:end] else None


class FunctionShuffle(Spm):
    """Methods, constructors and nested types reordered within their class; fields and initializer
    blocks (whose order matters) stay where they are."""

    not_applicable = "no class with two members that can be reordered"

    def sites(self, context: Context) -> list[Site]:
        found = []
        for index, blocks in enumerate(self._classes(context)):
            for block in blocks:
                name = context.tree.code(block[2].child_by_field_name("name")) \
                    if block[2].child_by_field_name("name") is not None else block[2].type
                found.append(Site(context.key("member", block[0], name), block[0], (index, blocks, block, name)))
        return found

    def _classes(self, context: Context) -> list[tuple[tuple[int, int, Node], ...]]:
        tree = context.tree
        result = []
        for body in tree.nodes(*MEMBER_BODIES):
            children = body.named_children
            blocks = []
            for position, member in enumerate(children):
                if member.type not in MOVABLE_MEMBERS:
                    continue
                if not (tree.starts_line(member) and tree.ends_line(member)):
                    blocks = []
                    break
                first = tree.line(member)
                back = position - 1
                while back >= 0 and children[back].type.endswith("comment") \
                        and tree.last_line(children[back]) == first - 1 and tree.starts_line(children[back]):
                    first = tree.line(children[back])
                    back -= 1
                blocks.append((first, tree.last_line(member), member))
            if len(blocks) >= 2:
                result.append(tuple(blocks))
        return result

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        orders: dict[int, list] = {}
        classes: dict[int, tuple] = {}
        swaps = []
        last_swap: dict[int, frozenset] = {}
        regions: dict[int, tuple[int, int]] = {}
        for site in ranked:
            if len(swaps) == strength:
                break
            index, blocks, block, name = site.payload
            region = (blocks[0][0], blocks[-1][1])
            if any(other != index and region[0] <= used[1] and used[0] <= region[1] for other, used in regions.items()):
                continue  # a nested class inside a class being reordered (or its outer class): one at a time
            regions[index] = region
            classes[index] = blocks
            order = orders.setdefault(index, list(blocks))
            partners = sorted((b for b in blocks if b is not block), key=lambda b: rank(0, f"{site.key}\x00{b[0]}"))
            partner = next((b for b in partners if frozenset((block[0], b[0])) != last_swap.get(index)), None)
            if partner is None:
                continue
            i, j = order.index(block), order.index(partner)
            order[i], order[j] = order[j], order[i]
            last_swap[index] = frozenset((block[0], partner[0]))
            swaps.append((index, block, partner, name))
        rewrites = {index: self._reorder(context, classes[index], orders[index]) for index in orders}
        applications = []
        for position, (index, block, partner, name) in enumerate(swaps):
            own = (rewrites[index],) if rewrites[index] is not None and all(
                later[0] != index for later in swaps[position + 1:]) else ()
            other = context.tree.code(partner[2].child_by_field_name("name")) \
                if partner[2].child_by_field_name("name") is not None else partner[2].type
            applications.append(Application(own, f"swapped {name} and {other}", block[0]))
        return applications

    def _reorder(self, context: Context, blocks: tuple, order: list) -> Rewrite | None:
        return reorder_blocks(context.tree.text, [(first, last) for first, last, _ in blocks],
                              [blocks.index(block) for block in order])


SPMS: dict[str, type[Spm]] = {
    "misleading_comments": MisleadingComments,
    "misleading_names": MisleadingNames,
    "dead_code": DeadCode,
    "function_shuffle": FunctionShuffle,
    "rename_functions": RenameFunctions,
    "loop_rewrite": LoopRewrite,
    "swap_if_else": SwapIfElse,
    "reformat": Reformat,
    "strip_comments": StripComments,
    "fault_comment": FaultComment,
    "decoy": Decoy,
}
