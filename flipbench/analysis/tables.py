"""The report's tables, each a pure function from a :class:`~flipbench.analysis.frames.Run` to a DataFrame.

Every rate carries a 95% interval that treats the seed program as the unit (see
:mod:`flipbench.analysis.statistics`) and the number of seed programs behind it (``clusters``).
Undefined values (no pair correct before, one program only) are missing, never a division by zero.

- :func:`accuracy`: stage 1 per localizer, language and fault (the study's Table II);
- :func:`flips`: per localizer and SPM condition, net of the null control, with exact McNemar and
  Holm-adjusted p-values (RQ1);
- :func:`strength` and :func:`strength_slopes`: accuracy and flip rate per SPM strength (RQ2);
- :func:`position` and :func:`distance`: by fault-position quartile, and by how far the SPM's edits
  are from the fault (RQ3);
- :func:`groups` and :func:`versions`: localizers grouped as the experiment file declares, and each
  version against the one it is a version of (RQ4/RQ5);
- :func:`fault`, :func:`counts`, :func:`study_view`: flips per fault operator; tasks, errors, tokens
  and cost; and the run measured the study's way beside flipbench's.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from flipbench.analysis.defaults import TABLES
from flipbench.analysis.existential import existential
from flipbench.analysis.frames import Run, as_tuple
from flipbench.analysis.statistics import (
    EMPTY,
    Bootstrap,
    Estimate,
    bootstrap_difference,
    bootstrap_ratio,
    bootstrap_slope,
    clustered_rate,
    holm,
    mcnemar,
)

ALL = "all"
QUARTILES = ("0-25", "25-50", "50-75", "75-100")
"""The study's fault-position windows (percent of the file)."""
DISTANCE_BINS = ((0, 0, "0"), (1, 2, "1-2"), (3, 5, "3-5"), (6, 10, "6-10"), (11, 20, "11-20"), (21, None, "21+"))
"""Lines between a variant's nearest SPM edit and a fault line."""


# -- helpers ---------------------------------------------------------------------------------------------------


def _per_cluster(frame: pd.DataFrame, keys: Sequence[str], columns: Sequence[str]
                 ) -> Iterable[tuple[tuple, pd.DataFrame]]:
    """Per group of ``keys``: the sums of ``columns`` per seed program, programs sorted by name."""
    if frame.empty:
        return []
    sums = frame.groupby([*keys, "program"], observed=True, sort=True)[list(columns)].sum()
    if not keys:
        return [((), _by_name(sums))]
    levels = list(range(len(keys)))
    return [(key if isinstance(key, tuple) else (key,), _by_name(group.droplevel(levels)))
            for key, group in sums.groupby(level=levels, sort=True, observed=True)]


def _by_name(sums: pd.DataFrame) -> pd.DataFrame:
    sums = sums.copy()
    sums.index = sums.index.astype(str)
    return sums.sort_index()


def _rate(sums: pd.DataFrame, successes: str, trials: str) -> Estimate:
    """A clustered rate over the programs with at least one trial."""
    present = sums[sums[trials] > 0]
    if present.empty:
        return EMPTY
    return clustered_rate(present[successes].to_numpy(dtype=float), present[trials].to_numpy(dtype=float))


def _ratio(sums: pd.DataFrame, numerator: str, denominator: str, bootstrap: Bootstrap) -> Estimate:
    present = sums[sums[denominator] > 0]
    if present.empty:
        return EMPTY
    return bootstrap_ratio(present[numerator].to_numpy(dtype=float), present[denominator].to_numpy(dtype=float),
                           bootstrap)


def _columns(name: str, estimate: Estimate) -> dict[str, Any]:
    return {name: estimate.value, f"{name}_low": estimate.low, f"{name}_high": estimate.high}


def _mean(total: float, count: float) -> float | None:
    return float(total) / float(count) if count else None


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns)) if rows else pd.DataFrame(columns=list(columns))


def _key_columns(keys: Sequence[str], key: tuple) -> dict[str, Any]:
    return {name: (value.item() if hasattr(value, "item") else value) for name, value in zip(keys, key)}


# -- stage 1 ---------------------------------------------------------------------------------------------------

ACCURACY_MEASURES = ("accuracy", "exact", "within_tolerance", "top_k", "function_level")


def accuracy(run: Run) -> pd.DataFrame:
    """Stage 1 per localizer x language x fault, with ``all`` rows over faults and over languages:
    ``accuracy`` under the run's rule, ``exact``, ``within_tolerance``, ``top_k`` and ``function_level``
    (correct, or the first predicted line lies in a function holding the fault), each with its interval;
    ``n`` answers scored, ``errors`` apart."""
    before = run.answers[run.answers["role"] == "before"]
    frame = pd.DataFrame({
        "localizer": before["localizer"].astype(str), "language": before["language"].astype(str),
        "fault": before["fault"].astype(str), "program": before["program"].astype(str),
        "scored": before["scored"].astype(int), "errors": (~before["scored"]).astype(int),
        "accuracy": (before["scored"] & before["correct"]).astype(int),
        "exact": (before["scored"] & before["exact"].fillna(False).astype(bool)).astype(int),
        "within_tolerance": (before["scored"] & before["within_tolerance"].fillna(False).astype(bool)).astype(int),
        "top_k": (before["scored"] & before["top_k"].fillna(False).astype(bool)).astype(int),
        "function_level": (before["scored"] & before["function_level"]).astype(int),
        "expected": np.where(before["scored"], before["expected_correct"].fillna(0.0), 0.0),
        "expected_count": (before["scored"] & before["expected_correct"].notna()).astype(int)})
    columns = ["scored", "errors", *ACCURACY_MEASURES, "expected", "expected_count"]
    rows = []
    for keys, fill in ((("localizer", "language", "fault"), {}), (("localizer", "language"), {"fault": ALL}),
                       (("localizer",), {"language": ALL, "fault": ALL})):
        for key, sums in _per_cluster(frame, keys, columns):
            row = {**_key_columns(keys, key), **fill, "n": int(sums["scored"].sum()), "errors": int(sums["errors"].sum())}
            for measure in ACCURACY_MEASURES:
                row |= _columns(measure, _rate(sums, measure, "scored"))
            row["clusters"] = int((sums["scored"] > 0).sum())
            row["expected_accuracy"] = _mean(sums["expected"].sum(), sums["expected_count"].sum())
            rows.append(row)
    order = ["localizer", "language", "fault", "n", "errors", "clusters"]
    order += [f"{m}{suffix}" for m in ACCURACY_MEASURES for suffix in ("", "_low", "_high")] + ["expected_accuracy"]
    table = _frame(rows, order)
    return table.sort_values(["localizer", "language", "fault"], key=_all_last, kind="stable", ignore_index=True)


def _all_last(values: pd.Series) -> pd.Series:
    return values.map(lambda value: (value == ALL, str(value)))


# -- stage 2 ---------------------------------------------------------------------------------------------------

PAIR_SUMS = ("n", "flips", "paired", "control_flips", "difference", "variant_only", "control_only", "before_scored",
             "before_correct", "after_scored", "after_correct", "errors", "expected_before", "expected_before_count",
             "expected_after", "expected_after_count", "expected_flips", "expected_flips_count",
             "expected_control_flips", "expected_control_flips_count", "expected_difference",
             "expected_difference_count", "study_n", "study_kept", "study_control_n", "study_control_kept")


_OUTCOMES: weakref.WeakKeyDictionary[Run, pd.DataFrame] = weakref.WeakKeyDictionary()


def pair_outcomes(run: Run) -> pd.DataFrame:
    """:func:`_pair_outcomes`, computed once per run (every stage-2 table starts from it; do not modify it)."""
    if run not in _OUTCOMES:
        _OUTCOMES[run] = _pair_outcomes(run)
    return _OUTCOMES[run]


def _pair_outcomes(run: Run) -> pd.DataFrame:
    """Per variant task (0/1 columns, summed per program by the tables): ``n`` (correct before, scored
    after), ``flips``, ``paired`` (and its control scored), ``control_flips``, ``difference`` (flip minus
    control flip, over the paired), the discordant ``variant_only``/``control_only``, the accuracies
    before and after, errors, the baselines' expected counterparts, and the study's view (``study_n``:
    correct before within 2 lines, answered after; ``study_kept``: still within 2 lines)."""
    pairs = run.pairs
    before_scored = pairs["before"].isin(("correct", "wrong")).to_numpy()
    before_correct = (pairs["before"] == "correct").to_numpy()
    after_scored = (pairs["after"] != "error").to_numpy()
    after_wrong = (pairs["after"] == "wrong").to_numpy()
    control_scored = pairs["control"].isin(("correct", "wrong")).to_numpy()
    control_wrong = (pairs["control"] == "wrong").to_numpy()
    eligible = before_correct & after_scored
    paired = eligible & control_scored
    flipped = eligible & after_wrong
    control_flipped = paired & control_wrong
    expected_before = pairs["expected_before"].to_numpy(dtype=float)
    expected_after = pairs["expected_after"].to_numpy(dtype=float)
    expected_control = pairs["expected_control"].to_numpy(dtype=float)
    study_before = pairs["study_before"].to_numpy(dtype=bool)
    study_after = pairs["study_after"].to_numpy(dtype=bool)
    study_control = pairs["study_control"].to_numpy(dtype=bool)

    def where(mask: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        present = mask & ~np.isnan(values)
        return np.where(present, values, 0.0), present.astype(int)

    frame = pd.DataFrame({column: pairs[column].astype(str) for column in
                          ("localizer", "condition", "spm", "placement", "language", "fault", "program")})
    frame["strength"] = pairs["strength"].to_numpy()
    frame["position"] = pairs["position"].to_numpy(dtype=float)
    frame["edit_distance"] = pd.to_numeric(pairs["edit_distance"], errors="coerce").to_numpy(dtype=float)
    frame["faulty_id"] = pairs["faulty_id"].astype(str).to_numpy()
    frame["draw"] = pairs["draw"].to_numpy()
    frame["n"], frame["flips"], frame["paired"] = eligible.astype(int), flipped.astype(int), paired.astype(int)
    frame["control_flips"] = control_flipped.astype(int)
    frame["difference"] = np.where(paired, flipped.astype(int) - control_flipped.astype(int), 0)
    frame["variant_only"] = (paired & flipped & ~control_flipped).astype(int)
    frame["control_only"] = (paired & ~flipped & control_flipped).astype(int)
    frame["before_scored"], frame["before_correct"] = before_scored.astype(int), (before_correct & before_scored).astype(int)
    frame["after_scored"] = after_scored.astype(int)
    frame["after_correct"] = (after_scored & (pairs["after"] == "correct").to_numpy()).astype(int)
    frame["errors"] = (~after_scored).astype(int)
    frame["expected_before"], frame["expected_before_count"] = where(before_scored, expected_before)
    frame["expected_after"], frame["expected_after_count"] = where(after_scored, expected_after)
    frame["expected_flips"], frame["expected_flips_count"] = where(eligible, 1.0 - expected_after)
    frame["expected_control_flips"], frame["expected_control_flips_count"] = where(paired, 1.0 - expected_control)
    frame["expected_difference"], frame["expected_difference_count"] = where(
        paired & ~np.isnan(expected_after), expected_control - expected_after)
    study = study_before & after_scored
    frame["study_n"], frame["study_kept"] = study.astype(int), (study & study_after).astype(int)
    study_again = study_before & control_scored
    frame["study_control_n"], frame["study_control_kept"] = study_again.astype(int), (study_again & study_control).astype(int)
    return frame


def _pair_row(sums: pd.DataFrame, bootstrap: Bootstrap) -> dict[str, Any]:
    """The flip statistics of one group of pairs, from its per-program sums."""
    totals = sums.sum()
    paired = int(totals["paired"])
    net = _ratio(sums, "difference", "paired", bootstrap)
    return {
        "n": int(totals["n"]), "flips": int(totals["flips"]),
        **_columns("flip_rate", _rate(sums, "flips", "n")),
        "pairs": paired, "control_flips": int(totals["control_flips"]),
        **_columns("control_flip_rate", _rate(sums, "control_flips", "paired")),
        "net_effect": net.value, "ci_low": net.low, "ci_high": net.high, "clusters": net.clusters,
        "variant_only": int(totals["variant_only"]), "control_only": int(totals["control_only"]),
        "p_value": mcnemar(int(totals["variant_only"]), int(totals["control_only"])) if paired else None,
        "accuracy_before": _mean(totals["before_correct"], totals["before_scored"]),
        "accuracy_after": _mean(totals["after_correct"], totals["after_scored"]),
        "errors": int(totals["errors"]),
        "expected_accuracy_before": _mean(totals["expected_before"], totals["expected_before_count"]),
        "expected_accuracy_after": _mean(totals["expected_after"], totals["expected_after_count"]),
        "expected_flip_rate": _mean(totals["expected_flips"], totals["expected_flips_count"]),
        "expected_control_flip_rate": _mean(totals["expected_control_flips"], totals["expected_control_flips_count"]),
        "expected_net_effect": _mean(totals["expected_difference"], totals["expected_difference_count"]),
    }


PAIR_COLUMNS = ("n", "flips", "flip_rate", "flip_rate_low", "flip_rate_high", "pairs", "control_flips",
                "control_flip_rate", "control_flip_rate_low", "control_flip_rate_high", "net_effect", "ci_low",
                "ci_high", "clusters", "variant_only", "control_only", "p_value")
EXPECTED_COLUMNS = ("accuracy_before", "accuracy_after", "errors", "expected_accuracy_before",
                    "expected_accuracy_after", "expected_flip_rate", "expected_control_flip_rate",
                    "expected_net_effect")


def _pair_table(run: Run, keys: Sequence[str], bootstrap: Bootstrap, *, extra: Sequence[str] = (),
                outcomes: pd.DataFrame | None = None, keep: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                columns: Sequence[str] = PAIR_COLUMNS) -> pd.DataFrame:
    frame = pair_outcomes(run) if outcomes is None else outcomes
    if keep is not None:
        frame = keep(frame)
    rows = []
    for key, sums in _per_cluster(frame, [*keys, *extra], PAIR_SUMS):
        row = _pair_row(sums, bootstrap)
        rows.append({**_key_columns([*keys, *extra], key), **{name: row[name] for name in columns}})
    return _frame(rows, [*keys, *extra, *columns])


def flips(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Per localizer x SPM condition (RQ1): ``n`` pairs correct before and answered after, ``flip_rate``,
    ``control_flip_rate`` (the unchanged program asked again), ``net_effect`` (flip minus control flip,
    paired per faulty program and draw) with ``ci_low``/``ci_high``, ``clusters``, the exact McNemar
    ``p_value`` on the discordant pairs and ``p_holm`` (Holm across every row of the table); for
    baselines also the expected values over their tie-breaks."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    table = _pair_table(run, ("localizer", "condition", "spm", "strength", "placement"), bootstrap,
                        columns=(*PAIR_COLUMNS, *EXPECTED_COLUMNS))
    table.insert(table.columns.get_loc("p_value") + 1, "p_holm", holm(
        [None if pd.isna(p) else float(p) for p in table["p_value"]]))
    return table


def fault(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Flips per localizer x fault operator, over every SPM condition."""
    return _pair_table(run, ("localizer", "fault"), bootstrap or Bootstrap(seed=run.seed))


def strength(run: Run) -> pd.DataFrame:
    """Accuracy after the SPM and flip rate per localizer x language x SPM (chain and placement) x strength (RQ2)."""
    frame = pair_outcomes(run)
    rows = []
    keys = ("localizer", "language", "spm", "placement", "strength")
    for key, sums in _per_cluster(frame, keys, PAIR_SUMS):
        rows.append({**_key_columns(keys, key), "n_after": int(sums["after_scored"].sum()),
                     **_columns("accuracy_after", _rate(sums, "after_correct", "after_scored")),
                     "n": int(sums["n"].sum()), **_columns("flip_rate", _rate(sums, "flips", "n")),
                     "clusters": int((sums["after_scored"] > 0).sum())})
    return _frame(rows, [*keys, "n_after", "accuracy_after", "accuracy_after_low", "accuracy_after_high", "n",
                         "flip_rate", "flip_rate_low", "flip_rate_high", "clusters"])


def strength_slopes(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Per localizer x language x SPM with two strengths or more: the least-squares change of accuracy
    after the SPM and of the flip rate per added application (strength step), with intervals."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    frame = pair_outcomes(run)
    keys = ("localizer", "language", "spm", "placement")
    rows = []
    if not frame.empty:
        sums = frame.groupby([*keys, "strength", "program"], observed=True)[["after_correct", "after_scored", "flips",
                                                                             "n"]].sum()
        for key, group in sums.groupby(level=list(range(len(keys))), observed=True, sort=True):
            group = group.droplevel(list(range(len(keys))))
            strengths = sorted(int(value) for value in group.index.get_level_values(0).unique())
            if len(strengths) < 2:
                continue
            programs = sorted(group.index.get_level_values(1).astype(str).unique())
            wide = {column: _by_strength(group[column], programs, strengths)
                    for column in ("after_correct", "after_scored", "flips", "n")}
            accuracy_slope = bootstrap_slope(strengths, wide["after_correct"], wide["after_scored"], bootstrap)
            flip_slope = bootstrap_slope(strengths, wide["flips"], wide["n"], bootstrap)
            rows.append({**_key_columns(keys, key), "strengths": ",".join(map(str, strengths)),
                         **_columns("accuracy_slope", accuracy_slope), **_columns("flip_slope", flip_slope),
                         "clusters": len(programs)})
    return _frame(rows, [*keys, "strengths", "accuracy_slope", "accuracy_slope_low", "accuracy_slope_high",
                         "flip_slope", "flip_slope_low", "flip_slope_high", "clusters"])


def _by_strength(column: pd.Series, programs: list[str], strengths: list[int]) -> np.ndarray:
    """``(strength, program)`` sums as a strengths x programs matrix (zeros where a program has none)."""
    wide = column.unstack(0)
    wide.index = wide.index.astype(str)
    return wide.reindex(index=programs, columns=strengths).fillna(0.0).to_numpy(dtype=float).T


def quartile(position: pd.Series) -> pd.Series:
    """The study's position window of a fault (percentile of its first line in the faulty file)."""
    values = position.to_numpy(dtype=float)
    index = np.clip(np.floor(np.nan_to_num(values, nan=0.0) / 25.0), 0, 3).astype(int)
    labels = np.array(QUARTILES, dtype=object)[index]
    labels[np.isnan(values)] = "unknown"
    return pd.Series(labels, index=position.index)


def position(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Stage-1 accuracy and flip rate (with the net effect) per localizer x language x fault-position quartile (RQ3)."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    before = run.answers[run.answers["role"] == "before"]
    stage_one = pd.DataFrame({"localizer": before["localizer"].astype(str), "language": before["language"].astype(str),
                              "quartile": quartile(before["position"]), "program": before["program"].astype(str),
                              "scored": before["scored"].astype(int),
                              "correct": (before["scored"] & before["correct"]).astype(int)})
    keys = ("localizer", "language", "quartile")
    accuracy_rows = {key: {"n_before": int(sums["scored"].sum()), **_columns("accuracy", _rate(sums, "correct", "scored")),
                           "clusters_before": int((sums["scored"] > 0).sum())}
                     for key, sums in _per_cluster(stage_one, keys, ("scored", "correct"))}
    outcomes = pair_outcomes(run)
    outcomes = outcomes.assign(quartile=quartile(outcomes["position"]).to_numpy())
    flip_rows = {key: _pair_row(sums, bootstrap) for key, sums in _per_cluster(outcomes, keys, PAIR_SUMS)}
    rows = []
    for key in sorted(set(accuracy_rows) | set(flip_rows)):
        first = accuracy_rows.get(key, {"n_before": 0})
        second = flip_rows.get(key, {"n": 0})
        rows.append({**_key_columns(keys, key), **first,
                     **{name: second.get(name) for name in ("n", "flip_rate", "flip_rate_low", "flip_rate_high",
                                                            "net_effect", "ci_low", "ci_high", "clusters")}})
    return _frame(rows, [*keys, "n_before", "accuracy", "accuracy_low", "accuracy_high", "clusters_before", "n",
                         "flip_rate", "flip_rate_low", "flip_rate_high", "net_effect", "ci_low", "ci_high", "clusters"])


def distance_bin(distance: pd.Series) -> pd.Series:
    values = pd.to_numeric(distance, errors="coerce").to_numpy(dtype=float)
    labels = np.full(len(values), "unknown", dtype=object)
    for low, high, label in DISTANCE_BINS:
        inside = (values >= low) & ((values <= high) if high is not None else np.isfinite(values))
        labels[inside] = label
    return pd.Series(labels, index=distance.index)


def distance(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Flip rate and net effect per localizer x SPM chain x distance between the variant's nearest SPM edit
    and a fault line (RQ3)."""
    outcomes = pair_outcomes(run)
    outcomes = outcomes.assign(distance=distance_bin(outcomes["edit_distance"]).to_numpy())
    table = _pair_table(run, ("localizer", "spm", "distance"), bootstrap or Bootstrap(seed=run.seed),
                        outcomes=outcomes, columns=("n", "flips", "flip_rate", "flip_rate_low", "flip_rate_high",
                                                    "control_flip_rate", "net_effect", "ci_low", "ci_high", "clusters"))
    order = {label: index for index, (_, _, label) in enumerate(DISTANCE_BINS)}
    return table.sort_values(["localizer", "spm", "distance"], kind="stable", ignore_index=True,
                             key=lambda column: column.map(order) if column.name == "distance" else column)


# -- groups and versions ---------------------------------------------------------------------------------------


def groups(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Localizers grouped by each attribute the experiment file declares (``family = "..."`` and the like;
    ``version_of`` is compared in :func:`versions`), with the same statistics as one localizer (RQ4/RQ5)."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    declared = run.settings.get("model_groups") or {}
    members: dict[tuple[str, str], list[str]] = {}
    for localizer, attributes in declared.items():
        for attribute, value in attributes.items():
            if attribute not in ("version_of", "paper"):  # paper: the paper's name for the model, one per localizer
                members.setdefault((attribute, str(value)), []).append(localizer)
    answers = run.answers[run.answers["role"] == "before"]
    outcomes = pair_outcomes(run)
    rows = []
    for (attribute, value), localizers in sorted(members.items()):
        mine = answers[answers["localizer"].astype(str).isin(localizers)]
        stage_one = pd.DataFrame({"program": mine["program"].astype(str), "scored": mine["scored"].astype(int),
                                  "correct": (mine["scored"] & mine["correct"]).astype(int)})
        accuracy_sums = next(iter(_per_cluster(stage_one, (), ("scored", "correct"))), ((), None))[1]
        accuracy_estimate = _rate(accuracy_sums, "correct", "scored") if accuracy_sums is not None else EMPTY
        pair_sums = next(iter(_per_cluster(outcomes[outcomes["localizer"].isin(localizers)], (), PAIR_SUMS)),
                         ((), None))[1]
        pair = _pair_row(pair_sums, bootstrap) if pair_sums is not None else {}
        rows.append({"attribute": attribute, "group": value, "localizers": ", ".join(sorted(localizers)),
                     "n_before": int(stage_one["scored"].sum()), **_columns("accuracy", accuracy_estimate),
                     **{name: pair.get(name) for name in ("n", "flip_rate", "flip_rate_low", "flip_rate_high",
                                                          "control_flip_rate", "net_effect", "ci_low", "ci_high",
                                                          "clusters")}})
    return _frame(rows, ["attribute", "group", "localizers", "n_before", "accuracy", "accuracy_low", "accuracy_high",
                         "n", "flip_rate", "flip_rate_low", "flip_rate_high", "control_flip_rate", "net_effect",
                         "ci_low", "ci_high", "clusters"])


def paired_accuracy(first: Run, first_localizer: str, second: Run, second_localizer: str,
                    bootstrap: Bootstrap) -> dict[str, Any]:
    """Stage-1 accuracy of two localizers (of one run or two) on the faulty programs and draws both
    answered, and its difference (first minus second) with a paired cluster-bootstrap interval."""
    def stage_one(run: Run, localizer: str) -> pd.DataFrame:
        answers = run.answers
        mine = answers[(answers["role"] == "before") & (answers["localizer"] == localizer) & answers["scored"]]
        return pd.DataFrame({"faulty_id": mine["faulty_id"].astype(str), "draw": mine["draw"].to_numpy(),
                             "program": mine["program"].astype(str), "correct": mine["correct"].astype(int)})

    matched = stage_one(first, first_localizer).merge(stage_one(second, second_localizer),
                                                      on=["faulty_id", "draw", "program"], suffixes=("_a", "_b"))
    matched["one"] = 1
    sums = matched.groupby("program")[["correct_a", "correct_b", "one"]].sum().sort_index()
    estimate = bootstrap_difference((sums["correct_a"].to_numpy(), sums["one"].to_numpy()),
                                    (sums["correct_b"].to_numpy(), sums["one"].to_numpy()), bootstrap)
    only_a = int(((matched["correct_a"] == 1) & (matched["correct_b"] == 0)).sum())
    only_b = int(((matched["correct_a"] == 0) & (matched["correct_b"] == 1)).sum())
    count = len(matched)
    return {"matched": count, "value_a": _mean(matched["correct_a"].sum(), count),
            "value_b": _mean(matched["correct_b"].sum(), count), "difference": estimate.value,
            "ci_low": estimate.low, "ci_high": estimate.high, "clusters": estimate.clusters,
            "p_value": mcnemar(only_a, only_b) if count else None}


def paired_net_effect(first: Run, first_localizer: str, second: Run, second_localizer: str, bootstrap: Bootstrap,
                      condition: str | None = None) -> dict[str, Any]:
    """The net effects of two localizers over the variant tasks both have (same faulty program, condition and
    draw; one condition or all), and their difference with a cluster bootstrap resampling both together."""
    def outcomes(run: Run, localizer: str) -> pd.DataFrame:
        frame = pair_outcomes(run)
        frame = frame[frame["localizer"] == localizer]
        if condition is not None:
            frame = frame[frame["condition"] == condition]
        return frame[["faulty_id", "condition", "draw", "program", "difference", "paired"]]

    matched = outcomes(first, first_localizer).merge(outcomes(second, second_localizer),
                                                     on=["faulty_id", "condition", "draw", "program"],
                                                     suffixes=("_a", "_b"))
    sums = matched.groupby("program")[["difference_a", "paired_a", "difference_b", "paired_b"]].sum().sort_index()
    sums = sums[(sums["paired_a"] > 0) | (sums["paired_b"] > 0)]
    estimate = bootstrap_difference((sums["difference_a"].to_numpy(), sums["paired_a"].to_numpy()),
                                    (sums["difference_b"].to_numpy(), sums["paired_b"].to_numpy()), bootstrap)
    return {"matched": len(matched), "value_a": _mean(sums["difference_a"].sum(), sums["paired_a"].sum()),
            "value_b": _mean(sums["difference_b"].sum(), sums["paired_b"].sum()), "difference": estimate.value,
            "ci_low": estimate.low, "ci_high": estimate.high, "clusters": estimate.clusters}


VERSION_COLUMNS = ("localizer", "version_of", "measure", "matched", "value", "value_base", "difference", "ci_low",
                   "ci_high", "clusters")


def versions(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """Each localizer declared ``version_of`` another against it, on the tasks both have: stage-1
    accuracy and the net effect over every SPM condition (this version minus the other)."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    declared = run.settings.get("model_groups") or {}
    rows = []
    for localizer, attributes in sorted(declared.items()):
        base = attributes.get("version_of")
        if not base:
            continue
        for measure, compare in (("accuracy", paired_accuracy), ("net_effect", paired_net_effect)):
            result = compare(run, localizer, run, base, bootstrap)
            rows.append({"localizer": localizer, "version_of": base, "measure": measure, "matched": result["matched"],
                         "value": result["value_a"], "value_base": result["value_b"],
                         "difference": result["difference"], "ci_low": result["ci_low"],
                         "ci_high": result["ci_high"], "clusters": result["clusters"]})
    return _frame(rows, VERSION_COLUMNS)


# -- counts and the study's view -------------------------------------------------------------------------------


def counts(run: Run) -> pd.DataFrame:
    """Per localizer (Fig. 7): tasks by role and outcome, HTTP calls (retries included), answers read from
    the cache, tokens, and the cost at the experiment's prices (missing without a price)."""
    tasks = run.tasks
    frame = pd.DataFrame({"localizer": tasks["localizer"].astype(str), "role": tasks["role"].astype(str),
                          "status": tasks["status"].astype(str),
                          "input_tokens": pd.to_numeric(tasks["input_tokens"], errors="coerce").fillna(0),
                          "output_tokens": pd.to_numeric(tasks["output_tokens"], errors="coerce").fillna(0)})
    requests = run.requests
    if "localizer" not in requests.columns:  # load_run joins it in; a notebook's own frame may not
        requests = requests.merge(pd.DataFrame({"task_id": tasks["task_id"].astype(str),
                                                "localizer": frame["localizer"]}), on="task_id", how="inner")
    requests = requests.assign(localizer=requests["localizer"].astype(str))
    calls = requests[requests["outcome"].isin(("ok", "transient", "permanent"))].groupby("localizer").size()
    retries = requests[requests["outcome"] == "transient"].groupby("localizer").size()
    cached = requests[requests["outcome"] == "cached"].groupby("localizer").size()
    prices = run.settings.get("prices") or {}
    rows = []
    for localizer, group in frame.groupby("localizer", sort=True):
        status = group["status"]
        price = prices.get(localizer)
        input_tokens, output_tokens = int(group["input_tokens"].sum()), int(group["output_tokens"].sum())
        rows.append({"localizer": localizer, "tasks": len(group),
                     "stage_one": int((group["role"] == "before").sum()),
                     "variants": int((group["role"] == "variant").sum()),
                     "controls": int((group["role"] == "control").sum()),
                     "localized": int((status == "correct").sum()), "wrong": int((status == "wrong").sum()),
                     "errors": int((status == "error").sum()), "calls": int(calls.get(localizer, 0)),
                     "retries": int(retries.get(localizer, 0)), "cached": int(cached.get(localizer, 0)),
                     "input_tokens": input_tokens, "output_tokens": output_tokens,
                     "cost": None if price is None else
                     (input_tokens * float(price["input"]) + output_tokens * float(price["output"])) / 1e6})
    return _frame(rows, ["localizer", "tasks", "stage_one", "variants", "controls", "localized", "wrong", "errors",
                         "calls", "retries", "cached", "input_tokens", "output_tokens", "cost"])


def study_view(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """The run measured the study's way beside flipbench's, per localizer x condition. The study's way: a
    hit is within 2 lines, no control, and the drop is the share of pairs correct before that are not
    correct after (``study_drop``); ``control_study_drop`` is what that method reports for the unchanged
    program asked again, i.e. the drop the method makes by itself. flipbench's way: the run's rule, net
    of the control (``net_effect`` and its interval)."""
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    outcomes = pair_outcomes(run)
    outcomes = outcomes.assign(study_dropped=outcomes["study_n"] - outcomes["study_kept"],
                               study_control_dropped=outcomes["study_control_n"] - outcomes["study_control_kept"])
    keys = ("localizer", "condition")
    rows = []
    for key, sums in _per_cluster(outcomes, keys, (*PAIR_SUMS, "study_dropped", "study_control_dropped")):
        pair = _pair_row(sums, bootstrap)
        kept = _rate(sums, "study_kept", "study_n")
        rows.append({**_key_columns(keys, key), "study_n": int(sums["study_n"].sum()),
                     "study_accuracy_after": kept.value, **_columns("study_drop", _rate(sums, "study_dropped", "study_n")),
                     "control_study_drop": _rate(sums, "study_control_dropped", "study_control_n").value,
                     **{name: pair[name] for name in ("n", "flip_rate", "control_flip_rate", "net_effect", "ci_low",
                                                      "ci_high", "clusters")}})
    return _frame(rows, [*keys, "study_n", "study_accuracy_after", "study_drop", "study_drop_low", "study_drop_high",
                         "control_study_drop", "n", "flip_rate", "control_flip_rate", "net_effect", "ci_low",
                         "ci_high", "clusters"])


RECALL_AT = (1, 5, 10)
PRECISION_COLUMNS = ("localizer", "view", "n", "findings_per_task", "precision", "precision_low", "precision_high",
                     *(f"recall_at_{k}{suffix}" for k in RECALL_AT for suffix in ("", "_low", "_high")), "clusters")


def localizer_views(settings: Mapping[str, Any]) -> dict[str, str]:
    """How each localizer of a run saw its subjects: ``file``, or ``diff (base: ..., context N)`` for a tool with
    ``view = "diff"`` or a built-in ``review_diff`` prompt; ``ranking`` for a baseline (it reads coverage)."""
    review = f"diff (base: {settings.get('diff_base', 'original')}, context {settings.get('diff_context', 3)})"
    prompt_view = review if str(settings.get("prompt", "")).startswith("review_diff") else "file"
    tools = settings.get("tools") or {}
    views = {}
    for name in settings.get("models") or []:
        provider, _, model = str(name).partition("/")
        if provider == "tool":
            views[name] = review if (tools.get(model) or {}).get("view") == "diff" else "file"
        else:
            views[name] = "ranking" if provider == "baseline" else prompt_view
    return views


def precision(run: Run) -> pd.DataFrame:
    """Stage 1 per localizer: findings per task (the distinct lines it names), ``precision`` (the share of those
    on a fault line, pooled, with a clustered interval) and ``recall_at_k`` (the share of tasks with a fault
    line among the first k lines named), so that a tool flagging every line does not look good. A baseline
    ranks every line rather than naming findings: its precision is not defined (its recall is its top-k)."""
    before = run.answers[run.answers["role"] == "before"]
    before = before[before["scored"]]
    if "predicted" not in before.columns or before.empty:
        return _frame([], PRECISION_COLUMNS)
    faults = dict(zip(run.subjects["subject_id"], run.subjects["fault_lines"]))
    named = [[int(line) for line in as_tuple(value)] for value in before["predicted"]]
    fault_sets = [set(as_tuple(faults.get(subject_id))) for subject_id in before["subject_id"]]
    frame = pd.DataFrame({
        "localizer": before["localizer"].astype(str).to_numpy(), "program": before["program"].astype(str).to_numpy(),
        "tasks": 1, "findings": [len(lines) for lines in named],
        "on_fault": [sum(line in fault for line in lines) for lines, fault in zip(named, fault_sets)],
        **{f"recall_at_{k}": [int(any(line in fault for line in lines[:k])) for lines, fault in zip(named, fault_sets)]
           for k in RECALL_AT}})
    views = localizer_views(run.settings)
    rows = []
    for key, sums in _per_cluster(frame, ("localizer",), ("tasks", "findings", "on_fault",
                                                          *(f"recall_at_{k}" for k in RECALL_AT))):
        localizer = key[0]
        ranking = views.get(localizer) == "ranking" or str(localizer).startswith("baseline/")
        row = {"localizer": localizer, "view": views.get(localizer, "file"), "n": int(sums["tasks"].sum()),
               "findings_per_task": None if ranking else _mean(sums["findings"].sum(), sums["tasks"].sum()),
               **_columns("precision", EMPTY if ranking else _rate(sums, "on_fault", "findings")),
               "clusters": int((sums["tasks"] > 0).sum())}
        for k in RECALL_AT:
            row |= _columns(f"recall_at_{k}", _rate(sums, f"recall_at_{k}", "tasks"))
        rows.append(row)
    return _frame(rows, PRECISION_COLUMNS)


def all_tables(run: Run, bootstrap: Bootstrap | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the report, by name (see :data:`TABLES`)."""
    from flipbench.analysis import paper, written_content  # built on this module's helpers
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    makers: Mapping[str, Callable[[], pd.DataFrame]] = {
        "accuracy": lambda: accuracy(run), "flips": lambda: flips(run, bootstrap),
        "strength": lambda: strength(run), "strength_slopes": lambda: strength_slopes(run, bootstrap),
        "position": lambda: position(run, bootstrap), "distance": lambda: distance(run, bootstrap),
        "groups": lambda: groups(run, bootstrap), "versions": lambda: versions(run, bootstrap),
        "fault": lambda: fault(run, bootstrap), "counts": lambda: counts(run), "precision": lambda: precision(run),
        "existential": lambda: existential(run),
        "study_view": lambda: study_view(run, bootstrap), "content": lambda: written_content.content(run),
        "content_rejections": lambda: written_content.content_rejections(run),
        "paper": lambda: paper.paper_table(run, bootstrap)}
    return {name: makers[name]() for name in TABLES}
