"""Dead code: never-executed blocks behind side-effect-free false guards holding the program's own
statements (``dead_code``) or an imitation of the fault (``decoy``); for Python and Java.

Python: dead code never binds a new name in a function (that would change its scoping). Java:
the block must still compile under javac's rules: only names in scope and definitely assigned, no
assignment to finals, a call or ``new`` only inside every ``try`` around the statement copied."""

from __future__ import annotations

import ast
import re
from abc import abstractmethod

import libcst as cst
from libcst.metadata import FunctionScope

from flipbench.corpora import modifier_words
from flipbench.mutators.content import ContentRequest
from flipbench.mutators.faults import proposals
from flipbench.mutators.java_tree import JavaTree, declaration_covers, names_available, node_key, read_identifiers
from flipbench.mutators.rewrites import insert_above
from flipbench.mutators.sampling import rank
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spms.base import Application, Context, Rejection, Site, Spm
from flipbench.mutators.spms.java_facts import CALLABLES, JavaFacts, JavaStatement, Node
from flipbench.mutators.spms.python_facts import PythonFacts, PythonStatement


def _imitations_by_line(context: Context) -> dict[int, list[Splice]]:
    """What a decoy imitates: the fault operator's own one-line proposals in this tree, by line (none for
    ``misplaced_return``, whose decoy is a return of its own)."""
    by_line: dict[int, list[Splice]] = {}
    if context.fault != "misplaced_return":
        for splice in proposals(context.tree, (context.fault,))[context.fault]:
            if b"\n" not in splice.text:
                by_line.setdefault(context.tree.text.line_of(splice.start), []).append(splice)
    return by_line


class _Decoy(Spm):
    """Dead code next to a non-fault statement holding a copy of it with the fault's kind of bug,
    to draw attention away from the real fault."""

    not_applicable = "no statement near which the fault's kind of bug can be imitated"

    def sites(self, context: Context) -> list[Site]:
        if context.fault is None or context.fault == "removed_statement":
            return []
        return self.imitation_sites(context, _imitations_by_line(context))

    @abstractmethod
    def imitation_sites(self, context: Context, by_line: dict[int, list[Splice]]) -> list[Site]:
        """Statements that can be copied with one of ``by_line``'s proposals applied (any, for
        ``misplaced_return``)."""


# -- Python ------------------------------------------------------------------------------------------

_PYTHON_GUARDS = ("False", "0", "None", "not True", "1 > 2", "0 == 1", "()", "[]", '""', "len(()) > 0",
           "isinstance(None, int)")


class _DeadCodeRules:
    """What a never-executed block may contain without changing the function around it."""

    FORBIDDEN = (ast.Yield, ast.YieldFrom, ast.Await, ast.Global, ast.Nonlocal, ast.Import, ast.ImportFrom,
                 ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.NamedExpr, ast.Delete)

    @staticmethod
    def check(snippet: str, local_names: frozenset[str], in_loop: bool) -> str | None:
        try:
            module = ast.parse(snippet)
        except SyntaxError as error:
            return f"does not parse: {error.msg}"
        for node in ast.walk(module):
            if isinstance(node, _DeadCodeRules.FORBIDDEN):
                return f"{type(node).__name__.lower()} would change the enclosing function even if never run"
            if isinstance(node, (ast.Break, ast.Continue)) and not in_loop:
                return f"{type(node).__name__.lower()} outside a loop"
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in local_names:
                return f"assigning {node.id!r} would make it local to the function"
        return None


def _local_names(context: Context, function: cst.FunctionDef) -> frozenset[str]:
    scope = PythonFacts.of(context).scopes.get(function.body.body[0]) if function.body.body else None
    if not isinstance(scope, FunctionScope):
        return frozenset()
    return frozenset(assignment.name for assignment in scope.assignments)


def _copyable_statements(context: Context, function: cst.FunctionDef) -> list[cst.SimpleStatementLine]:
    tree = context.tree
    found = []
    for statement in PythonFacts.of(context).statements:
        node = statement.node
        if statement.function is not function or not isinstance(node, cst.SimpleStatementLine) \
                or len(node.body) != 1 or tree.positions[node].start.line != tree.positions[node].end.line:
            continue
        if isinstance(node.body[0], (cst.Assign, cst.AugAssign, cst.Return)) or (
                isinstance(node.body[0], cst.Expr) and isinstance(node.body[0].value, cst.Call)):
            found.append(node)
    return found


def _python_guard(context: Context, key: str) -> str:
    shadowed = PythonFacts.of(context).names & {"len", "isinstance"}
    guards = [g for g in _PYTHON_GUARDS if not any(name in g for name in shadowed)]
    return guards[int.from_bytes(rank(0, key)[:4], "big") % len(guards)]


def _python_dead_block(context: Context, line: int, guard: str, body: str) -> bytes:
    indent = PythonFacts.of(context).indentation(line)
    unit = PythonFacts.of(context).unit
    return f"{indent}if {guard}:{context.tree.text.newline.decode()}{indent}{unit}{body}".encode()


class PythonDeadCode(Spm):
    """A never-executed block (``if False:`` and less obvious always-false guards without side effects)
    holding a statement of the same function, inserted at a statement boundary."""

    not_applicable = "no statement inside a function"

    def sites(self, context: Context) -> list[Site]:
        return [Site(context.key("dead", context.tree.line(s.node)), context.tree.line(s.node), s)
                for s in PythonFacts.of(context).statements if s.function is not None]

    def rewrite(self, context: Context, site: Site) -> Application | None:
        statement: PythonStatement = site.payload
        own = context.tree.code(statement.node)
        candidates = [context.tree.code(node) for node in _copyable_statements(context, statement.function)]
        options = tuple(code for code in candidates if code != own) or tuple(candidates) or ("pass",)
        request = ContentRequest("dead_code", "python", site.key, own, options=options)
        local_names = _local_names(context, statement.function)
        text = context.ask(request, lambda code: _DeadCodeRules.check(code, local_names, statement.in_loop)
                           or ("dead code must be one line" if "\n" in code.strip() else None))
        if text is None:
            return None
        guard = _python_guard(context, site.key)
        block = _python_dead_block(context, site.line, guard, text.strip())
        return Application((insert_above(context.tree.text, site.line, block),),
                           f"dead code: if {guard}: {text.strip()}", site.line)


class PythonDecoy(_Decoy):
    def imitation_sites(self, context: Context, by_line: dict[int, list[Splice]]) -> list[Site]:
        tree = context.tree
        found = []
        for statement in PythonFacts.of(context).statements:
            node, line = statement.node, tree.line(statement.node)
            if statement.function is None or line in context.fault_lines or not isinstance(
                    node, cst.SimpleStatementLine) or len(node.body) != 1:
                continue
            if tree.positions[node].start.line != tree.positions[node].end.line:
                continue
            start, end = tree.span(node)
            if context.fault == "misplaced_return":
                found.append(Site(context.key("decoy", line), line, (statement, None)))
                continue
            inside = [s for s in by_line.get(line, []) if start <= s.start and s.end <= end]
            if inside:
                found.append(Site(context.key("decoy", line), line, (statement, inside)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        statement, splices = site.payload
        node = statement.node
        if splices is None:
            returns = [s.node.body[0] for s in PythonFacts.of(context).statements
                       if s.function is statement.function and isinstance(s.node, cst.SimpleStatementLine)
                       and isinstance(s.node.body[0], cst.Return) and s.node.body[0].value is not None]
            if not returns:
                return None
            copy = tree.code(returns[int.from_bytes(rank(0, site.key)[:4], "big") % len(returns)])
        else:
            splice = splices[int.from_bytes(rank(0, site.key)[:4], "big") % len(splices)]
            start, end = tree.span(node)
            data = tree.text.data
            copy = (data[start:splice.start] + splice.text + data[splice.end:end]).decode("utf-8")
        reason = _DeadCodeRules.check(copy, _local_names(context, statement.function), statement.in_loop)
        if reason is not None:
            context.rejections.append(Rejection(site.key, f"decoy {copy!r} rejected: {reason}"))
            return None
        guard = _python_guard(context, site.key)
        return Application((insert_above(tree.text, site.line, _python_dead_block(context, site.line, guard, copy)),),
                           f"decoy: if {guard}: {copy}", site.line)


# -- Java ------------------------------------------------------------------------------------------

_CONSTANT_GUARDS = ("false", "1 > 2", "0 == 1", "!true")
_LIBRARY_GUARDS = ("Integer.MAX_VALUE < 0", "\"\".length() > 0", "Math.abs(0) > 0")


def _redefined_names(tree: JavaTree) -> frozenset[str]:
    """Names the file gives meanings of its own (types it declares or imports, its variables),
    which may hide the ``java.lang`` classes of the same name."""
    types = {tree.code(n.child_by_field_name("name")) for n in tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    imported = {tree.code(n).rstrip(";").split(".")[-1].strip() for n in tree.nodes("import_declaration")}
    return frozenset(types | imported | tree.declared_names)


def _java_guards(context: Context) -> tuple[str, ...]:
    shadowed = JavaFacts.of(context).identifiers & {"Integer", "Math", "String"}
    declared = {context.tree.code(n.child_by_field_name("name")) for n in context.tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    library = tuple(g for g in _LIBRARY_GUARDS if not any(name in g for name in shadowed & declared))
    return _CONSTANT_GUARDS + library


def _java_dead_block(context: Context, line: int, guard: str, body: str) -> bytes:
    indent = JavaFacts.of(context).indentation(line)
    unit = JavaFacts.of(context).unit
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
    return [s.node for s in JavaFacts.of(context).statements
            if s.method is not None and node_key(s.method) == node_key(method)
            and context.tree.line(s.node) == context.tree.last_line(s.node)
            and _dead_code_problem(context.tree, s.node, method, offset) is None]


def _dead_sites(context: Context, kind: str) -> list[tuple[Site, JavaStatement]]:
    tree, found = context.tree, []
    for statement in JavaFacts.of(context).statements:
        node = statement.node
        if statement.method is None or node.type == "explicit_constructor_invocation":
            continue
        if tree.callable_of(node) is None or tree.callable_of(node).type == "lambda_expression":
            continue
        line = tree.line(node)
        found.append((Site(context.key(kind, line), line, statement), statement))
    return found


class JavaDeadCode(Spm):
    """A never-executed ``if (false) { ... }`` (or a less obvious always-false guard) holding a statement
    of the same method that compiles at the insertion point."""

    not_applicable = "no statement inside a method"

    def sites(self, context: Context) -> list[Site]:
        return [site for site, _ in _dead_sites(context, "dead")]

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        statement: JavaStatement = site.payload
        offset = statement.node.start_byte
        own = tree.code(statement.node)
        candidates = [tree.code(node) for node in _copyable(context, statement.method, offset)]
        options = tuple(code for code in candidates if code != own) or tuple(candidates)
        request = ContentRequest("dead_code", "java", site.key, own, options=options)
        guards = _java_guards(context)
        guard = guards[int.from_bytes(rank(0, site.key)[:4], "big") % len(guards)]

        def check(code: str) -> str | None:
            if code in options:
                return None  # a statement of this method already checked at this point
            return _external_dead_code_problem(tree, site.line, _java_dead_block(context, site.line, guard, code.strip()))

        text = context.ask(request, check)
        if text is None:
            return None
        block = _java_dead_block(context, site.line, guard, text.strip())
        return Application((insert_above(tree.text, site.line, block),),
                           f"dead code: if ({guard}) {{ {text.strip()} }}", site.line)


def _external_dead_code_problem(tree: JavaTree, line: int, block: bytes) -> str | None:
    """Check a dead-code block written elsewhere in place: insert it, re-parse, apply the same rules."""
    if block.count(b"\n") != 2:
        return "dead code must be one line"
    insertion = insert_above(tree.text, line, block).splice
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


class JavaDecoy(_Decoy):
    def imitation_sites(self, context: Context, by_line: dict[int, list[Splice]]) -> list[Site]:
        tree = context.tree
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
        guards = _java_guards(context)
        guard = guards[int.from_bytes(rank(0, site.key + "guard")[:4], "big") % len(guards)]
        return Application((insert_above(tree.text, site.line, _java_dead_block(context, site.line, guard, copy)),),
                           f"decoy: if ({guard}) {{ {copy} }}", site.line)
