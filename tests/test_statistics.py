"""The report's statistics on numbers worked out by hand or by an independent formula."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import binomtest, norm
from scipy.stats import t as student_t

from flipbench.analysis.statistics import (
    Bootstrap,
    bootstrap_difference,
    bootstrap_ratio,
    bootstrap_slope,
    clustered_rate,
    design_effect,
    expanded_tail,
    holm,
    mcnemar,
    wilson,
)


def test_wilson_matches_the_textbook_interval():
    # 8 of 10: Wilson's 95% interval is [0.4902, 0.9433] (Newcombe 1998, Table I)
    low, high = wilson(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)


def test_wilson_is_exactly_zero_or_one_at_the_edges():
    assert wilson(0, 7)[0] == 0.0 and wilson(7, 7)[1] == 1.0


def test_a_rate_from_one_program_has_no_interval():
    estimate = clustered_rate(np.array([3]), np.array([5]))
    assert estimate.value == 0.6 and estimate.low is None and estimate.clusters == 1


def test_clustered_rate_is_wilson_at_n_over_the_design_effect():
    successes, trials = np.array([5, 0, 4, 0, 5, 1]), np.array([5, 5, 5, 5, 5, 5])
    p = successes.sum() / trials.sum()
    robust = 6 / 5 * ((successes - p * trials) ** 2).sum() / trials.sum() ** 2
    deff = robust / (p * (1 - p) / trials.sum())
    estimate = clustered_rate(successes, trials)
    assert design_effect(successes, trials) == pytest.approx(deff) and deff > 2
    assert (estimate.low, estimate.high) == pytest.approx(wilson(p * 30 / deff, 30 / deff))


def test_the_design_effect_never_narrows_the_interval_below_the_binomial_one():
    # every program alike: the robust variance is below the binomial one, and the design effect stays 1
    successes, trials = np.array([2, 2, 2, 2]), np.array([4, 4, 4, 4])
    assert design_effect(successes, trials) == 1.0
    assert (clustered_rate(successes, trials).low, clustered_rate(successes, trials).high) == pytest.approx(wilson(8, 16))


def test_the_bootstrap_resamples_programs_by_the_documented_draw():
    numerators, denominators = np.array([1.0, 0.0, 2.0, -1.0, 0.0]), np.array([2.0, 1.0, 3.0, 2.0, 1.0])
    bootstrap = Bootstrap(resamples=500, seed=7)
    indices = np.random.default_rng(7).integers(0, 5, size=(500, 5))
    samples = [numerators[row].sum() / denominators[row].sum() for row in indices]
    tail = norm.cdf(-math.sqrt(5 / 4) * student_t.ppf(0.975, 4))
    estimate = bootstrap_ratio(numerators, denominators, bootstrap)
    assert estimate.value == pytest.approx(2 / 9)
    assert (estimate.low, estimate.high) == pytest.approx(tuple(np.quantile(samples, [tail, 1 - tail])))


def test_the_expanded_percentile_tail_tends_to_two_and_a_half_percent():
    assert expanded_tail(5) < expanded_tail(40) < expanded_tail(2000) < 0.025
    assert expanded_tail(2000) == pytest.approx(0.025, abs=2e-4)


def test_a_difference_of_identical_ratios_is_exactly_zero_in_every_resample():
    first = (np.array([1.0, 2.0, 0.0]), np.array([2.0, 3.0, 1.0]))
    estimate = bootstrap_difference(first, first, Bootstrap(resamples=200))
    assert (estimate.value, estimate.low, estimate.high) == (0.0, 0.0, 0.0)


def test_the_slope_of_rates_that_fall_linearly_is_their_step():
    # rates 0.8, 0.6, 0.4 at strengths 1, 2, 3 in both programs
    numerators = np.array([[8.0, 4.0], [6.0, 3.0], [4.0, 2.0]])
    denominators = np.array([[10.0, 5.0], [10.0, 5.0], [10.0, 5.0]])
    estimate = bootstrap_slope([1, 2, 3], numerators, denominators, Bootstrap(resamples=200))
    assert (estimate.value, estimate.low, estimate.high) == pytest.approx((-0.2, -0.2, -0.2))


def test_mcnemar_is_the_exact_binomial_test_on_the_discordant_pairs():
    assert mcnemar(9, 2) == pytest.approx(binomtest(9, 11, 0.5).pvalue)
    assert mcnemar(0, 0) == 1.0


def test_holm_steps_down_and_keeps_the_order():
    assert holm([0.01, 0.04, 0.03, None]) == pytest.approx([0.03, 0.06, 0.06, None], nan_ok=True)
    assert holm([0.5, 0.9]) == [1.0, 1.0]  # 2 x 0.5 is capped at 1, and no later p may be smaller
