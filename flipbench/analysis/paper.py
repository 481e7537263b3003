"""The reference study's published numbers beside a run's (the report's ``paper`` table).

Haroon et al., "Assessing the Impact of Code Changes on the Fault Localizability of Large Language
Models", ICST 2026 (arXiv 2504.04372). ``data/paper_numbers.json`` holds its published values as
shipped with flipbench: Table II, Figs. 5-11 and Table IV, each marked with where it comes from --
printed in the paper (``paper``), or read from the PDF's vector drawing (``vector``: "read from
figure" here, about +-0.05 points).

For every Table II cell, Fig. 6 bar, Fig. 8 strength point, Fig. 9 quartile and Figs. 10-11 group
that a run covers, a row holds the paper's value, the run's value measured the study's way (a hit
within 2 lines, no control; stage 2 among pairs hit before) and flipbench's value: for stage 2 the
net effect (the variant's flip rate minus the null control's, under the run's rule: the part of the
study's drop that the SPM makes, beyond asking again), with its cluster-bootstrap interval; for stage 1
(Table II, Fig. 9), where there is no control, the accuracy under the run's rule with its interval. A
localizer is matched to one of the paper's models by the ``paper`` name its experiment file gives it
(``[models."openai/gpt-4o"] paper = "GPT-4o"``, as the ``study`` preset lists them); a localizer
without one is set beside the mean of the paper's ten models where the paper gives one (Fig. 6,
Fig. 8), or Table II's mean (computed here, and marked so).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from flipbench.analysis.frames import Run
from flipbench.analysis.statistics import EMPTY, Bootstrap, Estimate
from flipbench.analysis.tables import PAIR_SUMS, _frame, _pair_row, _per_cluster, _rate, pair_outcomes, quartile

STUDY_PROTOCOL = {"prompt": "paper", "tolerance": 2, "mode": "correct"}
"""The settings a run shares with the study for its numbers to be set beside the paper's (the ``study``
preset's); any other run's ``paper`` table is empty."""
LANGUAGES = {"Python": "python", "Java": "java"}
FAULTS = {"IncorrectBooleanLogic": "boolean_logic", "BooleanLogic": "boolean_logic",
          "MisplacedReturn": "misplaced_return", "OffByOne": "off_by_one", "OperatorSwap": "operator_swap"}
FIG6_SPMS = {"MisleadingVariableNames": "misleading_names", "MisleadingComments": "misleading_comments",
             "VarNames+Comments": "misleading_names+misleading_comments", "DeadCode": "dead_code",
             "VarNames+Comments+DeadCode": "misleading_names+misleading_comments+dead_code"}
FIG8_SPMS = {"MV": "misleading_names", "MC": "misleading_comments", "DC": "dead_code",
             "MV+MC": "misleading_names+misleading_comments", "ALL": "misleading_names+misleading_comments+dead_code"}
STUDY_CONDITIONS = tuple(FIG6_SPMS.values())
"""The SPMs (and composites) of Figs. 6, 8, 10 and 11."""
FIGURE_NAMES = {"Qwen QwQ": "Qwen-QwQ", "Qwen 2.5 coder": "Qwen2.5-coder", "Claude 3.7": "Claude 3.7 Sonnet",
                "Claude 4.5": "Claude 4.5 Sonnet"}
"""The figures' names of models, as Table II prints them (the names the ``paper`` attribute uses)."""
PROVENANCE = {"paper": "printed", "vector": "read from figure", "mean": "mean of Table II"}
BASELINES = "baseline/"
"""Spectrum and random baselines are not set beside the paper's models (unless an experiment file names one)."""
MEAN = "the ten models"
PAPER_COLUMNS = ["figure", "cell", "localizer", "paper_model", "provenance", "paper_value", "study_n", "study_value",
                 "study_low", "study_high", "n", "accuracy", "accuracy_low", "accuracy_high", "net_effect", "ci_low",
                 "ci_high", "clusters"]


@lru_cache(maxsize=1)
def paper_numbers() -> dict[str, Any]:
    """The paper's published values as shipped (``flipbench/analysis/data/paper_numbers.json``)."""
    text = resources.files("flipbench.analysis").joinpath("data", "paper_numbers.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class PaperCell:
    """One published value: which figure, what it is about (None: any), the model, its provenance, the value
    as a share."""

    figure: str
    label: str
    model: str
    provenance: str
    value: float
    language: str | None = None
    fault: str | None = None
    spm: str | None = None
    strength: int | None = None
    quartile: str | None = None
    family: str | None = None


def paper_cells() -> list[PaperCell]:
    """Every Table II cell, Fig. 6 bar, Fig. 8 strength point, Fig. 9 quartile and Figs. 10-11 value."""
    return list(_cells(paper_numbers()))


def _cells(data: Mapping[str, Any]) -> Iterator[PaperCell]:
    table = data["table2_baseline_FL_accuracy_pct_paper"]
    models = table["models"]
    for language, faults in ((key, table[key]) for key in LANGUAGES):
        for fault, values in faults.items():
            where = f"{language}, {fault}"
            for model, value in zip(models, values):
                yield PaperCell("Table II", where, model, "paper", value / 100, LANGUAGES[language], FAULTS[fault])
            yield PaperCell("Table II", where, MEAN, "mean", sum(values) / len(values) / 100, LANGUAGES[language],
                            FAULTS[fault])
    fig6 = data["fig6_post_SPM_accuracy_pct_vector"]
    for model, values in fig6.items():
        if model in ("order", "paper_text"):
            continue
        name = MEAN if model == "all_model_mean" else FIGURE_NAMES.get(model, model)
        for spm, value in zip(fig6["order"], values):
            yield PaperCell("Fig. 6", spm, name, "vector", value / 100, spm=FIG6_SPMS[spm])
    fig8 = data["fig8_post_SPM_accuracy_by_strength_pct_vector"]
    for language, by_model in fig8.items():
        for model, by_spm in by_model.items():
            for spm, by_strength in by_spm.items():
                for strength, value in sorted(by_strength.items(), key=lambda item: int(item[0])):
                    yield PaperCell("Fig. 8", f"{language}, {spm} x{strength}", FIGURE_NAMES.get(model, model),
                                    "vector", value / 100, LANGUAGES[language], spm=FIG8_SPMS[spm],
                                    strength=int(strength))
    means = data["fig8_all_model_mean_by_strength"]
    for language in LANGUAGES:
        for strength, value in zip(means["strengths"], means[f"{language}_vector"]):
            yield PaperCell("Fig. 8", f"{language}, all SPMs x{strength}", MEAN, "vector", value / 100,
                            LANGUAGES[language], strength=strength)
    fig9 = data["fig9_detection_accuracy_by_fault_position_paper"]
    for fault, values in fig9.items():
        if fault == "windows":
            continue
        for window, value in zip(fig9["windows"], values):
            yield PaperCell("Fig. 9", f"{fault}, {window}", MEAN, "paper", value, fault=FAULTS[fault],
                            quartile=window.removesuffix("%"))
    for family, value in data["fig10_avg_accuracy_by_LLM_type_vector"].items():
        if family != "inferred_membership":
            yield PaperCell("Fig. 10", f"family {family}", MEAN, "vector", value / 100, family=family)
    for model, value in data["fig11_longitudinal_paper"].items():
        yield PaperCell("Fig. 11", model, model, "paper", value / 100)


def follows_study_protocol(settings: Mapping[str, Any]) -> bool:
    return all(settings.get(name) == value for name, value in STUDY_PROTOCOL.items())


def paper_table(run: Run, bootstrap: Bootstrap | None = None) -> pd.DataFrame:
    """The paper's values beside the run's (see the module's docstring); empty unless the run follows the
    study's protocol (:data:`STUDY_PROTOCOL`)."""
    if not follows_study_protocol(run.settings):
        return _frame([], PAPER_COLUMNS)
    bootstrap = bootstrap or Bootstrap(seed=run.seed)
    declared = run.settings.get("model_groups") or {}
    named = {localizer: str(attributes["paper"]) for localizer, attributes in declared.items()
             if attributes.get("paper")}
    families = {localizer: str(attributes["family"]) for localizer, attributes in declared.items()
                if attributes.get("family")}
    stage_one, stage_two = _StageOne(run), _StageTwo(run, families, bootstrap)
    localizers = sorted(name for name in set(run.tasks["localizer"].astype(str))
                        if name in named or not name.startswith(BASELINES))
    rows = []
    for cell in paper_cells():
        if cell.figure == "Fig. 10":
            members = sorted(name for name, family in families.items() if family == cell.family)
            measured = stage_two.value(("family", cell.family)) if members else None
            if measured is not None:
                rows.append(_row(cell, ", ".join(members), measured))
            continue
        for localizer in localizers:
            if not _compared(cell, named.get(localizer)):
                continue
            measured = (stage_one if cell.figure in ("Table II", "Fig. 9") else stage_two).value(
                _key(cell, localizer))
            if measured is not None:
                rows.append(_row(cell, localizer, measured))
    return _frame(rows, PAPER_COLUMNS)


def _compared(cell: PaperCell, paper_name: str | None) -> bool:
    """Whether a localizer (with the paper's name ``paper_name``, if it has one) is set beside ``cell``: its
    own model's values, or the ten models' mean (Fig. 9 has only that) when it has no paper model."""
    if cell.figure == "Fig. 9":
        return True
    return cell.model == paper_name if paper_name is not None else cell.model == MEAN


def _key(cell: PaperCell, localizer: str) -> tuple:
    if cell.figure == "Table II":
        return ("language_fault", localizer, cell.language, cell.fault)
    if cell.figure == "Fig. 9":
        return ("fault_quartile", localizer, cell.fault, cell.quartile)
    if cell.figure == "Fig. 6":
        return ("spm", localizer, cell.spm)
    if cell.figure == "Fig. 8":
        return ("language_spm_strength", localizer, cell.language, cell.spm, cell.strength)
    return ("localizer", localizer)


@dataclass(frozen=True)
class _Measured:
    study_n: int
    study: Estimate
    n: int
    clusters: int
    accuracy: Estimate = EMPTY
    """Stage 1: under the run's rule."""
    net: Estimate = EMPTY
    """Stage 2: the net effect."""


def _row(cell: PaperCell, localizer: str, measured: _Measured) -> dict[str, Any]:
    return {"figure": cell.figure, "cell": cell.label, "localizer": localizer, "paper_model": cell.model,
            "provenance": PROVENANCE[cell.provenance], "paper_value": cell.value, "study_n": measured.study_n,
            "study_value": measured.study.value, "study_low": measured.study.low, "study_high": measured.study.high,
            "n": measured.n, "accuracy": measured.accuracy.value, "accuracy_low": measured.accuracy.low,
            "accuracy_high": measured.accuracy.high, "net_effect": measured.net.value, "ci_low": measured.net.low,
            "ci_high": measured.net.high, "clusters": measured.clusters}


class _StageOne:
    """Stage-1 accuracy per cell: the study's hit rule and the run's, per seed program."""

    KEYS = {"language_fault": ("localizer", "language", "fault"), "fault_quartile": ("localizer", "fault", "quartile")}

    def __init__(self, run: Run) -> None:
        before = run.answers[run.answers["role"] == "before"]
        frame = pd.DataFrame({"localizer": before["localizer"].astype(str), "language": before["language"].astype(str),
                              "fault": before["fault"].astype(str), "quartile": quartile(before["position"]),
                              "program": before["program"].astype(str), "scored": before["scored"].astype(int),
                              "study": (before["scored"] & before["study_correct"]).astype(int),
                              "correct": (before["scored"] & before["correct"]).astype(int)})
        self.sums = {(kind, *key): sums for kind, keys in self.KEYS.items()
                     for key, sums in _per_cluster(frame, keys, ("scored", "study", "correct"))}

    def value(self, key: tuple) -> _Measured | None:
        sums = self.sums.get(key)
        if sums is None or not sums["scored"].sum():
            return None
        scored = int(sums["scored"].sum())
        return _Measured(scored, _rate(sums, "study", "scored"), scored, int((sums["scored"] > 0).sum()),
                         accuracy=_rate(sums, "correct", "scored"))


class _StageTwo:
    """Accuracy after the SPM per cell, among pairs hit before (the study's way) and net of the control."""

    def __init__(self, run: Run, families: Mapping[str, str], bootstrap: Bootstrap) -> None:
        outcomes = pair_outcomes(run)
        outcomes = outcomes[(outcomes["placement"].astype(str) == "random")
                            & outcomes["spm"].astype(str).isin(STUDY_CONDITIONS)]
        self.frames = {
            "spm": (outcomes, ("localizer", "spm")),
            "language_spm_strength": (outcomes, ("localizer", "language", "spm", "strength")),
            "language_strength": (outcomes, ("localizer", "language", "strength")),
            "localizer": (outcomes, ("localizer",)),
            "family": (outcomes.assign(family=outcomes["localizer"].astype(str).map(families)).dropna(
                subset=["family"]), ("family",)),
        }
        self.bootstrap = bootstrap
        self._sums: dict[str, dict[tuple, pd.DataFrame]] = {}

    def value(self, key: tuple) -> _Measured | None:
        kind, rest = key[0], key[1:]
        if kind == "language_spm_strength" and rest[2] is None:  # Fig. 8's mean over SPMs
            kind, rest = "language_strength", (rest[0], rest[1], rest[3])
        sums = self._grouped(kind).get(tuple(_plain(value) for value in rest))
        if sums is None or not sums["study_n"].sum():
            return None
        pair = _pair_row(sums, self.bootstrap)
        net = Estimate(pair["net_effect"], pair["ci_low"], pair["ci_high"], pair["clusters"])
        return _Measured(int(sums["study_n"].sum()), _rate(sums, "study_kept", "study_n"), pair["n"],
                         int(pair["clusters"] or 0), net=net)

    def _grouped(self, kind: str) -> dict[tuple, pd.DataFrame]:
        if kind not in self._sums:
            frame, keys = self.frames[kind]
            self._sums[kind] = {tuple(_plain(value) for value in key): sums
                                for key, sums in _per_cluster(frame, keys, PAIR_SUMS)}
        return self._sums[kind]


def _plain(value: Any) -> Any:
    """A group key's value as the cells name it (numpy integers as ints)."""
    return value.item() if hasattr(value, "item") else value
