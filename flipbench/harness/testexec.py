"""Running a program's test suite and reading back one result per test case.

The program (or a faulty/variant source of it) and its tests are written to a fresh work
directory next to flipbench's runner for the language; the runner writes one JSON line per
test. Tests that never reported (the process crashed or was killed) are filled in as errors,
so a report always has exactly one result per test case.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from flipbench.corpora.model import Program
from flipbench.corpora.testformat import discover_test_cases, java_test_class
from flipbench.errors import InputError
from flipbench.harness.java_tools import JVM_OPTIONS, helper_classes, helper_source

Outcome = Literal["passed", "failed", "error", "timeout"]
RESULTS_FILE = "flipbench-results.jsonl"
PYTHON_RUNNER = "python_runner.py"


class NoTests(InputError):
    """The program has no tests to run."""


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class

    test: str
    outcome: Outcome
    stdout: str
    stderr: str
    message: str
    seconds: float
    covered_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class SuiteRun:
    """One run of a whole test suite."""

    results: tuple[TestResult, ...]
    error: str | None
    """Why the suite could not run normally (compile error, import failure, crash), else None."""
    seconds: float

    @property
    def passed(self) -> bool:
        return self.error is None and all(result.outcome == "passed" for result in self.results)

    @property
    def failures(self) -> tuple[TestResult, ...]:
        return tuple(result for result in self.results if result.outcome != "passed")


def run_suite(program: Program, source: str | None = None, *, timeout: float = 2.0) -> SuiteRun:
    """Run ``program``'s tests against ``source`` (default: the program's own source)."""
    if program.tests is None:
        raise NoTests(f"{program.name} has no tests")
    cases = discover_test_cases(program.language, program.tests)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="flipbench-") as workdir:
        work = Path(workdir)
        (work / program.filename).write_text(program.source if source is None else source, encoding="utf-8")
        (work / program.tests.filename).write_text(program.tests.source, encoding="utf-8")
        limit = timeout * (len(cases) + 1) + 30
        if program.language == "python":
            error = _run_python(work, program, timeout, limit)
        else:
            error = _run_java(work, program, cases, timeout, limit)
        reported = _read_results(work / RESULTS_FILE)
    collection_error = next((r["collection_error"] for r in reported if "collection_error" in r), None)
    error = error or (f"tests could not load: {collection_error}" if collection_error else None)
    by_name = {r["test"]: r for r in reported if "test" in r}
    results = tuple(_result(name, by_name.get(name), error) for name in cases)
    return SuiteRun(results, error, time.perf_counter() - started)


def run_suites(
    jobs: Iterable[tuple[Program, str | None]], *, workers: int | None = None, timeout: float = 2.0
) -> Iterator[tuple[Program, str | None, SuiteRun]]:
    """Run many suites concurrently (each is its own process), yielding each as it finishes."""
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        pending = {pool.submit(run_suite, program, source, timeout=timeout): (program, source)
                   for program, source in jobs}
        for future in as_completed(pending):
            program, source = pending[future]
            yield program, source, future.result()


def _result(name: str, reported: dict | None, error: str | None) -> TestResult:
    if reported is None:
        return TestResult(name, "error", "", "", error or "test did not report a result", 0.0)
    return TestResult(
        test=name,
        outcome=reported["outcome"],
        stdout=reported["stdout"],
        stderr=reported["stderr"],
        message=reported["message"],
        seconds=float(reported["seconds"]),
        covered_lines=tuple(reported.get("covered_lines", ())),
    )


def _read_results(path: Path) -> list[dict]:
    if not path.exists():
        return []
    results = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            results.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut short by a killed runner ends what we can trust
    return results


def _run(command: list[str], work: Path, limit: float) -> str | None:
    """Run a command in ``work``; None on exit 0, else why it did not end normally."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
                   "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    try:
        done = subprocess.run(command, cwd=work, env=environment, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"killed after {limit:.0f}s"
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return f"exit status {done.returncode}: {' | '.join(tail)}"
    return None


def _run_python(work: Path, program: Program, timeout: float, limit: float) -> str | None:
    shutil.copy(helper_source(PYTHON_RUNNER), work / PYTHON_RUNNER)
    tests_module = program.tests.filename.removesuffix(".py")
    return _run([sys.executable, "-I", "-S", PYTHON_RUNNER, RESULTS_FILE, tests_module, str(timeout)], work, limit)


def _run_java(work: Path, program: Program, cases: tuple[str, ...], timeout: float, limit: float) -> str | None:
    classes = work / "classes"
    compiled = subprocess.run(
        ["javac", "-encoding", "UTF-8", "-nowarn", "-d", str(classes), program.filename, program.tests.filename],
        cwd=work, capture_output=True, timeout=limit,
    )
    if compiled.returncode != 0:
        first = compiled.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        return f"does not compile: {' '.join(first)}"
    classpath = f"{classes}{os.pathsep}{helper_classes()}"
    command = ["java", *JVM_OPTIONS, "-cp", classpath, "FlipbenchRunner", RESULTS_FILE,
               java_test_class(program.tests), str(int(timeout * 1000)), *cases]
    return _run(command, work, limit)
