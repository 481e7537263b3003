from flipbench.corpora.syntax import first_java_error, parse_java
from flipbench.execution.java_coverage import instrument
from flipbench.execution.suites import run_suite
from flipbench.model import Program, Provenance, TestSuite
from flipbench.sandbox.local import LocalSandbox

SOURCE = """public class Calc {
    public static int clamp(int x) {
        if (x < 0)
            return 0;
        for (int i = 0; i < 1; i++) x += 0;
        return x;
    }
}
"""
TESTS = """public class CalcTest {
    static void testNegative() { if (Calc.clamp(-3) != 0) throw new AssertionError("neg"); }
    static void testPositive() { if (Calc.clamp(3) != 3) throw new AssertionError("pos"); }
}
"""


def test_instrumentation_keeps_every_line_in_place_and_parses():
    instrumented = instrument(SOURCE)
    assert len(instrumented.splitlines()) == len(SOURCE.splitlines())
    assert first_java_error(parse_java(instrumented)) is None
    assert "{FlipbenchCoverage.hit(4);return 0;}" in instrumented


def test_each_test_reports_the_lines_it_executed():
    program = Program("java/calc", "java", SOURCE, "Clamp.", "Calc.java", Provenance("test", "calc", "MIT"),
                      TestSuite(TESTS, "CalcTest.java"))
    run = run_suite(program, sandbox=LocalSandbox(quiet=True), coverage=True)
    lines = {result.test: result.covered_lines for result in run.results}
    assert run.passed, run
    assert lines == {"testNegative": (3, 4), "testPositive": (3, 5, 6)}
