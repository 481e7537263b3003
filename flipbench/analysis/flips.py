"""Flip rates with a null control, per localizer and SPM condition.

A *flip* is a (faulty program, draw) the localizer got right before the SPM and wrong after it.
Some of that is sampling noise: the *control* asks the unchanged faulty program again with the
same kind of fresh draw, and its flip rate is what the SPM's must be compared with. The *net
effect* is the mean paired difference (variant flip minus control flip, over the pairs correct
before), with a 95% normal-approximation interval. Tasks that ended in ``error`` are left out of
every rate and counted separately.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Z95 = 1.959963984540054
Pair = tuple[str, str, int]
"""(localizer, faulty id, draw): what a variant answer is compared with."""


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


def summarize(before: Mapping[Pair, str], control: Mapping[Pair, str],
              variants: Iterable[tuple[str, str, str, int, str]]) -> list[ConditionSummary]:
    """``before`` and ``control`` map pairs to a status; ``variants`` streams
    (localizer, condition, faulty id, draw, status) for every variant task."""
    counts: dict[tuple[str, str], _Counts] = {}
    for localizer, condition, faulty_id, draw, status in variants:
        tally = counts.setdefault((localizer, condition), _Counts())
        pair = (localizer, faulty_id, draw)
        earlier = before.get(pair)
        if earlier in ("correct", "wrong"):
            tally.before_scored += 1
            tally.before_correct += earlier == "correct"
        if status == "error":
            tally.errors += 1
            continue
        tally.after_scored += 1
        tally.after_correct += status == "correct"
        if earlier != "correct":
            continue
        tally.n += 1
        flipped = status == "wrong"
        tally.flips += flipped
        again = control.get(pair)
        if again in ("correct", "wrong"):
            tally.control_flips += again == "wrong"
            tally.differences.append(int(flipped) - int(again == "wrong"))
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
    )


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
