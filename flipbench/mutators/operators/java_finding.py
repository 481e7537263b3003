"""How Java fault operators find their sites (one function per operator over the tree-sitter tree,
proposing byte splices), and the helpers several operators share.

Every proposal must compile. Where javac's rules bite (unreachable code, definite assignment, ``String``
concatenation, duplicate ``case`` labels, constant loop conditions), an operator proposes only what local
evidence from the tree shows to be safe."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import tree_sitter

from flipbench.mutators.java_tree import JavaTree, node_key
from flipbench.mutators.source_text import Splice

Node = tree_sitter.Node
JavaFinder = Callable[[JavaTree], Iterator[Splice]]
"""A Java fault operator: every splice it proposes in a tree."""
LOOPS = ("for_statement", "while_statement", "do_statement")
BOUNDARY_FLIPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}


def operator_of(node: Node) -> str:
    return node.child_by_field_name("operator").type


def loop_condition(node: Node) -> Node | None:
    """The loop whose condition holds ``node``, if any (conditions of loops belong to off_by_one)."""
    child, parent = node, node.parent
    while parent is not None and parent.type not in ("block", "class_body", "lambda_expression"):
        if parent.type in LOOPS:
            condition = parent.child_by_field_name("condition")
            return parent if condition is not None and node_key(condition) == node_key(child) else None
        child, parent = parent, parent.parent
    return None


def in_constant_context(node: Node) -> bool:
    """Inside a ``case`` label or an annotation, where values must stay distinct compile-time constants."""
    parent = node.parent
    while parent is not None and parent.type not in ("block", "class_body"):
        if parent.type in ("switch_label", "annotation", "marker_annotation", "element_value_pair"):
            return True
        parent = parent.parent
    return False
