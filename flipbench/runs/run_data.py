"""Reading a run directory into the DataFrames analysis works on (:class:`flipbench.analysis.frames.Run`).

The database is opened read-only, so a report can be made of a run that is still going on (it shows
what is finished) and never changes the run. The task browser's texts (sources, prompts, responses)
are read only for the few tasks a report shows, through :attr:`Run.texts`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from flipbench.analysis import Run, Texts
from flipbench.errors import InputError
from flipbench.runs.store import RunReader, check_schema

FROM_SUBJECTS = ("program", "language", "fault", "spm", "strength", "placement", "position", "edit_distance")
"""The subject's columns each task carries (taken from the subjects frame: a join in SQL costs more than the
rest of reading the tasks)."""
CHUNK = 50_000
CATEGORIES = ("role", "localizer", "condition", "status", "parsed_from", "program", "language", "fault", "spm",
              "placement")
"""Columns with few distinct values: stored as categories (a 750,000-task run fits in a few hundred MB)."""
TASK_CATEGORIES = tuple(column for column in CATEGORIES if column not in FROM_SUBJECTS)


def load_run(folder: str | Path) -> Run:
    """The run in ``folder`` as DataFrames (see :mod:`flipbench.analysis.frames` for the columns)."""
    folder = Path(folder)
    reader = RunReader(folder)
    try:
        with reader.unreadable_as_input_error():
            meta = reader.meta()
            check_schema(folder, meta)
            if "experiment" not in meta:
                raise InputError(f"{folder}: the run has not recorded its experiment yet (it is starting); "
                                 "try again in a moment")
            subjects = reader.subjects_frame()
            tasks = _with_subjects(_tasks(reader), subjects)
            requests = reader.requests_frame()
            content, content_rejections = reader.content_frame(), reader.content_rejections_frame()
    finally:
        reader.close()
    for column in ("fault_lines",):
        subjects[column] = [tuple(json.loads(value)) for value in subjects[column]]
    subjects["function_spans"] = [tuple(tuple(span) for span in json.loads(value)) for value in subjects["function_spans"]]
    subjects["edits"] = [tuple(json.loads(value)) for value in subjects["edits"]]
    return Run(tasks=tasks, subjects=subjects, requests=requests, settings=json.loads(meta["experiment"]),
               name=folder.resolve().name, seed=int(meta.get("seed", 0)), version=meta.get("flipbench_version", ""),
               finished="finished" in meta, meta=meta, texts=lambda subjects, keys: read_texts(folder, subjects, keys),
               content=content, content_rejections=content_rejections)


def read_texts(folder: Path, subject_ids: Sequence[str], response_keys: Sequence[str]) -> Texts:
    """Sources and prompts of some subjects and the answers of some responses."""
    with RunReader(folder) as reader:
        return Texts(reader.sources(subject_ids), reader.prompts(subject_ids), reader.responses(response_keys))


def _tasks(reader: RunReader) -> pd.DataFrame:
    """The tasks, read in chunks with their repetitive columns as categories (the rows of a large run
    never sit in memory as Python objects all at once)."""
    chunks = [_typed(chunk) for chunk in reader.task_chunks(CHUNK)]
    if not chunks:
        return _typed(reader.no_tasks_frame())
    tasks = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    for column in TASK_CATEGORIES:
        tasks[column] = tasks[column].astype("category")
    return tasks


def _typed(chunk: pd.DataFrame) -> pd.DataFrame:
    for column in ("exact", "within_tolerance", "top_k"):
        chunk[column] = chunk[column].astype("boolean")
    for column in ("predicted_line", "input_tokens", "output_tokens", "draw", "attempts"):
        chunk[column] = chunk[column].astype("Int64")
    for column in ("expected_correct", "exam", "seconds"):
        chunk[column] = chunk[column].astype("float64")
    for column in TASK_CATEGORIES:
        chunk[column] = chunk[column].fillna("").astype(str)
    return chunk


def _with_subjects(tasks: pd.DataFrame, subjects: pd.DataFrame) -> pd.DataFrame:
    """Each task with its subject's program, language, fault and SPM (tasks whose subject is missing, which a
    run never records, are left out as an inner join would)."""
    where = pd.Index(subjects["subject_id"]).get_indexer(tasks["subject_id"])
    tasks = tasks[where >= 0].reset_index(drop=True)
    where = where[where >= 0]
    columns = {}
    for column in FROM_SUBJECTS:
        values = subjects[column]
        if column in CATEGORIES:
            codes, categories = pd.factorize(values.fillna("").astype(str), sort=True)
            columns[column] = pd.Categorical.from_codes(codes[where], categories=categories)
        else:
            kind = "Int64" if column in ("strength", "edit_distance") else "float64"
            columns[column] = pd.array(values.to_numpy()[where], dtype=kind) if len(where) else pd.array([], dtype=kind)
    return tasks.assign(**columns)
