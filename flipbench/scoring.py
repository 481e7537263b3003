"""Scoring against the fault lines, in one place: an answer (exact, within a tolerance, top-k, EXAM),
and a ranking with ties (where it puts the fault under each tie rule).

The study counted |predicted - label| <= 2 as a hit (stated only in its code); flipbench scores
exact by default and reports every measure for every answer, so a run can be re-read under
another rule without asking the model again.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from flipbench.model import RankedLine


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
        exam=exam(hits[0], line_count) if hits else 1.0,
    )


def exam(rank: float, line_count: int) -> float:
    """EXAM: the share of the file read before reaching the fault, reading lines in ranked order."""
    return rank / max(line_count, 1)


Ties = Literal["best", "average", "pessimistic"]
"""How a fault line tied with other lines is ranked: first among them, as a uniformly random
tie-break would on average, or last. Spectrum scores tie often (every line that only failing tests
execute scores 1.0 under Ochiai), so one tie rule alone would either flatter or punish a baseline."""
TIE_RULES: tuple[Ties, ...] = ("best", "average", "pessimistic")


@dataclass(frozen=True)
class Localization:
    """Where a ranking put a fault: ``above`` lines scored higher than its best fault line, ``tied`` lines
    (``faults_tied`` of them fault lines) scored the same."""

    above: int
    tied: int
    faults_tied: int

    def rank(self, ties: Ties = "pessimistic") -> float:
        """1-based rank of the first fault line: the first fault line among the tied lines comes first
        (best), at its expected position ``(tied + 1) / (faults_tied + 1)`` (average), or after every
        other tied line (pessimistic)."""
        if ties == "best":
            return self.above + 1
        if ties == "average":
            return self.above + (self.tied + 1) / (self.faults_tied + 1)
        return self.above + self.tied - self.faults_tied + 1

    def top(self, n: int, ties: Ties = "pessimistic") -> float:
        """Whether a fault line is among the first ``n`` lines: 1.0 or 0.0, or for average ties the
        probability that a uniformly random tie-break puts one there."""
        if ties != "average":
            return float(self.rank(ties) <= n)
        slots = min(max(n - self.above, 0), self.tied)  # first places left for the tied lines
        missed = math.comb(self.tied - self.faults_tied, slots) / math.comb(self.tied, slots)
        return 1.0 - missed


def locate(ranking: tuple[RankedLine, ...], fault_lines: Collection[int]) -> Localization | None:
    """Where ``ranking`` put the fault (None: no fault line was executed, so none is ranked)."""
    scores = [ranked.score for ranked in ranking if ranked.line in fault_lines]
    if not scores:
        return None
    best = max(scores)
    return Localization(above=sum(1 for ranked in ranking if ranked.score > best),
                        tied=sum(1 for ranked in ranking if ranked.score == best),
                        faults_tied=sum(1 for ranked in ranking if ranked.score == best and ranked.line in fault_lines))


def rank_of(ranking: tuple[RankedLine, ...], fault_lines: tuple[int, ...],
            ties: Ties = "pessimistic") -> float | None:
    """1-based rank of the best-ranked fault line under a tie rule (None: not ranked)."""
    located = locate(ranking, fault_lines)
    return None if located is None else located.rank(ties)
