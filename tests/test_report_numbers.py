"""Every number of ``flipbench report --format json`` for a real run equals a recomputation from
``flipbench export RUN tasks.csv`` (and ``requests.csv`` for the calls), written here from the README's
definitions without flipbench's analysis code: plain loops over the exported rows, and numpy only for the
documented bootstrap draw (``default_rng(seed).integers(0, C, size=(2000, C))`` over programs sorted by name).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.stats import binomtest, norm
from scipy.stats import t as student_t

from model_server import ScriptedModel, ServerThread
from reportkit import CHAT, PRICES, fault_aware, flipbench, make_run

Z = 1.959963984540054
RESAMPLES = 2000
SEED = 0  # the run's seed, which seeds the report's bootstrap
QUARTILES = ("0-25", "25-50", "50-75", "75-100")
BINS = ((0, 0, "0"), (1, 2, "1-2"), (3, 5, "3-5"), (6, 10, "6-10"), (11, 20, "11-20"), (21, math.inf, "21+"))
GROUPS = {CHAT: {"family": "chat"}, "baseline/ochiai": {"family": "spectrum"},
          "baseline/random": {"family": "chance", "version_of": "baseline/ochiai"}}


# -- reading the export ----------------------------------------------------------------------------------------


def _task(row: dict[str, str]) -> dict[str, Any]:
    def flag(name: str) -> bool:
        return row[name] == "True"

    def number(name: str) -> float | None:
        return float(row[name]) if row[name] != "" else None

    predicted = json.loads(row["predicted"]) if row["predicted"] else []
    return {"id": row["id"], "role": row["role"], "localizer": row["localizer"], "condition": row["condition"],
            "draw": int(row["draw"]), "status": row["status"], "line": predicted[0] if predicted else None,
            "exact": flag("exact"), "within_tolerance": flag("within_tolerance"), "top_k": flag("top_k"),
            "expected": number("expected_correct"), "input_tokens": int(number("input_tokens") or 0),
            "output_tokens": int(number("output_tokens") or 0), "faulty": row["faulty_id"], "program": row["program"],
            "language": row["language"], "fault": row["fault"], "fault_lines": json.loads(row["fault_lines"]),
            "spm": row["spm"], "strength": int(row["strength"]), "placement": row["placement"],
            "position": float(row["fault_position"]), "distance": number("edit_distance"),
            "functions": json.loads(row["fault_function"])}


@pytest.fixture(scope="module")
def exported(report_run, tmp_path_factory) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("export")
    flipbench("export", str(report_run), str(folder / "tasks.csv"))
    flipbench("export", str(report_run), str(folder / "requests.csv"), "--table", "requests")
    with (folder / "tasks.csv").open(encoding="utf-8") as tasks, (folder / "requests.csv").open(encoding="utf-8") as requests:
        return [_task(row) for row in csv.DictReader(tasks)], list(csv.DictReader(requests))


@pytest.fixture(scope="module")
def reported(report_run) -> dict[str, Any]:
    return json.loads(flipbench("report", str(report_run), "--format", "json", "--no-html").stdout)


# -- the statistics, from their definitions ----------------------------------------------------------------------


def wilson(p: float, n: float) -> tuple[float, float]:
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return (0.0 if p == 0 else max(0.0, centre - half)), (1.0 if p == 1 else min(1.0, centre + half))


def rate(units: Iterable[tuple[str, bool]]) -> tuple[float | None, float | None, float | None]:
    """A pooled rate over (program, success) units, with a Wilson interval at n over the design effect."""
    successes, trials = defaultdict(int), defaultdict(int)
    for program, success in units:
        successes[program] += success
        trials[program] += 1
    total = sum(trials.values())
    if not total:
        return None, None, None
    p = sum(successes.values()) / total
    clusters = len(trials)
    if clusters < 2:
        return p, None, None
    binomial = p * (1 - p) / total
    design = 1.0
    if binomial > 0:
        robust = clusters / (clusters - 1) * sum((successes[c] - p * trials[c]) ** 2 for c in trials) / total ** 2
        design = max(1.0, robust / binomial)
    return (p, *wilson(p, total / design))


def expanded_quantiles(samples: list[float], clusters: int) -> tuple[float, float]:
    tail = norm.cdf(-math.sqrt(clusters / (clusters - 1)) * student_t.ppf(0.975, clusters - 1))
    samples = [value for value in samples if math.isfinite(value)]
    low, high = np.quantile(samples, [tail, 1 - tail])
    return float(low), float(high)


def draws(clusters: int) -> np.ndarray:
    return np.random.default_rng(SEED).integers(0, clusters, size=(RESAMPLES, clusters))


def mean_difference(units: Iterable[tuple[str, int]]) -> tuple[float | None, float | None, float | None, int]:
    """The mean of per-pair values over (program, value) units, resampling programs."""
    sums, counts = defaultdict(int), defaultdict(int)
    for program, value in units:
        sums[program] += value
        counts[program] += 1
    names = sorted(counts)
    if not names:
        return None, None, None, 0
    value = sum(sums.values()) / sum(counts.values())
    if len(names) < 2:
        return value, None, None, len(names)
    samples = [sum(sums[names[i]] for i in row) / sum(counts[names[i]] for i in row) for row in draws(len(names))]
    return (value, *expanded_quantiles(samples, len(names)), len(names))


def two_means(first: dict[str, tuple[float, int]], second: dict[str, tuple[float, int]]):
    """(sum, count) per program for two means over the same programs; the first minus the second."""
    names = sorted(set(first) | set(second))

    def of(table, name):
        return table.get(name, (0, 0))

    def mean(table, chosen):
        count = sum(of(table, name)[1] for name in chosen)
        return sum(of(table, name)[0] for name in chosen) / count if count else math.nan

    value = mean(first, names) - mean(second, names)
    if len(names) < 2:
        return value, None, None, len(names)
    samples = [mean(first, [names[i] for i in row]) - mean(second, [names[i] for i in row]) for row in draws(len(names))]
    return (value, *expanded_quantiles(samples, len(names)), len(names))


def holm(values: list[float | None]) -> list[float | None]:
    order = sorted((p, i) for i, p in enumerate(values) if p is not None)
    adjusted: list[float | None] = [None] * len(values)
    best = 0.0
    for rank, (p, i) in enumerate(order):
        best = max(best, min(1.0, (len(order) - rank) * p))
        adjusted[i] = best
    return adjusted


# -- the pairs -------------------------------------------------------------------------------------------------


def near(line: int | None, lines: list[int], tolerance: int = 2) -> bool:
    return line is not None and any(abs(line - fault) <= tolerance for fault in lines)


def pairs_of(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every variant answer with the stage-1 and control answers of its (localizer, faulty program, draw)."""
    by_pair = {(t["role"], t["localizer"], t["faulty"], t["draw"]): t for t in tasks if t["role"] != "variant"}
    found = []
    for after in (t for t in tasks if t["role"] == "variant"):
        before = by_pair.get(("before", after["localizer"], after["faulty"], after["draw"]))
        control = by_pair.get(("control", after["localizer"], after["faulty"], after["draw"]))
        b, a, c = (x["status"] if x else "error" for x in (before, after, control))
        eligible = b == "correct" and a != "error"
        paired = eligible and c != "error"
        study_before = bool(before) and b != "error" and near(before["line"], before["fault_lines"])
        found.append({**after, "before": before, "control": control, "b": b, "a": a, "c": c, "eligible": eligible,
                      "paired": paired, "flipped": eligible and a == "wrong",
                      "control_flipped": paired and c == "wrong",
                      "study_n": study_before and a != "error",
                      "study_kept": study_before and a != "error" and near(after["line"], after["fault_lines"]),
                      "study_control_n": study_before and c != "error",
                      "study_control_kept": study_before and c != "error" and near(control["line"], control["fault_lines"])})
    return found


def mean_of(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def pair_statistics(group: list[dict[str, Any]]) -> dict[str, Any]:
    eligible = [p for p in group if p["eligible"]]
    paired = [p for p in group if p["paired"]]
    flip = rate((p["program"], p["flipped"]) for p in eligible)
    control = rate((p["program"], p["control_flipped"]) for p in paired)
    net, low, high, clusters = mean_difference((p["program"], int(p["flipped"]) - int(p["control_flipped"]))
                                               for p in paired)
    only_variant = sum(p["flipped"] and not p["control_flipped"] for p in paired)
    only_control = sum(p["control_flipped"] and not p["flipped"] for p in paired)
    scored_before = [p for p in group if p["b"] != "error"]
    scored_after = [p for p in group if p["a"] != "error"]
    return {
        "n": len(eligible), "flips": sum(p["flipped"] for p in eligible), "flip_rate": flip[0],
        "flip_rate_low": flip[1], "flip_rate_high": flip[2], "pairs": len(paired),
        "control_flips": sum(p["control_flipped"] for p in paired), "control_flip_rate": control[0],
        "control_flip_rate_low": control[1], "control_flip_rate_high": control[2], "net_effect": net, "ci_low": low,
        "ci_high": high, "clusters": clusters, "variant_only": only_variant, "control_only": only_control,
        "p_value": (binomtest(only_variant, only_variant + only_control).pvalue if only_variant + only_control else 1.0)
        if paired else None,
        "accuracy_before": mean_of([p["b"] == "correct" for p in scored_before]),
        "accuracy_after": mean_of([p["a"] == "correct" for p in scored_after]),
        "errors": sum(p["a"] == "error" for p in group),
        "expected_accuracy_before": mean_of([p["before"]["expected"] for p in scored_before
                                             if p["before"]["expected"] is not None]),
        "expected_accuracy_after": mean_of([p["expected"] for p in scored_after if p["expected"] is not None]),
        "expected_flip_rate": mean_of([1 - p["expected"] for p in eligible if p["expected"] is not None]),
        "expected_control_flip_rate": mean_of([1 - p["control"]["expected"] for p in paired
                                               if p["control"]["expected"] is not None]),
        "expected_net_effect": mean_of([p["control"]["expected"] - p["expected"] for p in paired
                                        if p["expected"] is not None and p["control"]["expected"] is not None]),
    }


def grouped(items: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], tuple]) -> dict[tuple, list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def quartile(position: float) -> str:
    return QUARTILES[min(3, int(position // 25))]


def distance_bin(distance: float | None) -> str:
    return next(label for low, high, label in BINS if distance is not None and low <= distance <= high)


# -- each table, recomputed ------------------------------------------------------------------------------------


def accuracy_rows(tasks):
    before = [t for t in tasks if t["role"] == "before"]
    rows = {}
    for by_language, by_fault in ((True, True), (True, False), (False, False)):
        def level(t, by_language=by_language, by_fault=by_fault):
            return t["localizer"], t["language"] if by_language else "all", t["fault"] if by_fault else "all"

        for key, group in grouped(before, level).items():
            scored = [t for t in group if t["status"] != "error"]
            row = {"n": len(scored), "errors": len(group) - len(scored),
                   "clusters": len({t["program"] for t in scored})}
            measures = {"accuracy": lambda t: t["status"] == "correct", "exact": lambda t: t["exact"],
                        "within_tolerance": lambda t: t["within_tolerance"], "top_k": lambda t: t["top_k"],
                        "function_level": lambda t: t["status"] == "correct" or (
                            t["line"] is not None and any(a <= t["line"] <= b for a, b in t["functions"]))}
            for name, measure in measures.items():
                value, low, high = rate((t["program"], measure(t)) for t in scored)
                row |= {name: value, f"{name}_low": low, f"{name}_high": high}
            row["expected_accuracy"] = mean_of([t["expected"] for t in scored if t["expected"] is not None])
            rows[key] = row
    return rows


def flips_rows(pairs):
    rows = {key: pair_statistics(group) for key, group in
            grouped(pairs, lambda p: (p["localizer"], p["condition"], p["spm"], p["strength"], p["placement"])).items()}
    keys = list(rows)
    for key, adjusted in zip(keys, holm([rows[key]["p_value"] for key in keys])):
        rows[key]["p_holm"] = adjusted
    return rows


def strength_rows(pairs):
    rows = {}
    for key, group in grouped(pairs, lambda p: (p["localizer"], p["language"], p["spm"], p["placement"],
                                                p["strength"])).items():
        scored = [p for p in group if p["a"] != "error"]
        accuracy = rate((p["program"], p["a"] == "correct") for p in scored)
        eligible = [p for p in group if p["eligible"]]
        flip = rate((p["program"], p["flipped"]) for p in eligible)
        rows[key] = {"n_after": len(scored), "accuracy_after": accuracy[0], "accuracy_after_low": accuracy[1],
                     "accuracy_after_high": accuracy[2], "n": len(eligible), "flip_rate": flip[0],
                     "flip_rate_low": flip[1], "flip_rate_high": flip[2],
                     "clusters": len({p["program"] for p in scored})}
    return rows


def slope(xs: list[float], ys: list[float]) -> float:
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def slope_estimate(group, success, trial):
    strengths = sorted({p["strength"] for p in group})
    programs = sorted({p["program"] for p in group})
    table = {(k, c): [0, 0] for k in strengths for c in programs}
    for p in group:
        if trial(p):
            table[(p["strength"], p["program"])][0] += success(p)
            table[(p["strength"], p["program"])][1] += 1

    def rates(chosen):
        found = []
        for k in strengths:
            count = sum(table[(k, c)][1] for c in chosen)
            found.append(sum(table[(k, c)][0] for c in chosen) / count if count else math.nan)
        return found

    if any(math.isnan(value) for value in rates(programs)):
        return None, None, None
    value = slope(strengths, rates(programs))
    if len(programs) < 2:
        return value, None, None
    samples = [slope(strengths, rates([programs[i] for i in row])) for row in draws(len(programs))]
    return (value, *expanded_quantiles(samples, len(programs)))


def slope_rows(pairs):
    rows = {}
    for key, group in grouped(pairs, lambda p: (p["localizer"], p["language"], p["spm"], p["placement"])).items():
        strengths = sorted({p["strength"] for p in group})
        if len(strengths) < 2:
            continue
        accuracy = slope_estimate(group, lambda p: p["a"] == "correct", lambda p: p["a"] != "error")
        flip = slope_estimate(group, lambda p: p["flipped"], lambda p: p["eligible"])
        rows[key] = {"strengths": ",".join(map(str, strengths)), "accuracy_slope": accuracy[0],
                     "accuracy_slope_low": accuracy[1], "accuracy_slope_high": accuracy[2], "flip_slope": flip[0],
                     "flip_slope_low": flip[1], "flip_slope_high": flip[2],
                     "clusters": len({p["program"] for p in group})}
    return rows


def position_rows(tasks, pairs):
    before = grouped((t for t in tasks if t["role"] == "before"),
                     lambda t: (t["localizer"], t["language"], quartile(t["position"])))
    after = grouped(pairs, lambda p: (p["localizer"], p["language"], quartile(p["position"])))
    rows = {}
    for key in set(before) | set(after):
        scored = [t for t in before.get(key, []) if t["status"] != "error"]
        accuracy = rate((t["program"], t["status"] == "correct") for t in scored)
        row = {"n_before": len(scored)}
        if key in before:
            row |= {"accuracy": accuracy[0], "accuracy_low": accuracy[1], "accuracy_high": accuracy[2],
                    "clusters_before": len({t["program"] for t in scored})}
        else:
            row |= {"accuracy": None, "accuracy_low": None, "accuracy_high": None, "clusters_before": None}
        flips = pair_statistics(after[key]) if key in after else {"n": 0}
        row |= {name: flips.get(name) for name in ("n", "flip_rate", "flip_rate_low", "flip_rate_high", "net_effect",
                                                   "ci_low", "ci_high", "clusters")}
        rows[key] = row
    return rows


def distance_rows(pairs):
    names = ("n", "flips", "flip_rate", "flip_rate_low", "flip_rate_high", "control_flip_rate", "net_effect",
             "ci_low", "ci_high", "clusters")
    return {key: {name: pair_statistics(group)[name] for name in names} for key, group in
            grouped(pairs, lambda p: (p["localizer"], p["spm"], distance_bin(p["distance"]))).items()}


def fault_rows(pairs):
    names = ("n", "flips", "flip_rate", "flip_rate_low", "flip_rate_high", "pairs", "control_flips",
             "control_flip_rate", "control_flip_rate_low", "control_flip_rate_high", "net_effect", "ci_low",
             "ci_high", "clusters", "variant_only", "control_only", "p_value")
    return {key: {name: pair_statistics(group)[name] for name in names} for key, group in
            grouped(pairs, lambda p: (p["localizer"], p["fault"])).items()}


def groups_rows(tasks, pairs):
    families = grouped(GROUPS.items(), lambda item: (item[1]["family"],))
    rows = {}
    for (family,), members in families.items():
        names = {name for name, _ in members}
        scored = [t for t in tasks if t["role"] == "before" and t["localizer"] in names and t["status"] != "error"]
        accuracy = rate((t["program"], t["status"] == "correct") for t in scored)
        flips = pair_statistics([p for p in pairs if p["localizer"] in names])
        rows[("family", family)] = {"localizers": ", ".join(sorted(names)), "n_before": len(scored),
                                    "accuracy": accuracy[0], "accuracy_low": accuracy[1],
                                    "accuracy_high": accuracy[2],
                                    **{name: flips[name] for name in ("n", "flip_rate", "flip_rate_low",
                                                                      "flip_rate_high", "control_flip_rate",
                                                                      "net_effect", "ci_low", "ci_high", "clusters")}}
    return rows


def versions_rows(tasks, pairs):
    newer, older = "baseline/random", "baseline/ochiai"
    stage_one = {}
    for t in tasks:
        if t["role"] == "before" and t["status"] != "error":
            stage_one[(t["localizer"], t["faulty"], t["draw"])] = t
    matched = [(stage_one[(newer, f, d)], stage_one[(older, f, d)]) for (name, f, d) in stage_one
               if name == newer and (older, f, d) in stage_one]
    first, second = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for a, b in matched:
        first[a["program"]][0] += a["status"] == "correct"
        first[a["program"]][1] += 1
        second[a["program"]][0] += b["status"] == "correct"
        second[a["program"]][1] += 1
    value, low, high, clusters = two_means({k: tuple(v) for k, v in first.items()},
                                           {k: tuple(v) for k, v in second.items()})
    accuracy = {"matched": len(matched), "value": sum(a["status"] == "correct" for a, _ in matched) / len(matched),
                "value_base": sum(b["status"] == "correct" for _, b in matched) / len(matched), "difference": value,
                "ci_low": low, "ci_high": high, "clusters": clusters}
    variants = {(p["localizer"], p["faulty"], p["condition"], p["draw"]): p for p in pairs}
    both = [(variants[(newer, f, c, d)], variants[(older, f, c, d)]) for (name, f, c, d) in variants
            if name == newer and (older, f, c, d) in variants]
    first, second = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for a, b in both:
        for table, p in ((first, a), (second, b)):
            if p["paired"]:
                table[p["program"]][0] += int(p["flipped"]) - int(p["control_flipped"])
                table[p["program"]][1] += 1
    value, low, high, clusters = two_means({k: tuple(v) for k, v in first.items()},
                                           {k: tuple(v) for k, v in second.items()})
    net = {"matched": len(both), "value": sum(v[0] for v in first.values()) / sum(v[1] for v in first.values()),
           "value_base": sum(v[0] for v in second.values()) / sum(v[1] for v in second.values()),
           "difference": value, "ci_low": low, "ci_high": high, "clusters": clusters}
    return {(newer, older, "accuracy"): accuracy, (newer, older, "net_effect"): net}


def counts_rows(tasks, requests):
    owner = {t["id"]: t["localizer"] for t in tasks}
    rows = {}
    for (localizer,), group in grouped(tasks, lambda t: (t["localizer"],)).items():
        mine = [r for r in requests if owner.get(r["task_id"]) == localizer]
        price = PRICES.get(localizer)
        tokens_in, tokens_out = sum(t["input_tokens"] for t in group), sum(t["output_tokens"] for t in group)
        rows[(localizer,)] = {
            "tasks": len(group), "stage_one": sum(t["role"] == "before" for t in group),
            "variants": sum(t["role"] == "variant" for t in group), "controls": sum(t["role"] == "control" for t in group),
            "localized": sum(t["status"] == "correct" for t in group), "wrong": sum(t["status"] == "wrong" for t in group),
            "errors": sum(t["status"] == "error" for t in group),
            "calls": sum(r["outcome"] in ("ok", "transient", "permanent") for r in mine),
            "retries": sum(r["outcome"] == "transient" for r in mine), "cached": sum(r["outcome"] == "cached" for r in mine),
            "input_tokens": tokens_in, "output_tokens": tokens_out,
            "cost": None if price is None else (tokens_in * price.input + tokens_out * price.output) / 1e6}
    return rows


def study_rows(pairs):
    rows = {}
    for key, group in grouped(pairs, lambda p: (p["localizer"], p["condition"])).items():
        counted = [p for p in group if p["study_n"]]
        again = [p for p in group if p["study_control_n"]]
        drop = rate((p["program"], not p["study_kept"]) for p in counted)
        flips = pair_statistics(group)
        rows[key] = {"study_n": len(counted),
                     "study_accuracy_after": mean_of([p["study_kept"] for p in counted]),
                     "study_drop": drop[0], "study_drop_low": drop[1], "study_drop_high": drop[2],
                     "control_study_drop": mean_of([not p["study_control_kept"] for p in again]),
                     **{name: flips[name] for name in ("n", "flip_rate", "control_flip_rate", "net_effect", "ci_low",
                                                       "ci_high", "clusters")}}
    return rows


KEYS = {"accuracy": ("localizer", "language", "fault"),
        "flips": ("localizer", "condition", "spm", "strength", "placement"),
        "strength": ("localizer", "language", "spm", "placement", "strength"),
        "strength_slopes": ("localizer", "language", "spm", "placement"),
        "position": ("localizer", "language", "quartile"), "distance": ("localizer", "spm", "distance"),
        "groups": ("attribute", "group"), "versions": ("localizer", "version_of", "measure"),
        "fault": ("localizer", "fault"), "counts": ("localizer",), "study_view": ("localizer", "condition")}


def recomputed(tasks, requests) -> dict[str, dict[tuple, dict[str, Any]]]:
    pairs = pairs_of(tasks)
    return {"accuracy": accuracy_rows(tasks), "flips": flips_rows(pairs), "strength": strength_rows(pairs),
            "strength_slopes": slope_rows(pairs), "position": position_rows(tasks, pairs),
            "distance": distance_rows(pairs), "groups": groups_rows(tasks, pairs),
            "versions": versions_rows(tasks, pairs), "fault": fault_rows(pairs),
            "counts": counts_rows(tasks, requests), "study_view": study_rows(pairs)}


def _same(reported_value: Any, expected: Any) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return reported_value is None
    if isinstance(expected, str):
        return reported_value == expected
    return reported_value is not None and math.isclose(reported_value, expected, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize("table", list(KEYS))
def test_every_number_of_the_json_report_equals_a_recomputation_from_the_export(table, reported, exported):
    tasks, requests = exported
    expected = recomputed(tasks, requests)[table]
    rows = {tuple(row[key] for key in KEYS[table]): row for row in reported[table]}
    assert set(rows) == set(expected), table
    assert expected, f"the test run gives {table} no rows to check"
    mismatches = [(key, name, rows[key][name], value) for key, row in expected.items() for name, value in row.items()
                  if not _same(rows[key][name], value)]
    assert not mismatches
    checked = {name for row in expected.values() for name in row} | set(KEYS[table])
    assert checked == set(reported[table][0]), "every column of the table is recomputed"


def test_the_test_run_has_flips_intervals_and_slopes_to_check(reported):
    chat = [row for row in reported["flips"] if row["localizer"] == CHAT]
    assert any(row["flips"] for row in chat) and all(row["ci_low"] is not None for row in chat)
    assert any(row["accuracy_slope"] is not None for row in reported["strength_slopes"])
    assert any(row["expected_net_effect"] is not None for row in reported["flips"])


@pytest.fixture(scope="module")
def run_with_errors(tmp_path_factory) -> Path:
    """A run whose chat model gives no line number to a quarter of its prompts (errors, counted apart), asked
    twice per task: the rules for errors and draws are recomputed too."""
    folder = tmp_path_factory.mktemp("errors") / "run"

    def script(user: str, seen: int) -> str | None:
        return "unparseable" if int(hashlib.sha256(user.encode()).hexdigest(), 16) % 4 == 0 else None

    with ServerThread(ScriptedModel(answer=fault_aware(folder), script=script)) as server:
        make_run(folder, server.base_url, certified_only=False, models=(CHAT, "baseline/random"), model_groups={},
                 limit=8, samples=2, languages=("python",), parse_retries=0, temperature=0.5)
    return folder


def test_a_run_with_errors_and_several_draws_reports_the_recomputed_numbers(run_with_errors, tmp_path):
    flipbench("export", str(run_with_errors), str(tmp_path / "tasks.csv"))
    flipbench("export", str(run_with_errors), str(tmp_path / "requests.csv"), "--table", "requests")
    with (tmp_path / "tasks.csv").open(encoding="utf-8") as tasks, (tmp_path / "requests.csv").open() as requests:
        rows, attempts = [_task(row) for row in csv.DictReader(tasks)], list(csv.DictReader(requests))
    reported = json.loads(flipbench("report", str(run_with_errors), "--format", "json", "--no-html").stdout)
    assert any(row["status"] == "error" for row in rows) and {row["draw"] for row in rows} == {0, 1}
    pairs = pairs_of(rows)
    expected = {"accuracy": accuracy_rows(rows), "flips": flips_rows(pairs), "strength": strength_rows(pairs),
                "position": position_rows(rows, pairs), "distance": distance_rows(pairs), "fault": fault_rows(pairs),
                "counts": counts_rows(rows, attempts), "study_view": study_rows(pairs)}
    for table, recomputed_rows in expected.items():
        shown = {tuple(row[key] for key in KEYS[table]): row for row in reported[table]}
        assert set(shown) == set(recomputed_rows), table
        assert not [(table, key, name) for key, row in recomputed_rows.items() for name, value in row.items()
                    if not _same(shown[key][name], value)]
