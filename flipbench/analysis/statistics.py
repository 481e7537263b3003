"""Intervals and tests that respect how a run's answers hang together.

Answers about one seed program are correlated (its faults share code, its variants share a faulty
program, its draws share a prompt), so an interval that treats every task as independent is too
narrow (Miller, "Adding Error Bars to Evals", 2024). Here every interval treats the *seed program*
as the unit of resampling:

- a rate (accuracy, flip rate) gets a Wilson interval at the design-effect-adjusted sample size:
  the cluster-robust variance of the rate over the binomial one gives the design effect, and
  ``n / design effect`` (never more than ``n``) is the effective sample size (Korn & Graubard 1998);
- a difference (net effect, a version or run against another, a slope) gets a seeded cluster
  bootstrap: resample seed programs with replacement, recompute the statistic, and take the
  expanded percentile interval (the 2.5th and 97.5th percentiles, widened for few clusters);
- a paired comparison of two binary answers gets an exact McNemar test (a binomial test on the
  discordant pairs), and a family of them Holm's step-down adjustment.

The bootstrap is reproducible by anyone: for ``C`` clusters sorted by name, resample ``b`` draws
the cluster indices ``numpy.random.default_rng(seed).integers(0, C, size=(resamples, C))[b]``, the
same for every statistic over ``C`` clusters. A ratio statistic is ``sum(numerators[indices]) /
sum(denominators[indices])`` per resample.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.stats import binomtest, norm
from scipy.stats import t as student_t

from flipbench.analysis.defaults import RESAMPLES

Z95 = 1.959963984540054
LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    """A statistic with its 95% interval (None where it cannot be estimated) and the clusters behind it."""

    value: float | None
    low: float | None
    high: float | None
    clusters: int


EMPTY = Estimate(None, None, None, 0)


@dataclass(frozen=True)
class Bootstrap:
    """The resampling settings of a report: how many resamples, and the seed of their indices."""

    resamples: int = RESAMPLES
    seed: int = 0

    def indices(self, clusters: int) -> np.ndarray:
        """Resampled cluster indices, ``(resamples, clusters)``: the same for every statistic over as many
        clusters (common random numbers: differences between rows are not blurred by the draw)."""
        return _indices(self.resamples, self.seed, clusters)


@lru_cache(maxsize=8)
def _indices(resamples: int, seed: int, clusters: int) -> np.ndarray:
    indices = np.random.default_rng(seed).integers(0, clusters, size=(resamples, clusters))
    indices.setflags(write=False)
    return indices


def wilson(successes: float, n: float, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion (``n`` may be an effective, non-integer sample size)."""
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low = 0.0 if p <= 0 else max(0.0, centre - half)  # exactly, not a rounding error away
    high = 1.0 if p >= 1 else min(1.0, centre + half)
    return low, high


def design_effect(successes: np.ndarray, trials: np.ndarray) -> float:
    """Cluster-robust variance of the pooled rate over its binomial variance, at least 1.

    ``successes[c]`` and ``trials[c]`` are cluster ``c``'s counts. The robust variance is the usual
    linearization of a ratio estimator, ``C/(C-1) * sum((s_c - p t_c)^2) / N^2``; a rate of 0 or 1 has
    no binomial variance to compare with, and gets 1."""
    clusters, total = len(trials), float(np.sum(trials))
    p = float(np.sum(successes)) / total
    binomial = p * (1 - p) / total
    if clusters < 2 or binomial <= 0:
        return 1.0
    residuals = np.asarray(successes, dtype=float) - p * np.asarray(trials, dtype=float)
    robust = clusters / (clusters - 1) * float(np.sum(residuals * residuals)) / (total * total)
    return max(1.0, robust / binomial)


def clustered_rate(successes: np.ndarray, trials: np.ndarray) -> Estimate:
    """A pooled rate over clusters with its Wilson interval at the effective sample size (None below
    two clusters: one program says nothing about the next)."""
    successes, trials = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    total = float(np.sum(trials))
    if total <= 0:
        return EMPTY
    value = float(np.sum(successes)) / total
    clusters = len(trials)
    if clusters < 2:
        return Estimate(value, None, None, clusters)
    effective = total / design_effect(successes, trials)
    low, high = wilson(value * effective, effective)
    return Estimate(value, low, high, clusters)


@lru_cache(maxsize=1024)
def expanded_tail(clusters: int) -> float:
    """The tail probability of the expanded percentile interval (Hesterberg 2015): the plain percentile
    interval is too narrow with few clusters (it uses the divide-by-C variance and normal quantiles), so
    the percentiles are taken at ``Phi(-sqrt(C/(C-1)) t_{C-1, 0.975})`` instead of 0.025."""
    z = math.sqrt(clusters / (clusters - 1)) * float(student_t.ppf((1 + LEVEL) / 2, clusters - 1))
    return float(norm.cdf(-z))


def _percentiles(samples: np.ndarray, clusters: int) -> tuple[float | None, float | None]:
    samples = samples[np.isfinite(samples)]
    if samples.size == 0:
        return None, None
    tail = expanded_tail(clusters)
    low, high = np.quantile(samples, [tail, 1 - tail])
    return float(low), float(high)


def bootstrap_ratio(numerators: np.ndarray, denominators: np.ndarray, bootstrap: Bootstrap) -> Estimate:
    """``sum(numerators) / sum(denominators)`` over clusters (a mean of paired differences, say) with its
    cluster-bootstrap percentile interval; every cluster has a positive denominator."""
    numerators, denominators = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    clusters = len(denominators)
    if clusters == 0 or float(np.sum(denominators)) <= 0:
        return EMPTY
    value = float(np.sum(numerators) / np.sum(denominators))
    if clusters < 2:
        return Estimate(value, None, None, clusters)
    indices = bootstrap.indices(clusters)
    low, high = _percentiles(numerators[indices].sum(axis=1) / denominators[indices].sum(axis=1), clusters)
    return Estimate(value, low, high, clusters)


def bootstrap_difference(first: tuple[np.ndarray, np.ndarray], second: tuple[np.ndarray, np.ndarray],
                         bootstrap: Bootstrap) -> Estimate:
    """The first ratio minus the second, both over the same clusters (aligned arrays; a cluster may have
    a zero denominator in one of them), resampled together so that what they share cancels."""
    a_num, a_den = (np.asarray(values, dtype=float) for values in first)
    b_num, b_den = (np.asarray(values, dtype=float) for values in second)
    if a_den.sum() <= 0 or b_den.sum() <= 0:
        return EMPTY
    clusters = len(a_den)
    value = float(a_num.sum() / a_den.sum() - b_num.sum() / b_den.sum())
    if clusters < 2:
        return Estimate(value, None, None, clusters)
    indices = bootstrap.indices(clusters)
    with np.errstate(divide="ignore", invalid="ignore"):
        samples = (a_num[indices].sum(axis=1) / a_den[indices].sum(axis=1)
                   - b_num[indices].sum(axis=1) / b_den[indices].sum(axis=1))
    low, high = _percentiles(samples, clusters)
    return Estimate(value, low, high, clusters)


def slope(xs: Sequence[float], ys: np.ndarray) -> np.ndarray:
    """Least-squares slope of ``ys`` (last axis: one value per x) on ``xs``."""
    x = np.asarray(xs, dtype=float)
    centred = x - x.mean()
    ys = np.asarray(ys, dtype=float)
    return ((ys - ys.mean(axis=-1, keepdims=True)) * centred).sum(axis=-1) / float((centred * centred).sum())


def bootstrap_slope(xs: Sequence[float], numerators: np.ndarray, denominators: np.ndarray,
                    bootstrap: Bootstrap) -> Estimate:
    """The least-squares slope of per-x ratios on ``xs`` (``numerators[k, c]``: x ``k``, cluster ``c``),
    with a cluster-bootstrap interval (resamples where some x has no data are left out)."""
    numerators, denominators = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    if len(xs) < 2 or np.any(denominators.sum(axis=1) <= 0):
        return EMPTY
    clusters = denominators.shape[1]
    value = float(slope(xs, numerators.sum(axis=1) / denominators.sum(axis=1)))
    if clusters < 2:
        return Estimate(value, None, None, clusters)
    indices = bootstrap.indices(clusters)
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = np.stack([numerators[k][indices].sum(axis=1) / denominators[k][indices].sum(axis=1)
                          for k in range(len(xs))], axis=-1)
    low, high = _percentiles(slope(xs, rates), clusters)
    return Estimate(value, low, high, clusters)


def mcnemar(first_only: int, second_only: int) -> float:
    """Exact two-sided McNemar p-value from the discordant pairs (1.0 when there are none). It treats the
    pairs as independent; the clustered interval beside it is what accounts for correlated programs."""
    discordant = first_only + second_only
    return 1.0 if discordant == 0 else float(binomtest(first_only, discordant, 0.5).pvalue)


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjustment of a family of p-values (None stays None and is not counted)."""
    present = sorted((p, index) for index, p in enumerate(p_values) if p is not None)
    adjusted: list[float | None] = [None] * len(p_values)
    running, family = 0.0, len(present)
    for rank, (p, index) in enumerate(present):
        running = max(running, min(1.0, (family - rank) * p))
        adjusted[index] = running
    return adjusted


def naive_mean_interval(values: np.ndarray) -> tuple[float, float] | None:
    """The interval every task-as-independent summary gives (normal approximation): what the clustered
    intervals replace, kept to show in tests how much it under-covers."""
    values = np.asarray(values, dtype=float)
    if values.size < 2:
        return None
    half = Z95 * float(values.std(ddof=1)) / math.sqrt(values.size)
    return float(values.mean() - half), float(values.mean() + half)
