"""Hostile programs against every sandbox backend that can run here (CI requires docker and bwrap)."""

import os
import socket
import threading
import time

import pytest

from flipbench.execution.programs import exec_program
from flipbench.execution.suites import run_suites
from flipbench.model import Program, Provenance, TestSuite
from flipbench.sandbox.bwrap import BwrapSandbox, bwrap_problem
from flipbench.sandbox.docker import DockerSandbox, docker_problem

REQUIRED = set(filter(None, os.environ.get("FLIPBENCH_REQUIRE_SANDBOXES", "").split(",")))


def _backend(name, problem, factory):
    reason = problem()
    if reason is not None:
        if name in REQUIRED:
            pytest.fail(f"sandbox {name} is required here but unavailable: {reason}")
        pytest.skip(f"sandbox {name} unavailable: {reason}")
    return factory()


@pytest.fixture(params=["docker", "bwrap"])
def sandbox(request):
    if request.param == "docker":
        backend = _backend("docker", docker_problem, DockerSandbox)
    else:
        backend = _backend("bwrap", bwrap_problem, BwrapSandbox)
    yield backend
    backend.close()


def _run(sandbox, source, language="python", timeout=10.0, stdin=None):
    filename = "Main.java" if language == "java" else "main.py"
    program = Program("abuse", language, source, "hostile", filename, Provenance("test", "abuse", "MIT"))
    return exec_program(program, sandbox=sandbox, timeout=timeout, stdin=stdin)


def test_a_normal_program_runs_and_reports_its_output(sandbox):
    result = _run(sandbox, "print('hello')\n")
    assert (result.exit_code, result.stdout, result.reason) == (0, "hello\n", "exited 0")


def test_standard_input_reaches_the_program_and_ends(sandbox):
    result = _run(sandbox, "import sys\nprint(sys.stdin.read().upper(), end='')\n", stdin=b"hello\n")
    assert (result.exit_code, result.stdout) == (0, "HELLO\n"), result


def test_a_java_program_compiles_and_runs(sandbox):
    source = "public class Main { public static void main(String[] a) { System.out.println(6 * 7); } }\n"
    result = _run(sandbox, source, "java", timeout=60)
    assert (result.exit_code, result.stdout) == (0, "42\n"), result


def test_an_infinite_loop_is_killed_at_the_timeout(sandbox):
    started = time.monotonic()
    result = _run(sandbox, "while True:\n    pass\n", timeout=2)
    assert result.timed_out and result.exit_code is None
    assert "timeout" in result.reason
    assert time.monotonic() - started < 30


def test_a_fork_bomb_is_contained(sandbox):
    source = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    result = _run(sandbox, source, timeout=3)
    assert result.exit_code != 0
    assert os.system("true") == 0  # the host can still start processes


def test_a_memory_hog_is_killed(sandbox):
    result = _run(sandbox, "hog = []\nwhile True:\n    hog.append(bytearray(50 * 1024 * 1024))\n", timeout=30)
    assert result.exit_code != 0 and not result.timed_out
    assert "memory" in result.reason or "MemoryError" in result.stderr or "signal 9" in result.reason, result


def test_a_connection_to_the_hosts_loopback_fails(sandbox):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    source = ("import socket\ntry:\n    socket.create_connection(('127.0.0.1', %d), timeout=3)\n    print('CONNECTED')\n"
              "except OSError as error:\n    print('refused', type(error).__name__)\n" % port)
    result = _run(sandbox, source)
    listener.close()
    assert "CONNECTED" not in result.stdout and result.stdout.startswith("refused")
    assert not accepted


def test_a_write_outside_the_work_directory_fails(sandbox, tmp_path):
    target = tmp_path / "escaped.txt"
    source = ("import os\nfor path in ['/etc/flipbench-escape', '/usr/flipbench-escape', %r]:\n"
              "    try:\n        open(path, 'w').write('x')\n        print('WROTE', path)\n"
              "    except OSError as error:\n        print('denied', path)\n" % str(target))
    result = _run(sandbox, source)
    assert "WROTE" not in result.stdout, result.stdout
    assert not target.exists() and not os.path.exists("/etc/flipbench-escape")


def test_host_environment_variables_are_not_visible(sandbox, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-flipbench-test-secret")
    result = _run(sandbox, "import os\nprint(os.environ.get('OPENAI_API_KEY', 'absent'))\n")
    assert result.stdout == "absent\n"


HOSTILE_NEIGHBOUR = """\
import os, subprocess, sys
CORRUPT = "def add(a, b):\\n    return 0\\n"
for folder in ("../p1", "../../p1"):
    try:
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, "calc.py"), "w").write(CORRUPT)
    except OSError:
        pass
subprocess.Popen([sys.executable, "-c", "import time, os\\nfor _ in range(40):\\n    time.sleep(0.05)\\n"
                  "    try:\\n        open('../p1/calc.py', 'w').write(%r)\\n    except OSError:\\n        pass\\n" % CORRUPT])

def add(a, b):
    return a + b
"""


def test_a_program_cannot_tamper_with_the_next_one_in_its_batch(sandbox):
    tests = TestSuite("from calc import add\n\ndef test_adds():\n    assert add(2, 3) == 5\n", "test_calc.py")
    hostile = Program("python/hostile", "python", HOSTILE_NEIGHBOUR, "", "calc.py",
                      Provenance("test", "hostile", "MIT"), tests)
    honest = Program("python/honest", "python", "def add(a, b):\n    return a + b\n", "", "calc.py",
                     Provenance("test", "honest", "MIT"), tests)
    runs = {program.name: run for program, _, run in
            run_suites([(hostile, None), (honest, None)], sandbox=sandbox, workers=1, timeout=5)}
    assert runs["python/honest"].passed, runs["python/honest"]
