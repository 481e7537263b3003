"""Helpers for fault-operator tests: inject into a snippet and look at what came out."""

from __future__ import annotations

from flipbench.corpora.syntax import default_filename
from flipbench.model import FaultyProgram, Program, Provenance, source_lines
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


def diff_block(old: str, new: str) -> tuple[int, int, int]:
    """Common prefix and suffix of two line lists: (prefix, old middle length, new middle length)."""
    a, b = source_lines(old), source_lines(new)
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix, len(a) - prefix - suffix, len(b) - prefix - suffix


def expected_fault_lines(old: str, new: str) -> tuple[int, ...]:
    """What a line-by-line diff says changed; a pure deletion is the pair of lines around the gap."""
    prefix, _, new_middle = diff_block(old, new)
    changed = tuple(range(prefix + 1, prefix + new_middle + 1))
    line_count = len(source_lines(new))
    return changed or tuple(line for line in (prefix, prefix + 1) if 1 <= line <= line_count)


def diff_allows(old: str, new: str, fault_lines: tuple[int, ...]) -> bool:
    """Whether the fault lines are what a line diff of ``old`` and ``new`` finds. A deletion next to
    lines equal to the deleted ones has several places it may have been: any of them will do."""
    if fault_lines == expected_fault_lines(old, new):
        return True
    a, b = source_lines(old), source_lines(new)
    deleted = len(a) - len(b)
    return deleted > 0 and any(
        tuple(line for line in (gap, gap + 1) if 1 <= line <= len(b)) == fault_lines
        and a[:gap] == b[:gap] and a[gap + deleted:] == b[gap:] for gap in range(len(b) + 1))
