"""Scoring one answer against the fault lines: exact, within a tolerance, top-k and EXAM.

The study counted |predicted - label| <= 2 as a hit (stated only in its code); flipbench scores
exact by default and reports every measure for every answer, so a run can be re-read under
another rule without asking the model again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    """What counts as a correct answer: one of the first ``top`` predicted lines lies within
    ``tolerance`` lines of a fault line."""

    tolerance: int = 0
    top: int = 1

    def __post_init__(self) -> None:
        if self.tolerance < 0 or self.top < 1:
            raise ValueError("a match needs tolerance >= 0 and top >= 1")


@dataclass(frozen=True)
class Score:
    correct: bool
    """Under the experiment's match rule."""
    exact: bool
    """The first predicted line is a fault line."""
    within_tolerance: bool
    """The first predicted line is within the tolerance of a fault line."""
    top_k: bool
    """Any of the first ``top`` predicted lines is a fault line."""
    exam: float
    """Share of the file examined before reaching a fault line when reading the predicted lines in
    order (rank / line count); 1.0 when no predicted line is a fault line."""


def distance(line: int, fault_lines: Sequence[int]) -> int:
    return min(abs(line - fault) for fault in fault_lines)


def score(predicted: Sequence[int], fault_lines: Sequence[int], line_count: int, match: Match) -> Score:
    if not fault_lines:
        raise ValueError("a task without fault lines cannot be scored")
    first = predicted[0] if predicted else None
    hits = [rank for rank, line in enumerate(predicted, start=1) if line in fault_lines]
    return Score(
        correct=any(distance(line, fault_lines) <= match.tolerance for line in predicted[:match.top]),
        exact=first is not None and first in fault_lines,
        within_tolerance=first is not None and distance(first, fault_lines) <= match.tolerance,
        top_k=bool(hits) and hits[0] <= match.top,
        exam=hits[0] / max(line_count, 1) if hits else 1.0,
    )
