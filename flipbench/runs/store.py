"""The run directory's SQLite database: config, subjects, tasks, requests and the response cache.

Writes are grouped into transactions that each leave the database complete: a task's score, the
response it was scored from and the HTTP attempts behind it land together or not at all, so a
run killed at any moment (``kill -9`` included) resumes without losing or duplicating anything.
Task ids are primary keys, so a task can only ever be recorded once.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flipbench import codec
from flipbench.errors import InputError
from flipbench.localizers import Reply, Server
from flipbench.model import CheckLevel, RankedLine, SpmEdit, Subject, TaskStatus, TestSuite
from flipbench.runs.experiment import Experiment, experiment_differences
from flipbench.runs.planning import Task
from flipbench.version import __version__

if TYPE_CHECKING:
    import pandas as pd

DATABASE = "flipbench.sqlite"
SCHEMA_VERSION = 4
"""2: spectrum rankings keep their scores (baselines break ties per draw) and tasks their expected
correctness. 3: subjects keep their SPM chain, strength, placement, edits, fault position and the
functions holding the fault; the prompts as sent are kept per subject (the report shows them).
4: subjects keep the level they were checked to (tested, compiled, parsed: uncertified ones run too)."""
BUSY_SECONDS = 60.0
"""How long a statement waits for another process's lock (worker processes open the database to read)."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS programs (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, language TEXT NOT NULL, spec TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subjects (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, faulty_id TEXT NOT NULL, program TEXT NOT NULL,
    language TEXT NOT NULL, spec TEXT NOT NULL, source TEXT NOT NULL, fault TEXT NOT NULL,
    fault_lines TEXT NOT NULL, condition TEXT NOT NULL, verdict TEXT NOT NULL, rankings TEXT NOT NULL,
    spm TEXT NOT NULL, strength INTEGER NOT NULL, placement TEXT NOT NULL, position REAL, line_count INTEGER NOT NULL,
    nearest_edit INTEGER, edits TEXT NOT NULL, function_spans TEXT NOT NULL, level TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS subjects_by_faulty ON subjects (faulty_id, kind);
CREATE TABLE IF NOT EXISTS steps (name TEXT PRIMARY KEY, detail TEXT NOT NULL, finished TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY, role TEXT NOT NULL, subject_id TEXT NOT NULL, faulty_id TEXT NOT NULL,
    condition TEXT NOT NULL, localizer TEXT NOT NULL, draw INTEGER NOT NULL, status TEXT NOT NULL,
    predicted TEXT, parsed_from TEXT, exact INTEGER, within_tolerance INTEGER, top_k INTEGER, exam REAL,
    expected_correct REAL, response_key TEXT, error TEXT, attempts INTEGER NOT NULL, input_tokens INTEGER,
    output_tokens INTEGER, seconds REAL NOT NULL, finished TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tasks_by_pair ON tasks (localizer, faulty_id, draw);
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY, localizer TEXT NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL, dialect TEXT NOT NULL,
    input_tokens INTEGER, output_tokens INTEGER, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY, task_id TEXT NOT NULL, response_key TEXT NOT NULL, attempt INTEGER NOT NULL,
    outcome TEXT NOT NULL, detail TEXT NOT NULL, seconds REAL NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS prompts (subject_id TEXT PRIMARY KEY, system TEXT NOT NULL, user TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS program_files (
    name TEXT NOT NULL, language TEXT NOT NULL, filename TEXT NOT NULL, source TEXT NOT NULL, tests TEXT,
    PRIMARY KEY (name, language));
CREATE TABLE IF NOT EXISTS review_bases (subject_id TEXT PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dialects (
    base_url TEXT NOT NULL, model TEXT NOT NULL, dialect TEXT NOT NULL, learned TEXT NOT NULL,
    PRIMARY KEY (base_url, model));
CREATE TABLE IF NOT EXISTS content (
    id TEXT PRIMARY KEY, faulty_id TEXT NOT NULL, localizer TEXT NOT NULL, strength INTEGER NOT NULL,
    ask TEXT NOT NULL, status TEXT NOT NULL, items TEXT NOT NULL, response_key TEXT, error TEXT,
    attempts INTEGER NOT NULL, input_tokens INTEGER, output_tokens INTEGER, seconds REAL NOT NULL,
    finished TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS content_rejections (
    id INTEGER PRIMARY KEY, faulty_id TEXT NOT NULL, localizer TEXT NOT NULL, strength INTEGER NOT NULL,
    condition TEXT NOT NULL, variant_id TEXT, kind TEXT NOT NULL, site TEXT NOT NULL, item TEXT,
    reason TEXT NOT NULL, fallback TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS variant_owners (subject_id TEXT PRIMARY KEY, localizer TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY, provider TEXT NOT NULL, base_url TEXT NOT NULL, localizer TEXT NOT NULL,
    dialect TEXT NOT NULL, input_file_id TEXT NOT NULL, state TEXT NOT NULL, output_file_id TEXT, error_file_id TEXT,
    settled INTEGER NOT NULL, detail TEXT NOT NULL, submitted TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batch_requests (
    batch_id TEXT NOT NULL, custom_id TEXT NOT NULL, response_key TEXT NOT NULL, outcome TEXT, error TEXT,
    PRIMARY KEY (batch_id, custom_id));
"""
EXPORT_TABLES = {
    "tasks": "SELECT t.id, t.role, t.localizer, t.condition, t.draw, t.status, t.predicted, t.parsed_from, "
             "t.exact, t.within_tolerance, t.top_k, t.exam, t.expected_correct, t.error, t.attempts, t.input_tokens, t.output_tokens, "
             "t.seconds, t.finished, t.subject_id, t.faulty_id, s.program, s.language, s.fault, s.fault_lines, "
             "s.verdict, s.level, t.response_key, s.spm, s.strength, s.placement, s.position AS fault_position, "
             "s.nearest_edit AS edit_distance, s.function_spans AS fault_function "
             "FROM tasks t JOIN subjects s ON s.id = t.subject_id ORDER BY t.rowid",
    "subjects": "SELECT id, kind, faulty_id, program, language, fault, fault_lines, condition, verdict, level, source, "
                "spm, strength, placement, position, line_count, nearest_edit AS edit_distance, edits, "
                "function_spans AS fault_function FROM subjects ORDER BY rowid",
    "requests": "SELECT task_id, response_key, attempt, outcome, detail, seconds, at FROM requests ORDER BY id",
    "responses": "SELECT key, localizer, text, raw, dialect, input_tokens, output_tokens, created FROM responses "
                 "ORDER BY rowid",
}
"""The tables ``flipbench export`` writes, each as the statement that streams its rows."""
TASKS_FRAME = ("SELECT id AS task_id, role, localizer, condition, draw, status, json_extract(predicted, '$[0]') AS "
               "predicted_line, predicted, parsed_from, exact, within_tolerance, top_k, exam, expected_correct, error, "
               "attempts, input_tokens, output_tokens, seconds, response_key, subject_id, faulty_id FROM tasks "
               "ORDER BY rowid")
SUBJECTS_FRAME = ("SELECT id AS subject_id, kind, faulty_id, program, language, fault, fault_lines, condition, "
                  "verdict, level, spm, strength, placement, position, line_count, nearest_edit AS edit_distance, "
                  "edits, function_spans FROM subjects ORDER BY rowid")
REQUESTS_FRAME = ("SELECT r.task_id, t.localizer, r.attempt, r.outcome FROM requests r JOIN tasks t ON t.id = r.task_id "
                  "ORDER BY r.id")
LOOKUP_BATCH = 500


@dataclass(frozen=True)
class Attempt:
    """One HTTP call behind a task (kept for every call, failed ones included)."""

    response_key: str
    attempt: int
    outcome: str
    """ok, transient, permanent or unparseable."""
    detail: str
    seconds: float


@dataclass(frozen=True)
class TaskRecord:
    """A finished task: its status and scores, and what it was decided on."""

    task: Task
    status: TaskStatus
    predicted: tuple[int, ...] | None = None
    parsed_from: str | None = None
    exact: bool | None = None
    within_tolerance: bool | None = None
    top_k: bool | None = None
    exam: float | None = None
    response_key: str | None = None
    error: str | None = None
    attempts: int = 0
    input_tokens: int | None = None
    output_tokens: int | None = None
    seconds: float = 0.0
    expected_correct: float | None = None
    """A baseline's chance of being correct under a uniformly random order of its tied lines: what its
    seeded tie-break samples from (None for chat models)."""


@dataclass(frozen=True)
class RunCounts:
    """How far a run got: its faulty programs, finished tasks, those that ended in error, and whether it finished."""

    faulty: int
    tasks: int
    errors: int
    finished: bool


@dataclass(frozen=True)
class Merged:
    """What :func:`merge_runs` wrote."""

    runs: int
    tasks: int
    subjects: int
    seconds: float


@dataclass(frozen=True)
class ContentRecord:
    """One finished request for model-written SPM content: what the localizer wrote for a faulty program at a
    strength (``status`` ``written``), or why nothing could be read (``error``)."""

    id: str
    faulty_id: str
    localizer: str
    strength: int
    ask: str
    """``comments``, ``names`` or ``dead_code``."""
    status: str
    items: tuple[str, ...] = ()
    response_key: str | None = None
    error: str | None = None
    attempts: int = 0
    input_tokens: int | None = None
    output_tokens: int | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class ContentRejection:
    """A model-written item that did not fit its site (or a site it left without one), and what was done
    instead: ``builtin`` (built-in content took its place), ``dropped`` (the variant was left out) or ``none``
    (built-in content did not fit either; the site was skipped)."""

    faulty_id: str
    localizer: str
    strength: int
    condition: str
    variant_id: str | None
    kind: str
    site: str
    item: str | None
    reason: str
    fallback: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def recorded_meta(folder: Path) -> dict[str, str] | None:
    """The meta table of the run in ``folder``, read without creating or changing anything (None: no
    run there yet). A run must be checked before anything is written, so that a refused command leaves
    nothing behind."""
    path = folder / DATABASE
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a directory")
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            return dict(connection.execute("SELECT key, value FROM meta"))
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise InputError(f"{path}: not a flipbench run database ({error})") from error


def different_experiment(folder: Path, known: Mapping[str, str], experiment: Experiment) -> str:
    """Why ``folder``'s run cannot be resumed with ``experiment``: each differing setting with its recorded
    and its new value, and the ways out."""
    try:
        recorded = json.loads(known.get("experiment", "{}"))
    except ValueError:
        recorded = {}
    changes = experiment_differences(recorded, codec.to_data(experiment))
    listed = "; ".join(changes[:6]) + (f"; and {len(changes) - 6} more" if len(changes) > 6 else "")
    return (f"{folder} holds a different experiment ({listed or 'its settings differ from these'}); "
            f"use another --out, the settings recorded there, or --fresh to discard that run")


def remove_run(folder: Path) -> bool:
    """Delete the run database in ``folder`` (with its WAL files); True if there was one."""
    existed = False
    for name in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", f"{DATABASE}-journal"):
        path = folder / name
        if path.exists():
            existed = True
            path.unlink()
    return existed


def check_schema(folder: Path, known: Mapping[str, str]) -> None:
    """Refuse a run database another schema version wrote: its tables and rankings read differently,
    and its baseline answers broke ties another way, so it can neither be resumed nor exported."""
    version = known.get("schema_version", str(SCHEMA_VERSION))
    if version != str(SCHEMA_VERSION):
        raise InputError(f"{folder} holds a run of flipbench {known.get('flipbench_version', '?')} (run database "
                         f"version {version}, this flipbench reads version {SCHEMA_VERSION}); use another --out, "
                         "or that flipbench version")


class Store:
    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"{folder}: cannot create the run directory ({error.strerror})") from error
        self.path = folder / DATABASE
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                              timeout=BUSY_SECONDS)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.connection.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise InputError(f"{self.path}: not a flipbench run database ({error})") from error
        self.subject = lru_cache(maxsize=4096)(self._subject)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the run ------------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta"))

    def begin(self, experiment: Experiment) -> None:
        """Record the experiment, or check that a resumed run is the same experiment."""
        known = self.meta()
        check_schema(self.path.parent, known)
        if known and known.get("experiment_key") != experiment.semantic_key:
            raise InputError(different_experiment(self.path.parent, known, experiment))
        values = {"experiment": codec.dumps(experiment), "experiment_key": experiment.semantic_key,
                  "seed": str(experiment.seed), "schema_version": str(SCHEMA_VERSION)}
        values.setdefault("created", known.get("created", now()))
        values["flipbench_version"] = known.get("flipbench_version", __version__)
        values["last_resumed_with"] = __version__
        with self._transaction():
            self.connection.execute("DELETE FROM meta WHERE key = 'finished'")
            self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def checkpoint(self) -> None:
        """Copy every committed transaction from the WAL into the database file, so that a reader on another
        host, which reads the file alone (:func:`read_only_uri`), sees all of it."""
        self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def finish(self) -> None:
        """Mark the run finished (the report says of a run without the mark that it is still running or
        was stopped); :meth:`begin` takes the mark off again."""
        with self._transaction():
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('finished', ?)", (now(),))

    def save_prompts(self, prompts: Iterable[tuple[str, str, str]]) -> None:
        """(subject id, system message, user message): each subject's prompt exactly as a chat localizer is
        sent it (one template per run, so one prompt per subject; the sampling seed is not part of it)."""
        with self._transaction():
            self.connection.executemany("INSERT OR IGNORE INTO prompts VALUES (?, ?, ?)", prompts)

    def step_done(self, name: str) -> str | None:
        """A preparation step's recorded detail if it finished (so resuming skips it)."""
        row = self.connection.execute("SELECT detail FROM steps WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    # -- subjects -----------------------------------------------------------------------------

    def save_subjects(self, subjects: Iterable[Subject], *, steps: Iterable[str] = (), detail: str = "",
                      owners: Mapping[str, str] | None = None,
                      rejections: Iterable[ContentRejection] = ()) -> None:
        """Subjects and the marks of the preparation steps that produced them, in one transaction; with
        model-written content, also whose content each variant holds (``owners``: variant id -> localizer) and
        the items its checks rejected."""
        subjects = list(subjects)
        bases = [(s.id, s.spm_base) for s in subjects if s.spm_base]
        rows = [(s.id, s.kind, s.faulty_id, s.program, s.language, s.spec, s.source, s.fault,
                 json.dumps(s.fault_lines), s.condition, s.verdict, _rankings_json(s.rankings), s.spm, s.strength,
                 s.placement, s.position, s.line_count,
                 min((abs(edit.fault_distance) for edit in s.edits), default=None),
                 json.dumps([dataclasses.asdict(edit) for edit in s.edits]),
                 json.dumps(s.function_spans), s.level) for s in subjects]
        with self._transaction():
            self.connection.executemany(
                "INSERT OR REPLACE INTO subjects VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            self.connection.executemany("INSERT OR REPLACE INTO review_bases VALUES (?, ?)", bases)
            self.connection.executemany("INSERT OR REPLACE INTO variant_owners VALUES (?, ?)",
                                        (owners or {}).items())
            self.connection.executemany(
                "INSERT INTO content_rejections (faulty_id, localizer, strength, condition, variant_id, kind, site, "
                "item, reason, fallback) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [dataclasses.astuple(rejection) for rejection in rejections])
            self.connection.executemany("INSERT OR REPLACE INTO steps VALUES (?, ?, ?)",
                                        [(step, detail, now()) for step in steps])

    def variant_owners(self, faulty_id: str) -> dict[str, str]:
        """Variant id -> the localizer whose written content it holds, for one faulty program's variants (a
        variant with built-in content has none: every localizer without content of its own is asked about it)."""
        return dict(self.connection.execute(
            "SELECT o.subject_id, o.localizer FROM variant_owners o JOIN subjects s ON s.id = o.subject_id "
            "WHERE s.faulty_id = ?", (faulty_id,)))

    # -- model-written content ----------------------------------------------------------------

    def finished_content_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT id FROM content")}

    def written_content(self, faulty_id: str, localizer: str, strength: int) -> dict[str, tuple[str, ...]]:
        """What ``localizer`` wrote for a faulty program at a strength, per request kind (none for a request
        that ended in error)."""
        rows = self.connection.execute(
            "SELECT ask, items FROM content WHERE faulty_id = ? AND localizer = ? AND strength = ? "
            "AND status = 'written'", (faulty_id, localizer, strength))
        return {ask: tuple(json.loads(items)) for ask, items in rows}

    def record_content(self, finished: Iterable[tuple[ContentRecord, Mapping[str, tuple[str, Reply]],
                                                      Iterable[Attempt]]],
                       dialects: Mapping[Server, str] | None = None) -> None:
        """Finished content requests with their new responses and attempts (the attempts' task id is the
        request's id), atomically, like :meth:`record`."""
        stamp = now()
        rows, responses, attempts = [], [], []
        for record, new_responses, request_attempts in finished:
            rows.append((record.id, record.faulty_id, record.localizer, record.strength, record.ask, record.status,
                         json.dumps(record.items), record.response_key, record.error, record.attempts,
                         record.input_tokens, record.output_tokens, round(record.seconds, 4), stamp))
            _add_calls(responses, attempts, record.id, new_responses, request_attempts, stamp)
        self._with_calls("INSERT OR REPLACE INTO content VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, responses,
                         attempts, dialects, stamp)

    def subjects(self, kind: str, faulty_id: str | None = None) -> Iterator[Subject]:
        query, parameters = "SELECT * FROM subjects WHERE kind = ?", [kind]
        if faulty_id is not None:
            query += " AND faulty_id = ?"
            parameters.append(faulty_id)
        for row in self.connection.execute(query + " ORDER BY rowid", parameters).fetchall():
            yield self._with_files(_subject(row))

    def _subject(self, subject_id: str) -> Subject:
        row = self.connection.execute("SELECT * FROM subjects WHERE id = ?", (subject_id,)).fetchone()
        if row is None:
            raise KeyError(subject_id)
        return self._with_files(_subject(row))

    def _with_files(self, subject: Subject) -> Subject:
        """``subject`` with its program's files and its review base (kept apart: one copy per program)."""
        files = self.connection.execute("SELECT filename, source, tests FROM program_files WHERE name = ? AND "
                                        "language = ?", (subject.program, subject.language)).fetchone()
        base = self.connection.execute("SELECT source FROM review_bases WHERE subject_id = ?",
                                       (subject.id,)).fetchone()
        if files is None and base is None:
            return subject
        filename, original, tests = files or ("", "", None)
        return dataclasses.replace(subject, filename=filename, original=original,
                                   tests=None if tests is None else codec.from_data(TestSuite, json.loads(tests)),
                                   spm_base=base[0] if base else "")

    # -- tasks --------------------------------------------------------------------------------

    def finished_task_ids(self, role: str | None = None, *, errors_too: bool = True) -> set[str]:
        query = "SELECT id FROM tasks WHERE 1=1"
        parameters: list[Any] = []
        if role is not None:
            query += " AND role = ?"
            parameters.append(role)
        if not errors_too:
            query += " AND status != 'error'"
        return {row[0] for row in self.connection.execute(query, parameters)}

    def correct_pairs(self) -> set[tuple[str, str]]:
        """(localizer, faulty id) pairs with at least one correct stage-1 answer."""
        return set(self.connection.execute(
            "SELECT DISTINCT localizer, faulty_id FROM tasks WHERE role = 'before' AND status = 'correct'"))

    def forget_errors(self) -> int:
        """Drop tasks that ended in ``error`` so that they run again; returns how many. (A content request that
        ended in error stays: the variants made without its items, with built-in content or dropped, are kept.)"""
        with self._transaction():
            return self.connection.execute("DELETE FROM tasks WHERE status = 'error'").rowcount

    def cached(self, key: str) -> Reply | None:
        row = self.connection.execute(
            "SELECT text, raw, input_tokens, output_tokens, dialect FROM responses WHERE key = ?", (key,)).fetchone()
        return Reply(row[0], row[1], row[2], row[3], row[4]) if row else None

    def spent_tokens(self) -> dict[str, tuple[int, int]]:
        """Per localizer, the input and output tokens of every response recorded (what the run has spent)."""
        return {localizer: (input_tokens or 0, output_tokens or 0) for localizer, input_tokens, output_tokens in
                self.connection.execute("SELECT localizer, SUM(input_tokens), SUM(output_tokens) FROM responses "
                                        "GROUP BY localizer")}

    # -- provider batches (flipbench.runs.batching) ---------------------------------------------------

    def save_batch(self, batch_id: str, provider: str, base_url: str, localizer: str, dialect: str, input_file_id: str,
                   state: str, requests: Iterable[tuple[str, str]]) -> None:
        """A batch just created, with its requests (custom id, response key): recorded before its first poll, so
        a run killed from here on polls it instead of submitting its requests again."""
        with self._transaction():
            self.connection.execute("INSERT INTO batches VALUES (?,?,?,?,?,?,?,NULL,NULL,0,'',?)",
                                    (batch_id, provider, base_url, localizer, dialect, input_file_id, state, now()))
            self.connection.executemany("INSERT INTO batch_requests VALUES (?,?,?,NULL,NULL)",
                                        ((batch_id, custom_id, key) for custom_id, key in requests))

    def open_batches(self) -> list[tuple[str, str, str, str, str]]:
        """Batches whose results are not in yet: (id, provider, base url, localizer, dialect), oldest first."""
        return list(self.connection.execute(
            "SELECT id, provider, base_url, localizer, dialect FROM batches WHERE settled = 0 ORDER BY rowid"))

    def batch_requests(self, batch_id: str) -> list[tuple[str, str]]:
        return list(self.connection.execute(
            "SELECT custom_id, response_key FROM batch_requests WHERE batch_id = ? ORDER BY rowid", (batch_id,)))

    def batch_state(self, batch_id: str, state: str) -> None:
        with self._transaction():
            self.connection.execute("UPDATE batches SET state = ? WHERE id = ?", (state, batch_id))

    def settle_batch(self, batch_id: str, state: str, files: tuple[str | None, str | None], detail: str,
                     localizer: str, answered: Iterable[tuple[str, str, Reply]],
                     failed: Iterable[tuple[str, str]]) -> None:
        """A terminal batch's results, at once: the replies (custom id, response key, reply) enter the response
        cache, where the tasks find them; the failures (custom id, why) are kept, to be asked again."""
        stamp = now()
        answered, failed = list(answered), list(failed)
        with self._transaction():
            self.connection.executemany("INSERT OR IGNORE INTO responses VALUES (?,?,?,?,?,?,?,?)", (
                (key, localizer, reply.text, reply.raw, reply.dialect, reply.input_tokens, reply.output_tokens, stamp)
                for _, key, reply in answered))
            self.connection.executemany(
                "UPDATE batch_requests SET outcome = 'answered' WHERE batch_id = ? AND custom_id = ?",
                ((batch_id, custom_id) for custom_id, _, _ in answered))
            self.connection.executemany(
                "UPDATE batch_requests SET outcome = 'failed', error = ? WHERE batch_id = ? AND custom_id = ?",
                ((error, batch_id, custom_id) for custom_id, error in failed))
            self.connection.execute("UPDATE batches SET state = ?, output_file_id = ?, error_file_id = ?, settled = 1, "
                                    "detail = ? WHERE id = ?", (state, *files, detail, batch_id))

    def batch_failures(self) -> dict[str, tuple[int, str]]:
        """Per response key, how many batches failed to answer it and the last reason."""
        failures: dict[str, tuple[int, str]] = {}
        for key, error in self.connection.execute(
                "SELECT response_key, error FROM batch_requests WHERE outcome = 'failed' ORDER BY rowid"):
            failures[key] = (failures.get(key, (0, ""))[0] + 1, error or "")
        return failures

    def dialects(self) -> dict[Server, str]:
        """The structured-output dialect each server (base URL, model) was found to accept in this run."""
        return {(base_url, model): dialect for base_url, model, dialect in
                self.connection.execute("SELECT base_url, model, dialect FROM dialects")}

    def record(self, finished: Iterable[tuple[TaskRecord, Mapping[str, tuple[str, Reply]], Iterable[Attempt]]],
               dialects: Mapping[Server, str] | None = None) -> None:
        """Finished tasks with the new responses they were scored from and their attempts, and the
        dialects those responses showed their servers accept (the first one learned is kept), atomically."""
        stamp = now()
        tasks, responses, attempts = [], [], []
        for record, new_responses, task_attempts in finished:
            task = record.task
            tasks.append((task.id, task.role, task.subject_id, task.faulty_id, task.condition,
                          task.localizer, task.draw, record.status,
                          None if record.predicted is None else json.dumps(record.predicted), record.parsed_from,
                          record.exact, record.within_tolerance, record.top_k, record.exam,
                          record.expected_correct, record.response_key,
                          record.error, record.attempts, record.input_tokens, record.output_tokens,
                          round(record.seconds, 4), stamp))
            _add_calls(responses, attempts, task.id, new_responses, task_attempts, stamp)
        self._with_calls("INSERT OR REPLACE INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", tasks,
                         responses, attempts, dialects, stamp)

    def _with_calls(self, insert: str, rows: list[tuple], responses: list[tuple], attempts: list[tuple],
                    dialects: Mapping[Server, str] | None, stamp: str) -> None:
        """``rows`` inserted by ``insert`` with the responses, attempts and dialects behind them, in one transaction."""
        if not rows:
            return
        learned = [(base_url, model, dialect, stamp) for (base_url, model), dialect in (dialects or {}).items()]
        with self._transaction():
            self.connection.executemany("INSERT OR IGNORE INTO dialects VALUES (?,?,?,?)", learned)
            self.connection.executemany("INSERT OR IGNORE INTO responses VALUES (?,?,?,?,?,?,?,?)", responses)
            self.connection.executemany(
                "INSERT INTO requests (task_id, response_key, attempt, outcome, detail, seconds, at) "
                "VALUES (?,?,?,?,?,?,?)", attempts)
            self.connection.executemany(insert, rows)

    def save_programs(self, programs: Iterable[Any]) -> None:
        programs = list(programs)
        rows = [(p.id, p.name, p.language, p.spec, p.source) for p in programs]
        files = [(p.name, p.language, p.filename, p.source, None if p.tests is None else codec.dumps(p.tests))
                 for p in programs]
        with self._transaction():
            self.connection.executemany("INSERT OR IGNORE INTO programs VALUES (?,?,?,?,?)", rows)
            self.connection.executemany("INSERT OR IGNORE INTO program_files VALUES (?,?,?,?,?)", files)

    # -- reading for export and summaries ------------------------------------------------------

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of one of :data:`EXPORT_TABLES`, streamed, as column -> value (JSON columns still text)."""
        yield from self._rows(EXPORT_TABLES[table])

    def stage_answers(self) -> Iterator[dict[str, Any]]:
        """Each stage-1 and control task's role, localizer, faulty id, draw, status and expected correctness."""
        yield from self._rows("SELECT role, localizer, faulty_id, draw, status, expected_correct FROM tasks "
                              "WHERE role != 'variant'")

    def variant_answers(self) -> Iterator[dict[str, Any]]:
        """Each variant task's localizer, condition, faulty id, draw, status and expected correctness."""
        yield from self._rows("SELECT localizer, condition, faulty_id, draw, status, expected_correct FROM tasks "
                              "WHERE role = 'variant'")

    def stage_one_counts(self) -> Iterator[dict[str, Any]]:
        """Per localizer (in order): stage-1 tasks scored, correct, ended in error, and the mean expected
        correctness of the scored ones."""
        yield from self._rows(
            "SELECT localizer, SUM(status != 'error') AS scored, SUM(status = 'correct') AS correct, "
            "SUM(status = 'error') AS errors, AVG(CASE WHEN status != 'error' THEN expected_correct END) "
            "AS expected FROM tasks WHERE role = 'before' GROUP BY localizer ORDER BY localizer")

    def _rows(self, query: str) -> Iterator[dict[str, Any]]:
        cursor = self.connection.cursor()
        cursor.row_factory = sqlite3.Row
        for row in cursor.execute(query):
            yield dict(row)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection)


class RunReader:
    """A run database opened read-only, for analysis: a report can be made of a run that is still going on
    (it shows what is finished) and never changes the run."""

    def __init__(self, folder: Path, *, snapshot: bool = False) -> None:
        """``snapshot``: read the database file alone (see :func:`read_only_uri`), for a run that another host
        may be writing."""
        if not folder.is_dir():
            raise InputError(f"{folder}: not a flipbench run directory "
                             f"({'not a directory' if folder.exists() else 'no such directory'})")
        path = folder / DATABASE
        if not path.is_file():
            raise InputError(f"{folder}: not a flipbench run directory (no {DATABASE})")
        self.folder = folder
        try:
            self.connection = sqlite3.connect(read_only_uri(path, snapshot=snapshot), uri=True, timeout=BUSY_SECONDS)
            self.connection.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        except sqlite3.DatabaseError as error:
            raise InputError(f"{path}: not a flipbench run database ({error})") from error

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> RunReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def unreadable_as_input_error(self) -> Iterator[None]:
        """A database error inside the block becomes an :class:`InputError` naming the database."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            raise InputError(f"{self.folder / DATABASE}: not a readable flipbench run database ({error})") from error

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta"))

    def subjects_frame(self) -> pd.DataFrame:
        """The subjects, one row each, JSON columns still text."""
        import pandas as pd
        return pd.read_sql_query(SUBJECTS_FRAME, self.connection)

    def task_chunks(self, chunksize: int) -> Iterator[pd.DataFrame]:
        """The tasks in order, ``chunksize`` rows at a time (none for a run without tasks)."""
        import pandas as pd
        yield from pd.read_sql_query(TASKS_FRAME, self.connection, chunksize=chunksize)

    def no_tasks_frame(self) -> pd.DataFrame:
        """The tasks frame's columns without rows."""
        import pandas as pd
        return pd.read_sql_query(TASKS_FRAME + " LIMIT 0", self.connection)

    def requests_frame(self) -> pd.DataFrame:
        """Every HTTP attempt: task id, localizer, attempt and outcome (the last two as categories)."""
        import pandas as pd
        return pd.read_sql_query(REQUESTS_FRAME, self.connection,
                                 dtype={"localizer": "category", "outcome": "category"})

    def counts(self) -> RunCounts:
        """Faulty programs, finished tasks and errors so far, and whether the run is marked finished."""
        faulty = self.connection.execute("SELECT COUNT(*) FROM subjects WHERE kind = 'faulty'").fetchone()[0]
        tasks, errors = self.connection.execute(
            "SELECT COUNT(*), COALESCE(SUM(status = 'error'), 0) FROM tasks").fetchone()
        finished = self.connection.execute("SELECT 1 FROM meta WHERE key = 'finished'").fetchone() is not None
        return RunCounts(faulty, tasks, errors, finished)

    def batch_rows(self) -> list[dict[str, Any]]:
        """Per provider batch of the run (batch mode), oldest first: its state and its requests answered, failed
        and waiting ([] for a run without batches)."""
        if not self._has_table("batches"):
            return []
        cursor = self.connection.cursor()
        cursor.row_factory = sqlite3.Row
        return [dict(row) for row in cursor.execute(
            "SELECT b.id, b.localizer, b.state, b.settled, COUNT(r.custom_id) AS requests, "
            "COALESCE(SUM(r.outcome = 'answered'), 0) AS answered, COALESCE(SUM(r.outcome = 'failed'), 0) AS failed "
            "FROM batches b LEFT JOIN batch_requests r ON r.batch_id = b.id GROUP BY b.id ORDER BY b.rowid")]

    def content_frame(self) -> pd.DataFrame:
        """Every request for model-written content: localizer, faulty program, strength, kind, status, items
        written, HTTP calls (retries included) and tokens (no rows for a run whose content was built in)."""
        import pandas as pd
        if not self._has_table("content"):  # a run recorded before model-written content
            return pd.DataFrame(columns=["id", "localizer", "faulty_id", "strength", "ask", "status", "items", "error",
                                         "input_tokens", "output_tokens", "calls", "cached"])
        return pd.read_sql_query(
            "SELECT c.id, c.localizer, c.faulty_id, c.strength, c.ask, c.status, json_array_length(c.items) AS items, "
            "c.error, c.input_tokens, c.output_tokens, (SELECT COUNT(*) FROM requests r WHERE r.task_id = c.id "
            "AND r.outcome IN ('ok', 'transient', 'permanent')) AS calls, (SELECT COUNT(*) FROM requests r "
            "WHERE r.task_id = c.id AND r.outcome = 'cached') AS cached FROM content c ORDER BY c.rowid",
            self.connection)

    def content_rejections_frame(self) -> pd.DataFrame:
        """Every model-written item a variant's in-place checks rejected, with its reason and what replaced it."""
        import pandas as pd
        columns = [field.name for field in dataclasses.fields(ContentRejection)]
        if not self._has_table("content_rejections"):
            return pd.DataFrame(columns=columns)
        return pd.read_sql_query(f"SELECT {', '.join(columns)} FROM content_rejections ORDER BY id", self.connection)

    def _has_table(self, name: str) -> bool:
        return self.connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                       (name,)).fetchone() is not None

    def sources(self, subject_ids: Sequence[str]) -> dict[str, str]:
        return dict(self._lookup("SELECT id, source FROM subjects WHERE id IN ({})", subject_ids))

    def prompts(self, subject_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Subject id -> (system message, user message)."""
        return {row[0]: (row[1], row[2]) for row in
                self._lookup("SELECT subject_id, system, user FROM prompts WHERE subject_id IN ({})", subject_ids)}

    def responses(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Response key -> (answer text, raw response)."""
        return {row[0]: (row[1], row[2]) for row in
                self._lookup("SELECT key, text, raw FROM responses WHERE key IN ({})", keys)}

    def _lookup(self, query: str, values: Sequence[str]) -> Iterator[tuple]:
        values = list(dict.fromkeys(value for value in values if value))
        for start in range(0, len(values), LOOKUP_BATCH):
            batch = values[start:start + LOOKUP_BATCH]
            yield from self.connection.execute(query.format(",".join("?" * len(batch))), batch)


def seed_shard(shard: Path, plan: Path, faulty_ids: Iterable[str]) -> None:
    """Give the run database in ``shard`` (begun, see :meth:`Store.begin`) the rows of ``plan``'s prepared run
    that concern the faulty programs ``faulty_ids``: those subjects, their programs, and the plan's finished
    steps, in one transaction (a shard is either seeded or not)."""
    with Store(shard) as store:
        connection = store.connection
        connection.execute("ATTACH DATABASE ? AS plan", (f"{(plan / DATABASE).resolve().as_uri()}?mode=ro",))
        try:
            connection.execute("CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)")
            connection.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", ((value,) for value in faulty_ids))
            connection.execute("CREATE TEMP TABLE wanted_programs AS SELECT DISTINCT program AS name "
                               "FROM plan.subjects WHERE faulty_id IN (SELECT id FROM temp.wanted)")
            with store._transaction():
                for table, columns, _ in _tables(connection, "plan"):
                    if table == "meta":
                        continue
                    if "faulty_id" in columns:
                        where = "faulty_id IN (SELECT id FROM temp.wanted)"
                    elif "subject_id" in columns:
                        where = "subject_id IN (SELECT id FROM temp.wanted)"
                    elif table in ("programs", "program_files"):
                        where = "name IN (SELECT name FROM temp.wanted_programs)"
                    else:
                        where = "1"
                    listed = ", ".join(columns)
                    connection.execute(f"INSERT OR REPLACE INTO main.{table} ({listed}) "
                                       f"SELECT {listed} FROM plan.{table} WHERE {where} ORDER BY rowid")
        finally:
            connection.execute("DROP TABLE IF EXISTS temp.wanted")
            connection.execute("DROP TABLE IF EXISTS temp.wanted_programs")
            connection.execute("DETACH DATABASE plan")


def read_only_uri(path: Path, *, snapshot: bool = False) -> str:
    """How a run database is opened for reading. WAL needs every process of a database on one host (its
    index is shared memory), so a database another host may be writing, a shard on a cluster node seen
    over a shared filesystem, is read as a ``snapshot``: the database file alone, as last checkpointed
    (complete once its writer has closed it), without touching its WAL or shared-memory files."""
    return f"{path.resolve().as_uri()}?{'immutable=1' if snapshot else 'mode=ro'}"


def merge_runs(target: Path, sources: Sequence[Path], meta: Mapping[str, str], *,
               snapshots: Collection[Path] = ()) -> Merged:
    """Build ``target``'s run database from the run databases in ``sources`` (in order) with ``meta`` as
    its meta table. The database is built beside the target and renamed over it when complete, so merging
    again gives the same database and a reader never meets a half-merged one; the sources are only read."""
    started = time.perf_counter()
    building = target / f"{DATABASE}.merging"
    building.unlink(missing_ok=True)
    connection = sqlite3.connect(building, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")  # the file is renamed into place only when complete
        connection.execute("PRAGMA synchronous=OFF")
        connection.executescript(_SCHEMA)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        for source in sources:
            _merge_one(connection, source / DATABASE, snapshot=source in snapshots)
        tasks = connection.execute("SELECT COUNT(*) FROM tasks").fetchone()[0]
        subjects = connection.execute("SELECT COUNT(*) FROM subjects").fetchone()[0]
    except BaseException:
        connection.close()
        building.unlink(missing_ok=True)
        raise
    connection.close()
    with open(building, "rb+") as written:
        os.fsync(written.fileno())
    remove_run(target)
    os.replace(building, target / DATABASE)
    return Merged(len(sources), tasks, subjects, time.perf_counter() - started)


def _merge_one(connection: sqlite3.Connection, database: Path, *, snapshot: bool = False) -> None:
    """Every row of one run database (but its meta) into the connection's main database, in one transaction:
    rows with a key once (INSERT OR IGNORE), rows numbered by an integer id (requests) renumbered in order."""
    try:
        connection.execute("ATTACH DATABASE ? AS source", (read_only_uri(database, snapshot=snapshot),))
    except sqlite3.DatabaseError as error:
        raise InputError(f"{database}: cannot be merged ({error})") from error
    try:
        present = {name for name, _, _ in _tables(connection, "source")}
        connection.execute("BEGIN")
        for table, columns, numbered in _tables(connection, "main"):
            if table == "meta" or table not in present:
                continue
            if numbered:
                listed = ", ".join(column for column in columns if column != "id")
                connection.execute(f"INSERT INTO main.{table} ({listed}) SELECT {listed} FROM source.{table} "
                                   "ORDER BY id")
            else:
                listed = ", ".join(columns)
                connection.execute(f"INSERT OR IGNORE INTO main.{table} ({listed}) SELECT {listed} "
                                   f"FROM source.{table} ORDER BY rowid")
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        raise InputError(f"{database}: cannot be merged ({error})") from error
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.execute("DETACH DATABASE source")


def _tables(connection: sqlite3.Connection, schema: str) -> list[tuple[str, list[str], bool]]:
    """Each table of an attached database: its name, its columns, and whether rows are numbered by an
    ``id INTEGER PRIMARY KEY`` (such ids are renumbered when rows from several runs meet)."""
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    tables = []
    for name in names:
        info = connection.execute(f"PRAGMA {schema}.table_info({name})").fetchall()
        numbered = any(column[1] == "id" and column[2].upper() == "INTEGER" and column[5] == 1 for column in info)
        tables.append((name, [column[1] for column in info], numbered))
    return tables


class _Transaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: object, *_: object) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _add_calls(responses: list[tuple], attempts: list[tuple], owner: str,
               new_responses: Mapping[str, tuple[str, Reply]], made: Iterable[Attempt], stamp: str) -> None:
    """The rows of the new responses and the attempts behind one task (or content request) ``owner``."""
    responses += [(key, localizer, reply.text, reply.raw, reply.dialect, reply.input_tokens, reply.output_tokens,
                   stamp) for key, (localizer, reply) in new_responses.items()]
    attempts += [(owner, a.response_key, a.attempt, a.outcome, a.detail[:2000], round(a.seconds, 4), stamp)
                 for a in made]


def _subject(row: tuple) -> Subject:
    rankings = tuple((name, tuple(RankedLine(line, score) for line, score in ranking))
                     for name, ranking in json.loads(row[11]))
    return Subject(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], tuple(json.loads(row[8])),
                   row[9], row[10], rankings, spm=row[12], strength=row[13], placement=row[14], position=row[15],
                   edits=tuple(SpmEdit(**edit) for edit in json.loads(row[18])),
                   function_spans=tuple(tuple(span) for span in json.loads(row[19])), level=CheckLevel(row[20]))


def _rankings_json(rankings: tuple[tuple[str, tuple[RankedLine, ...]], ...]) -> str:
    """Each formula's ranking as ``[line, score]`` pairs (a line's ``{"line", "score"}`` object would
    double the size of a large program's subject)."""
    return json.dumps([[name, [[ranked.line, ranked.score] for ranked in ranking]] for name, ranking in rankings])
