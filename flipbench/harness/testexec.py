"""Running a program's test suite and reading back one result per test case.

The program (or a faulty/variant source of it) and its tests are written to a fresh work
directory next to flipbench's runner for the language; the runner writes one JSON line per
test. Tests that never reported (the process crashed or was killed) are filled in as errors,
so a report always has exactly one result per test case.

Python suites run one process each. Java suites run in batches: one JVM compiles many
variants and one JVM runs them, each through its own class loader, so a JVM start-up is paid
per batch rather than per variant.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from flipbench.corpora.model import Program
from flipbench.corpora.testformat import discover_test_cases, java_test_class
from flipbench.errors import InputError
from flipbench.harness.java_tools import (
    JVM_OPTIONS,
    batch_classes,
    compile_batch,
    helper_classes,
    helper_source,
    unit_package,
)

Outcome = Literal["passed", "failed", "error", "timeout"]
RESULTS_FILE = "flipbench-results.jsonl"
PYTHON_RUNNER = "python_runner.py"
JAVA_BATCH = 64
"""Java variants per batch: large enough to amortize JVM start-up, small enough to spread over workers."""


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


Job = tuple[Program, "str | None"]


def run_suite(program: Program, source: str | None = None, *, timeout: float = 2.0) -> SuiteRun:
    """Run ``program``'s tests against ``source`` (default: the program's own source)."""
    [(_, _, run)] = list(run_suites([(program, source)], timeout=timeout))
    return run


def run_suites(jobs: Iterable[Job], *, workers: int | None = None,
               timeout: float = 2.0) -> Iterator[tuple[Program, str | None, SuiteRun]]:
    """Run many suites concurrently, yielding each (program, source, run) as it finishes."""
    jobs = list(jobs)
    for program, _ in jobs:
        if program.tests is None:
            raise NoTests(f"{program.name} has no tests")
    workers = workers or os.cpu_count() or 1
    python = [job for job in jobs if job[0].language == "python"]
    java = [job for job in jobs if job[0].language == "java"]
    size = max(1, min(JAVA_BATCH, -(-len(java) // workers)))  # spread small sets over the workers too
    batches = [java[i:i + size] for i in range(0, len(java), size)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = [pool.submit(_run_python_job, job, timeout) for job in python]
        pending += [pool.submit(_run_java_batch, batch, timeout) for batch in batches]
        for future in as_completed(pending):
            yield from future.result()


def _run_python_job(job: Job, timeout: float) -> list[tuple[Program, str | None, SuiteRun]]:
    program, source = job
    cases = discover_test_cases("python", program.tests)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="flipbench-") as scratch:
        work = _prepare(Path(scratch), program, source)
        shutil.copy(helper_source(PYTHON_RUNNER), work / PYTHON_RUNNER)
        tests_module = program.tests.filename.removesuffix(".py")
        error = _run([sys.executable, "-I", "-S", PYTHON_RUNNER, RESULTS_FILE, tests_module, str(timeout)], work,
                     _limit(timeout, cases))
        run = _collect(work / RESULTS_FILE, cases, error, time.perf_counter() - started)
    return [(program, source, run)]


def _run_java_batch(batch: Sequence[Job], timeout: float) -> list[tuple[Program, str | None, SuiteRun]]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="flipbench-java-") as scratch:
        root = Path(scratch)
        units = [{program.filename: program.source if source is None else source,
                  program.tests.filename: program.tests.source} for program, source in batch]
        compiled = compile_batch(units, root)
        cases = [discover_test_cases("java", program.tests) for program, _ in batch]
        results = [root / f"{index}.jsonl" for index in range(len(batch))]
        errors: dict[int, str | None] = {
            index: f"does not compile: {(compiled[index].errors.strip().splitlines() or ['?'])[0]}"
            for index in range(len(batch)) if not compiled[index].ok}
        remaining = [index for index in range(len(batch)) if compiled[index].ok]
        while remaining:
            finished = _java_batch_process(batch, batch_classes(root), results, cases, remaining, timeout)
            if finished < len(remaining):  # the JVM died inside this job: record it, go on after it
                errors[remaining[finished]] = "the test JVM exited abnormally while running this program"
            remaining = remaining[finished + 1:]
        elapsed = (time.perf_counter() - started) / max(len(batch), 1)
        return [(program, source, _collect(results[index], cases[index], errors.get(index), elapsed))
                for index, (program, source) in enumerate(batch)]


def _java_batch_process(batch: Sequence[Job], classes: Path, results: list[Path], cases: list[tuple[str, ...]],
                        indices: list[int], timeout: float) -> int:
    """Run the given jobs in one JVM; how many finished."""
    lines = ["\t".join([str(classes), str(results[index]),
                        f"{unit_package(index)}.{java_test_class(batch[index][0].tests)}",
                        str(int(timeout * 1000)), ",".join(cases[index])]) for index in indices]
    limit = sum(_limit(timeout, cases[index]) for index in indices)
    command = ["java", *JVM_OPTIONS, "-cp", str(helper_classes()), "FlipbenchRunner", "--batch"]
    try:
        output = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True,
                                timeout=limit, env=_environment()).stdout
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode("utf-8", "replace") if isinstance(expired.stdout, bytes) else expired.stdout or ""
    return sum(1 for line in output.splitlines() if line.startswith("done "))


def _prepare(work: Path, program: Program, source: str | None) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    (work / program.filename).write_text(program.source if source is None else source, encoding="utf-8")
    (work / program.tests.filename).write_text(program.tests.source, encoding="utf-8")
    return work


def _limit(timeout: float, cases: Sequence[str]) -> float:
    return timeout * (len(cases) + 1) + 30


def _collect(path: Path, cases: Sequence[str], error: str | None, seconds: float) -> SuiteRun:
    reported = _read_results(path)
    collection_error = next((r["collection_error"] for r in reported if "collection_error" in r), None)
    error = error or (f"tests could not load: {collection_error}" if collection_error else None)
    by_name = {r["test"]: r for r in reported if "test" in r}
    return SuiteRun(tuple(_result(name, by_name.get(name), error) for name in cases), error, seconds)


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


def _environment() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}


def _run(command: list[str], work: Path, limit: float) -> str | None:
    """Run a command in ``work``; None on exit 0, else why it did not end normally."""
    try:
        done = subprocess.run(command, cwd=work, env=_environment(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"killed after {limit:.0f}s"
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return f"exit status {done.returncode}: {' | '.join(tail)}"
    return None
