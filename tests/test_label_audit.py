"""The label audit recovers the real fault line of a study-style faulty program."""

import ast

import pytest

from flipbench.corpora.label_audit import audit_label, summarize
from flipbench.corpora.line_diff import changed_lines

SEED = """\
# Decide whether a year is a leap year.


def is_leap(year):
    # divisible by 4 but not by 100, unless by 400
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_year(year):
    if is_leap(year):
        return 366
    return 365
"""


def _study_fault(seed: str) -> str:
    """What the study's injector did: parse, flip the first `and`, re-print with ast.unparse."""
    tree = ast.parse(seed)
    boolop = next(node for node in ast.walk(tree) if isinstance(node, ast.BoolOp))
    boolop.op = ast.Or()
    return ast.unparse(tree)


def test_label_in_original_seed_coordinates_is_wrong_for_the_reprinted_code():
    faulty = _study_fault(SEED)
    audit = audit_label("python", faulty, 6, SEED)
    assert audit.changed_lines == (2,)
    assert audit.verdict == "wrong"
    assert audit.seed_line == 6


def test_label_on_the_changed_line_is_exact():
    assert audit_label("python", _study_fault(SEED), 2, SEED).verdict == "exact"


def test_label_within_tolerance_is_near():
    faulty = "\n".join(["x = 1"] * 5 + ["y = 2"] + ["x = 1"] * 5)
    reference = "\n".join(["x = 1"] * 11)
    assert audit_label("java", faulty, 8, reference).verdict == "near"


def test_label_past_the_end_of_the_file():
    assert audit_label("python", "x = 1\n", 3).verdict == "outside_file"


def test_label_on_a_blank_or_comment_line_without_a_seed():
    source = "x = 1\n\n# note\ny = 2\n"
    assert audit_label("python", source, 2).verdict == "blank_line"
    assert audit_label("python", source, 3).verdict == "comment_line"
    assert audit_label("python", source, 4).verdict == "unverified"


def test_java_comment_lines_are_recognised():
    assert audit_label("java", "class A {\n  // note\n}\n", 2).verdict == "comment_line"


def test_a_fault_identical_to_its_seed_changes_nothing():
    assert audit_label("java", "class A {}\n", 1, "class A {}\n").verdict == "no_change"


@pytest.mark.parametrize(("reference", "changed", "lines"), [
    ("a\nb\nc\n", "a\nB\nc\n", (2,)),
    ("a\nb\n", "a\nx\nb\n", (2,)),
    ("a\nb\nc\n", "a\nc\n", (1, 2)),
    ("a\nb\nc\n", "b\nc\n", (1,)),
    ("a\nb\nc\n", "a\nb\n", (2,)),
])
def test_changed_lines_are_lines_of_the_changed_text_and_a_deletion_the_two_around_its_gap(reference, changed, lines):
    assert changed_lines(reference, changed) == lines


def test_summary_counts_verdicts_and_seed_coordinate_labels():
    faulty = _study_fault(SEED)
    summary = summarize([audit_label("python", faulty, 6, SEED), audit_label("python", faulty, 2, SEED)])
    assert summary["verdicts"]["wrong"] == 1
    assert summary["verdicts"]["exact"] == 1
    assert summary["within_tolerance"] == 1
    assert summary["label_is_original_seed_line"] == 1
