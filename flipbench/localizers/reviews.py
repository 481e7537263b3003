"""Reviewing the change: a subject shown as the unified diff a pull request would show.

A code-review tool or a model asked to review sees the diff from a base to the subject, with the
file name and ``context`` lines around each hunk; the line numbers it answers with refer to the new
file (the subject), so they are scored like any other answer. The base is the original program (the
fixed version of a real bug): in stage 2 the SPMs' edits are part of the change, as in a noisy pull
request. With ``diff_base = "spm"`` a variant's base is the variant without its fault
(:func:`flipbench.mutators.revert_fault`), so the change is the fault's hunk alone, in surroundings
the SPMs changed. A faulty program (stage 1, the control) has one base either way.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from flipbench.model import Subject, source_lines

DiffBase = Literal["original", "spm"]
DIFF_BASES: tuple[DiffBase, ...] = ("original", "spm")
View = Literal["file", "diff"]
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class Review:
    """How a change is shown: against which base, with how many lines of context."""

    base: DiffBase = "original"
    context: int = 3

    def describe(self) -> str:
        """The view in words, for the report: ``diff (base: original, context 3)``."""
        return f"diff (base: {self.base}, context {self.context})"


def review_base(subject: Subject, base: DiffBase) -> str:
    """The source the change to ``subject`` is shown against."""
    if base == "spm" and subject.kind == "variant" and subject.spm_base:
        return subject.spm_base
    return subject.original


def unified_diff(subject: Subject, review: Review) -> str:
    """The change to ``subject`` as ``git diff`` prints it (``a/`` and ``b/`` file names, ``--unified``)."""
    return _diff(review_base(subject, review.base), subject.source, file_name(subject), review.context)


def numbered_diff(subject: Subject, review: Review) -> str:
    """The unified diff with the new file's line number before every line it keeps or adds, as a review
    page shows them (a removed line has none): the numbers an answer names."""
    return _numbered(unified_diff(subject, review))


def file_name(subject: Subject) -> str:
    """The subject's real file name (a program imported without one: what flipbench names such files)."""
    return subject.filename or ("Program.java" if subject.language == "java" else "program.py")


@lru_cache(maxsize=256)
def _diff(base: str, source: str, filename: str, context: int) -> str:
    lines = difflib.unified_diff(source_lines(base), source_lines(source), f"a/{filename}", f"b/{filename}",
                                 n=context, lineterm="")
    return "\n".join(lines) + "\n" if base != source else ""


def _numbered(diff: str) -> str:
    lines = diff.splitlines()
    hunks = [match for match in map(_HUNK.match, lines) if match]
    width = len(str(max((int(hunk[3]) + int(hunk[4] or 1) for hunk in hunks), default=1)))
    rows, new = [], 0
    for index, line in enumerate(lines):
        hunk = _HUNK.match(line)
        if hunk:
            new = int(hunk[3])
            rows.append(line)
        elif index < 2 and line.startswith(("--- ", "+++ ")):
            rows.append(line)
        elif line.startswith("-"):
            rows.append(f"{'':>{width}} {line}")
        else:
            rows.append(f"{new:>{width}} {line}")
            new += 1
    return "\n".join(rows) + ("\n" if rows else "")
