"""Running test suites in a sandbox and reading back one result per test case.

Programs (or faulty/variant sources of them) are batched: one sandboxed command runs a whole
batch, so a container or namespace start-up is paid per batch. In a Python batch one interpreter
starts and forks a fresh child per program, each in a fresh copy of its folder, one after another,
with leftovers of the one before killed (see :func:`_run_python_batch`). A Java batch is compiled in
one javac task and run in the same JVM, each variant through its own class loader. The runners write one JSON line per test; tests
that never reported (the process crashed or was killed) are filled in as errors, so a report
always has exactly one result per test case.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from flipbench.corpora import discover_test_cases
from flipbench.errors import InputError
from flipbench.execution.java_coverage import PROBE_FILE, instrument, probe_source
from flipbench.execution.java_tools import (
    JVM_OPTIONS,
    Compilation,
    helper_classes,
    helper_source,
    read_compilations,
    refused_units,
    unit_package,
    write_units,
)
from flipbench.execution.test_frameworks import PYTEST_RUNNER, java_test_argument, python_tests_argument
from flipbench.model import Language, Program
from flipbench.sandbox import INPUTS, OUTPUTS, Execution, Invocation, Limits, Sandbox, open_sandbox, scratch_folders

Outcome = Literal["passed", "failed", "error", "timeout"]
RESULTS_FILE = "flipbench-results.jsonl"
PYTHON_RUNNER = "python_runner.py"
PYTHON_JOBS = "jobs.tsv"
JAVA_BATCH = 256
"""Java variants per batch at most: a batch pays the JVM's start and javac's warm-up once (about 2.7 CPU-s,
against 10-15 ms per further variant compiled and 5-10 ms run), so a set is cut into as few batches as
keep every worker busy."""
JAVA_SPREAD = 64
"""Java variants a batch must have before a set is spread over more workers: below that a second JVM's
warm-up costs more CPU than the parallel batch saves wall time."""
PYTHON_BATCH = 32
"""Python programs per sandboxed command (one interpreter start; each program in its own forked child)."""


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


@dataclass(frozen=True)
class _Batch:
    """Jobs for one sandboxed command, with everything that needs a parser worked out beforehand: the
    workers only write files and wait on the sandbox (CPython 3.11's ``ast`` and a shared tree-sitter
    parser are not safe to use from several threads at once)."""

    jobs: tuple[Job, ...]
    cases: tuple[tuple[str, ...], ...]
    timeouts: tuple[float, ...]
    """Each job's time limit per test."""
    units: tuple[dict[str, str], ...] = ()
    """Java: the compilation units (instrumented for coverage where asked)."""
    refused: dict[int, Compilation] = field(default_factory=dict)
    """Java: units that cannot be batched, with the reason."""


def _python_batch(jobs: Sequence[Job], timeouts: Sequence[float]) -> _Batch:
    return _Batch(tuple(jobs), tuple(discover_test_cases("python", program.tests) for program, _ in jobs),
                  tuple(timeouts))


def _java_batch(jobs: Sequence[Job], timeouts: Sequence[float], coverage: bool) -> _Batch:
    units = tuple(_java_unit(program, source, coverage) for program, source in jobs)
    return _Batch(tuple(jobs), tuple(discover_test_cases("java", program.tests) for program, _ in jobs),
                  tuple(timeouts), units, refused_units(units))


def run_suite(program: Program, source: str | None = None, *, sandbox: Sandbox | None = None,
              timeout: float = 2.0, coverage: bool = False) -> SuiteRun:
    """Run ``program``'s tests against ``source`` (default: the program's own source)."""
    [(_, _, run)] = list(run_suites([(program, source)], sandbox=sandbox, timeout=timeout, coverage=coverage))
    return run


def run_suites(jobs: Iterable[Job], *, sandbox: Sandbox | None = None, workers: int | None = None,
               timeout: float = 2.0, timeout_of: Callable[[Program], float] | None = None,
               coverage: bool = False) -> Iterator[tuple[Program, str | None, SuiteRun]]:
    """Run many suites in ``sandbox`` (default: the best available), yielding each (program, source, run)
    as its batch finishes. Each test may run ``timeout`` seconds, or ``timeout_of(program)`` (programs
    with different limits share batches). With ``coverage``, each test result lists the program lines it
    executed."""
    jobs = list(jobs)
    for program, _ in jobs:
        if program.tests is None:
            raise NoTests(f"{program.name} has no tests")
    sandbox = sandbox or open_sandbox()
    workers = workers or os.cpu_count() or 1
    batches: list[tuple[Language, _Batch]] = []
    for language, least, most in (("python", 1, PYTHON_BATCH), ("java", JAVA_SPREAD, JAVA_BATCH)):
        mine = [job for job in jobs if job[0].language == language]
        # one batch per worker if each gets `least` jobs, more only where a batch would exceed `most`; equal sizes
        count = max(1, min(workers, len(mine) // least), -(-len(mine) // most))
        size = max(1, -(-len(mine) // count))
        limits = [timeout if timeout_of is None else timeout_of(program) for program, _ in mine]
        batches += [(language, _python_batch(mine[i:i + size], limits[i:i + size]) if language == "python"
                     else _java_batch(mine[i:i + size], limits[i:i + size], coverage))
                    for i in range(0, len(mine), size)]
    runners = {"python": _run_python_batch, "java": _run_java_batch}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = [pool.submit(runners[language], sandbox, batch, coverage) for language, batch in batches]
        for future in as_completed(pending):
            yield from future.result()


def _run_python_batch(sandbox: Sandbox, prepared: _Batch, coverage: bool) -> list[tuple[Program, str | None, SuiteRun]]:
    """One sandboxed command runs every program of the batch: one interpreter start, then a forked child
    in a fresh copy of its folder per program (the runner's batch mode, ``python_runner.py --batch``).

    Isolation within a batch: result files an earlier program planted are removed first, the runner and
    the folder's original are read from the read-only inputs, and afterwards, inside a sandbox of its own
    (``contained``: its own process namespace, its own ``/tmp``), every process left over is killed and
    ``/tmp`` and the folder are emptied. What stays possible: a program can still overwrite the result
    files of the programs *before* it in its batch, as they run under the same user; the sandbox keeps the
    host safe, not batch-mates from a program written to attack them.
    """
    started = time.perf_counter()
    batch, cases, timeouts = prepared.jobs, prepared.cases, prepared.timeouts
    with tempfile.TemporaryDirectory(prefix="flipbench-") as scratch:
        inputs, outputs = scratch_folders(Path(scratch))
        shutil.copy(helper_source(PYTHON_RUNNER), inputs / PYTHON_RUNNER)
        shutil.copy(helper_source(PYTEST_RUNNER), inputs / PYTEST_RUNNER)
        lines = []
        for index, (program, source) in enumerate(batch):
            _prepare(inputs / f"p{index}", program, source)
            argv = [f"../{INPUTS}/{PYTHON_RUNNER}", f"../{OUTPUTS}/{index}.jsonl",
                    python_tests_argument(program.tests), str(timeouts[index]),
                    *([program.filename] if coverage else [])]
            limit = _limit(timeouts[index], cases[index])
            lines.append("\t".join([f"p{index}", f"{OUTPUTS}/{index}", f"{limit:.0f}", *argv]))
        (inputs / PYTHON_JOBS).write_text("\n".join(lines) + "\n", encoding="utf-8")
        argv = (sandbox.python(), "-I", "-S", f"{INPUTS}/{PYTHON_RUNNER}", "--batch", f"{INPUTS}/{PYTHON_JOBS}",
                *(["--contained"] if sandbox.safe else []))
        execution = sandbox.run(Invocation(argv, inputs, outputs, "python",
                                           _batch_limits(sum(map(_limit, timeouts, cases)))))
        elapsed = (time.perf_counter() - started) / max(len(batch), 1)
        return [(program, source, _collect(outputs / f"{index}.jsonl", cases[index],
                                           _python_error(outputs, index, execution), elapsed))
                for index, (program, source) in enumerate(batch)]


def _python_error(outputs: Path, index: int, execution: Execution) -> str | None:
    status = outputs / f"{index}.status"
    if not status.exists():
        return f"the sandbox ended before this program finished ({execution.reason})"
    code = int(status.read_text().strip() or "1")
    if code == 0:
        return None
    tail = (outputs / f"{index}.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    return ("killed at the time limit" if code in (124, 137) else f"exit status {code}") + (
        f": {' | '.join(tail)}" if tail else "")


JAVA_SCRIPT = """\
total={total}; finished=0; : >.out/run.log; : >.out/compile.jsonl
compile="--compile src classes .out/compile.jsonl"
while [ "$finished" -lt "$total" ]; do
  tail -n +$((finished + 1)) jobs.tsv | java {options} -cp helpers FlipbenchRunner $compile --batch >>.out/run.log 2>>.out/run.err
  compile=""
  finished=$(grep -c -e '^done ' -e '^died ' .out/run.log)
  if [ "$finished" -lt "$total" ]; then echo "died $finished" >>.out/run.log; finished=$((finished + 1)); fi
done
"""
"""One JVM compiles the batch in one javac task and then runs every job; a job that kills the JVM is
recorded as died and a new JVM goes on with the next (the batch is compiled only once)."""


def _run_java_batch(sandbox: Sandbox, prepared: _Batch, coverage: bool) -> list[tuple[Program, str | None, SuiteRun]]:
    started = time.perf_counter()
    batch, cases, timeouts, refused = prepared.jobs, prepared.cases, prepared.timeouts, prepared.refused
    with tempfile.TemporaryDirectory(prefix="flipbench-java-") as scratch:
        inputs, outputs = scratch_folders(Path(scratch))
        write_units(prepared.units, inputs / "src", refused)
        shutil.copytree(helper_classes(sandbox), inputs / "helpers")
        (inputs / "jobs.tsv").write_text("".join(
            "\t".join(["classes", f"{OUTPUTS}/{index}.jsonl",
                       java_test_argument(program.tests, unit_package(index)),
                       str(int(timeouts[index] * 1000)), ",".join(cases[index])]) + "\n"
            for index, (program, _) in enumerate(batch)), encoding="utf-8")
        limits = _batch_limits(sum(map(_limit, timeouts, cases)) + 60)
        options = " ".join([*JVM_OPTIONS, f"-Xmx{limits.memory_mb // 2}m"])
        (inputs / "run.sh").write_text(JAVA_SCRIPT.format(options=options, total=len(batch)), encoding="utf-8")
        execution = sandbox.run(Invocation(("/bin/sh", "run.sh"), inputs, outputs, "java", limits))
        compiled = read_compilations(_read_text(outputs / "compile.jsonl"), len(batch), refused)
        log = _read_text(outputs / "run.log").splitlines()
        died = {int(line.split()[1]) for line in log if line.startswith("died ")}
        finished = sum(1 for line in log if line.startswith(("done ", "died ")))
        elapsed = (time.perf_counter() - started) / max(len(batch), 1)
        runs = []
        for index, (program, source) in enumerate(batch):
            error = None
            if not compiled[index].ok:
                error = f"does not compile: {(compiled[index].errors.strip().splitlines() or ['?'])[0]}"
            elif index in died:
                error = "the test JVM exited abnormally while running this program"
            elif index >= finished:
                error = f"the sandbox ended before this program finished ({execution.reason})"
            runs.append((program, source, _collect(outputs / f"{index}.jsonl", cases[index], error, elapsed)))
        return runs


def _java_unit(program: Program, source: str | None, coverage: bool) -> dict[str, str]:
    text = program.source if source is None else source
    unit = {program.filename: instrument(text) if coverage else text, program.tests.filename: program.tests.source}
    if coverage:
        unit[PROBE_FILE] = probe_source(None)
    return unit


def _batch_limits(seconds: float) -> Limits:
    return Limits(wall_seconds=seconds, memory_mb=1024, cpus=1.0, pids=256)


def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


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
