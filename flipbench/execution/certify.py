"""Certifying tasks by running them: a fault must change behaviour, an SPM must keep it.

A fault is *live* when at least one test that passes on the program fails on the fault, else
*equivalent* (excluded from experiments by default). An SPM variant is *preserving* when every
test ends the same way with the same stdout and stderr as on the faulty program it was made
from. Reference runs are repeated; a program whose repeats disagree is *flaky* and excluded.
Time limits come from the reference run (a factor over its slowest test, with a floor). Every
verdict carries the runs it was decided on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from flipbench.execution.suites import Job, SuiteRun, TestResult, run_suites
from flipbench.model import FaultyProgram, Program, Variant, Verdict
from flipbench.sandbox import Sandbox

TIMEOUT_FACTOR = 10.0
TIMEOUT_FLOOR = 1.0
RECHECK_SCALE = 4.0
"""A variant whose difference involves a timeout is run again, with its faulty program, under limits this
many times longer: only a difference that survives that is a change."""


@dataclass(frozen=True)
class Reference:
    """A program's own runs: the baseline every fault and variant of it is compared with."""

    program: Program
    runs: tuple[SuiteRun, ...]

    @property
    def flaky(self) -> bool:
        return len({behaviour(run) for run in self.runs}) > 1

    @property
    def usable(self) -> bool:
        return not self.flaky and self.runs[0].passed

    @property
    def timeout(self) -> float:
        slowest = max((result.seconds for run in self.runs for result in run.results), default=0.0)
        return max(TIMEOUT_FLOOR, TIMEOUT_FACTOR * slowest)

    @property
    def problem(self) -> str | None:
        if self.flaky:
            return "flaky: repeated runs of the program disagree"
        if not self.runs[0].passed:
            return f"the program fails its own tests ({self.runs[0].error or self.runs[0].failures[0].test})"
        return None


@dataclass(frozen=True)
class FaultVerdict:
    faulty: FaultyProgram
    verdict: Verdict
    failing_tests: tuple[str, ...]
    evidence: SuiteRun | None
    reason: str = ""


@dataclass(frozen=True)
class VariantVerdict:
    variant: Variant
    verdict: Verdict
    differences: tuple[str, ...]
    """Tests whose outcome or output differs, each with what differs."""
    evidence: SuiteRun | None
    baseline: SuiteRun | None
    reason: str = ""


def behaviour(run: SuiteRun) -> tuple[tuple[str, str, str, str], ...]:
    """What must not change: each test's outcome and outputs (not its time or message wording)."""
    return tuple((result.test, result.outcome, result.stdout, result.stderr) for result in run.results)


def reference_runs(programs: Iterable[Program], sandbox: Sandbox, *, repeats: int = 2,
                   timeout: float = 10.0, coverage: bool = False) -> dict[str, Reference]:
    """Each program run ``repeats`` times (keyed by program id). Pass ``coverage`` when the faults will be
    run with coverage too, so that the time limits allow for its cost."""
    programs = list(programs)
    runs: dict[str, list[SuiteRun]] = {program.id: [] for program in programs}
    jobs = [(program, None) for program in programs for _ in range(repeats)]
    for program, _, run in run_suites(jobs, sandbox=sandbox, timeout=timeout, coverage=coverage):
        runs[program.id].append(run)
    return {program.id: Reference(program, tuple(runs[program.id])) for program in programs}


def verify_faults(faults: Sequence[FaultyProgram], references: dict[str, Reference],
                  sandbox: Sandbox, *, coverage: bool = False) -> Iterator[FaultVerdict]:
    """A verdict per fault, in completion order; with ``coverage`` the evidence lists each test's lines
    (for spectrum-based localization)."""
    by_job: dict[tuple[str, str], list[FaultyProgram]] = {}
    for faulty in faults:
        reference = references[faulty.program.id]
        if not reference.usable:
            yield FaultVerdict(faulty, Verdict.UNVERIFIABLE, (), None, reference.problem or "")
            continue
        by_job.setdefault((faulty.program.id, faulty.source), []).append(faulty)
    jobs = [(group[0].program, group[0].source) for group in by_job.values()]
    for program, source, run in _run_jobs(jobs, references, sandbox, coverage=coverage):
        baseline = references[program.id].runs[0]
        failing = tuple(result.test for result, before in zip(run.results, baseline.results)
                        if before.outcome == "passed" and result.outcome != "passed")
        for faulty in by_job[(program.id, source)]:
            yield FaultVerdict(faulty, Verdict.LIVE if failing else Verdict.EQUIVALENT, failing, run)


def verify_variants(variants: Sequence[Variant], sandbox: Sandbox, *,
                    references: dict[str, Reference], coverage: bool = False) -> Iterator[VariantVerdict]:
    """A verdict per variant: its run against a run of the faulty program it was made from; with
    ``coverage`` the evidence lists each test's lines (for spectrum-based localizers)."""
    usable = []
    for variant in variants:
        reference = references[variant.faulty.program.id]
        if reference.usable:
            usable.append(variant)
        else:
            yield VariantVerdict(variant, Verdict.UNVERIFIABLE, (), None, None, reference.problem or "")
    bases = {(v.faulty.program.id, v.faulty.source): v.faulty for v in usable}
    runs: dict[tuple[str, str], SuiteRun] = {}
    jobs = {(v.faulty.program.id, v.source): (v.faulty.program, v.source) for v in usable}
    jobs.update({key: (faulty.program, faulty.source) for key, faulty in bases.items()})
    for program, source, run in _run_jobs(jobs.values(), references, sandbox, coverage=coverage):
        runs[(program.id, source)] = run
    suspects = []
    for variant in usable:
        before, after = _pair(runs, variant)
        differences = _differences(before, after)
        if differences and _timed_out(before, after):
            suspects.append(variant)  # on a loaded machine a time limit can fire on either side: look again
            continue
        yield VariantVerdict(variant, Verdict.CHANGED if differences else Verdict.PRESERVING, differences, after, before)
    if suspects:
        again = {(v.faulty.program.id, v.source): (v.faulty.program, v.source) for v in suspects}
        again.update({(v.faulty.program.id, v.faulty.source): (v.faulty.program, v.faulty.source) for v in suspects})
        for program, source, run in _run_jobs(again.values(), references, sandbox, coverage=coverage,
                                              scale=RECHECK_SCALE):
            runs[(program.id, source)] = run
        for variant in suspects:
            before, after = _pair(runs, variant)
            differences = _differences(before, after)
            yield VariantVerdict(variant, Verdict.CHANGED if differences else Verdict.PRESERVING, differences, after, before)


def _pair(runs: dict[tuple[str, str], SuiteRun], variant: Variant) -> tuple[SuiteRun, SuiteRun]:
    program = variant.faulty.program.id
    return runs[(program, variant.faulty.source)], runs[(program, variant.source)]


def _differences(before: SuiteRun, after: SuiteRun) -> tuple[str, ...]:
    differences = tuple(_difference(old, new) for old, new in zip(before.results, after.results)
                        if (old.outcome, old.stdout, old.stderr) != (new.outcome, new.stdout, new.stderr))
    if (before.error is None) != (after.error is None):
        differences += (f"suite: {before.error or 'ran'} -> {after.error or 'ran'}",)
    return differences


def _timed_out(*runs: SuiteRun) -> bool:
    return any(result.outcome == "timeout" for run in runs for result in run.results)


def _difference(old: TestResult, new: TestResult) -> str:
    parts = [f"{old.outcome} -> {new.outcome}"] if old.outcome != new.outcome else []
    parts += [f"stdout {old.stdout!r} -> {new.stdout!r}"] if old.stdout != new.stdout else []
    parts += [f"stderr {old.stderr!r} -> {new.stderr!r}"] if old.stderr != new.stderr else []
    return f"{old.test}: " + "; ".join(parts)


def _run_jobs(jobs: Iterable[Job], references: dict[str, Reference], sandbox: Sandbox,
              coverage: bool = False, scale: float = 1.0) -> Iterator[tuple[Program, str | None, SuiteRun]]:
    """Run jobs with each program's own time limit, times ``scale`` (programs of different limits share batches)."""
    return run_suites(jobs, sandbox=sandbox, timeout_of=lambda program: references[program.id].timeout * scale,
                      coverage=coverage)
