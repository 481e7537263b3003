"""Helpers for SPM tests: apply an SPM chain to a snippet treated as a faulty program."""

from __future__ import annotations

from flipbench.model import FaultyProgram, TestSuite
from flipbench.mutators.spms import mutate

from faultkit import snippet


def apply(language: str, source: str, chain: str, *, strength: int = 1, seed: int = 0, fault_lines=(1,),
          fault: str = "", placement: str = "random", content=None, tests: str | None = None):
    program = snippet(language, source)
    if tests is not None:
        from dataclasses import replace

        program = replace(program, tests=TestSuite(tests, "test_snippet.py" if language == "python" else "BoxTest.java"))
    faulty = FaultyProgram(program, fault, tuple(fault_lines), None, 0.0, source)
    return mutate(faulty, chain.split("+"), strength=strength, seed=seed, placement=placement, content=content)


def line(variant, number: int) -> str:
    return variant.source.split("\n")[number - 1]
