"""Faults in conditions: ``boolean_logic`` (``and``/``or``, ``&&``/``||`` swapped), ``relational_flip``
(a comparison flipped outside loop conditions) and ``negated_condition``; for Python and Java.

Loop conditions belong to ``off_by_one``, so no two operators produce the same variant."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.operators.java_finding import (
    BOUNDARY_FLIPS,
    LOOPS,
    Node,
    in_constant_context,
    loop_condition,
    operator_of,
)
from flipbench.mutators.operators.python_finding import FaultFinder
from flipbench.mutators.source_text import Splice

# -- Python ------------------------------------------------------------------------------------------

_PYTHON_RELATIONAL_FLIPS = {cst.LessThan: "<=", cst.LessThanEqual: "<", cst.GreaterThan: ">=",
                     cst.GreaterThanEqual: ">", cst.Equal: "!=", cst.NotEqual: "==", cst.Is: "is not",
                     cst.IsNot: "is", cst.In: "not in", cst.NotIn: "in"}


class PythonBooleanLogic(FaultFinder):
    """``and`` <-> ``or``, one operator occurrence per variant."""

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        self.propose(node.operator, "or" if isinstance(node.operator, cst.And) else "and")


class PythonRelationalFlip(FaultFinder):
    """Comparison boundary or polarity flipped (``<``/``<=``, ``==``/``!=``, ``in``/``not in``) outside loop conditions."""

    def visit_ComparisonTarget(self, node: cst.ComparisonTarget) -> None:
        replacement = _PYTHON_RELATIONAL_FLIPS.get(type(node.operator))
        if replacement is not None and not self.in_loop_condition:
            self.propose(node.operator, replacement)


class PythonNegatedCondition(FaultFinder):
    """The condition of an ``if``/``elif``/``while`` or conditional expression negated."""

    def _visit_conditional(self, node: cst.If | cst.While | cst.IfExp) -> None:
        self._negate(node.test)

    visit_If = visit_While = visit_IfExp = _visit_conditional

    def _negate(self, test: cst.BaseExpression) -> None:
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and not test.lpar:
            self.propose(test, self.tree.code(test.expression, outer=True))
        elif isinstance(test, (cst.BooleanOperation, cst.IfExp, cst.Lambda, cst.NamedExpr)) and not test.lpar:
            self.propose(test, f"not ({self.tree.code(test)})")
        else:
            self.propose(test, f"not {self.tree.code(test, outer=True)}", outer=True)


# -- Java ------------------------------------------------------------------------------------------

_JAVA_RELATIONAL_FLIPS = {**BOUNDARY_FLIPS, "==": "!=", "!=": "=="}
_TIGHT = ("identifier", "method_invocation", "field_access", "parenthesized_expression", "array_access",
          "true", "false", "this")


def _assigns_a_variable(tree: JavaTree, node: Node) -> bool:
    """Whether the expression assigns a simple name: definite assignment (JLS 16) follows ``&&``,
    ``||`` and ``!``, so swapping or negating around ``(v = f()) > 0`` can leave ``v`` unassigned
    where it is read."""
    return any(a.child_by_field_name("left").type == "identifier" for a in tree.nodes("assignment_expression", within=node))


def java_boolean_logic(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type in ("&&", "||") and not _assigns_a_variable(tree, node):
            yield tree.replace(operator, "||" if operator.type == "&&" else "&&")


def java_relational_flip(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type in _JAVA_RELATIONAL_FLIPS and not loop_condition(node) \
                and not in_constant_context(node):
            yield tree.replace(operator, _JAVA_RELATIONAL_FLIPS[operator.type])


def java_negated_condition(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("if_statement", "while_statement", "do_statement", "for_statement",
                           "ternary_expression"):
        condition = node.child_by_field_name("condition")
        if condition is None:
            continue
        if condition.type == "parenthesized_expression" and node.type != "ternary_expression":
            condition = condition.named_children[0]
        if node.type in LOOPS and condition.type in ("true", "false"):
            continue  # `while (!true)` makes the body unreachable: a compile error
        if _assigns_a_variable(tree, condition):
            continue
        if condition.type == "unary_expression" and operator_of(condition) == "!":
            operand = condition.child_by_field_name("operand")
            inner = operand.named_children[0] if operand.type == "parenthesized_expression" \
                and node.type != "ternary_expression" else operand
            yield tree.replace(condition, tree.code(inner))
        elif condition.type in _TIGHT:
            yield tree.replace(condition, "!" + tree.code(condition))
        else:
            yield tree.replace(condition, f"!({tree.code(condition)})")
