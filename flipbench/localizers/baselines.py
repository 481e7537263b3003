"""Model-free localizers: ``baseline/ochiai|tarantula|dstar`` (spectrum-based, from the coverage
recorded when a subject was certified) and ``baseline/random`` (a seeded uniform guess).

Spectrum baselines execute tests, so comments and names cannot fool them: beside an LLM they show
what an SPM does to a localizer that reads behaviour rather than text. The random baseline shows
what chance and noise look like in the same table.

Equally suspicious lines are ordered by a seeded draw per subject and draw label (the random
baseline is the case where every line ties), so that a baseline's flip measures the SPM and not
where the SPM put a line: by line order, a dead-code guard executed above the fault would take its
place every time. Each answer also carries its expectation over that draw (:meth:`Baseline.chance_correct`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flipbench.localizers.base import ModelSpec
from flipbench.localizers.protocol import Capabilities, Draw, LocalizerAnswer, TaskContext, Unanswered
from flipbench.localizers.spectrum import FORMULAS, break_ties
from flipbench.model import RankedLine, Subject
from flipbench.mutators import rank
from flipbench.scoring import Match, locate

NAMES = (*FORMULAS, "random")
"""The baselines, each named ``baseline/<name>``."""


class NoCoverage(Exception):
    """The subject has no coverage to rank (it was not run, or no test failed on it)."""


@dataclass(frozen=True)
class Baseline:
    name: str
    """``ochiai``, ``tarantula``, ``dstar`` or ``random``."""
    seed: int = 0

    @property
    def needs_coverage(self) -> bool:
        return self.name in FORMULAS

    def localize(self, subject: Subject, draw_label: str) -> tuple[int, ...]:
        """Every candidate line, most suspicious first, ties in the seeded order of this subject and draw.
        Every baseline draws the same order, so two of them differ only where their scores do."""
        return break_ties(self._scored(subject),
                          lambda line: rank(self.seed, f"{subject.id}\x00{draw_label}\x00{line}"))

    def chance_correct(self, subject: Subject, match: Match) -> float:
        """The probability that a uniformly random order of the tied lines makes the answer correct
        under ``match``: the expectation of what :meth:`localize` samples, free of the draw's noise."""
        near = {fault + offset for fault in subject.fault_lines for offset in range(-match.tolerance, match.tolerance + 1)}
        located = locate(self._scored(subject), near)
        return 0.0 if located is None else located.top(match.top, "average")

    def _scored(self, subject: Subject) -> tuple[RankedLine, ...]:
        if self.name == "random":
            return tuple(RankedLine(line, 0.0) for line in range(1, subject.line_count + 1))
        ranking = subject.ranking(self.name)
        if not ranking:
            raise NoCoverage(f"{subject.program}: no coverage with a failing test to rank lines by")
        return ranking


SPECTRUM = Capabilities(needs_coverage=True)
CHANCE = Capabilities()


@dataclass(frozen=True)
class BaselineLocalizer:
    """A baseline as a localizer: its whole ranking is the answer (scored for top-k and EXAM, then trimmed),
    with its expected correctness under ``match``. It never waits, so its coroutine never suspends."""

    spec: ModelSpec
    baseline: Baseline
    match: Match

    @property
    def capabilities(self) -> Capabilities:
        return SPECTRUM if self.baseline.needs_coverage else CHANCE

    async def localize(self, subject: Subject, draw: Draw, context: TaskContext) -> LocalizerAnswer:
        try:
            ranking = self.baseline.localize(subject, draw.label)
        except NoCoverage as reason:
            raise Unanswered(f"no coverage: {reason}") from None
        return LocalizerAnswer(ranking, "ranking", expected_correct=self.baseline.chance_correct(subject, self.match))
