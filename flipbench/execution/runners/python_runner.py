"""flipbench's Python test runner: runs every ``test_*`` function of a tests module, one at a time.

Copied next to the program into a work directory (or a sandbox) and run there with no
dependencies beyond the standard library, so it works with any Python 3.8+ interpreter.

    python python_runner.py RESULTS_FILE TESTS_MODULE TIMEOUT_SECONDS [COVERAGE_FILE]

Writes one JSON object per test to RESULTS_FILE as soon as the test ends, so that a run killed
half-way still reports what it finished. Tests run in definition order in one process; each has
its stdout and stderr captured and its own time limit. With COVERAGE_FILE (the program file's
name), each result also lists the program lines the test executed.
"""

import io
import json
import os
import signal
import sys
import time
import traceback
import types


class TestTimeout(BaseException):
    """Raised inside a test that ran past its limit; a BaseException so ``except Exception`` in code under test cannot swallow it."""


def _on_alarm(signum, frame):
    raise TestTimeout()


def _discover(module):
    return [
        value
        for name, value in vars(module).items()
        if name.startswith("test") and isinstance(value, types.FunctionType) and value.__module__ == module.__name__
    ]


def _describe(error):
    return "%s: %s" % (type(error).__name__, error)


def _line_tracer(target_file, covered):
    def trace(frame, event, arg):
        if frame.f_code.co_filename != target_file:
            return None
        if event == "line":
            covered.add(frame.f_lineno)
        return trace

    return trace


def _run_one(test, timeout, coverage_target):
    stdout, stderr = io.StringIO(), io.StringIO()
    covered = set()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    outcome, message = "passed", ""
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    if coverage_target:
        sys.settrace(_line_tracer(coverage_target, covered))
    try:
        test()
    except TestTimeout:
        outcome, message = "timeout", "test ran longer than %.3gs" % timeout
    except AssertionError as error:
        outcome, message = "failed", _describe(error)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - any exception is the test's result
        outcome, message = "error", _describe(error)
    finally:
        sys.settrace(None)
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = real_stdout, real_stderr
    result = {
        "test": test.__name__,
        "outcome": outcome,
        "stdout": stdout.getvalue(),
        "stderr": stderr.getvalue(),
        "message": message,
        "seconds": round(time.perf_counter() - started, 6),
    }
    if coverage_target:
        result["covered_lines"] = sorted(covered)
    return result


def main(argv):
    results_path, tests_module, timeout = argv[1], argv[2], float(argv[3])
    coverage_target = os.path.abspath(argv[4]) if len(argv) > 4 else None
    sys.path.insert(0, os.getcwd())
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    signal.signal(signal.SIGALRM, _on_alarm)
    with open(results_path, "w", encoding="utf-8") as results:
        real_stdout, real_stderr = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            module = __import__(tests_module)
        except (Exception, SystemExit, TestTimeout) as error:  # noqa: BLE001
            detail = traceback.format_exception_only(type(error), error)[-1].strip()
            results.write(json.dumps({"collection_error": detail}) + "\n")
            return 0
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            sys.stdout, sys.stderr = real_stdout, real_stderr
        for test in _discover(module):
            results.write(json.dumps(_run_one(test, timeout, coverage_target)) + "\n")
            results.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
