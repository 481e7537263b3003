import math

from flipbench.harness.localizers.spectrum import FORMULAS, dstar, ochiai, rank_lines, rank_of, tarantula
from flipbench.harness.testexec import SuiteRun, TestResult


def _run(*tests):
    return SuiteRun(tuple(TestResult(f"t{i}", outcome, "", "", "", 0.0, tuple(lines))
                          for i, (outcome, lines) in enumerate(tests)), None, 0.0)


SUITE = _run(("failed", [1, 2, 3]), ("passed", [1, 2]), ("passed", [1, 4]))


def test_ochiai_follows_its_formula():
    assert ochiai(1, 2, 1, 2) == 1 / math.sqrt(1 * 3)
    assert ochiai(0, 2, 1, 2) == 0.0


def test_tarantula_follows_its_formula():
    assert tarantula(1, 1, 1, 2) == 1.0 / (1.0 + 0.5)


def test_dstar_makes_a_line_only_failing_tests_cover_maximally_suspicious():
    assert dstar(1, 0, 1, 2) == math.inf
    assert dstar(1, 1, 2, 2) == 1 / 2


def test_the_line_only_the_failing_test_covers_ranks_first_for_every_formula():
    for formula in FORMULAS.values():
        assert rank_lines(SUITE, formula)[0].line == 3


def test_no_failing_test_means_no_ranking():
    assert rank_lines(_run(("passed", [1])), ochiai) == ()


def test_ties_count_against_the_fault_line():
    ranking = rank_lines(_run(("failed", [5, 6]), ("passed", [])), ochiai)
    assert rank_of(ranking, (6,)) == 2 and rank_of(ranking, (9,)) is None
