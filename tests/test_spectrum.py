import math

from flipbench.execution.suites import SuiteRun, TestResult
from flipbench.localizers.spectrum import FORMULAS, dstar, ochiai, rank_lines, tarantula
from flipbench.scoring import locate, rank_of


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


TIED = _run(("failed", [5, 6, 7, 8]), ("passed", [1]))


def test_best_case_ties_put_the_fault_line_first_among_its_equals():
    assert rank_of(rank_lines(TIED, ochiai), (7,), "best") == 1


def test_average_ties_put_the_fault_line_at_its_expected_position():
    assert rank_of(rank_lines(TIED, ochiai), (7,), "average") == 2.5
    assert rank_of(rank_lines(TIED, ochiai), (6, 7), "average") == 5 / 3


def test_pessimistic_ties_put_the_first_of_several_fault_lines_after_the_other_lines():
    assert rank_of(rank_lines(TIED, ochiai), (6, 7), "pessimistic") == 3


def test_average_top_n_is_the_chance_a_random_tie_break_puts_a_fault_line_there():
    located = locate(rank_lines(TIED, ochiai), (7,))
    assert located.top(1, "average") == 0.25 and located.top(2, "average") == 0.5
    assert located.top(1, "best") == 1.0 and located.top(3, "pessimistic") == 0.0


def test_an_unexecuted_fault_line_is_not_located():
    assert locate(rank_lines(TIED, ochiai), (2,)) is None
