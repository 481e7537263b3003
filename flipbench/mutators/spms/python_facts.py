"""Facts about one Python tree that several SPMs need (statements, names, indentation, scopes),
computed once per step."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import libcst as cst
from libcst.metadata import ScopeProvider

from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.spms.base import TreeFacts

_DYNAMIC_SCOPE_CALLS = frozenset({"eval", "exec", "locals", "vars", "globals", "dir", "__import__"})
"""Calls that can read a function's local names by their text: renaming would change what they see."""


@dataclass(frozen=True)
class PythonStatement:
    """A statement that starts its own line, with where it lives."""

    node: cst.BaseStatement
    function: cst.FunctionDef | None
    in_loop: bool


class _StatementIndex(cst.CSTVisitor):
    def __init__(self, tree: PythonTree) -> None:
        super().__init__()
        self.tree = tree
        self.found: list[PythonStatement] = []
        self.functions: list[cst.FunctionDef | None] = [None]
        self.loops: list[int] = [0]

    def _add(self, node: cst.BaseStatement) -> None:
        if self.tree.starts_line(node):
            self.found.append(PythonStatement(node, self.functions[-1], self.loops[-1] > 0))

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


class PythonFacts(TreeFacts):
    """Facts about one parsed program that several SPMs need, computed once per step."""

    tree: PythonTree

    @cached_property
    def statements(self) -> list[PythonStatement]:
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


def walk(node: cst.CSTNode):
    """Every node below ``node`` (itself included), depth first, without a visitor's overhead."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)

