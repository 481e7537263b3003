"""Fault operators for Python: one small libcst visitor per operator, each proposing splices.

Visitors are batchable, so every operator runs in a single traversal of the tree. A visitor only
*finds* sites and says what text replaces them; the injection engine applies, validates and
deduplicates. Operators partition the code so that no two produce the same variant: ``while``
conditions, ``range()`` bounds and integer indices belong to ``off_by_one``; every other
comparison to ``relational_flip``; literals in those places are left to ``off_by_one`` by
``wrong_literal``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import libcst as cst

from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.source_text import Splice

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_LOOSE_BINDING = (cst.BooleanOperation, cst.Comparison, cst.IfExp, cst.Lambda, cst.NamedExpr, cst.UnaryOperation)
_ARITHMETIC = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.Power)
_SWAPS = {cst.Add: "-", cst.Subtract: "+", cst.Multiply: "/", cst.Divide: "*", cst.FloorDivide: "/",
          cst.Modulo: "/", cst.Power: "*"}
_RELATIONAL_FLIPS = {cst.LessThan: "<=", cst.LessThanEqual: "<", cst.GreaterThan: ">=",
                     cst.GreaterThanEqual: ">", cst.Equal: "!=", cst.NotEqual: "==", cst.Is: "is not",
                     cst.IsNot: "is", cst.In: "not in", cst.NotIn: "in"}
_BOUNDARY_FLIPS = {cst.LessThan: "<=", cst.LessThanEqual: "<", cst.GreaterThan: ">=", cst.GreaterThanEqual: ">"}
_STRINGISH = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
_COLLECTIONS = (cst.List, cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp)
_STRING_METHODS = frozenset({"join", "format", "upper", "lower", "strip", "replace", "title", "capitalize",
                             "lstrip", "rstrip", "ljust", "rjust", "center"})


class FaultFinder(cst.BatchableCSTVisitor):
    """Base of every Python fault operator: collects the splices its ``visit_*`` methods propose.

    Tracks whether the traversal is inside a ``while`` test, the code ``off_by_one`` owns.
    """

    def __init__(self, tree: PythonTree) -> None:
        super().__init__()
        self.tree = tree
        self.splices: list[Splice] = []
        self.loop_condition_depth = 0

    def propose(self, node: cst.CSTNode, text: str, *, outer: bool = False) -> None:
        self.splices.append(self.tree.replace(node, text, outer=outer))

    def visit_While_test(self, node: cst.While) -> None:
        self.loop_condition_depth += 1

    def leave_While_test(self, node: cst.While) -> None:
        self.loop_condition_depth -= 1

    @property
    def in_loop_condition(self) -> bool:
        return self.loop_condition_depth > 0

    def get_visitors(self) -> dict[str, Callable[[cst.CSTNode], object]]:
        """The ``visit_*``/``leave_*`` methods, found once per class: libcst inspects every member
        of the instance on every traversal, which cost more than the traversal itself."""
        return {name: getattr(self, name) for name in _visitor_names(type(self))}


@cache
def _visitor_names(finder: type[FaultFinder]) -> tuple[str, ...]:
    """What libcst's ``get_visitors`` would find: visitor methods other than its empty stubs."""
    return tuple(name for name in dir(finder) if name.startswith(("visit_", "leave_"))
                 and inspect.isfunction(getattr(finder, name)) and not getattr(getattr(finder, name), "_is_no_op", False))


def find_all(tree: PythonTree, finders: dict[str, type[FaultFinder]]) -> dict[str, list[Splice]]:
    """Run several operators in one traversal."""
    instances = {name: finder(tree) for name, finder in finders.items()}
    cst.visit_batched(tree.module, list(instances.values()))
    return {name: instance.splices for name, instance in instances.items()}


# -- evidence shared by several operators -------------------------------------------------------

def _is_call_to(node: cst.CSTNode, name: str) -> bool:
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == name


def _integer_value(node: cst.BaseExpression) -> int | None:
    """The value of a plain decimal integer literal, possibly negated; None otherwise."""
    if isinstance(node, cst.Integer) and node.value.replace("_", "").isdigit() and not node.lpar:
        return int(node.value.replace("_", ""))
    if (isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus)
            and isinstance(node.expression, cst.Integer) and not node.lpar):
        value = _integer_value(node.expression)
        return -value if value is not None else None
    return None


def shifted(tree: PythonTree, node: cst.BaseExpression, delta: int) -> str:
    """Source for ``node`` plus ``delta``, folded into a trailing integer where there is one."""
    value = _integer_value(node)
    if value is not None:
        return str(value + delta)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Subtract)) \
            and not node.lpar:
        constant = _integer_value(node.right)
        if constant is not None and constant >= 0:
            signed = (constant if isinstance(node.operator, cst.Add) else -constant) + delta
            left = tree.code(node.left, outer=True)
            if signed == 0:
                return left
            return f"{left} + {signed}" if signed > 0 else f"{left} - {-signed}"
    text = tree.code(node)
    loose = isinstance(node, _LOOSE_BINDING) or (
        isinstance(node, cst.BinaryOperation) and not isinstance(node.operator, _ARITHMETIC))
    if loose and not node.lpar:
        text = f"({text})"
    return f"{text} + {delta}" if delta > 0 else f"{text} - {-delta}"


def _stringish(node: cst.BaseExpression, string_names: set[str]) -> bool:
    """Evidence that ``node`` is a string or collection, where ``+``/``*``/``%`` are not arithmetic."""
    if isinstance(node, _STRINGISH + _COLLECTIONS):
        return True
    if isinstance(node, cst.Name):
        return node.value in string_names
    if _is_call_to(node, "str") or _is_call_to(node, "repr") or _is_call_to(node, "chr"):
        return True
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _STRING_METHODS:
        return True
    if isinstance(node, cst.BinaryOperation):
        return _stringish(node.left, string_names) or _stringish(node.right, string_names)
    return False


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    """Variable names read in ``node``: not attribute names, keyword names or lambda parameters."""
    found: list[cst.Name] = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            attribute.value.visit(self)
            return False

        def visit_Arg(self, arg: cst.Arg) -> bool:
            arg.value.visit(self)
            return False

        def visit_Lambda(self, lambda_: cst.Lambda) -> bool:
            return False

    node.visit(Names())
    return found


def _assigned_names(target: cst.CSTNode) -> list[cst.Name]:
    if isinstance(target, cst.Name):
        return [target]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in _assigned_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _assigned_names(target.value)
    return []


# -- the operators -------------------------------------------------------------------------------

class BooleanLogic(FaultFinder):
    """``and`` <-> ``or``, one operator occurrence per variant."""

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        self.propose(node.operator, "or" if isinstance(node.operator, cst.And) else "and")


class OperatorSwap(FaultFinder):
    """Arithmetic operator swapped (mutmut's table); never on strings, sequences or ``%`` formatting."""

    def __init__(self, tree: PythonTree) -> None:
        super().__init__(tree)
        self.string_names: set[str] = set()

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        assign = self.tree.parents.get(node)
        if isinstance(assign, cst.Assign) and _stringish(assign.value, self.string_names):
            self.string_names.update(name.value for name in _assigned_names(node.target))

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        replacement = _SWAPS.get(type(node.operator))
        if replacement is None:
            return
        if _stringish(node.left, self.string_names) or _stringish(node.right, self.string_names):
            return
        self.propose(node.operator, replacement)


class RelationalFlip(FaultFinder):
    """Comparison boundary or polarity flipped (``<``/``<=``, ``==``/``!=``, ``in``/``not in``) outside loop conditions."""

    def visit_ComparisonTarget(self, node: cst.ComparisonTarget) -> None:
        replacement = _RELATIONAL_FLIPS.get(type(node.operator))
        if replacement is not None and not self.in_loop_condition:
            self.propose(node.operator, replacement)


class NegatedCondition(FaultFinder):
    """The condition of an ``if``/``elif``/``while`` or conditional expression negated."""

    def visit_If(self, node: cst.If) -> None:
        self._negate(node.test)

    def visit_While(self, node: cst.While) -> None:
        self._negate(node.test)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._negate(node.test)

    def _negate(self, test: cst.BaseExpression) -> None:
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and not test.lpar:
            self.propose(test, self.tree.code(test.expression, outer=True))
        elif isinstance(test, (cst.BooleanOperation, cst.IfExp, cst.Lambda, cst.NamedExpr)) and not test.lpar:
            self.propose(test, f"not ({self.tree.code(test)})")
        else:
            self.propose(test, f"not {self.tree.code(test, outer=True)}", outer=True)


class OffByOne(FaultFinder):
    """Loop bounds and indices off by one: ``range`` bounds, ``while`` comparisons, integer subscripts and slice ends."""

    def __init__(self, tree: PythonTree) -> None:
        super().__init__(tree)
        self.integer_names: set[str] = set()

    def integer_like(self, node: cst.BaseExpression) -> bool:
        """Evidence of an integer: literals, ``len``/``int`` calls, counters, ``range`` loop variables."""
        if _integer_value(node) is not None or _is_call_to(node, "len") or _is_call_to(node, "int"):
            return True
        if isinstance(node, cst.Name):
            return node.value in self.integer_names
        if isinstance(node, cst.BinaryOperation) and isinstance(
                node.operator, (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo)):
            return self.integer_like(node.left) or self.integer_like(node.right)
        return False

    def _both_ways(self, node: cst.BaseExpression) -> None:
        for delta in (1, -1):
            self.propose(node, shifted(self.tree, node, delta))

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.integer_like(node.value):
            for target in node.targets:
                self.integer_names.update(name.value for name in _assigned_names(target.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name) and self.integer_like(node.value):
            self.integer_names.add(node.target.value)

    def visit_For(self, node: cst.For) -> None:
        if _is_call_to(node.iter, "range") and isinstance(node.target, cst.Name):
            self.integer_names.add(node.target.value)
        elif _is_call_to(node.iter, "enumerate") and isinstance(node.target, cst.Tuple) and node.target.elements:
            self.integer_names.update(name.value for name in _assigned_names(node.target.elements[0].value))

    def visit_Call(self, node: cst.Call) -> None:
        if _is_call_to(node, "range") and not any(arg.keyword or arg.star for arg in node.args):
            for argument in node.args[:2]:
                self._both_ways(argument.value)

    def visit_ComparisonTarget(self, node: cst.ComparisonTarget) -> None:
        flip = _BOUNDARY_FLIPS.get(type(node.operator))
        if flip is None or not self.in_loop_condition:
            return
        self.propose(node.operator, flip)
        fewer = -1 if isinstance(node.operator, (cst.LessThan, cst.LessThanEqual)) else 1
        self.propose(node.comparator, shifted(self.tree, node.comparator, fewer))

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if len(node.slice) != 1:
            return
        element = node.slice[0].slice
        if isinstance(element, cst.Index) and element.star is None and self.integer_like(element.value):
            self._both_ways(element.value)
        elif isinstance(element, cst.Slice) and element.upper is not None and self.integer_like(element.upper):
            self._both_ways(element.upper)


class WrongLiteral(FaultFinder):
    """An integer constant changed (0->1, 1->0, n->n+1) or ``True`` <-> ``False``; not in loop bounds or indices."""

    def visit_Integer(self, node: cst.Integer) -> None:
        value = _integer_value(node)
        if value is None or self.in_loop_condition or self._in_bound_or_index(node):
            return
        self.propose(node, "1" if value == 0 else "0" if value == 1 else str(value + 1))

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in ("True", "False"):
            self.propose(node, "False" if node.value == "True" else "True")

    def _in_bound_or_index(self, node: cst.Integer) -> bool:
        parent = self.tree.parents.get(node)
        while isinstance(parent, (cst.UnaryOperation, cst.BinaryOperation)):
            parent = self.tree.parents.get(parent)
        if isinstance(parent, (cst.Index, cst.Slice)):
            return True
        return isinstance(parent, cst.Arg) and _is_call_to(self.tree.parents.get(parent), "range")


class SwappedArguments(FaultFinder):
    """Two adjacent positional arguments of a call swapped."""

    def visit_Call(self, node: cst.Call) -> None:
        for first, second in zip(node.args, node.args[1:]):
            if first.keyword or second.keyword or first.star or second.star:
                continue
            (start, first_end), (second_start, end) = self.tree.span(first.value), self.tree.span(second.value)
            data = self.tree.text.data
            left, right = data[start:first_end], data[second_start:end]
            if left != right:
                self.splices.append(Splice(start, end, right + data[first_end:second_start] + left))


class RemovedStatement(FaultFinder):
    """A call or assignment statement deleted from a function body (its block keeps another statement)."""

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        if len(node.body) < 2 or not isinstance(self.tree.enclosing(node, *_SCOPES), cst.FunctionDef):
            return
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
                continue
            small = statement.body[0]
            removable = (isinstance(small, (cst.Assign, cst.AugAssign))
                         or isinstance(small, cst.AnnAssign) and small.value is not None
                         or isinstance(small, cst.Expr) and isinstance(small.value, cst.Call))
            if removable and self.tree.starts_line(statement):
                self.splices.append(self.tree.delete_lines(statement))


@dataclass
class _Function:
    """What MisplacedReturn learns about one function while the traversal is inside it."""

    node: cst.FunctionDef
    parameters: set[str]
    returns: list[cst.BaseExpression] = field(default_factory=list)
    first_binding: dict[str, int] = field(default_factory=dict)
    statements: list[cst.BaseStatement] = field(default_factory=list)


class MisplacedReturn(FaultFinder):
    """A premature ``return`` inserted before a statement of a function, giving back what the function returns.

    The value is a ``return`` expression of the same function whose local names are already
    bound at the insertion point (preferably the next one in source order), else ``None``, or
    a bare ``return`` in a function that returns no value.
    """

    def __init__(self, tree: PythonTree) -> None:
        super().__init__(tree)
        self.scopes: list[_Function | None] = []

    @property
    def function(self) -> _Function | None:
        return self.scopes[-1] if self.scopes else None

    def _bind(self, target: cst.CSTNode) -> None:
        if self.function is not None:
            for name in _assigned_names(target):
                line = self.tree.line(name)
                self.function.first_binding[name.value] = min(line, self.function.first_binding.get(name.value, line))

    def _statement(self, node: cst.BaseStatement) -> None:
        if self.function is not None:
            self.function.statements.append(node)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statement(node)

    def visit_If(self, node: cst.If) -> None:
        if not isinstance(self.tree.parents.get(node), cst.If):  # an `elif` cannot have a line put above it
            self._statement(node)

    def visit_While(self, node: cst.While) -> None:
        self._statement(node)

    def visit_Try(self, node: cst.Try) -> None:
        self._statement(node)

    def visit_TryStar(self, node: cst.TryStar) -> None:
        self._statement(node)

    def visit_With(self, node: cst.With) -> None:
        self._statement(node)

    def visit_Match(self, node: cst.Match) -> None:
        self._statement(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._statement(node)
        self._bind(node.name)
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params,
                 *(p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param))]
        self.scopes.append(_Function(node, {param.name.value for param in every}))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._insert_returns(self.scopes.pop())

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._statement(node)
        self._bind(node.name)
        self.scopes.append(None)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.append(None)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_Return(self, node: cst.Return) -> None:
        if self.function is not None and node.value is not None:
            self.function.returns.append(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._bind(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._statement(node)
        self._bind(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(node.name)

    def _insert_returns(self, function: _Function) -> None:
        first = _first_statement(function.node)
        reads = {id(value): _names_in(value) for value in function.returns}

        def bound_before(value: cst.BaseExpression, line: int) -> bool:
            return all(name.value in function.parameters
                       or function.first_binding.get(name.value, 0) < line for name in reads[id(value)])

        for statement in function.statements:
            if statement is first or not self.tree.starts_line(statement):
                continue
            line = self.tree.line(statement)
            ready = [value for value in function.returns if bound_before(value, line)]
            value = next((v for v in ready if self.tree.line(v) >= line), ready[0] if ready else None)
            text = f"return {self.tree.code(value)}" if value is not None else (
                "return None" if function.returns else "return")
            if self.tree.code(statement).strip() != text:
                self.splices.append(self.tree.insert_line_before(statement, text))


def _first_statement(function: cst.FunctionDef) -> cst.CSTNode | None:
    """The body's first statement after any docstring (a return there would empty the function)."""
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    if not body:
        return None
    docstring = (isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1
                 and isinstance(body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, _STRINGISH))
    return body[1] if docstring and len(body) > 1 else body[0]


FINDERS: dict[str, type[FaultFinder]] = {
    "boolean_logic": BooleanLogic,
    "misplaced_return": MisplacedReturn,
    "off_by_one": OffByOne,
    "operator_swap": OperatorSwap,
    "relational_flip": RelationalFlip,
    "negated_condition": NegatedCondition,
    "wrong_literal": WrongLiteral,
    "swapped_arguments": SwappedArguments,
    "removed_statement": RemovedStatement,
}
