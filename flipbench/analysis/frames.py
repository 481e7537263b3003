"""A run as analysis reads it: three pandas DataFrames with a fixed column contract.

:func:`flipbench.load_run` builds a :class:`Run` from a run directory; a notebook may as well build
one from its own DataFrames (an export read back, a simulation), which is why the contract is
written down here and checked. Everything the report computes derives from these columns, so
analysis never opens a database, parses a program or calls a model.

``tasks`` (one row per finished task):
    ``task_id``, ``role`` (before | variant | control), ``localizer``, ``condition`` (the SPM
    condition label; ``control`` for the control; empty in stage 1), ``draw``, ``status``
    (correct | wrong | error), ``predicted_line`` (first predicted line, nullable), ``exact``,
    ``within_tolerance``, ``top_k`` (nullable booleans), ``expected_correct`` (a baseline's chance of
    being correct over its tie-break; null for chat models), ``input_tokens``, ``output_tokens``,
    ``subject_id``, ``faulty_id``, ``program`` (the seed program: the unit of every interval),
    ``language``, ``fault``, ``spm``, ``strength``, ``placement``, ``position`` (percentile of the
    fault's first line in the faulty program), ``edit_distance`` (lines between the variant's
    nearest SPM edit and a fault line; null outside variants). Optional: ``predicted`` (JSON list),
    ``parsed_from``, ``exam``, ``error``, ``attempts``, ``seconds``, ``response_key``.
``subjects`` (one row per faulty program or variant):
    ``subject_id``, ``kind`` (faulty | variant), ``faulty_id``, ``program``, ``language``, ``fault``,
    ``fault_lines`` (tuple), ``condition``, ``verdict``, ``function_spans`` (tuple of (first, last)
    line pairs: the functions holding the fault). Optional: ``spm``, ``strength``, ``placement``,
    ``position``, ``line_count``, ``edit_distance``, ``edits``.
``requests`` (one row per HTTP attempt, and a ``cached`` row per answer read from the cache):
    ``task_id``, ``outcome`` (ok | transient | permanent | unparseable | cached). Optional:
    ``localizer`` (else found through ``tasks``), ``attempt``.
``content`` (one row per request for model-written SPM content; optional, empty without it):
    ``localizer``, ``faulty_id``, ``strength``, ``ask`` (comments | names | dead_code), ``status``
    (written | error), ``items`` (how many it wrote), ``calls``, ``cached``, ``input_tokens``, ``output_tokens``.
``content_rejections`` (one row per written item its site's checks refused; optional):
    ``localizer``, ``faulty_id``, ``strength``, ``condition``, ``kind`` (comment | name | dead_code),
    ``item`` (null: none was left for the site), ``reason``, ``fallback`` (builtin | dropped | none).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

TASK_COLUMNS = ("task_id", "role", "localizer", "condition", "draw", "status", "predicted_line", "exact",
                "within_tolerance", "top_k", "expected_correct", "input_tokens", "output_tokens", "subject_id",
                "faulty_id", "program", "language", "fault", "spm", "strength", "placement", "position",
                "edit_distance")
SUBJECT_COLUMNS = ("subject_id", "kind", "faulty_id", "program", "language", "fault", "fault_lines", "condition",
                   "verdict", "function_spans")
REQUEST_COLUMNS = ("task_id", "outcome")
CONTENT_COLUMNS = ("localizer", "faulty_id", "strength", "ask", "status", "items", "calls", "cached", "input_tokens",
                   "output_tokens")
CONTENT_REJECTION_COLUMNS = ("localizer", "faulty_id", "strength", "condition", "kind", "item", "reason", "fallback")
STUDY_TOLERANCE = 2
"""The study's hit rule: |predicted - label| <= 2 (stated only in its code)."""
PAIR_COLUMNS = frozenset({"task_id", "localizer", "condition", "draw", "status", "predicted", "parsed_from",
                          "expected_correct", "error", "response_key", "subject_id", "faulty_id", "program", "language",
                          "fault", "spm", "strength", "placement", "position", "edit_distance", "study_correct"})
"""The columns of a variant task that :attr:`Run.pairs` keeps (what the tables and the task browser read)."""
PAIR_KEY = ["localizer", "faulty_id", "draw"]
"""What a variant answer is compared with: the same localizer's answer about its faulty program, same draw."""


@dataclass(frozen=True)
class Texts:
    """What the task browser shows beside the numbers, for a few subjects and responses."""

    sources: Mapping[str, str] = field(default_factory=dict)
    prompts: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Subject id -> (system, user) as sent to every chat localizer."""
    responses: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Response key -> (answer text, raw response body)."""


TextsLookup = Callable[[Sequence[str], Sequence[str]], Texts]
"""(subject ids, response keys) -> their texts: reads a run's database for the few tasks a report shows."""


@dataclass(frozen=True, eq=False)
class Run:
    """One run's tasks, subjects and requests, with the settings it was run with."""

    tasks: pd.DataFrame
    subjects: pd.DataFrame
    requests: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(REQUEST_COLUMNS)))
    settings: Mapping[str, Any] = field(default_factory=dict)
    """The recorded experiment (``tolerance``, ``top``, ``models``, ``model_groups``, ``prices``, ...)."""
    name: str = "run"
    seed: int = 0
    version: str = ""
    """The flipbench version that ran it."""
    finished: bool = True
    """False while the run is going on, or when it was stopped before its end."""
    meta: Mapping[str, str] = field(default_factory=dict)
    texts: TextsLookup | None = None
    content: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CONTENT_COLUMNS)))
    """One row per request for model-written SPM content (none when the content was built in)."""
    content_rejections: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(CONTENT_REJECTION_COLUMNS)))
    """One row per model-written item a variant's in-place checks rejected."""

    def __post_init__(self) -> None:
        for frame, columns, what in ((self.tasks, TASK_COLUMNS, "tasks"), (self.subjects, SUBJECT_COLUMNS, "subjects"),
                                     (self.requests, REQUEST_COLUMNS, "requests")):
            missing = [column for column in columns if column not in frame.columns]
            if missing:
                raise ValueError(f"{what} lacks the columns {', '.join(missing)} (see flipbench.analysis.frames)")

    @property
    def tolerance(self) -> int:
        return int(self.settings.get("tolerance", 0))

    @property
    def top(self) -> int:
        return int(self.settings.get("top", 1))

    @cached_property
    def answers(self) -> pd.DataFrame:
        """``tasks`` with what every table needs: ``scored``, ``correct``, ``function_level`` (correct, or the
        first predicted line lies in a function holding the fault) and ``study_correct`` (first predicted
        line within the study's 2 lines of a fault line)."""
        tasks = self.tasks
        scored = (tasks["status"] != "error").to_numpy()
        correct = (tasks["status"] == "correct").to_numpy()
        line = pd.to_numeric(tasks["predicted_line"], errors="coerce").to_numpy(dtype=float)
        codes, uniques = pd.factorize(tasks["subject_id"])
        in_function = _in_spans(codes, line, _subject_values(self.subjects, uniques, "function_spans"))
        near_fault = _near_lines(codes, line, _subject_values(self.subjects, uniques, "fault_lines"), STUDY_TOLERANCE)
        return tasks.assign(scored=scored, correct=correct, function_level=correct | in_function,
                            study_correct=scored & near_fault)  # shares the tasks' columns (copy on write)

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """One row per variant task with the stage-1 answer and the control answer of its pair
        (``before``/``after``/``control``: correct, wrong or error; missing answers count as error), their
        expected correctness and their study-rule correctness (``study_before``, ``study_after``,
        ``study_control``)."""
        answers = self.answers
        keep = PAIR_KEY + ["status", "expected_correct", "study_correct"]
        before = answers.loc[answers["role"] == "before", keep].rename(
            columns={"status": "before", "expected_correct": "expected_before", "study_correct": "study_before"})
        control = answers.loc[answers["role"] == "control", keep].rename(
            columns={"status": "control", "expected_correct": "expected_control", "study_correct": "study_control"})
        wanted = [column for column in answers.columns if column in PAIR_COLUMNS]
        variants = answers.loc[answers["role"] == "variant", wanted].rename(
            columns={"status": "after", "expected_correct": "expected_after", "study_correct": "study_after"})
        pairs = variants.merge(before.drop_duplicates(PAIR_KEY), on=PAIR_KEY, how="left")
        pairs = pairs.merge(control.drop_duplicates(PAIR_KEY), on=PAIR_KEY, how="left")
        for column in ("before", "control"):
            pairs[column] = pairs[column].fillna("error").astype(str)
        for column in ("study_before", "study_control"):
            pairs[column] = pairs[column].fillna(False).astype(bool)
        return pairs


def _subject_values(subjects: pd.DataFrame, ids: pd.Index, column: str) -> list[Any]:
    """``column`` of each subject in ``ids`` (an empty tuple for an id the subjects frame lacks)."""
    values = dict(zip(subjects["subject_id"], subjects[column]))
    return [as_tuple(values.get(subject_id, ())) for subject_id in ids]


def as_tuple(value: Any) -> tuple:
    """A tuple column's value as a tuple, whether read from the database, an export's JSON text or missing."""
    if isinstance(value, str):  # read back from a CSV export
        value = json.loads(value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ()
    return tuple(tuple(item) if isinstance(item, list | tuple | np.ndarray) else item for item in value)


def _in_spans(codes: np.ndarray, line: np.ndarray, spans: list[tuple]) -> np.ndarray:
    """Whether each task's line lies in one of its subject's spans (vectorized over tasks, a loop over
    the few spans a subject has)."""
    result = np.zeros(len(codes), dtype=bool)
    widest = max((len(value) for value in spans), default=0)
    for k in range(widest):
        starts = np.array([value[k][0] if len(value) > k else np.nan for value in spans], dtype=float)
        ends = np.array([value[k][1] if len(value) > k else np.nan for value in spans], dtype=float)
        if len(codes):
            result |= (starts[codes] <= line) & (line <= ends[codes])
    return result


def _near_lines(codes: np.ndarray, line: np.ndarray, lines: list[tuple], tolerance: int) -> np.ndarray:
    result = np.zeros(len(codes), dtype=bool)
    widest = max((len(value) for value in lines), default=0)
    for k in range(widest):
        targets = np.array([value[k] if len(value) > k else np.nan for value in lines], dtype=float)
        if len(codes):
            result |= np.abs(targets[codes] - line) <= tolerance
    return result
