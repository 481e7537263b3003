"""Tests for programs that read standard input (competitive programming), in Python and Java: each case feeds
its input on every way such programs read it and compares what they print, line by line."""

from __future__ import annotations

import pytest

from flipbench.corpora.stdin_tests import StdinCase, java_stdin_test_suite, stdin_test_suite
from flipbench.corpora.testformat import discover_test_cases
from flipbench.execution.suites import run_suites
from flipbench.model import Program, Provenance
from flipbench.sandbox.local import LocalSandbox

CASES = (StdinCase("000", "3 4\n", "7\n"), StdinCase("big-1", "10 -2\n", "8\n"))


def outcomes(source: str, cases=CASES) -> dict[str, tuple[str, str]]:
    program = Program("sum", "python", source, "", "program.py", Provenance("test", "sum", "MIT"),
                      stdin_test_suite("program.py", cases, "Sums."))
    with LocalSandbox(quiet=True) as sandbox:
        [(_, _, run)] = list(run_suites([(program, None)], sandbox=sandbox, timeout=5.0, coverage=True))
    assert run.error is None, run.error
    return {result.test: (result.outcome, result.message) for result in run.results}


@pytest.mark.parametrize("source", [
    "a, b = map(int, input().split())\nprint(a + b)\n",
    "import sys\na, b = map(int, sys.stdin.buffer.readline().split())\nsys.stdout.buffer.write(b'%d\\n' % (a + b))\n",
    "a, b = map(int, open(0).read().split())\nprint(a + b)\n",
    "import threading\n\ndef main():\n    a, b = map(int, input().split())\n    print(a + b)\n\n"
    "threading.Thread(target=main).start()\n",
    "import sys\na, b = map(int, input().split())\nprint(a + b)\nsys.exit()\n",
])
def test_a_case_passes_however_the_program_reads_its_input_and_prints(source):
    assert outcomes(source) == {"test_000": ("passed", ""), "test_big_1": ("passed", "")}


def test_a_wrong_answer_fails_its_case_and_says_what_was_printed():
    result = outcomes("a, b = map(int, input().split())\nprint(a - b)\n")
    assert result["test_000"][0] == "failed" and "printed '-1\\n', expected '7\\n'" in result["test_000"][1]
    assert result["test_big_1"][0] == "failed"


def test_an_error_exit_fails_its_case():
    result = outcomes("import sys\nsys.exit(3)\n")
    assert result["test_000"] == ("failed", "AssertionError: the program exited with status 3")


def test_case_names_become_unique_test_names():
    suite = stdin_test_suite("program.py", CASES + (StdinCase("big_1", "1 1\n", "2\n"),), "Sums.")
    assert discover_test_cases("python", suite) == ("test_000", "test_big_1", "test_big_1_")


JAVA_SUM = """\
import java.util.Scanner;

public class Main {
    static Scanner in = new Scanner(System.in);

    public static void main(String[] args) {
        int a = in.nextInt(), b = in.nextInt();
        System.out.println(a + b);
    }
}
"""


def java_outcomes(source: str, cases=CASES) -> dict[str, tuple[str, str, tuple[int, ...]]]:
    program = Program("Sum", "java", source, "", "Main.java", Provenance("test", "sum", "MIT"),
                      java_stdin_test_suite("Main.java", cases, "Sums."))
    with LocalSandbox(quiet=True) as sandbox:
        [(_, _, run)] = list(run_suites([(program, None)], sandbox=sandbox, timeout=10.0, coverage=True))
    assert run.error is None, run.error
    return {result.test: (result.outcome, result.message, result.covered_lines) for result in run.results}


@pytest.mark.parametrize("source", [
    JAVA_SUM,  # a static reader: each case loads the program afresh
    JAVA_SUM.replace("public class Main", "class Main"),
    "import java.io.*;\n\nclass Main {\n    public static void main(String[] args) throws IOException {\n"
    "        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
    "        String[] ab = in.readLine().split(\" \");\n        PrintWriter out = new PrintWriter(System.out);\n"
    "        out.println(Integer.parseInt(ab[0]) + Integer.parseInt(ab[1]));\n        out.flush();\n    }\n}\n",
])
def test_a_java_case_passes_however_the_program_reads_and_prints(source):
    assert {name: outcome[:2] for name, outcome in java_outcomes(source).items()} == {
        "test_000": ("passed", ""), "test_big_1": ("passed", "")}


def test_a_java_wrong_answer_fails_its_case_and_the_program_lines_are_covered():
    result = java_outcomes(JAVA_SUM.replace("a + b", "a - b"))
    assert result["test_000"][:2] == ("failed", "java.lang.AssertionError: printed '-1\\n', expected '7\\n'")
    assert result["test_000"][2] == (7, 8)


def test_java_inputs_with_quotes_backslashes_and_control_characters_reach_the_program_unchanged():
    echo = ("import java.io.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n"
            "        System.out.print(new String(System.in.readAllBytes(), \"UTF-8\"));\n    }\n}\n")
    text = 'say "hi"\\there\t\x01é\n'
    assert java_outcomes(echo, (StdinCase("odd", text, text),))["test_odd"][:2] == ("passed", "")
