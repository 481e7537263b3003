"""Tests in the formats real projects use (``tests.framework``): pytest modules run by the real pytest and
JUnit 4/5 classes run through JUnit's own API, in every sandbox, with one result per case, captured output,
coverage and certification as for flipbench's own format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from flipbench.corpora.jsonl import CorpusFormatError, read_programs, write_programs
from flipbench.corpora.testformat import discover_test_cases
from flipbench.execution.certify import reference_runs, verify_faults, verify_variants
from flipbench.execution.suites import run_suites
from flipbench.model import Program, Provenance, RealFault, TestSuite, Verdict
from flipbench.mutators.faults import inject
from flipbench.mutators.spms import mutate
from flipbench.runs import load_run
from flipbench.sandbox.bwrap import BwrapSandbox, bwrap_problem
from flipbench.sandbox.docker import DockerSandbox, docker_problem
from flipbench.sandbox.local import LocalSandbox

REQUIRED = set(filter(None, os.environ.get("FLIPBENCH_REQUIRE_SANDBOXES", "").split(",")))

CLAMP = ("def clamp(value, low, high):\n    if value < low:\n        return low\n    if value > high:\n"
         "        return high\n    return value\n")
BUGGY = CLAMP.replace("return low", "return high")
PYTEST_TESTS = '''\
import pytest

from clamp import clamp


@pytest.fixture
def bounds():
    return (0, 10)


def test_inside(bounds):
    print("inside")
    assert clamp(5, *bounds) == 5


@pytest.mark.parametrize(("value", "expected"), [(11, 10), (-1, 0), (3, 3)])
def test_edges(value, expected):
    assert clamp(value, 0, 10) == expected


class TestOrder:
    def test_low_first(self):
        assert clamp(-5, 0, 10) == 0

    def test_type(self):
        assert clamp(1, 0, "x") == 1


@pytest.mark.skip(reason="not today")
def test_skipped():
    assert False
'''


def clamp_program(tests: str = PYTEST_TESTS, **changes) -> Program:
    return Program("mine/clamp", "python", CLAMP, "Clamp a value.", "clamp.py", Provenance("test", "clamp", "MIT"),
                   TestSuite(tests, "test_clamp.py", "pytest"), **changes)


@pytest.fixture(scope="module", params=["bwrap", "docker", "local"])
def sandbox(request):
    if request.param == "local":
        backend = LocalSandbox(quiet=True)
    else:
        problem = (bwrap_problem if request.param == "bwrap" else docker_problem)()
        if problem is not None:
            if request.param in REQUIRED:
                pytest.fail(f"sandbox {request.param} is required here but unavailable: {problem}")
            pytest.skip(f"sandbox {request.param} unavailable: {problem}")
        backend = (BwrapSandbox if request.param == "bwrap" else DockerSandbox)()
    yield backend
    backend.close()


def run(sandbox, program: Program, source: str | None = None, **options):
    [(_, _, suite)] = list(run_suites([(program, source)], sandbox=sandbox, **options))
    return {result.test: result for result in suite.results}, suite


def test_pytest_cases_are_functions_and_methods_of_test_classes_and_a_parametrized_test_is_one():
    cases = discover_test_cases("python", TestSuite(PYTEST_TESTS, "test_clamp.py", "pytest"))
    assert cases == ("test_inside", "test_edges", "TestOrder::test_low_first", "TestOrder::test_type",
                     "test_skipped")


def test_every_case_has_the_outcome_pytest_gave_it(sandbox):
    results, suite = run(sandbox, clamp_program(), timeout=5.0)
    assert suite.error is None
    assert {name: result.outcome for name, result in results.items()} == {
        "test_inside": "passed", "test_edges": "passed", "TestOrder::test_low_first": "passed",
        "TestOrder::test_type": "error", "test_skipped": "passed"}
    assert results["test_inside"].stdout == "inside\n"
    assert results["TestOrder::test_type"].message.startswith("TypeError: ")
    assert results["test_skipped"].message == "skipped: not today"


def test_a_failed_assertion_fails_its_case_and_the_worst_run_of_a_parametrized_test_counts(sandbox):
    results, _ = run(sandbox, clamp_program(), BUGGY, timeout=5.0)
    assert results["test_edges"].outcome == "failed" and "assert 10 == 0" in results["test_edges"].message
    assert results["TestOrder::test_low_first"].outcome == "failed"
    assert results["test_inside"].outcome == "passed"


def test_each_case_lists_the_program_lines_it_ran(sandbox):
    results, _ = run(sandbox, clamp_program(), coverage=True, timeout=5.0)
    assert results["test_inside"].covered_lines == (2, 4, 6)
    assert results["test_edges"].covered_lines == (2, 3, 4, 5, 6)  # the union of its three runs


def test_a_case_past_its_time_limit_is_a_timeout_and_the_others_still_run(sandbox):
    looping = PYTEST_TESTS + "\n\ndef test_loops():\n    while True:\n        pass\n\n\ndef test_after():\n    pass\n"
    results, _ = run(sandbox, clamp_program(looping), timeout=1.0)
    assert results["test_loops"].outcome == "timeout"
    assert results["test_after"].outcome == "passed"


def test_a_module_pytest_cannot_collect_is_the_suites_error(sandbox):
    results, suite = run(sandbox, clamp_program("from clamp import missing\n\n\ndef test_x():\n    pass\n"))
    assert "ImportError" in suite.error and results["test_x"].outcome == "error"


def certified(sandbox, program: Program) -> tuple[Verdict, Verdict]:
    """The verdicts of a program's real fault and of a dead-code variant of it."""
    [bug] = inject(program, ["real"])
    references = reference_runs([program], sandbox, coverage=True)
    [verdict] = verify_faults([bug], references, sandbox, coverage=True)
    variant, _ = mutate(bug, ("dead_code",), strength=2, seed=0)
    [checked] = verify_variants([variant], sandbox, references=references)
    return verdict.verdict, checked.verdict


def test_a_real_fault_with_pytest_tests_is_certified_live_and_an_spm_variant_preserving(sandbox):
    passing = PYTEST_TESTS.replace('    def test_type(self):\n        assert clamp(1, 0, "x") == 1\n', "")
    program = clamp_program(passing, real_fault=RealFault(BUGGY, (3,)))
    assert certified(sandbox, program) == (Verdict.LIVE, Verdict.PRESERVING)


def test_the_framework_is_read_from_the_corpus_and_written_back(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"name": "c", "language": "python", "source": CLAMP, "filename": "clamp.py",
                                "tests": {"source": PYTEST_TESTS, "framework": "pytest"}}) + "\n")
    [program] = read_programs(path)
    assert program.tests == TestSuite(PYTEST_TESTS, "test_clamp.py", "pytest")
    copy = tmp_path / "copy.jsonl"
    write_programs([program], copy)
    assert read_programs(copy) == [program]


@pytest.mark.parametrize(("language", "framework"), [("python", "junit5"), ("java", "pytest"), ("python", "nose")])
def test_a_framework_the_language_does_not_use_is_refused_naming_the_field(tmp_path, language, framework):
    path = tmp_path / "mine.jsonl"
    source = CLAMP if language == "python" else "public class A {}\n"
    path.write_text(json.dumps({"name": "c", "language": language, "source": source,
                                "tests": {"source": "x = 1\n", "framework": framework}}) + "\n")
    with pytest.raises(CorpusFormatError, match=r"mine.jsonl:1: field 'tests.framework' must be one of"):
        read_programs(path)


def test_flipbench_format_tests_keep_the_program_ids_they_had():
    program = Program("p", "python", "x = 1\n", "", "p.py", Provenance("t", "p", "MIT"),
                      TestSuite("def test_x():\n    pass\n", "test_p.py"))
    assert program.id == "be58d631d555e8e3"  # as computed before frameworks existed
    assert replace(clamp_program(), tests=TestSuite(PYTEST_TESTS, "test_clamp.py")).id != clamp_program().id


JAVA_CLAMP = ("public class Clamp {\n    public static int clamp(int v, int lo, int hi) {\n        if (v < lo) {\n"
              "            return lo;\n        }\n        if (v > hi) {\n            return hi;\n        }\n"
              "        return v;\n    }\n}\n")
JAVA_BUGGY = JAVA_CLAMP.replace("return lo;", "return hi;")
JUNIT4_TESTS = """\
import org.junit.Before;
import org.junit.Ignore;
import org.junit.Test;
import static org.junit.Assert.assertEquals;

public class ClampTest {
    private int low;

    @Before
    public void setUp() { low = 0; }

    @Test
    public void inside() { System.out.println("inside"); assertEquals(5, Clamp.clamp(5, low, 10)); }

    @Test
    public void below() { assertEquals(0, Clamp.clamp(-1, low, 10)); }

    @Test(expected = ArithmeticException.class)
    public void dividesByLow() { System.out.println(1 / low); }

    @Test
    public void nothing() { String text = null; text.length(); }

    @Ignore("not today")
    @Test
    public void ignored() { assertEquals(1, 2); }

    public void helper() { }
}
"""
JUNIT5_TESTS = """\
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClampTest {
    int low;

    @BeforeEach
    void setUp() { low = 0; }

    @Test
    void inside() { assertEquals(5, Clamp.clamp(5, low, 10)); }

    @ParameterizedTest
    @ValueSource(ints = {-1, -5})
    void below(int value) { assertEquals(0, Clamp.clamp(value, low, 10)); }

    @Test
    void loops() { while (true) { } }
}
"""


def java_program(tests: str, framework: str, **changes) -> Program:
    return Program("mine/Clamp", "java", JAVA_CLAMP, "Clamp a value.", "Clamp.java",
                   Provenance("test", "clamp", "MIT"), TestSuite(tests, "ClampTest.java", framework), **changes)


def test_junit_cases_are_the_methods_annotated_as_tests():
    assert discover_test_cases("java", TestSuite(JUNIT4_TESTS, "ClampTest.java", "junit4")) == (
        "inside", "below", "dividesByLow", "nothing", "ignored")
    assert discover_test_cases("java", TestSuite(JUNIT5_TESTS, "ClampTest.java", "junit5")) == (
        "inside", "below", "loops")


def test_junit4_runs_each_test_as_junit_does(sandbox):
    results, suite = run(sandbox, java_program(JUNIT4_TESTS, "junit4"), timeout=10.0)
    assert suite.error is None
    assert {name: result.outcome for name, result in results.items()} == {
        "inside": "passed", "below": "passed", "dividesByLow": "passed", "nothing": "error", "ignored": "passed"}
    assert results["inside"].stdout == "inside\n"
    assert results["nothing"].message.startswith("java.lang.NullPointerException")


def test_junit4_assertions_fail_their_test_on_the_faulty_version(sandbox):
    results, _ = run(sandbox, java_program(JUNIT4_TESTS, "junit4"), JAVA_BUGGY, timeout=10.0, coverage=True)
    assert results["below"].outcome == "failed" and "expected:<0> but was:<10>" in results["below"].message
    assert results["inside"].outcome == "passed" and results["inside"].covered_lines == (3, 6, 9)


def test_junit5_runs_parameterized_tests_and_limits_each_in_time(sandbox):
    results, suite = run(sandbox, java_program(JUNIT5_TESTS, "junit5"), JAVA_BUGGY, timeout=3.0, coverage=True)
    assert suite.error is None
    assert results["inside"].outcome == "passed" and results["inside"].covered_lines == (3, 6, 9)
    assert results["below"].outcome == "failed" and "AssertionFailedError" in results["below"].message
    assert results["loops"].outcome == "timeout"


def test_a_real_fault_with_junit5_tests_is_certified_live_and_an_spm_variant_preserving(sandbox):
    passing = JUNIT5_TESTS.replace("    @Test\n    void loops() { while (true) { } }\n", "")
    program = java_program(passing, "junit5", real_fault=RealFault(JAVA_BUGGY, (4,)))
    assert certified(sandbox, program) == (Verdict.LIVE, Verdict.PRESERVING)


@pytest.mark.slow
def test_real_bugs_with_pytest_and_junit5_tests_run_certified_with_spectrum_baselines(tmp_path):
    """End to end: faulty records whose tests are a pytest module and a JUnit 5 class enter ``flipbench run``;
    both are certified live, their SPM variants preserving, and the spectrum baselines rank from the
    frameworks' per-test coverage."""
    passing_pytest = PYTEST_TESTS.replace('    def test_type(self):\n        assert clamp(1, 0, "x") == 1\n', "")
    passing_junit = JUNIT5_TESTS.replace("    @Test\n    void loops() { while (true) { } }\n", "")
    corpus = tmp_path / "bugs.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in (
        {"name": "mine/clamp", "language": "python", "source": CLAMP, "filename": "clamp.py", "faulty_source": BUGGY,
         "tests": {"source": passing_pytest, "framework": "pytest"}},
        {"name": "mine/Clamp", "language": "java", "source": JAVA_CLAMP, "faulty_source": JAVA_BUGGY,
         "tests": {"source": passing_junit, "filename": "ClampTest.java", "framework": "junit5"}})))
    completed = subprocess.run(
        [sys.executable, "-m", "flipbench", "run", "--corpus", str(corpus), "--fault", "real", "--spm", "dead_code",
         "--language", "python", "--language", "java", "--out", str(tmp_path / "run")],
        capture_output=True, text=True, timeout=600, env=os.environ | {"TQDM_DISABLE": "1"})
    assert completed.returncode == 0, completed.stderr
    run = load_run(tmp_path / "run")
    verdicts = {(row.program, row.kind): row.verdict for row in run.subjects.itertuples()}
    assert verdicts == {("mine/clamp", "faulty"): "live", ("mine/Clamp", "faulty"): "live",
                        ("mine/clamp", "variant"): "preserving", ("mine/Clamp", "variant"): "preserving"}
    before = run.tasks[(run.tasks.role == "before") & (run.tasks.localizer == "baseline/ochiai")]
    assert set(before.status) == {"correct"}
