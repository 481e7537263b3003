"""Semantic-preserving mutations for Python, on libcst trees with byte-exact rewrites.

Each class is one SPM: ``sites`` says where it could apply, ``rewrite`` (or ``apply``) how.
Every rule that keeps behaviour is local and stated where it is enforced: dead code never binds
a new name in a function (that would change the function's scoping), renames follow libcst's
scope analysis and skip anything reachable by name from outside, reordering skips anything whose
definition-time evaluation order could matter.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import libcst as cst
from libcst.metadata import FunctionScope, ScopeProvider

from flipbench.mutators import python_faults
from flipbench.mutators.content import ContentRequest, validate_comment, validate_identifier
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.rewrites import Rewrite, reorder_blocks
from flipbench.mutators.sampling import rank
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spm import Application, Context, Rejection, Site, Spm, apply_renames

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
_DYNAMIC_SCOPE_CALLS = frozenset({"eval", "exec", "locals", "vars", "globals", "dir", "__import__"})
_PURE_DECORATORS = frozenset({"staticmethod", "classmethod", "abstractmethod", "cache", "lru_cache",
                              "cached_property"})
_GUARDS = ("False", "0", "None", "not True", "1 > 2", "0 == 1", "()", "[]", '""', "len(()) > 0",
           "isinstance(None, int)")
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=]")


@dataclass(frozen=True)
class Statement:
    """A statement that starts its own line, with where it lives."""

    node: cst.BaseStatement
    function: cst.FunctionDef | None
    in_loop: bool


class _StatementIndex(cst.CSTVisitor):
    def __init__(self, tree: PythonTree) -> None:
        super().__init__()
        self.tree = tree
        self.found: list[Statement] = []
        self.functions: list[cst.FunctionDef | None] = [None]
        self.loops: list[int] = [0]

    def _add(self, node: cst.BaseStatement) -> None:
        if self.tree.starts_line(node):
            self.found.append(Statement(node, self.functions[-1], self.loops[-1] > 0))

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._add(node)

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseCompoundStatement):
            parent = self.tree.parents.get(node)
            if not (isinstance(node, cst.If) and isinstance(parent, cst.If)):  # not an `elif`
                self._add(node)
        if isinstance(node, cst.FunctionDef):
            self.functions.append(node)
            self.loops.append(0)
        elif isinstance(node, (cst.ClassDef, cst.Lambda)):
            self.functions.append(None)
            self.loops.append(0)
        elif isinstance(node, (cst.For, cst.While)):
            self.loops[-1] += 1
        return super().on_visit(node)

    def on_leave(self, node: cst.CSTNode) -> None:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            self.functions.pop()
            self.loops.pop()
        elif isinstance(node, (cst.For, cst.While)):
            self.loops[-1] -= 1
        super().on_leave(node)


class _Facts:
    """Facts about one parsed program that several SPMs need, computed once per step."""

    def __init__(self, tree: PythonTree) -> None:
        self.tree = tree

    @cached_property
    def statements(self) -> list[Statement]:
        index = _StatementIndex(self.tree)
        self.tree.module.visit(index)
        return index.found

    @cached_property
    def names(self) -> frozenset[str]:
        """Every identifier in the module: new names must differ from all of them."""
        return frozenset(node.value for node in self.tree.parents if isinstance(node, cst.Name))

    @cached_property
    def unit(self) -> str:
        """The file's indentation unit (four spaces unless the file says otherwise)."""
        for line in self.tree.text.text.split("\n"):
            stripped = line.lstrip(" \t")
            if stripped and not stripped.startswith("#") and line != stripped:
                whitespace = line[: len(line) - len(stripped)]
                return "\t" if whitespace.startswith("\t") else " " * len(whitespace)
        return "    "

    @cached_property
    def strings(self) -> str:
        """Text of every string literal, to spot names used by reflection."""
        return "\n".join(self.tree.code(node) for node in self.tree.parents if isinstance(node, cst.SimpleString))

    @cached_property
    def multi_line_string_lines(self) -> frozenset[int]:
        """Lines inside (or continuing) a string literal that spans lines: their whitespace is data."""
        lines: set[int] = set()
        for node in self.tree.parents:
            if isinstance(node, (cst.SimpleString, cst.FormattedString)):
                first, last = self.tree.positions[node].start.line, self.tree.positions[node].end.line
                if last > first:
                    lines.update(range(first, last + 1))
        return frozenset(lines)

    @cached_property
    def dynamic_scopes(self) -> bool:
        return any(isinstance(node, cst.Call) and isinstance(node.func, cst.Name)
                   and node.func.value in _DYNAMIC_SCOPE_CALLS for node in self.tree.parents)

    @cached_property
    def scopes(self):
        return self.tree.wrapper.resolve(ScopeProvider)

    def indentation(self, line: int) -> str:
        return self.tree.text.indentation(line).decode("utf-8")

    def first_line(self, node: cst.CSTNode) -> str:
        return self.tree.text.line_bytes(self.tree.line(node)).decode("utf-8")


_FACTS: dict[int, _Facts] = {}


def facts(context: Context) -> _Facts:
    """Per-tree facts, shared by the SPMs of one step (keyed by the tree's identity)."""
    tree = context.tree
    cached = _FACTS.get(id(tree))
    if cached is None or cached.tree is not tree:
        _FACTS.clear()
        cached = _FACTS[id(tree)] = _Facts(tree)
    return cached


def _comment_line(indent: str, text: str) -> bytes:
    return f"{indent}# {text}".encode()


def _insert_above(tree: PythonTree, line: int, text: bytes) -> Rewrite:
    offset = tree.text.line_starts[line - 1]
    return Rewrite(Splice(offset, offset, text + tree.text.newline))


def _line_end(tree: PythonTree, line: int) -> int:
    """Offset of the end of a line's text (before its newline)."""
    starts = tree.text.line_starts
    end = starts[line] - 1 if line < len(starts) else len(tree.text.data)
    if end > 0 and tree.text.data[end - 1:end] == b"\r":
        end -= 1
    return end


def _trailing_comment_site(tree: PythonTree, node: cst.SimpleStatementLine) -> int | None:
    """Offset after a simple statement's code where ``  # ...`` can go, if nothing else is on that line."""
    if node.trailing_whitespace.comment is not None:
        return None
    _, end = tree.span(node)
    line = tree.text.line_of(end)
    rest = tree.text.data[end:_line_end(tree, line)]
    return end if not rest.strip() else None


def _is_negation(test: cst.BaseExpression) -> bool:
    """``not c``, which :func:`_negation` negates by taking the ``not`` away."""
    return isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and not test.lpar


def _negation(tree: PythonTree, test: cst.BaseExpression) -> str:
    if _is_negation(test):
        return tree.code(test.expression, outer=True)
    if isinstance(test, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) or test.lpar:
        return f"not {tree.code(test, outer=True)}"
    return f"not ({tree.code(test)})"


# -- comments ------------------------------------------------------------------------------------

class MisleadingComments(Spm):
    """A comment that plausibly misdescribes the code next to it: on its own line above a statement,
    or at the end of a simple statement's line."""

    not_applicable = "no statement to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in facts(context).statements:
            line = tree.line(statement.node)
            found.append(Site(context.key("above", line), line, ("above", statement.node)))
            if isinstance(statement.node, cst.SimpleStatementLine):
                offset = _trailing_comment_site(tree, statement.node)
                if offset is not None:
                    end_line = tree.text.line_of(offset)
                    found.append(Site(context.key("end", end_line), end_line, ("end", statement.node, offset)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        where, node = site.payload[0], site.payload[1]
        request = ContentRequest("comment", "python", site.key, facts(context).first_line(node))
        text = context.ask(request, lambda comment: validate_comment(comment, "python"))
        if text is None:
            return None
        if where == "above":
            line = tree.line(node)
            return Application((_insert_above(tree, line, _comment_line(facts(context).indentation(line), text)),),
                               f"comment above: # {text}", line)
        offset = site.payload[2]
        return Application((Rewrite(Splice(offset, offset, f"  # {text}".encode())),), f"comment: # {text}", site.line)


class FaultComment(Spm):
    """A comment on or above a fault line asserting that the line is correct."""

    not_applicable = "no fault line to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        ends = {}
        for statement in facts(context).statements:
            if isinstance(statement.node, cst.SimpleStatementLine):
                offset = _trailing_comment_site(tree, statement.node)
                if offset is not None:
                    ends[tree.text.line_of(offset)] = offset
        for line in context.fault_lines:
            if not tree.text.line_bytes(line).strip():
                continue
            found.append(Site(context.key("fault-above", line), line, ("above", line)))
            if line in ends:
                found.append(Site(context.key("fault-end", line), line, ("end", ends[line])))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        line = site.line
        request = ContentRequest("fault_comment", "python", site.key, tree.text.line_bytes(line).decode(), context.fault)
        text = context.ask(request, lambda comment: validate_comment(comment, "python"))
        if text is None:
            return None
        if site.payload[0] == "above":
            indent = facts(context).indentation(line)
            return Application((_insert_above(tree, line, _comment_line(indent, text)),), f"comment above fault: # {text}",
                               line)
        offset = site.payload[1]
        return Application((Rewrite(Splice(offset, offset, f"  # {text}".encode())),), f"comment on fault: # {text}",
                           line)


class StripComments(Spm):
    """Comments and docstrings removed (never a coding declaration, never a fault line, never a
    docstring the program reads through ``__doc__``)."""

    not_applicable = "no comment or removable docstring"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        data = tree.text.data
        for node in tree.parents:
            if not isinstance(node, cst.Comment):
                continue
            start, end = tree.span(node)
            line = tree.text.line_of(start)
            if line in context.fault_lines or (line <= 2 and (data.startswith(b"#!", start) or _CODING.match(
                    tree.text.line_bytes(line)))):
                continue
            line_start = tree.text.line_starts[line - 1]
            if not data[line_start:start].strip():
                line_end = tree.text.line_starts[line] if line < len(tree.text.line_starts) else len(data)
                found.append(Site(context.key("comment-line", line), line, Splice(line_start, line_end, b"")))
            else:
                code_end = len(data[:start].rstrip(b" \t"))
                found.append(Site(context.key("comment", line), line, Splice(code_end, end, b"")))
        if "__doc__" not in tree.text.text and "getdoc" not in tree.text.text:
            for body in self._bodies(tree):
                docstring = _docstring(body)
                if docstring is None or len(body) < 2 or not tree.starts_line(docstring):
                    continue
                first, last = tree.positions[docstring].start.line, tree.positions[docstring].end.line
                if any(first <= fault <= last for fault in context.fault_lines):
                    continue
                found.append(Site(context.key("docstring", first), first, tree.delete_lines(docstring)))
        return found

    @staticmethod
    def _bodies(tree: PythonTree):
        yield tree.module.body
        for node in tree.parents:
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and isinstance(node.body, cst.IndentedBlock):
                yield node.body.body

    def rewrite(self, context: Context, site: Site) -> Application | None:
        splice: Splice = site.payload
        removed = context.tree.text.data[splice.start:splice.end].decode("utf-8").strip()
        return Application((Rewrite(splice),), f"removed: {removed[:60]}", site.line)


def _docstring(body) -> cst.SimpleStatementLine | None:
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1 \
            and isinstance(body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, _STRINGS):
        return body[0]
    return None


# -- dead code -----------------------------------------------------------------------------------

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
    scope = facts(context).scopes.get(function.body.body[0]) if function.body.body else None
    if not isinstance(scope, FunctionScope):
        return frozenset()
    return frozenset(assignment.name for assignment in scope.assignments)


def _copyable_statements(context: Context, function: cst.FunctionDef) -> list[cst.SimpleStatementLine]:
    tree = context.tree
    found = []
    for statement in facts(context).statements:
        node = statement.node
        if statement.function is not function or not isinstance(node, cst.SimpleStatementLine) \
                or len(node.body) != 1 or tree.positions[node].start.line != tree.positions[node].end.line:
            continue
        if isinstance(node.body[0], (cst.Assign, cst.AugAssign, cst.Return)) or (
                isinstance(node.body[0], cst.Expr) and isinstance(node.body[0].value, cst.Call)):
            found.append(node)
    return found


def _guard(context: Context, key: str) -> str:
    shadowed = facts(context).names & {"len", "isinstance"}
    guards = [g for g in _GUARDS if not any(name in g for name in shadowed)]
    return guards[int.from_bytes(rank(0, key)[:4], "big") % len(guards)]


def _dead_block(context: Context, line: int, guard: str, body: str) -> bytes:
    indent = facts(context).indentation(line)
    unit = facts(context).unit
    return f"{indent}if {guard}:{context.tree.text.newline.decode()}{indent}{unit}{body}".encode()


class DeadCode(Spm):
    """A never-executed block (``if False:`` and less obvious always-false guards without side effects)
    holding a statement of the same function, inserted at a statement boundary."""

    not_applicable = "no statement inside a function"

    def sites(self, context: Context) -> list[Site]:
        return [Site(context.key("dead", context.tree.line(s.node)), context.tree.line(s.node), s)
                for s in facts(context).statements if s.function is not None]

    def rewrite(self, context: Context, site: Site) -> Application | None:
        statement: Statement = site.payload
        own = context.tree.code(statement.node)
        candidates = [context.tree.code(node) for node in _copyable_statements(context, statement.function)]
        options = tuple(code for code in candidates if code != own) or tuple(candidates) or ("pass",)
        request = ContentRequest("dead_code", "python", site.key, own, options=options)
        local_names = _local_names(context, statement.function)
        text = context.ask(request, lambda code: _DeadCodeRules.check(code, local_names, statement.in_loop)
                           or ("dead code must be one line" if "\n" in code.strip() else None))
        if text is None:
            return None
        guard = _guard(context, site.key)
        block = _dead_block(context, site.line, guard, text.strip())
        return Application((_insert_above(context.tree, site.line, block),), f"dead code: if {guard}: {text.strip()}",
                           site.line)


class Decoy(Spm):
    """Dead code next to a non-fault statement holding a copy of it with the fault's kind of bug,
    to draw attention away from the real fault."""

    not_applicable = "no statement near which the fault's kind of bug can be imitated"

    def sites(self, context: Context) -> list[Site]:
        if context.fault is None or context.fault == "removed_statement":
            return []
        tree = context.tree
        by_line: dict[int, list[Splice]] = {}
        if context.fault != "misplaced_return":
            finder = python_faults.FINDERS[context.fault]
            for splice in python_faults.find_all(tree, {context.fault: finder})[context.fault]:
                if b"\n" not in splice.text:
                    by_line.setdefault(tree.text.line_of(splice.start), []).append(splice)
        found = []
        for statement in facts(context).statements:
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
            returns = [s.node.body[0] for s in facts(context).statements
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
        guard = _guard(context, site.key)
        return Application((_insert_above(tree, site.line, _dead_block(context, site.line, guard, copy)),),
                           f"decoy: if {guard}: {copy}", site.line)


# -- names ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Variable:
    function: cst.FunctionDef
    name: str
    nodes: tuple[cst.Name, ...]


class MisleadingNames(Spm):
    """Scope-aware renaming of local variables and parameters to names that suggest another role,
    or swapping the names of two variables of one function."""

    not_applicable = "no local variable or parameter that can be renamed safely"

    def sites(self, context: Context) -> list[Site]:
        found = []
        by_function: dict[int, list[_Variable]] = {}
        for variable in self._variables(context):
            line = context.tree.line(variable.nodes[0])
            found.append(Site(context.key("name", line, variable.name), line, (variable,)))
            by_function.setdefault(id(variable.function), []).append(variable)
        for variables in by_function.values():
            inner = self._bound_in_nested_scopes(context, variables[0].function)
            for first, second in zip(variables, variables[1:]):
                if first.name in inner or second.name in inner:
                    continue  # after the swap an inner binding would capture a reference to the other variable
                line = context.tree.line(first.nodes[0])
                found.append(Site(context.key("swap", line, first.name, second.name), line, (first, second)))
        return found

    @staticmethod
    def _bound_in_nested_scopes(context: Context, function: cst.FunctionDef) -> set[str]:
        """Names bound in comprehensions, lambdas and functions nested in ``function``."""
        own = facts(context).scopes.get(function.body.body[0])
        names: set[str] = set()
        for scope in set(facts(context).scopes.values()):
            parent = getattr(scope, "parent", None)
            while parent is not None and parent is not own and parent is not getattr(parent, "parent", None):
                parent = parent.parent
            if parent is own and scope is not own:
                names.update(assignment.name for assignment in scope.assignments)
        return names

    def _variables(self, context: Context) -> list[_Variable]:
        tree = context.tree
        if facts(context).dynamic_scopes:
            return []
        keywords = {node.keyword.value for node in tree.parents if isinstance(node, cst.Arg) and node.keyword}
        declared = {name.value for node in tree.parents if isinstance(node, (cst.Global, cst.Nonlocal))
                    for name in (item.name for item in node.names)}
        variables = []
        for function in (node for node in tree.parents if isinstance(node, cst.FunctionDef)):
            if not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
                continue
            scope = facts(context).scopes.get(function.body.body[0])
            if not isinstance(scope, FunctionScope):
                continue
            parameters = [p.name.value for p in (*function.params.posonly_params, *function.params.params,
                                                 *function.params.kwonly_params)]
            first_parameter = parameters[0] if parameters and isinstance(tree.enclosing(function, *_SCOPES),
                                                                          cst.ClassDef) else None
            grouped: dict[str, list] = {}
            for assignment in scope.assignments:
                grouped.setdefault(assignment.name, []).append(assignment)
            for name, assignments in sorted(grouped.items()):
                if name in declared or name == first_parameter or name.startswith("__"):
                    continue
                nodes: dict[tuple[int, int], cst.Name] = {}
                renameable = True
                for assignment in assignments:
                    binder = assignment.node
                    if isinstance(binder, cst.Param):
                        if name in keywords or name in context.protected_names and not _private(function.name.value):
                            renameable = False
                        binder = binder.name
                    if not isinstance(binder, cst.Name):
                        renameable = False  # bound by an import, a def or a class: leave it
                        break
                    nodes[tree.span(binder)] = binder
                    for reference in assignment.references:
                        if not isinstance(reference.node, cst.Name):
                            renameable = False
                            break
                        nodes[tree.span(reference.node)] = reference.node
                if renameable and nodes:
                    ordered = tuple(node for _, node in sorted(nodes.items(), key=lambda item: item[0]))
                    variables.append(_Variable(function, name, ordered))
        # libcst resolves the read in an inner function's `x = x + 1` to the inner `x` and to an
        # outer `x` as well: a name claimed by two variables is renamed with neither.
        claims = Counter(id(node) for variable in variables for node in variable.nodes)
        return [v for v in variables if all(claims[id(node)] == 1 for node in v.nodes)]

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        return apply_renames(context, ranked, strength, language="python",
                             taken=set(facts(context).names) | context.protected_names,
                             scope_of=lambda variable: id(variable.function))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


class RenameFunctions(Spm):
    """Functions and methods renamed to misleading names with every call site updated, only where no
    caller outside the file (the program's tests included) and no override can be affected."""

    not_applicable = "no function or method that only this file calls"

    def sites(self, context: Context) -> list[Site]:
        tree = context.tree
        if facts(context).dynamic_scopes:
            return []
        found = []
        has_tests = bool(context.protected_names)
        attributes: dict[str, list[cst.Attribute]] = {}
        definitions: dict[str, int] = {}
        for node in tree.parents:
            if isinstance(node, cst.Attribute):
                attributes.setdefault(node.attr.value, []).append(node)
            elif isinstance(node, cst.FunctionDef):
                definitions[node.name.value] = definitions.get(node.name.value, 0) + 1
        for function in tree.module.body:
            if isinstance(function, cst.FunctionDef):
                nodes = self._module_function(context, function, has_tests, attributes, definitions)
                if nodes:
                    found.append(self._site(context, function, nodes))
            elif isinstance(function, cst.ClassDef) and isinstance(function.body, cst.IndentedBlock):
                for method in function.body.body:
                    if isinstance(method, cst.FunctionDef):
                        nodes = self._method(context, function, method, has_tests, attributes, definitions)
                        if nodes:
                            found.append(self._site(context, method, nodes))
        return found

    def _site(self, context: Context, function: cst.FunctionDef, nodes: list[cst.Name]) -> Site:
        line = context.tree.line(function.name)
        return Site(context.key("function", line, function.name.value), line, (function.name.value, tuple(nodes)))

    def _renameable_name(self, context: Context, name: str, has_tests: bool, definitions: dict[str, int]) -> bool:
        return (not name.startswith("__") and definitions.get(name) == 1 and name not in context.protected_names
                and (has_tests or _private(name)) and re.search(rf"\b{re.escape(name)}\b", facts(context).strings) is None)

    def _module_function(self, context, function, has_tests, attributes, definitions) -> list[cst.Name]:
        name = function.name.value
        if not self._renameable_name(context, name, has_tests, definitions) or name in attributes:
            return []
        scope = facts(context).scopes.get(function)
        assignments = [a for a in scope.assignments if a.name == name] if scope is not None else []
        if len(assignments) != 1 or assignments[0].node is not function:
            return []
        references = [r.node for r in assignments[0].references]
        if not all(isinstance(node, cst.Name) for node in references):
            return []
        return [function.name, *references]

    def _method(self, context, cls, method, has_tests, attributes, definitions) -> list[cst.Name]:
        name = method.name.value
        bases = [arg for arg in cls.bases if not (isinstance(arg.value, cst.Name) and arg.value.value == "object")]
        if bases or method.decorators or not self._renameable_name(context, name, has_tests, definitions):
            return []
        receivers = {"self", "cls", cls.name.value}
        nodes = [method.name]
        for attribute in attributes.get(name, []):
            if not (isinstance(attribute.value, cst.Name) and attribute.value.value in receivers):
                return []
            if context.tree.enclosing(attribute, cst.ClassDef) is not cls:
                return []
            nodes.append(attribute.attr)
        if any(isinstance(node, cst.Name) and node.value == name and node not in nodes
               and not isinstance(context.tree.parents.get(node), cst.Attribute) for node in context.tree.parents):
            return []  # the bare name means something else somewhere
        return nodes

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        taken = set(facts(context).names) | context.protected_names
        applied = []
        for site in ranked[:strength * 4]:
            if len(applied) == strength:
                break
            old, nodes = site.payload
            request = ContentRequest("function_name", "python", site.key, old, taken=frozenset(taken))
            new = context.ask(request, lambda name: validate_identifier(name, "python", frozenset(taken)))
            if new is None:
                continue
            taken.add(new)
            applied.append(Application(tuple(Rewrite(context.tree.replace(node, new)) for node in nodes),
                                       f"renamed function {old} -> {new}", site.line))
        return applied


# -- control flow --------------------------------------------------------------------------------

class SwapIfElse(Spm):
    """``if c: A else: B`` becomes ``if not c: B else: A``."""

    not_applicable = "no if/else with both branches on their own lines"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.parents:
            if not isinstance(node, cst.If) or not isinstance(node.orelse, cst.Else):
                continue
            if not isinstance(node.body, cst.IndentedBlock) or not isinstance(node.orelse.body, cst.IndentedBlock):
                continue
            header = tree.line(node)
            if tree.positions[node.test].end.line != header or not tree.starts_line(node):
                continue
            else_line = tree.line(node.orelse)
            if not tree.starts_line(node.orelse) or node.orelse.body.header.comment is not None \
                    or tree.line(node.orelse.body.body[0]) <= else_line or tree.line(node.body.body[0]) <= header:
                continue
            if header in context.fault_lines and _is_negation(node.test):
                continue  # un-negating would erase fault-line code (after negated_condition: the fault itself)
            found.append(Site(context.key("swap-if", header), header, (node, else_line)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        node, else_line = site.payload
        header = site.line
        last = tree.positions[node].end.line
        starts = tree.text.line_starts
        begin = starts[header]
        end = starts[last] if last < len(starts) else len(tree.text.data)
        if not tree.text.data[begin:end].endswith(b"\n"):
            return None
        then_lines = list(range(header + 1, else_line))
        else_lines = list(range(else_line + 1, last + 1))
        new_order = else_lines + [else_line] + then_lines
        block = b"".join(tree.text.data[starts[line - 1]:starts[line] if line < len(starts) else len(tree.text.data)]
                         for line in new_order)
        position = {old: index for index, old in enumerate(new_order)}
        line_map = tuple((position[line],) for line in range(header + 1, last + 1))
        negated = Rewrite(tree.replace(node.test, _negation(tree, node.test), outer=bool(node.test.lpar)))
        return Application((negated, Rewrite(Splice(begin, end, block), line_map)),
                           f"swapped the branches of `if {tree.code(node.test)}`", header)


class LoopRewrite(Spm):
    """``for i in range(a, b):`` rewritten as the equivalent ``while`` loop, where provably equivalent:
    no ``continue``, ``i`` not assigned in the body nor used outside the loop, no ``else``."""

    not_applicable = "no range() loop that a while loop can replace exactly"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in facts(context).statements:
            node = statement.node
            if isinstance(node, cst.For) and statement.function is not None and self._convertible(context, node,
                                                                                                statement.function):
                line = tree.line(node)
                found.append(Site(context.key("for", line), line, node))
        return found

    def _convertible(self, context: Context, loop: cst.For, function: cst.FunctionDef) -> bool:
        tree = context.tree
        call = loop.iter
        if loop.orelse is not None or loop.asynchronous is not None or not isinstance(loop.target, cst.Name):
            return False
        if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "range"
                and 1 <= len(call.args) <= 2 and not any(a.keyword or a.star for a in call.args)):
            return False
        if "range" in facts(context).names - {"range"} or not isinstance(loop.body, cst.IndentedBlock):
            return False
        if tree.positions[loop].start.line != tree.line(loop.body.body[0]) - 1 - len(loop.body.body[0].leading_lines):
            return False  # the header must be one line
        name = loop.target.value
        loop_start, loop_end = tree.span(loop)
        for node in tree.parents:
            if isinstance(node, cst.Name) and node.value == name and node is not loop.target:
                start, _ = tree.span(node)
                inside_function = tree.span(function)[0] <= start < tree.span(function)[1]
                if inside_function and not loop_start <= start < loop_end:
                    return False  # the variable's final value would differ by one
        checker = _LoopBody(name)
        loop.body.visit(checker)
        stop = call.args[-1].value
        return checker.ok and not any(isinstance(n, cst.Name) and n.value == name for n in _walk(stop))

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        loop: cst.For = site.payload
        call: cst.Call = loop.iter
        name = loop.target.value
        start = tree.code(call.args[0].value, outer=True) if len(call.args) == 2 else "0"
        stop_node = call.args[-1].value
        indent = facts(context).indentation(site.line)
        body_indent = facts(context).indentation(tree.line(loop.body.body[0]))
        newline = tree.text.newline.decode()
        lines = [f"{indent}{name} = {start}"]
        if isinstance(stop_node, (cst.Integer, cst.Name)):
            stop = tree.code(stop_node, outer=True)
        else:
            stop = next(n for n in ("stop", "end", "limit", "bound", f"{name}_stop")
                        if validate_identifier(n, "python", facts(context).names) is None)
            lines.append(f"{indent}{stop} = {tree.code(stop_node, outer=True)}")
        header_text = tree.text.line_bytes(site.line).decode("utf-8").rstrip("\r")
        colon = header_text.index(":", header_text.index(" in "))
        lines.append(f"{indent}while {name} < {stop}:{header_text[colon + 1:]}")
        last = tree.positions[loop].end.line
        start, end = tree.text.line_starts[site.line - 1], (
            tree.text.line_starts[last] if last < len(tree.text.line_starts) else len(tree.text.data))
        body = tree.text.data[tree.text.line_starts[site.line]:end]
        if not body.endswith(b"\n"):
            return None
        increment = f"{body_indent}{name} += 1{newline}".encode()
        text = (newline.join(lines) + newline).encode() + body + increment
        header_lines = len(lines)
        body_count = last - site.line
        # the header becomes the initialisation, the condition and the increment
        line_map = ((*range(header_lines), header_lines + body_count),) + tuple(
            (header_lines + offset,) for offset in range(body_count))
        return Application((Rewrite(Splice(start, end, text), line_map),), f"for {name} in range(...) -> while loop",
                           site.line)


class _LoopBody(cst.CSTVisitor):
    """A loop body qualifies when it never continues this loop nor assigns its variable."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.ok = True
        self.depth = 0

    def visit_Continue(self, node: cst.Continue) -> None:
        if self.depth == 0:
            self.ok = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.For, cst.While)):
            self.depth += 1
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr, cst.AsName)):
            target = getattr(node, "target", None) or getattr(node, "name", None)
            if target is not None and any(isinstance(n, cst.Name) and n.value == self.name for n in _walk(target)):
                self.ok = False
        if isinstance(node, (cst.Global, cst.Nonlocal, cst.Del)):
            self.ok = False
        return super().on_visit(node)

    def on_leave(self, node: cst.CSTNode) -> None:
        if isinstance(node, (cst.For, cst.While)):
            self.depth -= 1
        super().on_leave(node)


def _walk(node: cst.CSTNode):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)


# -- layout --------------------------------------------------------------------------------------

class Reformat(Spm):
    """Layout only: a blank line above a statement, a call's arguments split over lines, or a function
    body re-indented with another width. Moves lines; the line map follows them."""

    not_applicable = "nothing to reformat"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in facts(context).statements:
            line = tree.line(statement.node)
            found.append(Site(context.key("blank", line), line, ("blank", line)))
            if isinstance(statement.node, cst.FunctionDef):
                rewrite = self._reindent(context, statement.node)
                if rewrite is not None:
                    found.append(Site(context.key("indent", line), line, ("indent", rewrite)))
        for node in tree.parents:
            if isinstance(node, cst.Call) and len(node.args) >= 2:
                rewrite = self._split(context, node)
                if rewrite is not None:
                    line = tree.line(node)
                    found.append(Site(context.key("split", line, tree.positions[node].start.column), line,
                                      ("split", rewrite)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        kind, detail = site.payload
        if kind == "blank":
            return Application((_insert_above(context.tree, detail, b""),), "blank line", site.line)
        return Application((detail,), "split arguments over lines" if kind == "split" else "re-indented body",
                           site.line)

    def _split(self, context: Context, call: cst.Call) -> Rewrite | None:
        tree = context.tree
        line = tree.line(call)
        if tree.positions[call].end.line != line or tree.enclosing(call, cst.FormattedString) is not None:
            return None
        statement = tree.enclosing(call, cst.SimpleStatementLine, cst.BaseCompoundStatement)
        if statement is None or tree.positions[statement].start.line != tree.positions[statement].end.line \
                and not isinstance(statement, cst.BaseCompoundStatement):
            return None
        if isinstance(statement, cst.BaseCompoundStatement) and tree.line(statement) != line:
            return None
        if any(tree.code(arg).count("#") for arg in call.args) or line in facts(context).multi_line_string_lines:
            return None
        start, end = tree.span(call)
        open_paren = tree.text.data.index(b"(", tree.span(call.func)[1] if not call.func.rpar else
                                          tree.outer_span(call.func)[1], end)
        line_start = tree.text.line_starts[line - 1]
        line_end = tree.text.line_starts[line] if line < len(tree.text.line_starts) else len(tree.text.data)
        indent = facts(context).indentation(line)
        inner = indent + facts(context).unit
        newline = tree.text.newline.decode()
        arguments = [tree.code(arg.value, outer=True) if not arg.keyword and not arg.star
                     else tree.code(arg).rstrip(", ") for arg in call.args]
        head = tree.text.data[line_start:open_paren + 1].decode("utf-8")
        tail = tree.text.data[end - 1:line_end].decode("utf-8")
        pieces = [head] + [f"{inner}{argument}," for argument in arguments[:-1]] + [f"{inner}{arguments[-1]}",
                                                                                   f"{indent}{tail.rstrip()}"]
        text = newline.join(piece.rstrip() for piece in pieces) + newline
        return Rewrite(Splice(line_start, line_end, text.encode("utf-8")), (tuple(range(len(pieces))),))

    def _reindent(self, context: Context, function: cst.FunctionDef) -> Rewrite | None:
        tree = context.tree
        if not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
            return None
        first_body = tree.line(function.body.body[0]) - len(function.body.body[0].leading_lines)
        last = tree.positions[function].end.line
        strings = facts(context).multi_line_string_lines
        if any(first_body <= line <= last for line in strings):
            return None
        base = facts(context).indentation(tree.line(function))
        body_indent = facts(context).indentation(tree.line(function.body.body[0]))
        unit = len(body_indent) - len(base)
        if "\t" in body_indent or unit <= 0:
            return None
        new_unit = 2 if unit == 4 else 4
        lines = []
        for line in range(first_body, last + 1):
            text = tree.text.line_bytes(line).decode("utf-8")
            stripped = text.lstrip(" ")
            whitespace = len(text) - len(stripped)
            if not stripped.strip() or "\t" in text[:whitespace] or not text.startswith(base):
                lines.append(text)
                continue
            extra = whitespace - len(base)
            level, remainder = divmod(extra, unit)
            lines.append(text if remainder or level == 0 else base + " " * (new_unit * level) + stripped)
        starts = tree.text.line_starts
        end = starts[last] if last < len(starts) else len(tree.text.data)
        newline = "\r\n" if tree.text.newline == b"\r\n" else "\n"
        text = "".join(line.rstrip("\r") + newline for line in lines)
        old = tree.text.data[starts[first_body - 1]:end]
        if not old.endswith(b"\n") or text.encode() == old:
            return None
        return Rewrite(Splice(starts[first_body - 1], end, text.encode("utf-8")))


class FunctionShuffle(Spm):
    """Functions and methods reordered within runs of adjacent definitions, where nothing evaluated at
    definition time (decorators, defaults) could observe the order."""

    not_applicable = "no two adjacent function definitions can be reordered safely"

    def sites(self, context: Context) -> list[Site]:
        found = []
        for run_index, run in enumerate(self._runs(context)):
            for function in run:
                line = context.tree.line(function)
                found.append(Site(context.key("function", line, function.name.value), line, (run_index, run, function)))
        return found

    def _runs(self, context: Context) -> list[tuple[cst.FunctionDef, ...]]:
        tree = context.tree
        bodies = [tree.module.body] + [node.body.body for node in tree.parents
                                       if isinstance(node, cst.ClassDef) and isinstance(node.body, cst.IndentedBlock)]
        runs = []
        for body in bodies:
            current: list[cst.FunctionDef] = []
            for statement in list(body) + [None]:
                if isinstance(statement, cst.FunctionDef) and self._movable(context, statement):
                    current.append(statement)
                    continue
                names = [f.name.value for f in current]
                if len(current) >= 2 and len(set(names)) == len(names) and not self._cross_references(current):
                    runs.append(tuple(current))
                current = []
        return runs

    def _movable(self, context: Context, function: cst.FunctionDef) -> bool:
        tree = context.tree
        for decorator in function.decorators:
            target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
            name = target.attr.value if isinstance(target, cst.Attribute) else getattr(target, "value", None)
            if name not in _PURE_DECORATORS or isinstance(decorator.decorator, cst.Call) and name != "lru_cache":
                return False
        evaluated = [p.default for p in (*function.params.posonly_params, *function.params.params,
                                         *function.params.kwonly_params) if p.default is not None]
        if any(isinstance(n, cst.Call) for e in evaluated for n in _walk(e)):
            return False
        start = tree.positions[function].start.line - len(function.leading_lines)
        return tree.starts_line(function) and start >= 1

    @staticmethod
    def _cross_references(run: list[cst.FunctionDef]) -> bool:
        """A default or decorator naming another function of the run would see the order."""
        names = {function.name.value for function in run}
        for function in run:
            evaluated = [p.default for p in (*function.params.params, *function.params.kwonly_params) if p.default]
            evaluated += [d.decorator for d in function.decorators]
            if any(isinstance(n, cst.Name) and n.value in names for e in evaluated for n in _walk(e)):
                return True
        return False

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        orders: dict[int, list[cst.FunctionDef]] = {}
        runs: dict[int, tuple[cst.FunctionDef, ...]] = {}
        swaps: list[tuple[int, cst.FunctionDef, cst.FunctionDef]] = []
        last_swap: dict[int, frozenset] = {}
        regions: dict[int, tuple[int, int]] = {}
        for site in ranked:
            if len(swaps) == strength:
                break
            run_index, run, function = site.payload
            region = (context.tree.line(run[0]), context.tree.positions[run[-1]].end.line)
            if any(other != run_index and region[0] <= used[1] and used[0] <= region[1]
                   for other, used in regions.items()):
                continue  # a class nested in a function being moved (or the run around it): one at a time
            regions[run_index] = region
            runs[run_index] = run
            order = orders.setdefault(run_index, list(run))
            partners = sorted((f for f in run if f is not function),
                              key=lambda f: rank(0, f"{site.key}\x00{f.name.value}"))
            partner = next((f for f in partners if frozenset((function.name.value, f.name.value)) != last_swap.get(run_index)),
                           None)
            if partner is None:
                continue
            i, j = order.index(function), order.index(partner)
            order[i], order[j] = order[j], order[i]
            last_swap[run_index] = frozenset((function.name.value, partner.name.value))
            swaps.append((run_index, function, partner))
        if not swaps:
            return []
        rewrites = {index: self._reorder(context, runs[index], orders[index]) for index in orders}
        applications = []
        for position, (run_index, function, partner) in enumerate(swaps):
            own = (rewrites[run_index],) if rewrites[run_index] is not None and all(
                other[0] != run_index for other in swaps[position + 1:]) else ()
            applications.append(Application(own, f"swapped {function.name.value} and {partner.name.value}",
                                            context.tree.line(function)))
        return applications

    def _reorder(self, context: Context, run: tuple[cst.FunctionDef, ...], order: list[cst.FunctionDef]) -> Rewrite | None:
        tree = context.tree
        blocks = [(tree.positions[f].start.line - len(f.leading_lines), tree.positions[f].end.line) for f in run]
        return reorder_blocks(tree.text, blocks, [run.index(function) for function in order])


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
