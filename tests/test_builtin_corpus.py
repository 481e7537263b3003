"""The built-in corpus is fit to be every experiment's default."""

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.testformat import discover_test_cases
from flipbench.execution.suites import run_suites

PROGRAMS = list(builtin_corpus().programs(include_excluded=True))


@pytest.mark.parametrize("language", ["python", "java"])
def test_has_at_least_forty_programs_per_language(builtin, language):
    assert len(list(builtin.programs(language))) >= 40


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_is_usable(builtin, program):
    assert builtin.get(program.name).excluded is None


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_has_40_to_250_lines(program):
    assert 40 <= program.line_count <= 250


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_has_a_spec_of_a_few_sentences(program):
    assert program.spec.count(". ") + 1 >= 2
    assert program.provenance.licence == "MIT"


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_has_at_least_five_test_cases(program):
    assert len(discover_test_cases(program.language, program.tests)) >= 5


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_has_several_functions(program):
    marker = "def " if program.language == "python" else ") {"
    assert program.source.count(marker) >= 3


@pytest.mark.slow
def test_every_test_passes_on_its_program_within_two_seconds(builtin):
    failures = {}
    for program, _, run in run_suites((program, None) for program in builtin.programs()):
        slow = [result.test for result in run.results if result.seconds >= 2.0]
        if not run.passed or slow:
            failures[program.name] = run.error or [(r.test, r.outcome, r.message) for r in run.failures] or slow
    assert failures == {}
