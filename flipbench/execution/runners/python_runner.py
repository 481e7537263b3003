"""flipbench's Python test runner: runs every ``test_*`` function of a tests module, one at a time.

Copied next to the program into a work directory (or a sandbox) and run there with no
dependencies beyond the standard library, so it works with any Python 3.8+ interpreter.

    python python_runner.py RESULTS_FILE TESTS_MODULE TIMEOUT_SECONDS [COVERAGE_FILE]

Writes one JSON object per test to RESULTS_FILE as soon as the test ends, so that a run killed
half-way still reports what it finished. Tests run in definition order in one process; each has
its stdout and stderr captured and its own time limit. With COVERAGE_FILE (the program file's
name), each result also lists the program lines the test executed.

    python python_runner.py --batch JOBS_FILE [--contained]

Batch mode runs many programs from one interpreter start: it forks a fresh child per program
(see :func:`serve`), so the interpreter and the runner's imports are paid once per batch.
"""

import contextlib
import io
import json
import os
import signal
import sys
import time
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
"""This file's folder, taken before batch mode changes directory: ``pytest_runner.py`` is beside it."""


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


def _sibling(name):
    """A runner module beside this file, loaded by path (the isolated interpreter does not search here)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    if argv[2].startswith("pytest:"):  # a pytest module: the real pytest runs it (pytest_runner.py)
        return _sibling("pytest_runner").main(argv, _line_tracer)
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


def _remove(path):
    """Remove a file, a link or a whole folder, whatever an earlier program left at ``path`` (only os:
    batch mode must not import modules a program would otherwise import fresh)."""
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            for entry in os.scandir(path):
                _remove(entry.path)
            os.rmdir(path)
        else:
            os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        pass  # not ours to remove (a read-only mount): the program cannot use it either


def _copy(source, target):
    """A fresh copy of the read-only ``source`` folder (the program and its tests) at ``target``."""
    os.mkdir(target)
    for entry in os.scandir(source):
        destination = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            _copy(entry.path, destination)
        else:
            with open(entry.path, "rb") as original, open(destination, "wb") as copy:
                copy.write(original.read())


FRESH_DEPTH = 2
"""Frames at main() in an interpreter started on this file: <module> and main."""


def _depth():
    """Frames on the stack of the caller, the caller's included."""
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def _child(argv, log_path):
    """In the forked child: its own process group, output to its log, then the program's run exactly as
    ``python python_runner.py ARGS`` would make it, ending as that interpreter would (threads joined,
    exit handlers run, streams flushed)."""
    code = 1
    try:
        os.setpgid(0, 0)
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        sys.argv = argv
        # main() sits deeper here than in a fresh interpreter: the recursion limit allows for the difference
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000) + _depth() + 1 - FRESH_DEPTH)
        code = main(argv)
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    except BaseException:  # noqa: BLE001 - reported as the interpreter would, on stderr
        traceback.print_exc()
        code = 1
    finally:
        try:
            threading = sys.modules.get("threading")
            if threading is not None:
                threading._shutdown()
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _kill_leftovers():
    """Every process but this one (and the namespace's init) killed, their zombies reaped, ``/tmp`` emptied."""
    with contextlib.suppress(OSError):
        os.kill(-1, signal.SIGKILL)
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.001)
    for entry in os.listdir("/tmp"):
        _remove(os.path.join("/tmp", entry))


def _wait(pid, limit):
    """The child's exit status as a shell reports it (128 + signal when killed); SIGKILL to its process
    group once it has run ``limit`` seconds."""

    def on_limit(signum, frame):
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            os.kill(pid, signal.SIGKILL)

    previous = signal.signal(signal.SIGALRM, on_limit)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        _, status = os.waitpid(pid, 0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def _run_job(inputs, job, contained):
    """One program of a batch: a fresh copy of its folder from the read-only inputs, planted result files
    removed first, the runner in a forked child with a wall-clock limit on the whole program, then
    (``contained``: the sandbox is ours alone) every leftover process killed and ``/tmp`` emptied."""
    folder, results, limit, *argv = job
    top = os.getcwd()
    for path in (folder, results + ".jsonl", results + ".log", results + ".status"):
        _remove(path)
    _copy(os.path.join(inputs, folder), folder)
    os.chdir(folder)
    pid = os.fork()
    if pid == 0:
        _child(argv, os.path.join(top, results + ".log"))
    os.chdir(top)
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)  # also here, so that the limit reaches the group however early it fires
    code = _wait(pid, float(limit))
    with open(results + ".status", "w") as marker:
        marker.write("%d\n" % code)
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)  # what the program left running in its group
    if contained:
        _kill_leftovers()
    _remove(folder)


def serve(argv):
    """Batch mode: ``--batch JOBS_FILE [--contained]``. Each line of JOBS_FILE is one program,
    tab-separated: ``FOLDER RESULTS LIMIT_SECONDS ARGV...``: a copy of FOLDER (under the jobs file's
    folder, the read-only inputs) becomes the program's current directory, ARGV is the runner's command
    line as a fresh interpreter would get it, and RESULTS (no suffix) names the ``.log`` and ``.status``
    files written beside its ``.jsonl``. Programs run one after another, each in a child forked from
    this process, which has imported only what every run of the runner imports anyway."""
    jobs_path, contained = argv[2], "--contained" in argv[3:]
    inputs = os.path.dirname(jobs_path)
    with open(jobs_path, encoding="utf-8") as jobs:
        lines = [line.rstrip("\n").split("\t") for line in jobs if line.strip()]
    for job in lines:
        _run_job(inputs, job, contained)
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.argv) if sys.argv[1:2] == ["--batch"] else main(sys.argv))
