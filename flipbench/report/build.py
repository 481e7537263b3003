"""A report: every table of one run (or several, side by side), what to beware of, and the pairs the task
browser shows with their texts.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from flipbench import __version__
from flipbench.analysis import (
    MAX_TASKS,
    PAIR_KEY,
    RESAMPLES,
    TABLES,
    Bootstrap,
    Run,
    Texts,
    all_tables,
    browser_selection,
    comparison,
    notes,
    overview,
)


@dataclass(frozen=True)
class Browser:
    """The task browser's pairs (flips first) and the texts they show, each text once."""

    pairs: list[dict[str, Any]] = field(default_factory=list)
    total_pairs: int = 0
    total_flips: int = 0
    sources: dict[str, str] = field(default_factory=dict)
    prompts: dict[str, Any] = field(default_factory=dict)
    responses: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Report:
    runs: tuple[Run, ...]
    tables: dict[str, pd.DataFrame]
    """Each table by name; with several runs, their rows together behind a ``run`` column."""
    overviews: list[dict[str, Any]]
    notes: list[str]
    bootstrap: Bootstrap
    browser: Browser

    @property
    def title(self) -> str:
        return "flipbench report: " + " vs ".join(run.name for run in self.runs)

    def data(self) -> dict[str, Any]:
        """The machine-readable report: settings, overview, notes, and one key per table (rows as objects)."""
        return {"report": {"flipbench_version": __version__, "runs": [run.name for run in self.runs],
                           "resamples": self.bootstrap.resamples, "bootstrap_seed": self.bootstrap.seed,
                           "interval": "95%"},
                "overview": self.overviews, "notes": self.notes,
                **{name: records(table) for name, table in self.tables.items()}}


def build_report(runs: Sequence[Run], *, resamples: int = RESAMPLES, seed: int | None = None,
                 max_tasks: int = MAX_TASKS) -> Report:
    """Every table of ``runs`` (several: each run's rows behind a ``run`` column, and a ``comparison`` of
    each later run with the first), with a bootstrap seeded by ``seed`` (default: the first run's seed)."""
    if not runs:
        raise ValueError("a report needs a run")
    names = _unique_names([run.name for run in runs])
    runs = tuple(run if run.name == name else _renamed(run, name) for run, name in zip(runs, names))
    bootstrap = Bootstrap(resamples, runs[0].seed if seed is None else seed)
    per_run = [all_tables(run, bootstrap) for run in runs]
    if len(runs) == 1:
        tables = per_run[0]
    else:
        tables = {name: pd.concat([table[name].assign(run=run.name)[["run", *table[name].columns]]
                                   for run, table in zip(runs, per_run)], ignore_index=True) for name in TABLES}
        tables["comparison"] = comparison(runs, bootstrap)
    browser = _browser(runs, max_tasks)
    return Report(runs, tables, [overview(run) for run in runs], notes(runs, tables["flips"]), bootstrap, browser)


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def _renamed(run: Run, name: str) -> Run:
    return dataclasses.replace(run, name=name)


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready objects: numpy scalars as Python numbers, missing values as None."""
    return [{key: clean(value) for key, value in row.items()} for row in table.to_dict(orient="records")]


def clean(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


# -- the task browser ------------------------------------------------------------------------------------------


def _browser(runs: Sequence[Run], max_tasks: int) -> Browser:
    """Up to ``max_tasks`` pairs over all runs (shared out evenly), with the sources, prompts and
    responses they show."""
    pairs: list[dict[str, Any]] = []
    sources: dict[str, str] = {}
    prompts: dict[str, Any] = {}
    responses: dict[str, list[str]] = {}
    total = flips = 0
    share = -(-max_tasks // len(runs)) if max_tasks > 0 else 0
    for run in runs:
        total += len(run.pairs)
        flips += int(((run.pairs["before"] == "correct") & (run.pairs["after"] == "wrong")).sum())
        chosen = browser_selection(run, share)
        if chosen.empty:
            continue
        before, control = _sides(run, chosen, "before"), _sides(run, chosen, "control")
        items = [_item(run, row, first, again) for row, first, again in
                 zip(chosen.to_dict(orient="records"), before, control)]
        subject_ids = sorted({item[key] for item in items for key in ("faulty_id", "variant_id")})
        keys = sorted({side["response_key"] for item in items for side in (item["before"], item["after"],
                                                                           item["control"])
                       if side and side["response_key"]})
        texts = run.texts(subject_ids, keys) if run.texts is not None else Texts()
        for item in items:
            before_source = texts.sources.get(item["faulty_id"], "")
            after_source = texts.sources.get(item["variant_id"], "")
            item["diff"] = _opcodes(before_source, after_source)
            pairs.append(item)
        sources.update(texts.sources)
        for subject_id, (system, user) in texts.prompts.items():
            prompts[subject_id] = {"system": system, **_compact_prompt(user, texts.sources.get(subject_id, ""),
                                                                       subject_id)}
        responses.update({key: [text, raw] for key, (text, raw) in texts.responses.items()})
    return Browser(pairs, total, flips, sources, prompts, responses)


def _sides(run: Run, chosen: pd.DataFrame, role: str) -> list[dict[str, Any] | None]:
    """The stage-1 or control answer of each chosen pair (None when it was never asked, or not yet)."""
    answers = run.answers
    mine = answers.loc[answers["role"] == role]
    keys = chosen[PAIR_KEY].astype(str).assign(_order=range(len(chosen)))
    found = mine.assign(**{column: mine[column].astype(str) for column in PAIR_KEY}).drop_duplicates(PAIR_KEY)
    merged = keys.merge(found, on=PAIR_KEY, how="left").sort_values("_order")
    return [None if pd.isna(row["task_id"]) else _answer(row) for row in merged.to_dict(orient="records")]


_SUBJECTS: weakref.WeakKeyDictionary[Run, dict[str, dict[str, Any]]] = weakref.WeakKeyDictionary()


def _answer(row: dict[str, Any], status: str = "status", expected: str = "expected_correct") -> dict[str, Any]:
    """One answer as the browser shows it (a variant's row in ``pairs`` names its status ``after``)."""
    predicted = row.get("predicted")
    lines = json.loads(predicted) if isinstance(predicted, str) and predicted else []
    return {"task_id": str(row["task_id"]), "status": str(row[status]), "lines": lines,
            "parsed_from": clean(row.get("parsed_from")) or None, "response_key": clean(row.get("response_key")),
            "error": clean(row.get("error")), "expected_correct": clean(row.get(expected))}


def _item(run: Run, row: dict[str, Any], before: dict[str, Any] | None,
          control: dict[str, Any] | None) -> dict[str, Any]:
    faulty_lines = _subject_lines(run, str(row["faulty_id"]))
    variant_lines = _subject_lines(run, str(row["subject_id"]))
    return {"id": str(row["task_id"]), "run": run.name, "localizer": str(row["localizer"]),
            "condition": str(row["condition"]), "spm": str(row["spm"]), "strength": clean(row["strength"]),
            "placement": str(row["placement"]), "program": str(row["program"]), "language": str(row["language"]),
            "fault": str(row["fault"]), "draw": int(row["draw"]), "outcome": str(row["outcome"]),
            "faulty_id": str(row["faulty_id"]), "variant_id": str(row["subject_id"]),
            "fault_lines_before": faulty_lines["fault_lines"], "fault_lines_after": variant_lines["fault_lines"],
            "edits": variant_lines["edits"],
            "before": before, "after": _answer(row, "after", "expected_after"), "control": control}


def _subject_lines(run: Run, subject_id: str) -> dict[str, Any]:
    """A subject's fault lines and SPM edits."""
    subjects = _subjects_by_id(run)
    subject = subjects.get(subject_id, {})
    edits = subject.get("edits") or ()
    return {"fault_lines": [int(line) for line in subject.get("fault_lines") or ()],
            "edits": [{key: clean(value) for key, value in dict(edit).items()} for edit in edits]}


def _subjects_by_id(run: Run) -> dict[str, dict[str, Any]]:
    if run not in _SUBJECTS:
        columns = [column for column in ("subject_id", "fault_lines", "edits") if column in run.subjects.columns]
        _SUBJECTS[run] = {str(row["subject_id"]): row for row in run.subjects[columns].to_dict(orient="records")}
    return _SUBJECTS[run]


def _opcodes(before: str, after: str) -> list[list[Any]]:
    """The line diff from the faulty program to its variant, as difflib opcodes (0-based line ranges)."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return [[tag, i1, i2, j1, j2] for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _compact_prompt(user: str, source: str, subject_id: str) -> dict[str, Any]:
    """The user message, with the program's source left out when it appears verbatim once (the page puts it
    back from ``sources``: the bytes shown are the bytes sent, without holding every program twice)."""
    code = source.rstrip("\n")
    if code and user.count(code) == 1:
        before, after = user.split(code)
        return {"user_before": before, "user_source": subject_id, "user_after": after}
    return {"user": user}
