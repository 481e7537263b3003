"""Fault operators for Java: one small function per operator, each proposing byte splices.

Every proposal must compile. Where javac's rules bite (unreachable code, definite assignment,
``String`` concatenation, duplicate ``case`` labels, constant loop conditions), an operator
proposes only what local evidence from the tree shows to be safe. The same partition as for
Python keeps operators from producing each other's variants: loop conditions and indices
belong to ``off_by_one``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import tree_sitter

from flipbench.mutators.java_tree import (
    NUMERIC_TYPES,
    JavaTree,
    can_complete_normally,
    names_available,
    node_key,
)
from flipbench.mutators.source_text import Splice

Node = tree_sitter.Node
LOOPS = ("for_statement", "while_statement", "do_statement")
RELATIONAL = ("<", "<=", ">", ">=")
_BOUNDARY_FLIPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
_RELATIONAL_FLIPS = {**_BOUNDARY_FLIPS, "==": "!=", "!=": "=="}
_SWAPS = {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"}
_TIGHT = ("identifier", "method_invocation", "field_access", "parenthesized_expression", "array_access",
          "true", "false", "this")
_ARITHMETIC = ("+", "-", "*", "/", "%")
_JUMPS = ("return_statement", "throw_statement", "break_statement", "continue_statement", "yield_statement")
_INT_MAX = 2**31 - 1


def _operator(node: Node) -> str:
    return node.child_by_field_name("operator").type


def _loop_condition(node: Node) -> Node | None:
    """The loop whose condition holds ``node``, if any (conditions of loops belong to off_by_one)."""
    child, parent = node, node.parent
    while parent is not None and parent.type not in ("block", "class_body", "lambda_expression"):
        if parent.type in LOOPS:
            condition = parent.child_by_field_name("condition")
            return parent if condition is not None and node_key(condition) == node_key(child) else None
        child, parent = parent, parent.parent
    return None


def _in_constant_context(node: Node) -> bool:
    """Inside a ``case`` label or an annotation, where values must stay distinct compile-time constants."""
    parent = node.parent
    while parent is not None and parent.type not in ("block", "class_body"):
        if parent.type in ("switch_label", "annotation", "marker_annotation", "element_value_pair"):
            return True
        parent = parent.parent
    return False


def shifted(tree: JavaTree, node: Node, delta: int) -> str:
    """Source for ``node`` plus ``delta``, folded into a trailing int literal where there is one."""
    if node.type == "decimal_integer_literal" and not tree.code(node).lower().endswith("l"):
        return str(int(tree.code(node).replace("_", "")) + delta)
    if node.type == "binary_expression" and _operator(node) in ("+", "-"):
        right = node.child_by_field_name("right")
        if right.type == "decimal_integer_literal" and not tree.code(right).lower().endswith("l"):
            signed = int(tree.code(right).replace("_", "")) * (1 if _operator(node) == "+" else -1) + delta
            left = tree.code(node.child_by_field_name("left"))
            if signed == 0:
                return left
            return f"{left} + {signed}" if signed > 0 else f"{left} - {-signed}"
    text = tree.code(node)
    loose = node.type in ("ternary_expression", "assignment_expression", "lambda_expression",
                          "instanceof_expression", "switch_expression") or (
        node.type == "binary_expression" and _operator(node) not in _ARITHMETIC)
    if loose:
        text = f"({text})"
    return f"{text} + {delta}" if delta > 0 else f"{text} - {-delta}"


def _assigns_a_variable(tree: JavaTree, node: Node) -> bool:
    """Whether the expression assigns a simple name: definite assignment (JLS 16) follows ``&&``,
    ``||`` and ``!``, so swapping or negating around ``(v = f()) > 0`` can leave ``v`` unassigned
    where it is read."""
    return any(a.child_by_field_name("left").type == "identifier" for a in tree.nodes("assignment_expression", within=node))


def boolean_logic(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type in ("&&", "||") and not _assigns_a_variable(tree, node):
            yield tree.replace(operator, "||" if operator.type == "&&" else "&&")


def operator_swap(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        replacement = _SWAPS.get(operator.type)
        if replacement is None or _in_constant_context(node):
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if operator.type == "+" and not (tree.is_numeric(left) and tree.is_numeric(right)):
            continue  # might be String concatenation: no evidence, no edit
        yield tree.replace(operator, replacement)


def relational_flip(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type in _RELATIONAL_FLIPS and not _loop_condition(node) \
                and not _in_constant_context(node):
            yield tree.replace(operator, _RELATIONAL_FLIPS[operator.type])


def negated_condition(tree: JavaTree) -> Iterator[Splice]:
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
        if condition.type == "unary_expression" and _operator(condition) == "!":
            operand = condition.child_by_field_name("operand")
            inner = operand.named_children[0] if operand.type == "parenthesized_expression" \
                and node.type != "ternary_expression" else operand
            yield tree.replace(condition, tree.code(inner))
        elif condition.type in _TIGHT:
            yield tree.replace(condition, "!" + tree.code(condition))
        else:
            yield tree.replace(condition, f"!({tree.code(condition)})")


def off_by_one(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("binary_expression"):
        operator = node.child_by_field_name("operator")
        if operator.type not in RELATIONAL or _loop_condition(node) is None:
            continue
        yield tree.replace(operator, _BOUNDARY_FLIPS[operator.type])
        bound = node.child_by_field_name("right")
        yield tree.replace(bound, shifted(tree, bound, -1 if operator.type in ("<", "<=") else 1))
    for index in _indices(tree):
        for delta in (1, -1):
            yield tree.replace(index, shifted(tree, index, delta))


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


def wrong_literal(tree: JavaTree) -> Iterator[Splice]:
    owned = {node_key(index) for index in _indices(tree)}
    for node in tree.nodes("decimal_integer_literal", "true", "false"):
        if _in_constant_context(node) or _owned_by_off_by_one(tree, node, owned):
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
    return node_key(current) in indices or _loop_condition(node) is not None


def swapped_arguments(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("argument_list"):
        arguments = node.named_children
        for first, second in zip(arguments, arguments[1:]):
            left, right = tree.code(first), tree.code(second)
            kind = tree.expression_type(first)
            if left == right or kind is None or kind != tree.expression_type(second):
                continue
            between = tree.text.data[first.end_byte:second.start_byte]
            yield Splice(first.start_byte, second.end_byte, right.encode() + between + left.encode())


def removed_statement(tree: JavaTree) -> Iterator[Splice]:
    for statement in tree.nodes("expression_statement"):
        if statement.parent is None or statement.parent.type not in ("block", "constructor_body") \
                or not (tree.starts_line(statement) and tree.ends_line(statement)):
            continue
        method = tree.callable_of(statement)
        if method is None or method.type == "lambda_expression":
            continue
        expression = statement.named_children[0]
        if _may_throw_what_a_catch_needs(tree, statement, method):
            continue
        if expression.type == "method_invocation" or (
                expression.type == "assignment_expression" and _assignment_removable(tree, expression, method)):
            first, last = tree.line(statement), statement.end_point[0] + 1
            starts = tree.text.line_starts
            yield Splice(starts[first - 1], starts[last] if last < len(starts) else len(tree.text.data), b"")


_UNCHECKED = frozenset({
    "Exception", "Throwable", "RuntimeException", "Error", "ArithmeticException", "ArrayIndexOutOfBoundsException",
    "ClassCastException", "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException",
    "InputMismatchException", "NoSuchElementException", "NullPointerException", "NumberFormatException",
    "StringIndexOutOfBoundsException", "UnsupportedOperationException"})
"""Exception types a ``catch`` may name whatever its ``try`` throws: ``Exception``, ``Throwable`` and
common unchecked ones (JLS 11.2.3 rejects only catching a checked exception the body cannot throw)."""


def _may_throw_what_a_catch_needs(tree: JavaTree, statement: Node, method: Node) -> bool:
    """Whether ``statement`` calls or creates inside a ``try`` that catches a (possibly) checked
    exception: it may be the only thrower of it, and javac rejects a catch of a checked exception
    its body cannot throw. Which exceptions a call throws is beyond local evidence."""
    if not tree.nodes("method_invocation", "object_creation_expression", within=statement):
        return False
    declared = {tree.code(n.child_by_field_name("name")) for n in tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    for attempt in tree.nodes("try_statement", "try_with_resources_statement", within=method):
        body = attempt.child_by_field_name("body")
        if body is None or not body.start_byte <= statement.start_byte < body.end_byte:
            continue
        for clause in (c for c in attempt.named_children if c.type == "catch_clause"):
            for caught in tree.nodes("catch_type", within=clause):
                names = [tree.code(t).split(".")[-1] for t in caught.named_children]
                if any(name not in _UNCHECKED or name in declared for name in names):
                    return True
    return False


def _assignment_removable(tree: JavaTree, assignment: Node, method: Node) -> bool:
    """Removing it cannot leave a variable unassigned (javac's definite assignment) or a final field unset."""
    if _operator(assignment) != "=":
        return True  # compound assignment: its target was already assigned
    target = assignment.child_by_field_name("left")
    if target.type == "array_access":
        return True
    name = tree.code(target.child_by_field_name("field")) if target.type == "field_access" else tree.code(target)
    for declaration in tree.nodes("local_variable_declaration", within=method):
        for declarator in declaration.children_by_field_name("declarator"):
            if tree.code(declarator.child_by_field_name("name")) == name and target.type == "identifier":
                return declarator.child_by_field_name("value") is not None
    if name in tree.final_fields:
        return False
    return method.type != "constructor_declaration" or target.type != "identifier"


def misplaced_return(tree: JavaTree) -> Iterator[Splice]:
    """Insert ``return <value>;`` as the new last statement of a block nested in a method."""
    for method in tree.nodes("method_declaration"):
        body = method.child_by_field_name("body")
        if body is None:
            continue
        returns = [node for node in tree.nodes("return_statement", within=body)
                   if tree.callable_of(node) is not None and node_key(tree.callable_of(node)) == node_key(method)]
        for block in tree.nodes("block", within=body):
            if node_key(block) == node_key(body) or not _block_takes_a_final_return(tree, block, method):
                continue
            value = _return_value(tree, method, returns, block)
            if value is None:
                continue
            statement = f"return {value};" if value else "return;"
            closing_line = block.end_point[0] + 1
            offset = tree.text.line_starts[closing_line - 1]
            statements = block.named_children
            indent = tree.text.indentation(tree.line(statements[0])) if statements else \
                tree.text.indentation(closing_line) + b"    "
            yield Splice(offset, offset, indent + statement.encode() + tree.text.newline)


def _block_takes_a_final_return(tree: JavaTree, block: Node, method: Node) -> bool:
    owner = tree.callable_of(block)
    if owner is None or node_key(owner) != node_key(method):
        return False  # inside a lambda or a local/anonymous class
    parent = block.parent
    if parent.type not in ("if_statement", "for_statement", "enhanced_for_statement", "while_statement"):
        return False  # a `do`, `try` or `catch` ending in return can make the code after it unreachable
    if parent.type == "if_statement":
        consequence, alternative = parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")
        other = alternative if node_key(consequence) == node_key(block) else consequence
        if alternative is not None and not can_complete_normally(tree, other):
            return False  # both branches would jump: whatever follows the `if` becomes unreachable
    closing = block.end_byte - 1
    line_start = tree.text.line_starts[block.end_point[0]]
    if tree.text.data[line_start:closing].strip() or block.start_point[0] == block.end_point[0]:
        return False  # the closing brace must start its own line
    statements = [child for child in block.named_children if child.type not in ("line_comment", "block_comment")]
    return not statements or can_complete_normally(tree, statements[-1])


def _return_value(tree: JavaTree, method: Node, returns: list[Node], block: Node) -> str | None:
    """The expression a premature return gives back: one the method returns anyway, else a default."""
    declared = tree.code(method.child_by_field_name("type"))
    if declared == "void":
        return ""
    insertion = block.end_byte - 1
    candidates = [r.named_children[0] for r in returns if r.named_children]
    later = [c for c in candidates if c.start_byte > insertion]
    for candidate in later + [c for c in candidates if c.start_byte <= insertion]:
        if names_available(tree, candidate, method, insertion):
            return tree.code(candidate)
    if declared == "boolean":
        return "false"
    if declared in NUMERIC_TYPES and declared[0].islower():
        return "0"
    return "null"


FINDERS: dict[str, Callable[[JavaTree], Iterator[Splice]]] = {
    "boolean_logic": boolean_logic,
    "misplaced_return": misplaced_return,
    "off_by_one": off_by_one,
    "operator_swap": operator_swap,
    "relational_flip": relational_flip,
    "negated_condition": negated_condition,
    "wrong_literal": wrong_literal,
    "swapped_arguments": swapped_arguments,
    "removed_statement": removed_statement,
}
