"""The model-free baselines: spectrum rankings whose ties a seeded draw breaks, and their chance of
being correct over that draw."""

import sqlite3

import pytest

from flipbench.cli.run import print_summary
from flipbench.execution.suites import SuiteRun, TestResult
from flipbench.localizers.baselines import Baseline
from flipbench.model import Subject
from flipbench.runs.planning import spectrum_rankings
from flipbench.runs.run import run_experiment
from flipbench.sandbox.bwrap import bwrap_problem
from flipbench.scoring import Match

from test_run import experiment

SEEDS = range(400)
UNUSED_SERVER = "http://127.0.0.1:9/v1"


def _run(*tests):
    return SuiteRun(tuple(TestResult(f"t{i}", outcome, "", "", "", 0.0, tuple(lines))
                          for i, (outcome, lines) in enumerate(tests)), None, 0.0)


def subject(run: SuiteRun, fault_line: int, subject_id: str = "variant") -> Subject:
    return Subject(subject_id, "variant", "faulty", "python/p", "python", "", "pass\n" * 8, "operator_swap",
                   (fault_line,), "dead_code x1", "preserving", spectrum_rankings(run))


FAULTY = subject(_run(("failed", [1, 2, 3]), ("passed", [1, 2])), 3, "faulty")
"""Line 3, the fault, is the one line only the failing test executes."""
GUARDED = subject(_run(("failed", [1, 2, 3, 4]), ("passed", [1, 2])), 4)
"""The same program after a dead-code guard at line 3, executed just like the fault, now line 4."""


def test_a_tied_line_an_spm_adds_above_the_fault_wins_only_its_share_of_the_draws():
    firsts = [Baseline("ochiai", seed).localize(GUARDED, "after:0")[0] for seed in SEEDS]
    assert set(firsts) == {3, 4}
    assert firsts.count(4) / len(firsts) == pytest.approx(1 / 2, abs=0.1)


def test_the_same_seed_and_draw_label_give_the_same_ranking():
    for seed in range(20):
        assert Baseline("ochiai", seed).localize(GUARDED, "after:0") == Baseline("ochiai", seed).localize(
            GUARDED, "after:0")


def test_another_draw_label_draws_the_ties_again():
    rankings = {Baseline("ochiai", 0).localize(GUARDED, f"after:{draw}") for draw in range(20)}
    assert rankings == {(3, 4, 1, 2), (4, 3, 1, 2), (3, 4, 2, 1), (4, 3, 2, 1)}


def test_lines_that_do_not_tie_keep_their_order():
    assert all(Baseline("ochiai", seed).localize(FAULTY, "before:0")[0] == 3 for seed in SEEDS)


def test_the_expected_correctness_is_the_chance_a_uniform_tie_break_gives():
    assert Baseline("ochiai").chance_correct(FAULTY, Match()) == 1.0
    assert Baseline("ochiai").chance_correct(GUARDED, Match()) == 0.5


def test_the_expected_correctness_follows_the_experiments_tolerance_and_top():
    assert Baseline("ochiai").chance_correct(GUARDED, Match(tolerance=1)) == 1.0
    assert Baseline("ochiai").chance_correct(GUARDED, Match(top=2)) == 1.0


def test_the_seeded_draws_average_to_the_expected_correctness():
    correct = [Baseline("tarantula", seed).localize(GUARDED, "after:0")[0] == 4 for seed in SEEDS]
    assert sum(correct) / len(correct) == pytest.approx(Baseline("tarantula").chance_correct(GUARDED, Match()),
                                                        abs=0.1)


def test_a_fault_line_no_test_executes_has_no_chance():
    assert Baseline("ochiai").chance_correct(subject(_run(("failed", [1, 2]), ("passed", [1])), 6), Match()) == 0.0


def test_the_random_baselines_chance_is_the_share_of_lines_that_count_as_the_fault():
    assert Baseline("random").chance_correct(GUARDED, Match()) == 1 / 8
    assert Baseline("random").chance_correct(GUARDED, Match(tolerance=1)) == 3 / 8


def test_the_run_summary_shows_the_baselines_expected_accuracy_and_net_effect(tmp_path, capsys):
    result = run_experiment(experiment(UNUSED_SERVER, models=("baseline/random",), limit=2), tmp_path)
    print_summary(result)
    stage_one, conditions = capsys.readouterr().out.split("\n\n")[1:3]
    assert stage_one.splitlines()[0].split() == ["localizer", "n", "accuracy", "expected", "errors"]
    assert "expected net" in conditions.splitlines()[0]
    assert [expected for *_, expected in result.stage_one] == [pytest.approx(stage_one_chance(tmp_path))]


def stage_one_chance(folder) -> float:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return connection.execute("SELECT AVG(expected_correct) FROM tasks WHERE role = 'before'").fetchone()[0]


def test_a_spectrum_baseline_run_records_the_same_answers_under_the_same_seed(tmp_path):
    if bwrap_problem() is not None:
        pytest.skip(f"bwrap cannot run here: {bwrap_problem()}")
    settings = experiment(UNUSED_SERVER, models=("baseline/ochiai", "baseline/dstar"), limit=2, sandbox="bwrap")
    for folder in ("one", "two"):
        run_experiment(settings, tmp_path / folder)
    assert answers(tmp_path / "one") == answers(tmp_path / "two")


def answers(folder) -> list[tuple]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return connection.execute("SELECT id, status, predicted, exam, expected_correct FROM tasks ORDER BY id").fetchall()
