"""Certification alongside the model stages: where stage 2 depends on nothing stage 1 answers, the
variants are made and certified on a thread of their own and stage 2 streams as they are stored; a
run that does so stores exactly what a run stage after stage stores. Coverage is recorded only when a
localizer ranks lines by it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import flipbench.runs.run as run_module
from flipbench.model import Role
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import Task
from flipbench.runs.run import run_experiment
from flipbench.runs.streaming import Background, StreamedStage, overlaps
from flipbench.sandbox.bwrap import bwrap_problem


@pytest.mark.parametrize(("settings", "expected"), [
    ({}, True),
    ({"mode": "correct"}, False),
    ({"filter": "existential"}, False),
    ({"content": "model"}, False),
])
def test_only_a_stage_two_that_needs_no_stage_one_answer_overlaps_certification(settings, expected):
    assert overlaps(Experiment(**settings)) is expected


def test_a_failure_on_the_certifying_thread_is_raised_where_its_result_is_awaited(tmp_path):
    def work(store):
        raise ValueError("no sandbox left")

    background = Background(tmp_path, work).start()
    with pytest.raises(ValueError, match="no sandbox left"):
        background.wait_for(lambda: False)


def test_a_wait_ends_when_the_certifying_thread_stores_what_it_waits_for(tmp_path):
    background = Background(tmp_path, lambda store: store.save_subjects([], steps=["variants:f1"])).start()
    background.wait_for(lambda: (tmp_path / "flipbench.sqlite").exists() and _step_done(tmp_path, "variants:f1"))
    background.join()


def test_a_streamed_stage_skips_and_counts_the_tasks_an_earlier_invocation_finished(tmp_path):
    tasks = [Task(Role.VARIANT, f"v{index}", "f1", "dead_code x1", "baseline/random", 0) for index in range(3)]
    stream = StreamedStage(iter(tasks), {tasks[1].id}, Background(tmp_path, lambda store: None).start())
    assert list(stream) == [tasks[0], tasks[2]] and stream.finished == 1


def _step_done(folder: Path, name: str) -> bool:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return connection.execute("SELECT 1 FROM steps WHERE name = ?", (name,)).fetchone() is not None


def _table(folder: Path, query: str) -> list[tuple]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return sorted(connection.execute(query).fetchall())


TASKS = "SELECT id, status, predicted, exact, top_k, exam, expected_correct, error FROM tasks"
SUBJECTS = "SELECT id, kind, faulty_id, condition, verdict, rankings, source FROM subjects"


def _certified(**changes) -> Experiment:
    return Experiment(**({"languages": ("python",), "faults": ("operator_swap", "off_by_one"),
                          "spms": (("dead_code",), ("misleading_names",)), "limit": 3, "sandbox": "bwrap",
                          "models": ("baseline/ochiai", "baseline/random")} | changes))


@pytest.mark.skipif(bwrap_problem() is not None, reason="bubblewrap unavailable")
def test_a_run_certifying_alongside_its_stages_stores_what_a_run_stage_after_stage_stores(tmp_path, monkeypatch):
    streamed = run_experiment(_certified(), tmp_path / "streamed")
    monkeypatch.setattr(run_module, "overlaps", lambda experiment: False)
    serial = run_experiment(_certified(), tmp_path / "serial")
    assert _table(streamed.folder, TASKS) == _table(serial.folder, TASKS)
    assert _table(streamed.folder, SUBJECTS) == _table(serial.folder, SUBJECTS)
    assert dict(streamed.already_done) == dict(serial.already_done) == {"stage 1": 0, "stage 2": 0}
    rankings = [row[5] for row in _table(streamed.folder, SUBJECTS) if row[4] in ("live", "preserving")]
    assert rankings and all(ranking != "[]" for ranking in rankings)  # ochiai ranks by coverage: recorded


@pytest.mark.skipif(bwrap_problem() is not None, reason="bubblewrap unavailable")
def test_a_run_whose_localizers_rank_nothing_by_coverage_records_none(tmp_path):
    result = run_experiment(_certified(models=("baseline/random",), limit=2), tmp_path / "run")
    rankings = [row[5] for row in _table(result.folder, SUBJECTS)]
    assert rankings and set(rankings) == {"[]"}
