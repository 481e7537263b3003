"""The fast, local validity gates give the same verdict as checking the whole file."""

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.syntax import parse_java
from flipbench.mutators.faults import OPERATORS, proposals
from flipbench.mutators.python_tree import PythonTree, python_syntax_error
from flipbench.mutators.source_text import Splice
from flipbench.mutators.trees import parse_tree as parse

PROGRAMS = list(builtin_corpus().programs())


def whole_file_accepts(tree, splice: Splice) -> bool:
    edited = tree.text.apply(splice)
    if isinstance(tree, PythonTree):
        return python_syntax_error(edited) is None
    return not parse_java(edited).root_node.has_error


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_local_gate_agrees_with_the_whole_file_on_every_proposal(program):
    tree = parse(program.language, program.source)
    for splices in proposals(tree, tuple(OPERATORS)).values():
        for splice in splices:
            assert tree.accepts(splice) == whole_file_accepts(tree, splice), splice


@pytest.mark.parametrize(("source", "splice_text", "where", "accepted"), [
    ("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x = 2\n    return x\n", b"        y = 3\n", 4, True),
    ("class A:\n    def f(self):\n        return 1\n", b"    return 2\n", 2, False),
    ("def f():\n    for i in range(3):\n        pass\n", b"    break\n", 2, False),
    ("from __future__ import annotations\n\ndef f(x: Undefined) -> int:\n    return 1\n", b"    y = 2\n", 4, True),
])
def test_python_gate_compiles_the_enclosing_definition(source, splice_text, where, accepted):
    tree = PythonTree.parse(source)
    offset = tree.text.line_starts[where - 1]
    splice = Splice(offset, offset, splice_text)
    assert tree.accepts(splice) is accepted is whole_file_accepts(tree, splice)
