"""Facts about one Java tree that several SPMs need (statements, comments, identifiers,
indentation), computed once per step, and the node kinds they are defined by."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import tree_sitter

from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.spms.base import TreeFacts

Node = tree_sitter.Node
STATEMENT_PARENTS = ("block", "constructor_body", "switch_block_statement_group")
CALLABLES = ("method_declaration", "constructor_declaration")


@dataclass(frozen=True)
class JavaStatement:
    node: Node
    method: Node | None
    in_loop: bool


class JavaFacts(TreeFacts):
    """Facts about one parsed program that several SPMs need, computed once per step."""

    tree: JavaTree

    @cached_property
    def statements(self) -> list[JavaStatement]:
        tree, found = self.tree, []
        for node in _named_descendants(tree.root):
            if node.parent is None or node.parent.type not in STATEMENT_PARENTS or node.type.endswith("comment"):
                continue
            if node.type in ("switch_label",) or not tree.starts_line(node):
                continue
            owner = tree.callable_of(node)
            method = owner if owner is not None and owner.type in CALLABLES else None
            found.append(JavaStatement(node, method, _in_loop(node)))
        return found

    @cached_property
    def comment_lines(self) -> frozenset[int]:
        """Lines a comment covers (nothing is appended to them)."""
        tree = self.tree
        return frozenset(line for c in comments_of(tree) for line in range(tree.line(c), tree.last_line(c) + 1))

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


def comments_of(tree: JavaTree) -> list[Node]:
    return tree.nodes("line_comment", "block_comment")


def brace_layout(tree: JavaTree, block: Node) -> bool:
    """``{`` ends its line and ``}`` starts its own: lines between are exactly the block's inside."""
    if block.type != "block" or tree.line(block) == tree.last_line(block):
        return False
    open_end = tree.text.line_end(tree.line(block))
    after_open = tree.text.data[block.start_byte + 1:open_end]
    close_line_start = tree.text.line_starts[tree.last_line(block) - 1]
    return not after_open.strip() and not tree.text.data[close_line_start:block.end_byte - 1].strip()
