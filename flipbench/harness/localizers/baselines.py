"""Model-free localizers: ``baseline/ochiai|tarantula|dstar`` (spectrum-based, from the coverage
recorded when a subject was certified) and ``baseline/random`` (a seeded uniform guess).

Spectrum baselines execute tests, so comments and names cannot fool them: beside an LLM they show
what an SPM does to a localizer that reads behaviour rather than text. The random baseline shows
what chance and noise look like in the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from flipbench.errors import InputError
from flipbench.harness.localizers.spectrum import FORMULAS
from flipbench.harness.planning import Subject
from flipbench.mutators.sampling import rank

PROVIDER = "baseline"
NAMES = (*FORMULAS, "random")


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
        """Every candidate line, most suspicious first."""
        if self.name == "random":
            lines = range(1, subject.line_count + 1)
            return tuple(sorted(lines, key=lambda line: rank(self.seed, f"{subject.id}\x00{draw_label}\x00{line}")))
        ranking = subject.ranking(self.name)
        if not ranking:
            raise NoCoverage(f"{subject.program}: no coverage with a failing test to rank lines by")
        return ranking


def baseline(model: str, seed: int) -> Baseline:
    if model not in NAMES:
        raise InputError(f"unknown baseline {PROVIDER}/{model!r}: use one of "
                         + ", ".join(f"{PROVIDER}/{name}" for name in NAMES))
    return Baseline(model, seed)
