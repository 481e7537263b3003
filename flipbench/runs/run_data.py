"""Reading a run directory into the DataFrames analysis works on (:class:`flipbench.analysis.frames.Run`).

The database is opened read-only, so a report can be made of a run that is still going on (it shows
what is finished) and never changes the run. The task browser's texts (sources, prompts, responses)
are read only for the few tasks a report shows, through :attr:`Run.texts`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from flipbench.analysis import Run, Texts
from flipbench.errors import InputError
from flipbench.runs.store import BUSY_SECONDS, DATABASE, check_schema

TASKS = ("SELECT id AS task_id, role, localizer, condition, draw, status, json_extract(predicted, '$[0]') AS "
         "predicted_line, predicted, parsed_from, exact, within_tolerance, top_k, exam, expected_correct, error, "
         "attempts, input_tokens, output_tokens, seconds, response_key, subject_id, faulty_id FROM tasks ORDER BY rowid")
FROM_SUBJECTS = ("program", "language", "fault", "spm", "strength", "placement", "position", "edit_distance")
"""The subject's columns each task carries (taken from the subjects frame: a join in SQL costs more than the
rest of reading the tasks)."""
SUBJECTS = ("SELECT id AS subject_id, kind, faulty_id, program, language, fault, fault_lines, condition, verdict, spm, "
            "strength, placement, position, line_count, nearest_edit AS edit_distance, edits, function_spans "
            "FROM subjects ORDER BY rowid")
REQUESTS = ("SELECT r.task_id, t.localizer, r.attempt, r.outcome FROM requests r JOIN tasks t ON t.id = r.task_id "
            "ORDER BY r.id")
CHUNK = 50_000
LOOKUP_BATCH = 500
CATEGORIES = ("role", "localizer", "condition", "status", "parsed_from", "program", "language", "fault", "spm",
              "placement")
"""Columns with few distinct values: stored as categories (a 750,000-task run fits in a few hundred MB)."""
TASK_CATEGORIES = tuple(column for column in CATEGORIES if column not in FROM_SUBJECTS)


def load_run(folder: str | Path) -> Run:
    """The run in ``folder`` as DataFrames (see :mod:`flipbench.analysis.frames` for the columns)."""
    folder = Path(folder)
    connection = _connect(folder)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        check_schema(folder, meta)
        if "experiment" not in meta:
            raise InputError(f"{folder}: the run has not recorded its experiment yet (it is starting); "
                             "try again in a moment")
        subjects = pd.read_sql_query(SUBJECTS, connection)
        tasks = _with_subjects(_tasks(connection), subjects)
        requests = pd.read_sql_query(REQUESTS, connection, dtype={"localizer": "category", "outcome": "category"})
    except sqlite3.DatabaseError as error:
        raise InputError(f"{folder / DATABASE}: not a readable flipbench run database ({error})") from error
    finally:
        connection.close()
    for column in ("fault_lines",):
        subjects[column] = [tuple(json.loads(value)) for value in subjects[column]]
    subjects["function_spans"] = [tuple(tuple(span) for span in json.loads(value)) for value in subjects["function_spans"]]
    subjects["edits"] = [tuple(json.loads(value)) for value in subjects["edits"]]
    return Run(tasks=tasks, subjects=subjects, requests=requests, settings=json.loads(meta["experiment"]),
               name=folder.resolve().name, seed=int(meta.get("seed", 0)), version=meta.get("flipbench_version", ""),
               finished="finished" in meta, meta=meta, texts=lambda subjects, keys: read_texts(folder, subjects, keys))


def read_texts(folder: Path, subject_ids: Sequence[str], response_keys: Sequence[str]) -> Texts:
    """Sources and prompts of some subjects and the answers of some responses."""
    connection = _connect(folder)
    try:
        sources = dict(_select(connection, "SELECT id, source FROM subjects WHERE id IN ({})", subject_ids))
        prompts = {row[0]: (row[1], row[2]) for row in
                   _select(connection, "SELECT subject_id, system, user FROM prompts WHERE subject_id IN ({})",
                           subject_ids)}
        responses = {row[0]: (row[1], row[2]) for row in
                     _select(connection, "SELECT key, text, raw FROM responses WHERE key IN ({})", response_keys)}
    finally:
        connection.close()
    return Texts(sources, prompts, responses)


def _connect(folder: Path) -> sqlite3.Connection:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a flipbench run directory ({'not a directory' if folder.exists() else 'no such directory'})")
    path = folder / DATABASE
    if not path.is_file():
        raise InputError(f"{folder}: not a flipbench run directory (no {DATABASE})")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1")
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path}: not a flipbench run database ({error})") from error
    return connection


def _select(connection: sqlite3.Connection, query: str, values: Sequence[str]) -> Iterator[tuple]:
    values = list(dict.fromkeys(value for value in values if value))
    for start in range(0, len(values), LOOKUP_BATCH):
        batch = values[start:start + LOOKUP_BATCH]
        yield from connection.execute(query.format(",".join("?" * len(batch))), batch)


def _tasks(connection: sqlite3.Connection) -> pd.DataFrame:
    """The tasks, read in chunks with their repetitive columns as categories (the rows of a large run
    never sit in memory as Python objects all at once)."""
    chunks = [_typed(chunk) for chunk in pd.read_sql_query(TASKS, connection, chunksize=CHUNK)]
    if not chunks:
        return _typed(pd.read_sql_query(TASKS + " LIMIT 0", connection))
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
