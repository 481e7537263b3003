"""One experiment from start to summary: prepare subjects, stage 1, prepare variants, stage 2.

Every step records that it finished, in the same transaction as what it produced, so re-running
the same command on the same directory picks up exactly where a killed run stopped, and a
finished run makes no calls at all.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from flipbench.analysis.flips import Answer, ConditionSummary, Pair, summarize
from flipbench.corpora.loading import load_corpus
from flipbench.errors import InputError
from flipbench.harness.executor import Executor, Tally
from flipbench.harness.experiment import BASELINES, Experiment
from flipbench.harness.localizers.base import ChatLocalizer
from flipbench.harness.localizers.baselines import PROVIDER as BASELINE
from flipbench.harness.localizers.baselines import Baseline, baseline
from flipbench.harness.localizers.registry import chat_localizer, parse_model
from flipbench.harness.pacing import DEFAULT_BACKOFF, Backoff
from flipbench.harness.planning import (
    CANDIDATES_PER_FAULT,
    FaultPool,
    ReferenceRuns,
    Subject,
    Task,
    after_tasks,
    before_tasks,
    certify_faults,
    certify_variants,
    make_variants,
)
from flipbench.harness.prompts import load_prompt
from flipbench.harness.sandbox import Sandbox, open_sandbox
from flipbench.harness.store import Store

VARIANT_CHUNK = 32
"""Faulty programs whose variants are made and certified together (one resumable step)."""
OLLAMA_URL = "http://localhost:11434"


@dataclass(frozen=True)
class RunResult:
    folder: Path
    stages: tuple[tuple[str, Tally], ...]
    summary: tuple[ConditionSummary, ...]
    stage_one: tuple[tuple[str, int, float | None, int, float | None], ...]
    """Per localizer: stage-1 answers scored, accuracy, errors, and (baselines) the expected accuracy
    over their tie-breaks."""


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


def run_experiment(experiment: Experiment, folder: Path, *, retry_errors: bool = False,
                   backoff: Backoff = DEFAULT_BACKOFF) -> RunResult:
    template = load_prompt(experiment.prompt)
    chat, baselines = _localizers(experiment)
    with Store(folder) as store:
        store.begin(experiment)
        if retry_errors:
            print(f"retrying {store.forget_errors()} tasks that ended in error", file=sys.stderr)
        needs_runs = experiment.certified_only or any(b.needs_coverage for b in baselines.values())
        sandbox = _sandbox(experiment) if needs_runs else None
        try:
            preparation = _Preparation(experiment, store, sandbox)
            faulty = preparation.faulty_subjects()
            executor = Executor(store, experiment, template, chat=chat, baselines=baselines, backoff=backoff)
            names = experiment.models
            stages = []
            done = store.finished_task_ids()
            stage_one = _unfinished(before_tasks(faulty, names, experiment.samples), done)
            stages.append(("stage 1", executor.run(stage_one, description="stage 1: faulty programs",
                                                   total=_count(before_tasks(faulty, names, experiment.samples),
                                                                done))))
            correct = store.correct_pairs()

            def eligible(localizer: str, faulty_id: str) -> bool:
                return experiment.mode == "all" or (localizer, faulty_id) in correct

            wanted = [subject for subject in faulty if any(eligible(name, subject.id) for name in names)]
            preparation.variants(wanted)

            def plan() -> Iterator[Task]:
                return after_tasks([subject.id for subject in wanted], preparation.usable_variants, names, experiment.samples,
                                   control=experiment.control, eligible=eligible)

            stages.append(("stage 2", executor.run(_unfinished(plan(), done), description="stage 2: variants + control",
                                                   total=_count(plan(), done))))
        finally:
            if sandbox is not None:
                sandbox.close()
        return RunResult(folder, tuple(stages), tuple(summary_of(store)), tuple(stage_one_of(store)))


def _localizers(experiment: Experiment) -> tuple[dict[str, ChatLocalizer], dict[str, Baseline]]:
    chat: dict[str, ChatLocalizer] = {}
    baselines: dict[str, Baseline] = {}
    for name in experiment.models:
        spec = parse_model(name, None if name.startswith(f"{BASELINE}/") else experiment.base_url)
        if spec.provider == BASELINE:
            baselines[name] = baseline(spec.model, experiment.seed)
        else:
            chat[name] = chat_localizer(spec)
    return chat, baselines


def _sandbox(experiment: Experiment) -> Sandbox:
    try:
        return open_sandbox(experiment.sandbox)
    except InputError as error:
        raise InputError(f"{error} (or run with --no-certify and without spectrum baselines)") from error


def _unfinished(tasks: Iterable[Task], done: set[str]) -> Iterator[Task]:
    return (task for task in tasks if task.id not in done)


def _count(tasks: Iterable[Task], done: set[str]) -> int:
    return sum(1 for task in tasks if task.id not in done)


class _Preparation:
    """Faulty programs and variants, made (and certified) once and stored."""

    def __init__(self, experiment: Experiment, store: Store, sandbox: Sandbox | None) -> None:
        self.experiment, self.store, self.sandbox = experiment, store, sandbox
        self.references = ReferenceRuns(sandbox) if sandbox is not None else None
        self._pool: FaultPool | None = None

    def pool(self) -> FaultPool:
        if self._pool is None:
            several = CANDIDATES_PER_FAULT if self.experiment.certified_only else 1
            self._pool = FaultPool(self.experiment, load_corpus(self.experiment.corpus), candidates=several)
        return self._pool

    def faulty_subjects(self) -> list[Subject]:
        if self.store.step_done("faults") is None:
            chosen = certify_faults(self.pool(), self.experiment, self.sandbox, self.references)
            if not chosen:
                raise InputError("no faulty program to ask about: the corpus has no programs of the chosen "
                                 "languages, or none of its faults was certified")
            self.store.save_programs(self.pool().programs.values())
            self.store.save_subjects(chosen, steps=["faults"], detail=json.dumps({"faulty": len(chosen)}))
        return list(self.store.subjects("faulty"))

    def variants(self, faulty: list[Subject]) -> None:
        missing = [subject for subject in faulty if self.store.step_done(f"variants:{subject.id}") is None]
        if not missing:
            return
        bar = tqdm(total=len(missing), desc="making variants", unit="fault", disable=None, file=sys.stderr)
        for start in range(0, len(missing), VARIANT_CHUNK):
            chunk = [self.pool().faulty(subject.program, subject.id) for subject in missing[start:start + VARIANT_CHUNK]]
            made = []
            for faulty in chunk:
                variants, _ = make_variants(faulty, self.experiment)
                made += variants
                bar.update(1)
            subjects = certify_variants(made, self.sandbox, self.references)
            self.store.save_subjects(subjects, steps=[f"variants:{faulty.id}" for faulty in chunk])
        bar.close()

    def usable_variants(self, faulty_id: str) -> list[Subject]:
        return [subject for subject in self.store.subjects("variant", faulty_id)
                if subject.certified or not self.experiment.certified_only]


def summary_of(store: Store) -> list[ConditionSummary]:
    before: dict[Pair, Answer] = {}
    control: dict[Pair, Answer] = {}
    for row in store.rows("SELECT role, localizer, faulty_id, draw, status, expected_correct FROM tasks "
                          "WHERE role != 'variant'"):
        (before if row["role"] == "before" else control)[(row["localizer"], row["faulty_id"], row["draw"])] = \
            Answer(row["status"], row["expected_correct"])
    variants = ((row[0], row[1], row[2], row[3], Answer(row[4], row[5])) for row in store.rows(
        "SELECT localizer, condition, faulty_id, draw, status, expected_correct FROM tasks WHERE role = 'variant'"))
    return summarize(before, control, variants)


def stage_one_of(store: Store) -> list[tuple[str, int, float | None, int, float | None]]:
    rows = store.rows("SELECT localizer, SUM(status != 'error') AS scored, SUM(status = 'correct') AS correct, "
                      "SUM(status = 'error') AS errors, AVG(CASE WHEN status != 'error' THEN expected_correct END) "
                      "AS expected FROM tasks WHERE role = 'before' GROUP BY localizer ORDER BY localizer")
    return [(row["localizer"], row["scored"], row["correct"] / row["scored"] if row["scored"] else None,
             row["errors"], row["expected"]) for row in rows]
