"""Helpers for fault-operator tests: inject into a snippet and look at what came out."""

from __future__ import annotations

from flipbench.corpora.syntax import default_filename
from flipbench.model import FaultyProgram, Program, Provenance
from flipbench.mutators.faults import inject


def snippet(language: str, source: str) -> Program:
    filename = "snippet.py" if language == "python" else default_filename(language, source)
    return Program("snippet", language, source, "", filename, Provenance("test", "snippet", "MIT"))


def faults(language: str, source: str, operator: str) -> list[FaultyProgram]:
    return list(inject(snippet(language, source), [operator]))


def changes(language: str, source: str, operator: str) -> list[tuple[str, str]]:
    """(before, after) of each fault, in source order."""
    return [(f.edit.before, f.edit.after) for f in faults(language, source, operator)]


def lines_after(language: str, source: str, operator: str) -> list[str]:
    """The text of each fault's first fault line."""
    return [f.source.split("\n")[f.fault_lines[0] - 1].strip() for f in faults(language, source, operator)]
