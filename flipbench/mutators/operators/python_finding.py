"""How Python fault operators find their sites: one small libcst visitor per operator, all batched into a
single traversal of the tree, and the helpers several operators share.

A visitor only *finds* sites and says what text replaces them; the injection engine applies, validates
and deduplicates."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import cache

import libcst as cst

from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.source_text import Splice

STRINGISH = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)


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


def assigned_names(target: cst.CSTNode) -> list[cst.Name]:
    if isinstance(target, cst.Name):
        return [target]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in assigned_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return assigned_names(target.value)
    return []
