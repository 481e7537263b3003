"""flipbench's pytest runner: runs a pytest test module with the real pytest and writes one result per case,
in the format of ``python_runner.py``, which loads this file for ``pytest:`` modules and calls :func:`main`.

    python python_runner.py RESULTS_FILE pytest:TESTS_MODULE TIMEOUT_SECONDS [COVERAGE_FILE]

pytest is the one installed beside the interpreter: Debian's ``python3-pytest`` in the docker image and on
the host for bwrap (``/usr/lib/python3/dist-packages``, looked up when the isolated interpreter does not
see it). Plugins installed on the host are not loaded (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``): the tests run
as their module declares them, not as the host happens to be set up.

A case is what :mod:`flipbench.corpora.testformat` discovers: ``test_x`` or ``TestClass::test_x``; the runs
of a parametrized test are one case, with the worst outcome of its runs. Outcomes as flipbench's own
runner gives them: ``failed`` when an assertion failed, ``error`` for any other exception (a fixture that
failed included), ``timeout`` past the limit per case; a skipped case counts as ``passed`` (it checked
nothing on either version), its message says it was skipped. Only the standard library and pytest.
"""

import json
import os
import signal
import sys
import time

DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
SEVERITY = {"passed": 0, "failed": 1, "error": 2, "timeout": 3}


class TestTimeout(BaseException):
    """Raised inside a case that ran past its limit (a BaseException, as in python_runner.py)."""


def _on_alarm(signum, frame):
    raise TestTimeout()


def _import_pytest():
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        import pytest
    except ImportError:
        sys.path.append(DEBIAN_PACKAGES)
        import pytest
    return pytest


def case_of(nodeid):
    """``test_m.py::TestA::test_b[2-3]`` -> ``TestA::test_b``."""
    name = nodeid.split("::", 1)[1] if "::" in nodeid else nodeid
    return name.split("[", 1)[0]


def recorder(pytest, results, timeout, coverage_target, line_tracer):
    """A pytest plugin (its class needs pytest's decorators, so it is made once pytest is imported)."""
    wrapper = pytest.hookimpl(hookwrapper=True)

    class Recorder(_Recording):
        pytest_runtest_protocol = wrapper(_Recording.runtest_protocol)
        pytest_runtest_makereport = wrapper(_Recording.runtest_makereport)

    return Recorder(results, timeout, coverage_target, line_tracer)


class _Recording:
    """Times, traces and limits each test, and writes each case's result once its last run (parametrized
    tests run several times) has ended."""

    def __init__(self, results, timeout, coverage_target, line_tracer):
        self.results, self.timeout, self.coverage_target = results, timeout, coverage_target
        self.line_tracer = line_tracer
        self.current = None
        self.collection_error = None

    def pytest_collectreport(self, report):
        if report.failed and self.collection_error is None:
            text = str(report.longrepr).strip().splitlines()
            self.collection_error = next((line.lstrip("E ").strip() for line in reversed(text)
                                          if line.startswith("E ")), text[-1] if text else "collection failed")

    def runtest_protocol(self, item, nextitem):
        case = case_of(item.nodeid)
        if self.current is None or self.current["test"] != case:
            self.current = {"test": case, "outcome": "passed", "stdout": "", "stderr": "", "message": "",
                            "seconds": 0.0, "covered": set()}
        started = time.perf_counter()
        if self.coverage_target:
            sys.settrace(self.line_tracer(self.coverage_target, self.current["covered"]))
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            sys.settrace(None)
            self.current["seconds"] += time.perf_counter() - started
        if nextitem is None or case_of(nextitem.nodeid) != case:
            self._write(self.current)

    def runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        current = self.current
        current["stdout"] += report.capstdout if report.when == "call" else ""
        current["stderr"] += report.capstderr if report.when == "call" else ""
        if report.skipped and not current["message"]:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            current["message"] = "skipped: %s" % reason.removeprefix("Skipped: ")
        if not report.failed or call.excinfo is None:
            return
        error = call.excinfo.value
        if isinstance(error, TestTimeout):
            result, message = "timeout", "test ran longer than %.3gs" % self.timeout
        elif report.when == "call" and isinstance(error, AssertionError):
            result, message = "failed", "%s: %s" % (type(error).__name__, str(error).split("\n", 1)[0])
        else:
            result, message = "error", "%s: %s" % (type(error).__name__, error)
        if SEVERITY[result] > SEVERITY[current["outcome"]]:
            current["outcome"], current["message"] = result, message

    def _write(self, case):
        result = {key: case[key] for key in ("test", "outcome", "stdout", "stderr", "message")}
        result["seconds"] = round(case["seconds"], 6)
        if self.coverage_target:
            result["covered_lines"] = sorted(case["covered"])
        self.results.write(json.dumps(result) + "\n")
        self.results.flush()


def main(argv, line_tracer):
    """Called by ``python_runner.py`` with its argv and its coverage tracer (one tracer for both runners)."""
    results_path, tests_module, timeout = argv[1], argv[2].split(":", 1)[1], float(argv[3])
    coverage_target = os.path.abspath(argv[4]) if len(argv) > 4 else None
    sys.path.insert(0, os.getcwd())
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    signal.signal(signal.SIGALRM, _on_alarm)
    with open(results_path, "w", encoding="utf-8") as results:
        try:
            pytest = _import_pytest()
        except ImportError as error:
            results.write(json.dumps({"collection_error": "pytest is not installed where the tests run (Debian: "
                                                          "python3-pytest): %s" % error}) + "\n")
            return 0
        plugin = recorder(pytest, results, timeout, coverage_target, line_tracer)
        code = pytest.main([tests_module + ".py", "-q", "--no-header", "-p", "no:cacheprovider",
                            "--rootdir", os.getcwd()], plugins=[plugin])
        if plugin.collection_error is not None or code in (2, 3, 4):
            results.write(json.dumps({"collection_error": plugin.collection_error
                                      or "pytest ended with exit status %d" % code}) + "\n")
    return 0
