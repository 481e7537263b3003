"""Tests for programs that read standard input and print an answer (competitive programming: ConDefects,
AtCoder): each (input, expected output) pair becomes one case of a flipbench-format Python test module.

A case runs the program file as ``python program.py`` would (``runpy``, as ``__main__``), with the input on
file descriptor 0 and ``sys.stdin`` (so ``input()``, ``sys.stdin.buffer`` and ``open(0)`` all read it), its
output captured (``print`` and ``sys.stdout.buffer``), threads it started joined (a common trick for deep
recursion), and compares the output line by line with the expected one, as ConDefects' own runner does.
``exit()`` with status 0 ends a run normally. The program's lines are traced like any tested program's, so
spectrum rankings work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flipbench.model import TestSuite

_MODULE = '''\
"""{title}"""

import io
import os
import runpy
import sys
import tempfile
import threading

PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), {program!r})
CASES = {cases!r}


def _run(name):
    given, expected = CASES[name]
    saved_fd, saved_in, saved_out = os.dup(0), sys.stdin, sys.stdout
    output = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\\n")
    with tempfile.TemporaryFile() as data:
        data.write(given.encode("utf-8"))
        data.seek(0)
        os.dup2(data.fileno(), 0)
        sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, closefd=False)), encoding="utf-8")
        sys.stdout = output
        before = set(threading.enumerate())
        try:
            runpy.run_path(PROGRAM, run_name="__main__")
        except SystemExit as end:
            if end.code not in (None, 0):
                raise AssertionError("the program exited with status %r" % (end.code,)) from None
        finally:
            for thread in set(threading.enumerate()) - before:
                thread.join()
            output.flush()
            sys.stdin, sys.stdout = saved_in, saved_out
            os.dup2(saved_fd, 0)
            os.close(saved_fd)
    printed = output.buffer.getvalue().decode("utf-8", "replace")
    assert printed.splitlines() == expected.splitlines(), "printed %r, expected %r" % (printed[:200], expected[:200])
'''


@dataclass(frozen=True)
class StdinCase:
    name: str
    given: str
    expected: str


def stdin_test_suite(program_filename: str, cases: Sequence[StdinCase], title: str) -> TestSuite:
    """A flipbench-format test module with one ``test_<name>`` per case (names made identifiers, unique)."""
    names: dict[str, StdinCase] = {}
    for case in cases:
        name = re.sub(r"\W", "_", case.name)
        while name in names:
            name += "_"
        names[name] = case
    source = _MODULE.format(title=title, program=program_filename,
                            cases={name: (case.given, case.expected) for name, case in names.items()})
    source += "".join(f"\n\ndef test_{name}():\n    _run({name!r})\n" for name in names)
    return TestSuite(source, f"test_{program_filename.removesuffix('.py')}.py")
