"""Flip rates with a null control, per localizer and SPM condition.

A *flip* is a (faulty program, draw) the localizer got right before the SPM and wrong after it.
Some of that is sampling noise: the *control* asks the unchanged faulty program again with the
same kind of fresh draw, and its flip rate is what the SPM's must be compared with. The *net
effect* is the mean paired difference (variant flip minus control flip, over the pairs correct
before), with a 95% normal-approximation interval. Tasks that ended in ``error`` are left out of
every rate and counted separately.

A baseline's answer also carries its chance of being correct under a uniformly random order of its
tied lines; averaged over the same tasks and pairs, these give the *expected* accuracies, flip rates
and net effect: what the measured ones estimate, without the noise of the seeded tie-break.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Z95 = 1.959963984540054
Pair = tuple[str, str, int]
"""(localizer, faulty id, draw): what a variant answer is compared with."""


@dataclass(frozen=True)
class Answer:
    """A finished task as the summary sees it."""

    status: str
    """correct, wrong or error."""
    expected_correct: float | None = None
    """Its chance of being correct over the tie-break (baselines; None for chat models)."""


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class ConditionSummary:
    localizer: str
    condition: str
    n: int
    """Pairs correct before the SPM with a scored answer after it."""
    accuracy_before: float | None
    accuracy_after: float | None
    flip_rate: float | None
    control_flip_rate: float | None
    net_effect: float | None
    interval: Interval | None
    errors: int
    """Variant tasks that ended in ``error`` (not in any rate)."""
    expected_accuracy_before: float | None = None
    """The rates above as a uniformly random tie-break gives them on average (baselines only)."""
    expected_accuracy_after: float | None = None
    expected_flip_rate: float | None = None
    expected_control_flip_rate: float | None = None
    expected_net_effect: float | None = None


@dataclass
class _Mean:
    total: float = 0.0
    count: int = 0

    def add(self, value: float | None) -> None:
        if value is not None:
            self.total += value
            self.count += 1

    @property
    def value(self) -> float | None:
        return self.total / self.count if self.count else None


@dataclass
class _Counts:
    before_scored: int = 0
    before_correct: int = 0
    after_scored: int = 0
    after_correct: int = 0
    n: int = 0
    flips: int = 0
    errors: int = 0
    differences: list[int] = field(default_factory=list)
    control_flips: int = 0
    expected_before: _Mean = field(default_factory=_Mean)
    expected_after: _Mean = field(default_factory=_Mean)
    expected_flips: _Mean = field(default_factory=_Mean)
    expected_control_flips: _Mean = field(default_factory=_Mean)
    expected_differences: _Mean = field(default_factory=_Mean)


def summarize(before: Mapping[Pair, Answer], control: Mapping[Pair, Answer],
              variants: Iterable[tuple[str, str, str, int, Answer]]) -> list[ConditionSummary]:
    """``before`` and ``control`` map pairs to an answer; ``variants`` streams
    (localizer, condition, faulty id, draw, answer) for every variant task."""
    counts: dict[tuple[str, str], _Counts] = {}
    unasked = Answer("error")
    for localizer, condition, faulty_id, draw, answer in variants:
        tally = counts.setdefault((localizer, condition), _Counts())
        pair = (localizer, faulty_id, draw)
        earlier = before.get(pair, unasked)
        if earlier.status in ("correct", "wrong"):
            tally.before_scored += 1
            tally.before_correct += earlier.status == "correct"
            tally.expected_before.add(earlier.expected_correct)
        if answer.status == "error":
            tally.errors += 1
            continue
        tally.after_scored += 1
        tally.after_correct += answer.status == "correct"
        tally.expected_after.add(answer.expected_correct)
        if earlier.status != "correct":
            continue
        tally.n += 1
        flipped = answer.status == "wrong"
        tally.flips += flipped
        tally.expected_flips.add(_complement(answer.expected_correct))
        again = control.get(pair, unasked)
        if again.status in ("correct", "wrong"):
            tally.control_flips += again.status == "wrong"
            tally.differences.append(int(flipped) - int(again.status == "wrong"))
            tally.expected_control_flips.add(_complement(again.expected_correct))
            if answer.expected_correct is not None and again.expected_correct is not None:
                tally.expected_differences.add(again.expected_correct - answer.expected_correct)
    return [_summary(localizer, condition, tally) for (localizer, condition), tally in sorted(counts.items())]


def _summary(localizer: str, condition: str, tally: _Counts) -> ConditionSummary:
    paired = len(tally.differences)
    net = sum(tally.differences) / paired if paired else None
    return ConditionSummary(
        localizer, condition, tally.n,
        accuracy_before=_share(tally.before_correct, tally.before_scored),
        accuracy_after=_share(tally.after_correct, tally.after_scored),
        flip_rate=_share(tally.flips, tally.n),
        control_flip_rate=_share(tally.control_flips, paired),
        net_effect=net,
        interval=mean_interval(tally.differences),
        errors=tally.errors,
        expected_accuracy_before=tally.expected_before.value,
        expected_accuracy_after=tally.expected_after.value,
        expected_flip_rate=tally.expected_flips.value,
        expected_control_flip_rate=tally.expected_control_flips.value,
        expected_net_effect=tally.expected_differences.value,
    )


def _complement(chance: float | None) -> float | None:
    return None if chance is None else 1.0 - chance


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def mean_interval(values: list[int]) -> Interval | None:
    """95% interval of a mean (normal approximation); None below two values."""
    count = len(values)
    if count < 2:
        return None
    mean = sum(values) / count
    variance = sum((value - mean) ** 2 for value in values) / (count - 1)
    half = Z95 * math.sqrt(variance / count)
    return Interval(mean - half, mean + half)
