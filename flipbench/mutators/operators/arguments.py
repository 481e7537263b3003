"""Faults in calls: ``swapped_arguments`` (two adjacent arguments swapped; in Java only of the same
declared type); for Python and Java."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.operators.python_finding import FaultFinder
from flipbench.mutators.source_text import Splice

# -- Python ------------------------------------------------------------------------------------------

class PythonSwappedArguments(FaultFinder):
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


# -- Java ------------------------------------------------------------------------------------------

def java_swapped_arguments(tree: JavaTree) -> Iterator[Splice]:
    for node in tree.nodes("argument_list"):
        arguments = node.named_children
        for first, second in zip(arguments, arguments[1:]):
            left, right = tree.code(first), tree.code(second)
            kind = tree.expression_type(first)
            if left == right or kind is None or kind != tree.expression_type(second):
                continue
            between = tree.text.data[first.end_byte:second.start_byte]
            yield Splice(first.start_byte, second.end_byte, right.encode() + between + left.encode())
