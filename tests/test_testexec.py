"""The local test executor reports exactly one result per test case, whatever the program does."""

import pytest

from flipbench.execution.suites import run_suite
from flipbench.model import Program, Provenance, TestSuite

PYTHON_TESTS = """\
from calc import add


def test_adds():
    assert add(2, 3) == 5


def test_prints_are_captured():
    print("sum", add(1, 1))
    assert add(1, 1) == 2


def test_negative():
    assert add(-2, 1) == -1
"""

JAVA_TESTS = """\
public class CalcTest {
    static void check(boolean ok, String what) { if (!ok) throw new AssertionError(what); }
    static void testAdds() { check(Calc.add(2, 3) == 5, "2 + 3"); }
    static void testPrintsAreCaptured() { System.out.println("sum " + Calc.add(1, 1)); check(Calc.add(1, 1) == 2, "1 + 1"); }
    static void testNegative() { check(Calc.add(-2, 1) == -1, "-2 + 1"); }
}
"""


def _python(source: str) -> Program:
    return Program("python/calc", "python", source, "Add.", "calc.py", Provenance("test", "calc", "MIT"),
                   TestSuite(PYTHON_TESTS, "test_calc.py"))


def _java(source: str) -> Program:
    return Program("java/calc", "java", source, "Add.", "Calc.java", Provenance("test", "calc", "MIT"),
                   TestSuite(JAVA_TESTS, "CalcTest.java"))


def _java_add(body: str) -> str:
    return f"public class Calc {{\n    public static int add(int a, int b) {{\n        {body}\n    }}\n}}\n"


def _outcomes(run):
    return [(result.test, result.outcome) for result in run.results]


def test_python_passing_suite_reports_every_case_with_its_output():
    run = run_suite(_python("def add(a, b):\n    return a + b\n"))
    assert run.passed
    assert _outcomes(run) == [("test_adds", "passed"), ("test_prints_are_captured", "passed"),
                              ("test_negative", "passed")]
    assert run.results[1].stdout == "sum 2\n"


def test_python_assertion_is_a_failure_and_other_exceptions_are_errors():
    run = run_suite(_python("def add(a, b):\n    if a < 0:\n        raise ValueError('negative')\n    return a - b\n"))
    assert _outcomes(run) == [("test_adds", "failed"), ("test_prints_are_captured", "failed"),
                              ("test_negative", "error")]
    assert run.results[2].message == "ValueError: negative"


def test_python_infinite_loop_times_out_and_later_tests_still_run():
    source = "def add(a, b):\n    while a == 2:\n        pass\n    return a + b\n"
    run = run_suite(_python(source), timeout=0.5)
    assert _outcomes(run)[0] == ("test_adds", "timeout")
    assert run.results[1].outcome == "passed"


def test_python_process_exit_marks_unreported_tests_as_errors():
    run = run_suite(_python("import os\n\ndef add(a, b):\n    os._exit(7)\n"))
    assert [result.outcome for result in run.results] == ["error"] * 3
    assert "exit status 7" in run.error


def test_python_import_failure_is_reported_for_every_test():
    run = run_suite(_python("def add(a, b):\n    return a +\n"))
    assert not run.passed
    assert run.error.startswith("tests could not load: SyntaxError")
    assert len(run.results) == 3


def test_python_runs_an_alternative_source_of_the_same_program():
    program = _python("def add(a, b):\n    return a + b\n")
    assert not run_suite(program, "def add(a, b):\n    return a * b\n").passed


def test_java_passing_suite_reports_every_case_with_its_output():
    run = run_suite(_java(_java_add("return a + b;")))
    assert run.passed
    assert _outcomes(run) == [("testAdds", "passed"), ("testPrintsAreCaptured", "passed"), ("testNegative", "passed")]
    assert run.results[1].stdout == "sum 2\n"


def test_java_assertion_is_a_failure_and_other_exceptions_are_errors():
    run = run_suite(_java(_java_add('if (a < 0) throw new IllegalStateException("neg"); return a - b;')))
    assert [outcome for _, outcome in _outcomes(run)] == ["failed", "failed", "error"]
    assert run.results[2].message == "java.lang.IllegalStateException: neg"


def test_java_compile_error_is_reported_for_every_test():
    run = run_suite(_java(_java_add("return a + ;")))
    assert run.error.startswith("does not compile")
    assert [result.outcome for result in run.results] == ["error"] * 3


@pytest.mark.parametrize("body", ["while (a == 2) { } return a + b;"])
def test_java_infinite_loop_times_out_and_later_tests_still_run(body):
    run = run_suite(_java(_java_add(body)), timeout=0.5)
    assert _outcomes(run)[0] == ("testAdds", "timeout")
    assert run.results[1].outcome == "passed"
