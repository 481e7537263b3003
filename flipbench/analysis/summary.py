"""What a report says around its tables: what was run, what to beware of, how runs compare, and which
pairs the task browser shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from flipbench.analysis.defaults import MAX_TASKS
from flipbench.analysis.frames import Run
from flipbench.analysis.statistics import Bootstrap
from flipbench.analysis.tables import paired_accuracy, paired_net_effect
from flipbench.version import __version__

OUTCOMES = ("flip", "kept", "recovered", "still wrong", "error")
"""A pair's outcome: correct before and wrong after (a flip), correct both times, wrong then correct, wrong
both times, or no scored answer on one side."""


def overview(run: Run) -> dict[str, Any]:
    """What was run: settings, versions, what was certified, how the tasks ended."""
    settings = run.settings
    subjects, tasks = run.subjects, run.tasks
    verdicts = {kind: {str(verdict): int(count) for verdict, count in group["verdict"].value_counts().sort_index().items()}
                for kind, group in subjects.groupby("kind", observed=True)}
    certified = subjects["verdict"].isin(("live", "preserving"))
    return {
        "run": run.name, "flipbench_version": run.version, "report_version": __version__, "seed": run.seed,
        "created": run.meta.get("created"), "finished": run.finished, "finished_at": run.meta.get("finished"),
        "corpus": settings.get("corpus"), "languages": list(settings.get("languages") or []),
        "faults": list(settings.get("faults") or []),
        "spms": ["+".join(chain) for chain in settings.get("spms") or []],
        "strengths": list(settings.get("strengths") or []), "placements": list(settings.get("placements") or []),
        "localizers": list(settings.get("models") or []), "prompt": settings.get("prompt"),
        "samples": settings.get("samples"), "temperature": settings.get("temperature"),
        "tolerance": run.tolerance, "top": run.top, "mode": settings.get("mode"), "control": settings.get("control"),
        "certified_only": settings.get("certified_only"), "programs": int(subjects["program"].nunique()),
        "faulty_programs": int((subjects["kind"] == "faulty").sum()),
        "variants": int((subjects["kind"] == "variant").sum()),
        "certified_faulty": int(((subjects["kind"] == "faulty") & certified).sum()),
        "certified_variants": int(((subjects["kind"] == "variant") & certified).sum()),
        "verdicts": verdicts, "levels": _levels(subjects), "filter": settings.get("filter", "none"),
        "content": settings.get("content", "builtin"), "tasks": len(tasks),
        "tasks_by_role": {str(role): int(count) for role, count in tasks["role"].value_counts().sort_index().items()},
        "tasks_by_status": {str(status): int(count) for status, count in
                            tasks["status"].value_counts().sort_index().items()},
        "errors": int((tasks["status"] == "error").sum()),
    }


def _levels(subjects: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Per kind (faulty, variant): subjects by the level they were checked to (tested, compiled, parsed)."""
    if "level" not in subjects.columns:
        return {}
    return {str(kind): {str(level): int(count) for level, count in group["level"].value_counts().sort_index().items()}
            for kind, group in subjects.groupby("kind", observed=True)}


def notes(runs: Sequence[Run], flips: pd.DataFrame) -> list[str]:
    """What a reader must know before trusting the numbers: unfinished runs, errors, nothing to measure,
    runs of different flipbench versions or seeds compared."""
    said = []
    for run in runs:
        prefix = f"{run.name}: " if len(runs) > 1 else ""
        if not run.finished:
            said.append(f"{prefix}this run has not finished (it is still running, or was stopped; running the same "
                        "command again resumes it): the report shows the tasks finished so far.")
        errors = int((run.tasks["status"] == "error").sum())
        if errors:
            said.append(f"{prefix}{errors} tasks ended in error; they are counted apart and in no rate.")
        uncertified = _uncertified(run)
        if uncertified:
            said.append(f"{prefix}uncertified subjects (their programs have no tests, so no fault is shown live and no "
                        f"variant's behaviour shown kept): {uncertified}; the subjects table and the exports mark "
                        "each with its level.")
        if run.version and run.version != __version__:
            said.append(f"{prefix}run with flipbench {run.version}, reported by flipbench {__version__}.")
    if len(flips) and int(pd.to_numeric(flips["n"], errors="coerce").fillna(0).sum()) == 0:
        said.append("No pair was correct before an SPM, so flip rates and net effects are undefined (shown as —).")
    if not len(flips) and all(len(run.tasks) for run in runs):
        said.append("No SPM variant was asked about yet: the stage-2 tables are empty.")
    if len(runs) > 1:
        versions = {run.version for run in runs}
        seeds = {run.seed for run in runs}
        if len(versions) > 1:
            said.append("The runs compared were made by different flipbench versions ("
                        + ", ".join(f"{run.name}: {run.version}" for run in runs) + ").")
        if len(seeds) > 1:
            said.append("The runs compared have different seeds (" + ", ".join(f"{run.name}: {run.seed}" for run in runs)
                        + "): their faults and variants may differ, and only the tasks they share are paired.")
    return said


def _uncertified(run: Run) -> str:
    """``12 faulty programs (12 compiled), 40 variants (40 compiled)`` for the subjects no test checked."""
    parts = []
    for kind, counts in _levels(run.subjects).items():
        untested = {level: count for level, count in counts.items() if level != "tested"}
        if untested:
            noun = "faulty programs" if kind == "faulty" else "variants"
            parts.append(f"{sum(untested.values())} {noun} ("
                         + ", ".join(f"{count} {level}" for level, count in sorted(untested.items())) + ")")
    return ", ".join(parts)


def localizer_pairs(first: Run, second: Run) -> list[tuple[str, str]]:
    """Which localizers of two runs are compared: those of the same name, and every localizer only in the first
    against every localizer only in the second (two models, one run each)."""
    mine = list(dict.fromkeys(first.tasks["localizer"].astype(str)))
    theirs = list(dict.fromkeys(second.tasks["localizer"].astype(str)))
    shared = [(name, name) for name in mine if name in theirs]
    only_mine = [name for name in mine if name not in theirs]
    only_theirs = [name for name in theirs if name not in mine]
    return shared + [(a, b) for a in only_mine for b in only_theirs]


COMPARISON_COLUMNS = ("run_a", "run_b", "localizer_a", "localizer_b", "measure", "condition", "matched", "value_a",
                      "value_b", "difference", "ci_low", "ci_high", "clusters")


def comparison(runs: Sequence[Run], bootstrap: Bootstrap) -> pd.DataFrame:
    """Every later run against the first, on the tasks they share (same faulty program, draw, and for stage 2
    condition): stage-1 accuracy and each condition's net effect (and all conditions together), both sides,
    and the paired difference ``difference`` = run A (the first) minus run B, with its interval."""
    rows = []
    first = runs[0]
    for other in runs[1:]:
        for mine, theirs in localizer_pairs(first, other):
            keys = {"run_a": first.name, "run_b": other.name, "localizer_a": mine, "localizer_b": theirs}
            result = paired_accuracy(first, mine, other, theirs, bootstrap)
            rows.append({**keys, "measure": "accuracy", "condition": "", **_compared(result)})
            conditions = sorted(set(_conditions(first, mine)) & set(_conditions(other, theirs)))
            for condition in [*conditions, None] if len(conditions) > 1 else conditions:
                result = paired_net_effect(first, mine, other, theirs, bootstrap, condition)
                rows.append({**keys, "measure": "net_effect", "condition": condition or "all", **_compared(result)})
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def _conditions(run: Run, localizer: str) -> list[str]:
    tasks = run.tasks
    return list(tasks.loc[(tasks["role"] == "variant") & (tasks["localizer"] == localizer), "condition"]
                .astype(str).unique())


def _compared(result: dict[str, Any]) -> dict[str, Any]:
    return {name: result[name] for name in ("matched", "value_a", "value_b", "difference", "ci_low", "ci_high",
                                            "clusters")}


def outcome(before: pd.Series, after: pd.Series) -> pd.Series:
    """Each pair's outcome (see :data:`OUTCOMES`)."""
    labels = np.full(len(before), "error", dtype=object)
    before, after = before.to_numpy(), after.to_numpy()
    labels[(before == "correct") & (after == "wrong")] = "flip"
    labels[(before == "correct") & (after == "correct")] = "kept"
    labels[(before == "wrong") & (after == "correct")] = "recovered"
    labels[(before == "wrong") & (after == "wrong")] = "still wrong"
    return pd.Series(labels, index=before.index if hasattr(before, "index") else None)


def browser_selection(run: Run, max_tasks: int = MAX_TASKS, seed: int | None = None) -> pd.DataFrame:
    """The pairs the task browser embeds: flips first, then pairs whose control flipped, then the rest; within
    each, a seeded order that takes turns over (localizer, condition), so every row of the flips table has its
    flips shown while there is room. Nested: a larger ``max_tasks`` keeps every pair of a smaller one."""
    pairs = run.pairs
    if pairs.empty or max_tasks <= 0:
        return pairs.iloc[0:0].assign(outcome=pd.Series(dtype=object))
    seed = run.seed if seed is None else seed
    outcomes = outcome(pairs["before"], pairs["after"]).to_numpy()
    control_flipped = ((pairs["before"] == "correct") & (pairs["control"] == "wrong")).to_numpy()
    order = pd.DataFrame({
        "priority": np.where(outcomes == "flip", 0, np.where(control_flipped, 1, 2)),
        "rank": [int.from_bytes(hashlib.sha256(f"{seed}\x00{task}".encode()).digest()[:8], "big") >> 1
                 for task in pairs["task_id"].astype(str)],
        "group": pd.factorize(pairs["localizer"].astype(str) + "\x00" + pairs["condition"].astype(str))[0]})
    order = order.sort_values(["priority", "rank"], kind="stable")
    order["turn"] = order.groupby(["priority", "group"]).cumcount()
    chosen = order.sort_values(["priority", "turn", "rank"], kind="stable").index[:max_tasks]
    return pairs.iloc[chosen].assign(outcome=outcomes[chosen]).reset_index(drop=True)
