"""Programs that share a sandboxed batch run as if each had the sandbox to itself: a Python batch starts
one interpreter and forks a fresh child per program; a Java batch compiles once and runs in one JVM."""

import json
import subprocess

import pytest

from flipbench.execution.java_tools import helper_source
from flipbench.execution.suites import PYTHON_RUNNER, run_suites
from flipbench.model import Program, Provenance, TestSuite
from flipbench.sandbox.bwrap import BwrapSandbox, bwrap_problem
from flipbench.sandbox.docker import DockerSandbox, docker_problem

TESTS = TestSuite("from calc import add\n\n\ndef test_adds():\n    assert add(2, 3) == 5\n", "test_calc.py")
HONEST = "def add(a, b):\n    return a + b\n"
JAVA_TESTS = TestSuite("public class CalcTest {\n    static void testAdds() {\n"
                       "        if (Calc.add(2, 3) != 5) throw new AssertionError(\"2 + 3\");\n    }\n}\n",
                       "CalcTest.java")


@pytest.fixture(params=["bwrap", "docker"])
def sandbox(request):
    problem = bwrap_problem() if request.param == "bwrap" else docker_problem()
    if problem is not None:
        pytest.skip(f"sandbox {request.param} unavailable: {problem}")
    backend = BwrapSandbox() if request.param == "bwrap" else DockerSandbox()
    yield backend
    backend.close()


def _program(name, source, tests=TESTS, language="python"):
    filename = "calc.py" if language == "python" else "Calc.java"
    return Program(f"{language}/{name}", language, source, "", filename, Provenance("test", name, "MIT"), tests)


def _runs(sandbox, programs, **options):
    return {program.name: run for program, _, run in
            run_suites([(program, None) for program in programs], sandbox=sandbox, workers=1, **options)}


def test_a_program_that_rewires_the_runners_modules_leaves_the_next_one_a_pristine_process(sandbox):
    meddler = _program("meddler", "import json, os\nos.environ['FLIPBENCH_LEAK'] = '1'\n"
                                  "json.dumps = lambda *args, **kwargs: 'broken'\n" + HONEST)
    checker = _program("checker", HONEST, TestSuite(
        "import os\nfrom calc import add\n\n\ndef test_sees_no_leak():\n"
        "    assert 'FLIPBENCH_LEAK' not in os.environ\n    assert add(2, 3) == 5\n", "test_calc.py"))
    runs = _runs(sandbox, [meddler, checker])
    assert runs["python/checker"].passed, runs["python/checker"]


def test_a_program_that_exits_while_its_tests_load_does_not_end_its_batch(sandbox):
    runs = _runs(sandbox, [_program("quitter", "import os\nos._exit(3)\n"), _program("honest", HONEST)])
    assert runs["python/quitter"].error.startswith("exit status 3"), runs["python/quitter"]
    assert runs["python/honest"].passed, runs["python/honest"]


DEPTH_TESTS = TestSuite("""\
from calc import add


def test_depth():
    def down(n):
        try:
            return down(n + 1)
        except RecursionError:
            return n
    print(down(0))
""", "test_calc.py")


def test_a_program_recurses_as_deep_in_a_batch_as_in_an_interpreter_of_its_own(sandbox, tmp_path):
    (tmp_path / "calc.py").write_text(HONEST)
    (tmp_path / "test_calc.py").write_text(DEPTH_TESTS.source)
    subprocess.run(["/usr/bin/python3", "-I", "-S", str(helper_source(PYTHON_RUNNER)), "results.jsonl", "test_calc",
                    "10"], cwd=tmp_path, check=True)
    alone = json.loads((tmp_path / "results.jsonl").read_text())["stdout"]
    runs = _runs(sandbox, [_program("deep", HONEST, DEPTH_TESTS)] * 2)
    assert runs["python/deep"].results[0].stdout == alone and int(alone) > 2900


def test_programs_with_different_time_limits_share_a_batch_each_with_its_own(sandbox):
    slow = TestSuite("import time\nfrom calc import add\n\n\ndef test_slow():\n    time.sleep(1.5)\n", "test_calc.py")
    hurried, patient = _program("hurried", "# hurried\n" + HONEST, slow), _program("patient", HONEST, slow)
    limits = {hurried.id: 0.5, patient.id: 5.0}
    runs = _runs(sandbox, [hurried, patient], timeout_of=lambda program: limits[program.id])
    assert [result.outcome for result in runs["python/hurried"].results] == ["timeout"]
    assert runs["python/patient"].passed, runs["python/patient"]


def test_a_java_variant_that_ends_the_jvm_leaves_the_rest_of_its_batch_compiled_and_run(sandbox):
    quitter = _program("quitter", "public class Calc {\n    public static int add(int a, int b) {\n"
                                  "        System.exit(3);\n        return 0;\n    }\n}\n", JAVA_TESTS, "java")
    honest = _program("honest", "public class Calc {\n    public static int add(int a, int b) {\n"
                                "        return a + b;\n    }\n}\n", JAVA_TESTS, "java")
    broken = _program("broken", "public class Calc {\n    public static int add(int a, int b) {\n"
                                "        return a + ;\n    }\n}\n", JAVA_TESTS, "java")
    runs = _runs(sandbox, [quitter, honest, broken], timeout=10)
    assert runs["java/quitter"].error == "the test JVM exited abnormally while running this program"
    assert runs["java/honest"].passed, runs["java/honest"]
    assert runs["java/broken"].error.startswith("does not compile"), runs["java/broken"]
