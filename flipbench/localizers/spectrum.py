"""Spectrum-based fault localization: Ochiai, Tarantula and DStar from per-test line coverage.

Classic, model-free baselines: a line covered by many failing and few passing tests is
suspicious. Rankings list tied lines by line number (a canonical order, for storage); a localizer
answering from one breaks the ties with a seeded draw (:func:`break_ties`), since by line order an
SPM that adds an equally suspicious line above the fault would flip it by position alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from flipbench.execution import SuiteRun
from flipbench.model import RankedLine

Formula = Callable[[int, int, int, int], float]
"""(failed tests covering the line, passing tests covering it, all failed, all passed) -> suspiciousness."""


def ochiai(failed_covering: int, passed_covering: int, failed: int, passed: int) -> float:
    """Abreu et al. 2007: ef / sqrt(F * (ef + ep))."""
    denominator = math.sqrt(failed * (failed_covering + passed_covering))
    return failed_covering / denominator if denominator else 0.0


def tarantula(failed_covering: int, passed_covering: int, failed: int, passed: int) -> float:
    """Jones and Harrold 2005: (ef/F) / (ef/F + ep/P)."""
    failed_ratio = failed_covering / failed if failed else 0.0
    passed_ratio = passed_covering / passed if passed else 0.0
    total = failed_ratio + passed_ratio
    return failed_ratio / total if total else 0.0


def dstar(failed_covering: int, passed_covering: int, failed: int, passed: int, star: int = 2) -> float:
    """Wong et al. 2014 (D* with * = 2): ef^* / (ep + (F - ef)); a line every failing test and no
    passing test covers is maximally suspicious."""
    denominator = passed_covering + (failed - failed_covering)
    if denominator == 0:
        return math.inf if failed_covering else 0.0
    return failed_covering**star / denominator


FORMULAS: dict[str, Formula] = {"ochiai": ochiai, "tarantula": tarantula, "dstar": dstar}


def rank_lines(run: SuiteRun, formula: Formula) -> tuple[RankedLine, ...]:
    """Every covered line, most suspicious first (ties by line number); empty when no test fails
    (nothing to localize)."""
    failed_tests = [result for result in run.results if result.outcome != "passed"]
    passed_tests = [result for result in run.results if result.outcome == "passed"]
    if not failed_tests:
        return ()
    failed_covering: dict[int, int] = {}
    passed_covering: dict[int, int] = {}
    for result in failed_tests:
        for line in result.covered_lines:
            failed_covering[line] = failed_covering.get(line, 0) + 1
    for result in passed_tests:
        for line in result.covered_lines:
            passed_covering[line] = passed_covering.get(line, 0) + 1
    lines = set(failed_covering) | set(passed_covering)
    scored = [RankedLine(line, formula(failed_covering.get(line, 0), passed_covering.get(line, 0),
                                       len(failed_tests), len(passed_tests))) for line in lines]
    return tuple(sorted(scored, key=lambda ranked: (-ranked.score, ranked.line)))


def break_ties(ranking: Iterable[RankedLine], draw: Callable[[int], bytes]) -> tuple[int, ...]:
    """The lines of ``ranking``, most suspicious first, equally suspicious ones in the order of their
    ``draw(line)``: a seeded shuffle of each tie, so where a tied line sits in the file decides nothing."""
    return tuple(ranked.line for ranked in sorted(ranking, key=lambda ranked: (-ranked.score, draw(ranked.line))))
