"""Where a dataset's own fault location and the diff-derived fault lines of a real bug disagree.

Datasets locate faults their own way (ConDefects: a line of the faulty version; the study: a line
label that is sometimes counted in another file). flipbench scores against the lines a line diff
with the fix finds; the dataset's location is kept beside them so that users can see, record by
record, where the two part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from flipbench.model import Program, RealFault


class Agreement(StrEnum):
    SAME = "same"
    """The dataset names exactly the diff-derived lines."""
    OVERLAP = "overlap"
    """They share a line, but one names lines the other does not."""
    DISJOINT = "disjoint"
    """No line in common."""
    NO_LOCATION = "no_location"
    """The dataset gives no location to compare."""


def agreement(fault: RealFault) -> Agreement:
    if not fault.dataset_lines:
        return Agreement.NO_LOCATION
    dataset, derived = set(fault.dataset_lines), set(fault.fault_lines)
    if dataset == derived:
        return Agreement.SAME
    return Agreement.OVERLAP if dataset & derived else Agreement.DISJOINT


@dataclass(frozen=True)
class Disagreement:
    program: str
    agreement: Agreement
    dataset_lines: tuple[int, ...]
    fault_lines: tuple[int, ...]
    distance: int
    """Lines from the nearest dataset line to the nearest diff-derived one (0 when they overlap)."""


def disagreements(programs: Iterable[Program]) -> tuple[Counter[Agreement], tuple[Disagreement, ...]]:
    """How many real bugs agree each way, and every one whose dataset location differs from its diff."""
    counts: Counter[Agreement] = Counter()
    differing = []
    for program in programs:
        fault = program.real_fault
        if fault is None:
            continue
        verdict = agreement(fault)
        counts[verdict] += 1
        if verdict in (Agreement.OVERLAP, Agreement.DISJOINT):
            distance = min(abs(a - b) for a in fault.dataset_lines for b in fault.fault_lines)
            differing.append(Disagreement(program.name, verdict, fault.dataset_lines, fault.fault_lines, distance))
    return counts, tuple(differing)
