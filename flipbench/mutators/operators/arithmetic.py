"""Faults in arithmetic: ``operator_swap``, ``off_by_one`` (loop bounds, loop comparisons, indices) and
``wrong_literal``; for Python and Java.

The operators partition the code: ``while`` conditions, ``range()`` bounds and integer indices belong to
``off_by_one``, and ``wrong_literal`` leaves the literals in those places to it; operators never touch
strings (``+`` on a string is concatenation)."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from flipbench.mutators.java_tree import JavaTree, node_key
from flipbench.mutators.operators.java_finding import (
    BOUNDARY_FLIPS,
    LOOPS,
    Node,
    in_constant_context,
    loop_condition,
    operator_of,
)
from flipbench.mutators.operators.python_finding import STRINGISH, FaultFinder, assigned_names
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.source_text import Splice

# -- Python ------------------------------------------------------------------------------------------

_LOOSE_BINDING = (cst.BooleanOperation, cst.Comparison, cst.IfExp, cst.Lambda, cst.NamedExpr, cst.UnaryOperation)
_PYTHON_ARITHMETIC = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.Power)
_PYTHON_SWAPS = {cst.Add: "-", cst.Subtract: "+", cst.Multiply: "/", cst.Divide: "*", cst.FloorDivide: "/",
          cst.Modulo: "/", cst.Power: "*"}
_PYTHON_BOUNDARY_FLIPS = {cst.LessThan: "<=", cst.LessThanEqual: "<", cst.GreaterThan: ">=", cst.GreaterThanEqual: ">"}
_COLLECTIONS = (cst.List, cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp)
_STRING_METHODS = frozenset({"join", "format", "upper", "lower", "strip", "replace", "title", "capitalize",
                             "lstrip", "rstrip", "ljust", "rjust", "center"})


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


def _python_shifted(tree: PythonTree, node: cst.BaseExpression, delta: int) -> str:
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
        isinstance(node, cst.BinaryOperation) and not isinstance(node.operator, _PYTHON_ARITHMETIC))
    if loose and not node.lpar:
        text = f"({text})"
    return f"{text} + {delta}" if delta > 0 else f"{text} - {-delta}"


def _stringish(node: cst.BaseExpression, string_names: set[str]) -> bool:
    """Evidence that ``node`` is a string or collection, where ``+``/``*``/``%`` are not arithmetic."""
    if isinstance(node, STRINGISH + _COLLECTIONS):
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


class PythonOperatorSwap(FaultFinder):
    """Arithmetic operator swapped (mutmut's table); never on strings, sequences or ``%`` formatting."""

    def __init__(self, tree: PythonTree) -> None:
        super().__init__(tree)
        self.string_names: set[str] = set()

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        assign = self.tree.parents.get(node)
        if isinstance(assign, cst.Assign) and _stringish(assign.value, self.string_names):
            self.string_names.update(name.value for name in assigned_names(node.target))

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        replacement = _PYTHON_SWAPS.get(type(node.operator))
        if replacement is None:
            return
        if _stringish(node.left, self.string_names) or _stringish(node.right, self.string_names):
            return
        self.propose(node.operator, replacement)


class PythonOffByOne(FaultFinder):
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
            self.propose(node, _python_shifted(self.tree, node, delta))

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.integer_like(node.value):
            for target in node.targets:
                self.integer_names.update(name.value for name in assigned_names(target.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name) and self.integer_like(node.value):
            self.integer_names.add(node.target.value)

    def visit_For(self, node: cst.For) -> None:
        if _is_call_to(node.iter, "range") and isinstance(node.target, cst.Name):
            self.integer_names.add(node.target.value)
        elif _is_call_to(node.iter, "enumerate") and isinstance(node.target, cst.Tuple) and node.target.elements:
            self.integer_names.update(name.value for name in assigned_names(node.target.elements[0].value))

    def visit_Call(self, node: cst.Call) -> None:
        if _is_call_to(node, "range") and not any(arg.keyword or arg.star for arg in node.args):
            for argument in node.args[:2]:
                self._both_ways(argument.value)

    def visit_ComparisonTarget(self, node: cst.ComparisonTarget) -> None:
        flip = _PYTHON_BOUNDARY_FLIPS.get(type(node.operator))
        if flip is None or not self.in_loop_condition:
            return
        self.propose(node.operator, flip)
        fewer = -1 if isinstance(node.operator, (cst.LessThan, cst.LessThanEqual)) else 1
        self.propose(node.comparator, _python_shifted(self.tree, node.comparator, fewer))

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if len(node.slice) != 1:
            return
        element = node.slice[0].slice
        if isinstance(element, cst.Index) and element.star is None and self.integer_like(element.value):
            self._both_ways(element.value)
        elif isinstance(element, cst.Slice) and element.upper is not None and self.integer_like(element.upper):
            self._both_ways(element.upper)


class PythonWrongLiteral(FaultFinder):
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


# -- Java ------------------------------------------------------------------------------------------

RELATIONAL = ("<", "<=", ">", ">=")
_JAVA_SWAPS = {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"}
_JAVA_ARITHMETIC = ("+", "-", "*", "/", "%")
_INT_MAX = 2**31 - 1


def _java_shifted(tree: JavaTree, node: Node, delta: int) -> str:
    """Source for ``node`` plus ``delta``, folded into a trailing int literal where there is one."""
    if node.type == "decimal_integer_literal" and not tree.code(node).lower().endswith("l"):
        return str(int(tree.code(node).replace("_", "")) + delta)
    if node.type == "binary_expression" and operator_of(node) in ("+", "-"):
        right = node.child_by_field_name("right")
        if right.type == "decimal_integer_literal" and not tree.code(right).lower().endswith("l"):
            signed = int(tree.code(right).replace("_", "")) * (1 if operator_of(node) == "+" else -1) + delta
            left = tree.code(node.child_by_field_name("left"))
            if signed == 0:
                return left
            return f"{left} + {signed}" if signed > 0 else f"{left} - {-signed}"
    text = tree.code(node)
    loose = node.type in ("ternary_expression", "assignment_expression", "lambda_expression",
                          "instanceof_expression", "switch_expression") or (
        node.type == "binary_expression" and operator_of(node) not in _JAVA_ARITHMETIC)
    if loose:
        text = f"({text})"
    return f"{text} + {delta}" if delta > 0 else f"{text} - {-delta}"


def java_operator_swap(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        replacement = _JAVA_SWAPS.get(operator.type)
        if replacement is None or in_constant_context(node):
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator.type == "+" and not (tree.is_numeric(left) and tree.is_numeric(right)):
            continue  # might be String concatenation: no evidence, no edit
        yield tree.replace(operator, replacement)


def java_off_by_one(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type not in RELATIONAL or loop_condition(node) is None:
            continue
        yield tree.replace(operator, BOUNDARY_FLIPS[operator.type])
        bound = node.child_by_field_name("right")
        yield tree.replace(bound, _java_shifted(tree, bound, -1 if operator.type in ("<", "<=") else 1))
    for index in _indices(tree):
        for delta in (1, -1):
            yield tree.replace(index, _java_shifted(tree, index, delta))


def _indices(tree: JavaTree) -> Iterator[Node]:
    """Array indices, and int arguments of ``charAt``/``get``/``substring``/``set``."""
    for node in tree.nodes("array_access", "method_invocation"):
        if node.type == "array_access":
            yield node.child_by_field_name("index")
            continue
        name = tree.code(node.child_by_field_name("name"))
        arguments = node.child_by_field_name("arguments").named_children
        if name in ("charAt", "get", "set", "substring") and arguments:
            for argument in arguments[: 2 if name == "substring" else 1]:
                if tree.expression_type(argument) == "int":
                    yield argument


def java_wrong_literal(tree: JavaTree) -> Iterator[Splice]:
    owned = {node_key(index) for index in _indices(tree)}
    for node in tree.nodes("decimal_integer_literal", "true", "false"):
        if in_constant_context(node) or _owned_by_off_by_one(tree, node, owned):
            continue
        if node.type in ("true", "false"):
            if node.parent.type in LOOPS or (node.parent.type == "parenthesized_expression"
                                              and node.parent.parent.type in LOOPS):
                continue  # `while (false)` makes the body unreachable: a compile error
            yield tree.replace(node, "false" if node.type == "true" else "true")
            continue
        text = tree.code(node)
        suffix = text[-1] if text[-1] in "lL" else ""
        value = int(text.rstrip("lL").replace("_", ""))
        new = 1 if value == 0 else 0 if value == 1 else value + 1
        if not suffix and new > _INT_MAX:
            continue
        yield tree.replace(node, f"{new}{suffix}")


def _owned_by_off_by_one(tree: JavaTree, node: Node, indices: set) -> bool:
    current = node
    while current.parent is not None and current.parent.type in ("binary_expression", "unary_expression",
                                                                  "parenthesized_expression"):
        current = current.parent
    return node_key(current) in indices or loop_condition(node) is not None
