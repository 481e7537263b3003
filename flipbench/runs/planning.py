"""Turning an experiment into subjects (faulty programs and SPM variants, certified by running them)
and a stream of tasks.

Subjects are few (thousands) and are stored once; tasks are many (the study had 750,000) and are
only ever generated, never held: a task is a subject, a localizer and a draw, and its id is
derived from those, so a resumed run recognizes what it already has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from flipbench import console
from flipbench.corpora import Corpus, fault_function_spans
from flipbench.execution import Reference, SuiteRun, reference_runs, untested_levels, verify_faults, verify_variants
from flipbench.localizers import FORMULAS, rank_lines
from flipbench.model import CheckLevel, FaultyProgram, Program, RankedLine, Role, Subject, Variant, Verdict
from flipbench.mutators import NotApplicable, inject, mutate, quartile, rank, revert_fault, sample_faults, site_key
from flipbench.runs.experiment import Experiment
from flipbench.sandbox import Sandbox

CANDIDATES_PER_FAULT = 3
"""Faults tried per fault wanted, so that an equivalent fault can be replaced by a live one."""
ROUND_GROUPS = 64
"""(program, operator) groups certified together when every fault of each is wanted."""


@dataclass(frozen=True)
class Task:
    role: Role
    subject_id: str
    faulty_id: str
    condition: str
    localizer: str
    draw: int

    @property
    def id(self) -> str:
        return f"{self.role}:{self.localizer}:{self.subject_id}:{self.draw}"


def condition_label(chain: Sequence[str], strength: int, placement: str) -> str:
    label = f"{'+'.join(chain)} x{strength}"
    return label if placement == "random" else f"{label} @{placement}"


class FaultPool:
    """Candidate faults per (program, operator) group, groups in seeded order, each program injected
    only when one of its groups is reached: a run with a small ``limit`` touches few programs."""

    def __init__(self, experiment: Experiment, corpus: Corpus, *, candidates: int = 1) -> None:
        self.experiment = experiment
        per_group = experiment.faults_per_group
        self.per_group = None if per_group is None else per_group * candidates
        self.programs = {program.name: program for program in corpus.programs()
                         if program.language in experiment.languages}
        self._found: dict[str, list[FaultyProgram]] = {}

    def groups(self) -> list[tuple[str, str]]:
        """(program name, operator), in seeded order."""
        keys = [(name, operator) for name in self.programs for operator in self.experiment.faults]
        return sorted(keys, key=lambda key: rank(self.experiment.seed, "\x00".join(key)))

    def candidates(self, program_name: str, operator: str) -> list[FaultyProgram]:
        """The group's seeded sample, best first (an equivalent fault's replacement is the next one). Stratified,
        the quartiles take turns, so the first faults kept are as balanced as the sample."""
        found = [faulty for faulty in self._inject(program_name) if faulty.fault == operator]
        seed, stratify = self.experiment.seed, self.experiment.stratify
        chosen = sample_faults(found, seed=seed, limit=self.per_group, stratify=stratify)
        ranked = sorted(chosen, key=lambda faulty: rank(seed, site_key(faulty)))
        if not stratify:
            return ranked
        turns: dict[int, int] = {}
        turn_of = []  # by position in ``ranked``: a fault's id would build its whole faulty source
        for faulty in ranked:
            window = quartile(faulty.position)
            turn_of.append((turns.get(window, 0), window))
            turns[window] = turns.get(window, 0) + 1
        return [ranked[index] for index in sorted(range(len(ranked)), key=turn_of.__getitem__)]

    def faulty(self, program_name: str, faulty_id: str) -> FaultyProgram:
        for faulty in self._inject(program_name):
            if faulty.id == faulty_id:
                return faulty
        raise KeyError(f"{program_name}: no fault {faulty_id} (the corpus or flipbench changed since the run began)")

    def forget(self, program_name: str) -> None:
        """Drop a program's injected faults (a plan over a whole corpus visits each program once)."""
        self._found.pop(program_name, None)

    def _inject(self, program_name: str) -> list[FaultyProgram]:
        if program_name not in self._found:
            self._found[program_name] = list(inject(self.programs[program_name], self.experiment.faults))
        return self._found[program_name]


def faulty_subject(faulty: FaultyProgram, verdict: Verdict = Verdict.UNCHECKED, run: SuiteRun | None = None,
                   level: CheckLevel = CheckLevel.TESTED) -> Subject:
    return Subject(faulty.id, "faulty", faulty.id, faulty.program.name, faulty.program.language,
                   faulty.program.spec, faulty.source, faulty.fault, faulty.fault_lines,
                   verdict=verdict, rankings=spectrum_rankings(run), position=faulty.position,
                   function_spans=fault_function_spans(faulty.program.language, faulty.source, faulty.fault_lines),
                   level=level, **_program_files(faulty.program))


def variant_subject(variant: Variant, verdict: Verdict = Verdict.UNCHECKED, run: SuiteRun | None = None,
                    level: CheckLevel = CheckLevel.TESTED) -> Subject:
    faulty = variant.faulty
    return Subject(variant.id, "variant", faulty.id, faulty.program.name, faulty.program.language,
                   faulty.program.spec, variant.source, faulty.fault, variant.fault_lines,
                   condition_label(variant.chain, variant.strength, variant.placement),
                   verdict=verdict, rankings=spectrum_rankings(run), spm="+".join(variant.chain),
                   strength=variant.strength, placement=variant.placement, position=faulty.position,
                   edits=variant.edits,
                   function_spans=fault_function_spans(faulty.program.language, variant.source, variant.fault_lines),
                   level=level, spm_base=revert_fault(variant), **_program_files(faulty.program))


def _program_files(program: Program) -> dict[str, Any]:
    """What a subject keeps of its program's files: a tool's working directory and a review's base."""
    return {"filename": program.filename, "original": program.source, "tests": program.tests}


def usable_subject(subject: Subject, experiment: Experiment) -> bool:
    """Whether a subject takes part: certified by its tests, or uncertified because nothing could test it (it
    runs marked with its level), or anything when ``certified_only`` is off. A subject whose tests ran and
    did not certify it (an equivalent fault, a changed variant) is left out."""
    return subject.certified or subject.uncertified or not experiment.certified_only


def spectrum_rankings(run: SuiteRun | None) -> tuple[tuple[str, tuple[RankedLine, ...]], ...]:
    if run is None or not any(result.covered_lines for result in run.results):
        return ()
    return tuple((name, rank_lines(run, formula)) for name, formula in FORMULAS.items())


@dataclass(frozen=True)
class FaultChoice:
    """The faulty programs chosen for a run, and how many (program, operator) groups gave none."""

    subjects: tuple[Subject, ...]
    groups: int
    """Groups looked at (a small ``limit`` stops early)."""
    without_site: int
    """Groups whose operator has nowhere to apply in the program."""
    without_usable: int
    """Groups with sites but no usable fault (none live, when only certified faults are kept)."""


def certify_faults(pool: FaultPool, experiment: Experiment, sandbox: Sandbox | None,
                   references: ReferenceRuns | None) -> FaultChoice:
    """The first ``faults_per_operator`` candidates per group (live ones only when ``certified_only``),
    at most ``limit`` in all; groups are certified a round at a time, so a small limit runs little."""
    order = pool.groups()
    per_group = experiment.faults_per_group
    wanted = experiment.limit if experiment.limit is not None else (
        None if per_group is None else len(order) * per_group)
    chosen: list[Subject] = []
    examined = without_site = without_usable = 0
    bar = console.progress(total=len(order), desc="choosing faults", unit="group")
    while order and (wanted is None or len(chosen) < wanted):
        round_size = ROUND_GROUPS if wanted is None else max(1, -(-(wanted - len(chosen)) // (per_group or 1)))
        keys, order = order[:round_size], order[round_size:]
        groups = {key: pool.candidates(*key) for key in keys}
        subjects = _certified_faults([faulty for group in groups.values() for faulty in group], sandbox, references)
        for key in keys:
            usable = [subjects[faulty.id] for faulty in groups[key] if usable_subject(subjects[faulty.id], experiment)]
            room = len(usable) if wanted is None else wanted - len(chosen)
            chosen += usable[:min(per_group or len(usable), room)]
            examined += 1
            without_site += not groups[key]
            without_usable += bool(groups[key]) and not usable
        bar.update(len(keys))
    bar.close()
    return FaultChoice(tuple(chosen), examined, without_site, without_usable)


def _certified_faults(faults: Sequence[FaultyProgram], sandbox: Sandbox | None,
                      references: ReferenceRuns | None) -> dict[str, Subject]:
    testable = [faulty for faulty in faults if faulty.program.tests is not None and sandbox is not None]
    untested = [faulty for faulty in faults if faulty.program.tests is None or sandbox is None]
    levels = untested_levels([(faulty.program.language, faulty.program.filename, faulty.source, faulty.program.source)
                              for faulty in untested])
    subjects = {faulty.id: faulty_subject(faulty, level=level) for faulty, level in zip(untested, levels)}
    if sandbox is not None and references is not None and testable:
        verdicts = verify_faults(testable, references(testable), sandbox, coverage=references.coverage)
        subjects.update({verdict.faulty.id: faulty_subject(verdict.faulty, verdict.verdict, verdict.evidence)
                         for verdict in console.progress(verdicts, total=len(testable), desc="certifying faults",
                                                         unit="fault")})
    return subjects


def make_variants(faulty: FaultyProgram, experiment: Experiment) -> tuple[list[Variant], list[str]]:
    """Every SPM condition of the experiment applied to one faulty program, and the conditions that
    could not apply (with why)."""
    variants, skipped = [], []
    for chain in experiment.spms:
        for strength in experiment.strengths:
            for placement in experiment.placements:
                try:
                    variant, _ = mutate(faulty, chain, strength=strength, seed=experiment.seed, placement=placement)
                except NotApplicable as reason:
                    skipped.append(f"{condition_label(chain, strength, placement)}: {reason}")
                    continue
                variants.append(variant)
    return variants, skipped


def certify_variants(variants: Sequence[Variant], sandbox: Sandbox | None,
                     references: ReferenceRuns | None) -> list[Subject]:
    testable = [variant for variant in variants if variant.faulty.program.tests is not None and sandbox is not None]
    untested = [variant for variant in variants if variant.faulty.program.tests is None or sandbox is None]
    levels = untested_levels([(variant.faulty.program.language, variant.faulty.program.filename, variant.source,
                               variant.faulty.program.source) for variant in untested])
    subjects = [variant_subject(variant, level=level) for variant, level in zip(untested, levels)]
    if sandbox is not None and references is not None and testable:
        known = references(variant.faulty for variant in testable)
        verdicts = verify_variants(testable, sandbox, references=known, coverage=references.coverage)
        subjects += [variant_subject(verdict.variant, verdict.verdict, verdict.evidence)
                     for verdict in console.progress(verdicts, total=len(testable), desc="certifying variants",
                                                     unit="variant")]
    return subjects


class ReferenceRuns:
    """Each program's reference runs, made when a fault of it is first certified, and whether the runs that
    certify record coverage: only when a localizer ranks lines by it (tracing costs time, and the time
    limits of every run derive from the reference runs, so those are traced alike)."""

    def __init__(self, sandbox: Sandbox, *, coverage: bool = True) -> None:
        self.sandbox, self.coverage = sandbox, coverage
        self.known: dict[str, Reference] = {}

    def __call__(self, faults: Iterable[FaultyProgram]) -> dict[str, Reference]:
        missing = {faulty.program.id: faulty.program for faulty in faults if faulty.program.id not in self.known}
        if missing:
            self.known.update(reference_runs(missing.values(), self.sandbox, coverage=self.coverage))
        return self.known


def stage_two_eligibility(experiment: Experiment, correct: set[tuple[str, str]]) -> Callable[[str, str], bool]:
    """Whether (localizer, faulty id) goes on to stage 2, from the (localizer, faulty id) pairs localized in
    stage 1: every pair (``mode = "all"``) or the localizer's own hits (``correct``); with ``filter =
    "existential"`` (the study's) only faulty programs at least one localizer of the run localized."""
    localized_by_any = {faulty_id for _, faulty_id in correct}

    def eligible(localizer: str, faulty_id: str) -> bool:
        if experiment.filter == "existential" and faulty_id not in localized_by_any:
            return False
        return experiment.mode == "all" or (localizer, faulty_id) in correct

    return eligible


def before_tasks(subjects: Iterable[Subject], localizers: Sequence[str], samples: int) -> Iterator[Task]:
    """Stage 1: every faulty program, asked ``samples`` times of every localizer."""
    for subject in subjects:
        for localizer in localizers:
            for draw in range(samples):
                yield Task(Role.BEFORE, subject.id, subject.id, "", localizer, draw)


def after_tasks(faulty_ids: Iterable[str], variants_of: Callable[[str], Iterable[Subject]],
                localizers: Sequence[str], samples: int, *, control: bool,
                eligible: Callable[[str, str], bool],
                audience: Callable[[str, Subject], bool] | None = None) -> Iterator[Task]:
    """Stage 2: per localizer, each eligible faulty program's variants and its null control; ``audience``
    (localizer, variant) says which localizers a variant is for (model-written content: its writer's)."""
    for faulty_id in faulty_ids:
        wanted = [localizer for localizer in localizers if eligible(localizer, faulty_id)]
        if not wanted:
            continue
        for variant in variants_of(faulty_id):
            for localizer in wanted:
                if audience is not None and not audience(localizer, variant):
                    continue
                for draw in range(samples):
                    yield Task(Role.VARIANT, variant.id, faulty_id, variant.condition, localizer, draw)
        if control:
            for localizer in wanted:
                for draw in range(samples):
                    yield Task(Role.CONTROL, faulty_id, faulty_id, "control", localizer, draw)
