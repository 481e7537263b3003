"""Flip rates against the null control."""

import pytest

from flipbench.analysis.flips import Answer, mean_interval, summarize


def answer(status, chances, i):
    return Answer(status, None if chances is None else chances[i])


def pairs(statuses, localizer="m", chances=None):
    return {(localizer, f"f{i}", 0): answer(status, chances, i) for i, status in enumerate(statuses)}


def variants(statuses, condition="dead_code x1", localizer="m", chances=None):
    return [(localizer, condition, f"f{i}", 0, answer(status, chances, i)) for i, status in enumerate(statuses)]


def test_a_flip_is_correct_before_and_wrong_after():
    [row] = summarize(pairs(["correct", "correct", "wrong", "correct"]), {},
                      variants(["wrong", "correct", "correct", "correct"]))
    assert row.n == 3 and row.flip_rate == pytest.approx(1 / 3)
    assert row.accuracy_before == pytest.approx(3 / 4) and row.accuracy_after == pytest.approx(3 / 4)


def test_the_net_effect_subtracts_the_control_flips_of_the_same_pairs():
    before = pairs(["correct"] * 4)
    control = pairs(["wrong", "correct", "correct", "correct"])
    [row] = summarize(before, control, variants(["wrong", "wrong", "correct", "correct"]))
    assert row.flip_rate == 0.5 and row.control_flip_rate == 0.25 and row.net_effect == 0.25


def test_errors_are_counted_apart_and_left_out_of_every_rate():
    [row] = summarize(pairs(["correct", "correct"]), {}, variants(["error", "wrong"]))
    assert row.errors == 1 and row.n == 1 and row.flip_rate == 1.0 and row.accuracy_after == 0.0


def test_conditions_and_localizers_are_summarized_separately():
    rows = summarize(pairs(["correct"]) | pairs(["correct"], "b"), {},
                     variants(["wrong"]) + variants(["correct"], "x8") + variants(["correct"], localizer="b"))
    assert [(row.localizer, row.condition) for row in rows] == [("b", "dead_code x1"), ("m", "dead_code x1"),
                                                                ("m", "x8")]


def test_the_expected_rates_average_the_answers_chances_over_the_same_pairs():
    before = pairs(["correct", "correct", "wrong"], chances=[1.0, 0.5, 0.5])
    control = pairs(["correct", "wrong", "wrong"], chances=[1.0, 0.5, 0.5])
    [row] = summarize(before, control, variants(["wrong", "correct", "wrong"], chances=[0.5, 0.25, 0.25]))
    assert row.expected_accuracy_before == pytest.approx(2 / 3) and row.expected_accuracy_after == pytest.approx(1 / 3)
    assert row.expected_flip_rate == pytest.approx((0.5 + 0.75) / 2)
    assert row.expected_control_flip_rate == pytest.approx((0.0 + 0.5) / 2)
    assert row.expected_net_effect == pytest.approx(((1.0 - 0.5) + (0.5 - 0.25)) / 2)


def test_answers_without_a_chance_have_no_expected_rates():
    [row] = summarize(pairs(["correct"]), pairs(["correct"]), variants(["wrong"]))
    assert (row.expected_accuracy_before, row.expected_flip_rate, row.expected_net_effect) == (None, None, None)


def test_the_interval_of_a_constant_difference_has_no_width():
    interval = mean_interval([1, 1, 1])
    assert interval.low == interval.high == 1


def test_the_interval_covers_the_mean():
    interval = mean_interval([1, 0, 0, -1, 1, 0])
    assert interval.low < 1 / 6 < interval.high


def test_no_interval_from_fewer_than_two_pairs():
    assert mean_interval([1]) is None
