"""Scoring one answer: exact, tolerance, top-k, EXAM."""

import pytest

from flipbench.scoring import Match, score


def test_exact_means_the_first_line_is_a_fault_line():
    assert score((10,), (10,), 100, Match()).exact
    assert not score((11,), (10,), 100, Match()).exact


def test_a_tolerance_accepts_nearby_lines_like_the_study():
    result = score((12,), (10,), 100, Match(tolerance=2))
    assert result.correct and result.within_tolerance and not result.exact


def test_a_multi_line_fault_accepts_any_of_its_lines():
    assert score((11,), (10, 11), 100, Match()).correct


def test_top_k_looks_at_the_first_k_predicted_lines_only():
    assert score((3, 4, 10), (10,), 100, Match(top=3)).correct
    assert not score((3, 4, 5, 10), (10,), 100, Match(top=3)).correct


def test_exam_is_the_rank_of_the_first_hit_over_the_line_count():
    assert score((3, 10), (10,), 50, Match()).exam == pytest.approx(2 / 50)


def test_exam_is_one_when_no_predicted_line_is_a_fault_line():
    assert score((3,), (10,), 50, Match()).exam == 1.0


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError):
        Match(tolerance=-1)
