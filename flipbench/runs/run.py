"""One experiment from start to summary: prepare subjects, stage 1, prepare variants, stage 2.

Every step records that it finished, in the same transaction as what it produced, so re-running
the same command on the same directory picks up exactly where a killed run stopped, and a
finished run makes no calls at all.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import os
import sys
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flipbench import codec, console
from flipbench.analysis import Answer, ConditionSummary, Pair, summarize
from flipbench.corpora import Corpus, load_corpus
from flipbench.errors import InputError
from flipbench.localizers import (
    Localizer,
    LocalizerSettings,
    PromptTemplate,
    Review,
    Sampling,
    load_prompt,
    localizer_for,
)
from flipbench.runs.budget import spending_for
from flipbench.runs.executor import Executor, Tally
from flipbench.runs.experiment import BASELINES, Experiment
from flipbench.runs.pacing import DEFAULT_BACKOFF, Backoff
from flipbench.runs.planning import (
    CANDIDATES_PER_FAULT,
    FaultPool,
    ReferenceRuns,
    Subject,
    Task,
    after_tasks,
    before_tasks,
    certify_faults,
    certify_variants,
    stage_two_eligibility,
    usable_subject,
)
from flipbench.runs.store import Store, different_experiment, recorded_meta, remove_run
from flipbench.runs.streaming import Background, StreamedStage, overlaps
from flipbench.runs.written_content import CONTENT_STAGE, VariantAudience, ask_for_content, variants_for, writers_of
from flipbench.sandbox import Sandbox, open_sandbox
from flipbench.scoring import Match

VARIANT_CHUNK = 32
"""Faulty programs whose variants are made and certified together (one resumable step)."""
OLLAMA_URL = "http://localhost:11434"


@dataclass(frozen=True)
class FaultReport:
    """How the run's faulty programs were found (recorded once, when they were chosen)."""

    faulty: int
    groups: int
    """(program, operator) pairs looked at."""
    without_site: int
    """Pairs whose operator has nowhere to apply in the program."""
    without_usable: int
    """Pairs with sites but no usable (live, when certified) fault."""


@dataclass(frozen=True)
class RunResult:
    folder: Path
    stages: tuple[tuple[str, Tally], ...]
    summary: tuple[ConditionSummary, ...]
    stage_one: tuple[tuple[str, int, float | None, int, float | None], ...]
    """Per localizer: stage-1 answers scored, accuracy, errors, and (baselines) the expected accuracy
    over their tie-breaks."""
    already_done: tuple[tuple[str, int], ...] = ()
    """Per stage: tasks an earlier invocation had finished (a resumed run's stage tallies count only new ones)."""
    resumed: bool = False
    faults: FaultReport | None = None


def default_models(environment: dict[str, str] | None = None) -> tuple[str, ...]:
    """The default experiment's localizers: the baselines, plus ``FLIPBENCH_MODEL`` or else the first
    model of an Ollama server answering on localhost."""
    environment = os.environ if environment is None else environment
    configured = environment.get("FLIPBENCH_MODEL")
    if configured:
        return (*BASELINES, configured)
    local = _ollama_model()
    return (*BASELINES, f"ollama/{local}") if local else BASELINES


def _ollama_model() -> str | None:
    try:
        with urllib.request.urlopen(f"{OLLAMA_URL}/api/tags", timeout=0.5) as response:
            models = json.load(response).get("models") or []
    except (OSError, ValueError):
        return None
    return models[0].get("name") if models else None


def run_experiment(experiment: Experiment, folder: Path, *, retry_errors: bool = False, fresh: bool = False,
                   backoff: Backoff = DEFAULT_BACKOFF, on_start: Callable[[], None] | None = None) -> RunResult:
    """Run (or resume) ``experiment`` in ``folder``. Everything that can be checked is checked before the
    run directory is touched, and a run refused while starting leaves no database behind, so the
    corrected command never meets the wreck of the failed one. ``fresh`` discards an earlier run there;
    ``on_start`` is called once the settings have passed every check (the CLI announces the run then, so a
    refused command prints its one error line alone)."""
    template = load_prompt(experiment.prompt)
    localizers = localizers_for(experiment, template)
    corpus = _corpus(experiment)
    known = recorded_meta(folder)
    if known and not fresh and known.get("experiment_key") != experiment.semantic_key:
        raise InputError(different_experiment(folder, known, experiment))
    sandbox = _sandbox(experiment) if _needs_runs(experiment, localizers) else None
    try:
        if on_start is not None:
            on_start()
        if fresh and remove_run(folder):
            print(f"--fresh: discarded the earlier run in {folder}", file=sys.stderr)
        created, folder_existed = recorded_meta(folder) is None, folder.exists()
        try:
            with Store(folder) as store:
                return _run_stages(experiment, store, corpus, template, localizers, sandbox,
                                   retry_errors=retry_errors, backoff=backoff, created=created)
        except InputError:
            if created and not _has_tasks(folder):
                remove_run(folder)
                if not folder_existed:
                    _remove_if_empty(folder)
            raise
    finally:
        if sandbox is not None:
            sandbox.close()


def choose_faults(experiment: Experiment, folder: Path) -> list[Subject]:
    """A run's first step alone: its faulty programs chosen (and certified) and stored in ``folder``. A
    sharded run takes it once for the whole plan and splits what it chose among its shards (flipbench.runs.shards),
    so that a ``limit`` and the seeded order of faults mean what they mean in one run."""
    localizers = localizers_for(experiment, load_prompt(experiment.prompt))
    corpus = _corpus(experiment)
    sandbox = _sandbox(experiment) if _needs_runs(experiment, localizers) else None
    try:
        with Store(folder) as store:
            store.begin(experiment)
            return _Preparation(experiment, store, sandbox, corpus).faulty_subjects()
    finally:
        if sandbox is not None:
            sandbox.close()


def _needs_runs(experiment: Experiment, localizers: dict[str, Localizer]) -> bool:
    """Whether the run needs a sandbox: to certify, or for the coverage a spectrum baseline ranks from."""
    return experiment.certified_only or any(localizer.capabilities.needs_coverage for localizer in localizers.values())


def _run_stages(experiment: Experiment, store: Store, corpus: Corpus, template: PromptTemplate,
                localizers: dict[str, Localizer], sandbox: Sandbox | None, *,
                retry_errors: bool, backoff: Backoff, created: bool) -> RunResult:
    store.begin(experiment)
    if retry_errors:
        print(f"retrying {store.forget_errors()} tasks that ended in error", file=sys.stderr)
    coverage = any(localizer.capabilities.needs_coverage for localizer in localizers.values())
    preparation = _Preparation(experiment, store, sandbox, corpus, coverage=coverage)
    faulty = preparation.faulty_subjects()
    prompted = any(localizer.capabilities.prompted for localizer in localizers.values())
    if prompted:
        store.save_prompts(_prompts(template, faulty, experiment.review))
    background = preparation.variants_in_background(faulty) if overlaps(experiment) else None
    executor = Executor(store, experiment, localizers, backoff=backoff,
                        spending=spending_for(experiment, localizers, store.spent_tokens))
    names = experiment.models
    stages, already_done = [], []
    done = store.finished_task_ids()
    remaining, finished = _count(before_tasks(faulty, names, experiment.samples), done)
    already_done.append(("stage 1", finished))
    stage_one = _unfinished(before_tasks(faulty, names, experiment.samples), done)
    stages.append(("stage 1", executor.run(stage_one, description="stage 1: faulty programs", total=remaining)))
    eligible = stage_two_eligibility(experiment, store.correct_pairs())

    wanted = [subject for subject in faulty if any(eligible(name, subject.id) for name in names)]
    writers = writers_of(experiment, localizers)
    if writers:
        stages.append((CONTENT_STAGE, ask_for_content(executor, store, [subject.id for subject in wanted], writers,
                                                      experiment, eligible)))
    if background is None:
        preparation.variants(wanted, writers, eligible)
    if prompted and background is None:
        store.save_prompts(_prompts(template, (variant for subject in wanted
                                               for variant in preparation.usable_variants(subject.id)),
                                    experiment.review))

    def plan() -> Iterator[Task]:
        return after_tasks([subject.id for subject in wanted], preparation.usable_variants, names, experiment.samples,
                           control=experiment.control, eligible=eligible, audience=VariantAudience(store, writers))

    if background is not None:  # stage 2 streams while the variants of later faulty programs are certified
        stream = StreamedStage(plan(), done, background)
        stages.append(("stage 2", executor.run(stream, description="stage 2: variants + control (streamed)")))
        already_done.append(("stage 2", stream.finished))
        if prompted:
            store.save_prompts(_prompts(template, (variant for subject in wanted
                                                   for variant in preparation.usable_variants(subject.id)),
                                        experiment.review))
    else:
        remaining, finished = _count(plan(), done)
        already_done.append(("stage 2", finished))
        stages.append(("stage 2", executor.run(_unfinished(plan(), done), description="stage 2: variants + control",
                                               total=remaining)))
    store.finish()
    return RunResult(store.path.parent, tuple(stages), tuple(summary_of(store)), tuple(stage_one_of(store)),
                     tuple(already_done), resumed=not created, faults=preparation.fault_report())


def _prompts(template: PromptTemplate, subjects: Iterable[Subject], review: Review) -> Iterator[tuple[str, str, str]]:
    """Each subject's prompt as a chat localizer renders it for every task (sampling changes no text)."""
    for subject in subjects:
        query = template.render_subject(subject, Sampling(), review)
        yield subject.id, query.system, query.user


def localizers_for(experiment: Experiment, prompt: PromptTemplate) -> dict[str, Localizer]:
    """Every localizer the experiment names, by name, built by the registry from the experiment's settings
    (checked before anything is run: a bad name or a missing API key is refused here)."""
    settings = LocalizerSettings(prompt, experiment.seed, experiment.temperature, experiment.max_tokens,
                                 experiment.parse_retries, Match(experiment.tolerance, experiment.top),
                                 experiment.base_url, tools=experiment.tools, review=experiment.review)
    return {name: localizer_for(name, settings) for name in experiment.models}


def _sandbox(experiment: Experiment) -> Sandbox:
    try:
        return open_sandbox(experiment.sandbox)
    except InputError as error:
        raise InputError(f"{error} (or run with --include-uncertified and without spectrum baselines)") from error


def _unfinished(tasks: Iterable[Task], done: set[str]) -> Iterator[Task]:
    return (task for task in tasks if task.id not in done)


def _count(tasks: Iterable[Task], done: set[str]) -> tuple[int, int]:
    """(tasks still to run, tasks already finished)."""
    remaining = finished = 0
    for task in tasks:
        if task.id in done:
            finished += 1
        else:
            remaining += 1
    return remaining, finished


def _corpus(experiment: Experiment) -> Corpus:
    """The experiment's corpus, checked to hold programs of its languages before anything is created."""
    corpus = load_corpus(experiment.corpus)
    if not any(program.language in experiment.languages for program in corpus.programs()):
        excluded = sum(1 for entry in corpus.entries if entry.excluded)
        raise InputError(f"corpus {experiment.corpus!r} has no usable {' or '.join(experiment.languages)} programs"
                         + (f" ({excluded} do not parse)" if excluded else ""))
    return corpus


def _has_tasks(folder: Path) -> bool:
    known = recorded_meta(folder)
    if known is None:
        return False
    with Store(folder) as store:
        return bool(store.finished_task_ids())


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty: something else lives there
        folder.rmdir()


class _Preparation:
    """Faulty programs and variants, made (and certified) once and stored."""

    def __init__(self, experiment: Experiment, store: Store, sandbox: Sandbox | None, corpus: Corpus, *,
                 coverage: bool = True) -> None:
        self.experiment, self.store, self.sandbox, self.corpus = experiment, store, sandbox, corpus
        self.references = ReferenceRuns(sandbox, coverage=coverage) if sandbox is not None else None
        self._pool: FaultPool | None = None
        self.background: Background | None = None
        """Where the variants are being made meanwhile, if they are (:meth:`variants_in_background`)."""

    def pool(self) -> FaultPool:
        if self._pool is None:
            several = CANDIDATES_PER_FAULT if self.experiment.certified_only else 1
            self._pool = FaultPool(self.experiment, self.corpus, candidates=several)
        return self._pool

    def faulty_subjects(self) -> list[Subject]:
        if self.store.step_done("faults") is None:
            choice = certify_faults(self.pool(), self.experiment, self.sandbox, self.references)
            report = FaultReport(len(choice.subjects), choice.groups, choice.without_site, choice.without_usable)
            if not choice.subjects:
                raise InputError(f"no faulty program to ask about: of {report.groups} program x fault pairs, "
                                 f"{report.without_site} have no site for the fault and {report.without_usable} "
                                 "no certified fault")
            self.store.save_programs(self.pool().programs.values())
            self.store.save_subjects(choice.subjects, steps=["faults"], detail=codec.dumps(report))
        return list(self.store.subjects("faulty"))

    def fault_report(self) -> FaultReport | None:
        """What choosing the faults found (None for runs recorded before it was kept)."""
        detail = json.loads(self.store.step_done("faults") or "{}")
        return FaultReport(**detail) if set(detail) == {f.name for f in dataclasses.fields(FaultReport)} else None

    def variants(self, faulty: list[Subject], writers: frozenset[str] = frozenset(),
                 eligible: Callable[[str, str], bool] | None = None) -> None:
        """Each faulty program's variants, made once and stored: with built-in content, and with the content
        each localizer in ``writers`` wrote for it (for those ``eligible`` for stage 2 with it)."""
        missing = [subject for subject in faulty if self.store.step_done(f"variants:{subject.id}") is None]
        if not missing:
            return
        bar = console.progress(total=len(missing), desc="making variants", unit="fault")
        for start in range(0, len(missing), VARIANT_CHUNK):
            chunk = [self.pool().faulty(subject.program, subject.id) for subject in missing[start:start + VARIANT_CHUNK]]
            made, owners, rejections = [], {}, []
            for faulty in chunk:
                asked = [name for name in self.experiment.models if eligible is None or eligible(name, faulty.id)]
                found = variants_for(faulty, self.experiment, writers, asked, self.store.written_content)
                made += found.variants
                owners.update(found.owners)
                rejections += found.rejections
                bar.update(1)
            subjects = certify_variants(made, self.sandbox, self.references)
            self.store.save_subjects(subjects, steps=[f"variants:{faulty.id}" for faulty in chunk], owners=owners,
                                     rejections=rejections)
        bar.close()

    def variants_in_background(self, faulty: list[Subject]) -> Background:
        """:meth:`variants` of every faulty program on a thread of its own (through its own run-store
        connection, sharing the fault pool and reference runs), while the model stages run; from then on
        :meth:`usable_variants` waits for a faulty program's variants step."""
        pool, folder = self.pool(), self.store.path.parent

        def work(store: Store) -> None:
            twin = copy.copy(self)
            twin.store, twin._pool, twin.background = store, pool, None
            twin.variants(faulty)

        self.background = Background(folder, work).start()
        return self.background

    def usable_variants(self, faulty_id: str) -> list[Subject]:
        if self.background is not None:
            self.background.wait_for(lambda: self.store.step_done(f"variants:{faulty_id}") is not None)
        return [subject for subject in self.store.subjects("variant", faulty_id)
                if usable_subject(subject, self.experiment)]


def summary_of(store: Store) -> list[ConditionSummary]:
    before: dict[Pair, Answer] = {}
    control: dict[Pair, Answer] = {}
    for row in store.stage_answers():
        (before if row["role"] == "before" else control)[(row["localizer"], row["faulty_id"], row["draw"])] = \
            Answer(row["status"], row["expected_correct"])
    variants = ((row["localizer"], row["condition"], row["faulty_id"], row["draw"],
                 Answer(row["status"], row["expected_correct"])) for row in store.variant_answers())
    return summarize(before, control, variants)


def stage_one_of(store: Store) -> list[tuple[str, int, float | None, int, float | None]]:
    rows = store.stage_one_counts()
    return [(row["localizer"], row["scored"], row["correct"] / row["scored"] if row["scored"] else None,
             row["errors"], row["expected"]) for row in rows]
