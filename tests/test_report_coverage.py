"""The report's 95% intervals cover the truth about 95% of the time on runs whose answers are correlated
within a program, and the interval that treats every task as independent does not.

Each simulated run has 50 seed programs with 2-12 pairs each. A program has its own chance of flipping
under the SPM (Beta(2, 6), mean 0.25), under the control (Beta(1, 9), mean 0.10) and of being found at
all (Beta(2, 3), mean 0.40): answers about one program are alike, as a model's are. The true net effect
is 0.15 and the true accuracy 0.40.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

from flipbench.analysis import tables
from flipbench.analysis.frames import Run
from flipbench.analysis.statistics import Bootstrap, bootstrap_ratio, clustered_rate, naive_mean_interval, wilson

RUNS = 1000
PROGRAMS = 50
TRUE_NET_EFFECT = 2 / 8 - 1 / 10
TRUE_ACCURACY = 2 / 5
BOOTSTRAP = Bootstrap(resamples=1000, seed=11)


@dataclass(frozen=True)
class Simulated:
    sizes: np.ndarray
    """(run, program) pairs."""
    outcomes: np.ndarray
    """(run, program, 3): pairs where only the variant flipped, only the control, or neither/both."""
    found: np.ndarray
    """(run, program): stage-1 answers correct, out of ``sizes``."""


@pytest.fixture(scope="module")
def simulated() -> Simulated:
    rng = np.random.default_rng(1)
    sizes = rng.integers(2, 13, size=(RUNS, PROGRAMS))
    variant = rng.beta(2, 6, size=(RUNS, PROGRAMS))
    control = rng.beta(1, 9, size=(RUNS, PROGRAMS))
    only_variant, only_control = variant * (1 - control), control * (1 - variant)
    outcomes = rng.multinomial(sizes, np.stack([only_variant, only_control, 1 - only_variant - only_control], -1))
    found = rng.binomial(sizes, rng.beta(2, 3, size=(RUNS, PROGRAMS)))
    return Simulated(sizes, outcomes, found)


def _covers(interval: tuple[float | None, float | None] | None, truth: float) -> bool:
    return interval is not None and interval[0] is not None and interval[0] <= truth <= interval[1]


def test_the_clustered_net_effect_interval_covers_the_truth_95_percent_of_the_time(simulated):
    covered = [_covers((estimate.low, estimate.high), TRUE_NET_EFFECT) for estimate in (
        bootstrap_ratio(outcomes[:, 0] - outcomes[:, 1], sizes, BOOTSTRAP)
        for outcomes, sizes in zip(simulated.outcomes, simulated.sizes))]
    assert 0.93 <= np.mean(covered) <= 0.97


def test_the_naive_net_effect_interval_under_covers_on_the_same_runs(simulated):
    covered = []
    for outcomes in simulated.outcomes:
        differences = np.repeat([1, -1, 0], outcomes.sum(axis=0))
        covered.append(_covers(naive_mean_interval(differences), TRUE_NET_EFFECT))
    assert np.mean(covered) < 0.88


def test_the_clustered_accuracy_interval_covers_the_truth_95_percent_of_the_time(simulated):
    covered = [_covers((estimate.low, estimate.high), TRUE_ACCURACY) for estimate in (
        clustered_rate(found, sizes) for found, sizes in zip(simulated.found, simulated.sizes))]
    assert 0.93 <= np.mean(covered) <= 0.97


def test_the_plain_wilson_accuracy_interval_under_covers_on_the_same_runs(simulated):
    covered = [_covers(wilson(found.sum(), sizes.sum()), TRUE_ACCURACY)
               for found, sizes in zip(simulated.found, simulated.sizes)]
    assert np.mean(covered) < 0.85


def _simulated_run(simulated: Simulated, index: int) -> Run:
    """One simulated run as a Run's DataFrames: every pair correct before, the variant and control answers
    as simulated (an end-to-end path through the flips table)."""
    rows = []
    for program, (outcomes, _) in enumerate(zip(simulated.outcomes[index], simulated.sizes[index])):
        kinds = np.repeat([(1, 0), (0, 1), (0, 0)], outcomes, axis=0)
        for pair, (variant_flipped, control_flipped) in enumerate(kinds):
            faulty = f"f{program}-{pair}"
            for role, wrong in (("before", 0), ("variant", variant_flipped), ("control", control_flipped)):
                rows.append({"task_id": f"{role}:{faulty}", "role": role, "localizer": "sim", "draw": 0,
                             "condition": {"before": "", "variant": "spm x1", "control": "control"}[role],
                             "status": "wrong" if wrong else "correct", "predicted_line": 1, "exact": not wrong,
                             "within_tolerance": not wrong, "top_k": not wrong, "expected_correct": None,
                             "input_tokens": None, "output_tokens": None,
                             "subject_id": faulty if role != "variant" else f"v:{faulty}", "faulty_id": faulty,
                             "program": f"p{program:02d}", "language": "python", "fault": "operator_swap",
                             "spm": "spm" if role == "variant" else "", "strength": 1 if role == "variant" else 0,
                             "placement": "random" if role == "variant" else "", "position": 10.0,
                             "edit_distance": 3 if role == "variant" else None})
    tasks = pd.DataFrame(rows)
    ids = tasks["subject_id"].unique()
    subjects = pd.DataFrame({"subject_id": ids, "fault_lines": [(1,)] * len(ids), "function_spans": [()] * len(ids)})
    subjects = subjects.assign(kind="faulty", faulty_id="", program="", language="python", fault="operator_swap",
                               condition="", verdict="live")
    return Run(tasks=tasks, subjects=subjects, name="simulated")


def test_the_flips_table_gives_the_simulated_intervals_end_to_end(simulated):
    run = _simulated_run(simulated, 0)
    row = tables.flips(run, BOOTSTRAP).iloc[0]
    direct = bootstrap_ratio(simulated.outcomes[0, :, 0] - simulated.outcomes[0, :, 1], simulated.sizes[0], BOOTSTRAP)
    assert row["n"] == simulated.sizes[0].sum() and row["clusters"] == PROGRAMS
    assert (row["net_effect"], row["ci_low"], row["ci_high"]) == pytest.approx((direct.value, direct.low, direct.high))
