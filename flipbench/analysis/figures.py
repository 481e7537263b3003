"""The report's figures, drawn from its tables with matplotlib's object API (no pyplot state, no display):
each function takes a table and returns a :class:`~matplotlib.figure.Figure`, or None when the table has
nothing to draw. :func:`svg` renders one as text for the HTML; :func:`save` writes a PNG or SVG file.
SVG output is deterministic (fixed hash salt, no date), so the same run gives the same report bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from flipbench.analysis.tables import QUARTILES

matplotlib.rcParams.update({
    "svg.fonttype": "none",  # text stays text: a tenth of the size, and the page's font
    "svg.hashsalt": "flipbench",
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e5e7eb",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.edgecolor": "#9ca3af",
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "legend.frameon": False,
    "legend.fontsize": 8,
})
PALETTE = ("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#4b5563",
           "#9333ea")
CONTROL = "#6b7280"


def colors(localizers: Sequence[str]) -> dict[str, str]:
    """One colour per localizer, the same in every figure of a report."""
    return {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(sorted(set(localizers)))}


def _numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)


def _errors(frame: pd.DataFrame, value: str, low: str, high: str) -> tuple[np.ndarray, np.ndarray]:
    """Error-bar lengths below and above (zero where an interval is missing)."""
    values = _numbers(frame, value)
    below = np.nan_to_num(values - _numbers(frame, low), nan=0.0)
    above = np.nan_to_num(_numbers(frame, high) - values, nan=0.0)
    return np.maximum(below, 0.0), np.maximum(above, 0.0)  # a bound a rounding error past the value


def _percent_axis(axis, which: str = "x") -> None:
    formatter = matplotlib.ticker.PercentFormatter(1.0, decimals=0)
    (axis.xaxis if which == "x" else axis.yaxis).set_major_formatter(formatter)


def flip_rates(flips: pd.DataFrame) -> Figure | None:
    """Flip rate (with the control's) and net effect per SPM condition and localizer, with 95% intervals."""
    shown = flips[pd.to_numeric(flips["n"], errors="coerce").fillna(0) > 0]
    if shown.empty:
        return None
    conditions = sorted(shown["condition"].astype(str).unique())
    localizers = sorted(shown["localizer"].astype(str).unique())
    palette = colors(localizers)
    figure = Figure(figsize=(9.5, 1.3 + 0.17 * len(conditions) * max(2, len(localizers))), layout="constrained")
    rate_axis, net_axis = figure.subplots(1, 2, sharey=True)
    step = 0.8 / max(1, len(localizers))
    for index, localizer in enumerate(localizers):
        mine = shown[shown["localizer"] == localizer]
        rows = np.array([conditions.index(condition) for condition in mine["condition"].astype(str)], dtype=float)
        offset = rows - 0.4 + step * (index + 0.5)
        color = palette[localizer]
        rate_axis.errorbar(_numbers(mine, "flip_rate"), offset,
                           xerr=_errors(mine, "flip_rate", "flip_rate_low", "flip_rate_high"), fmt="o", ms=4,
                           color=color, ecolor=color, elinewidth=1.2, capsize=2, label=localizer)
        rate_axis.scatter(_numbers(mine, "control_flip_rate"), offset, marker="d", s=18, facecolors="white",
                          edgecolors=color, linewidths=1.0, zorder=3)
        net_axis.errorbar(_numbers(mine, "net_effect"), offset, xerr=_errors(mine, "net_effect", "ci_low", "ci_high"),
                          fmt="o", ms=4, color=color, ecolor=color, elinewidth=1.2, capsize=2)
    rate_axis.set_yticks(range(len(conditions)), conditions)
    rate_axis.invert_yaxis()
    rate_axis.set_xlim(-0.02, 1.02)
    _percent_axis(rate_axis)
    rate_axis.set_title("Flip rate (◇ control)")
    net_axis.axvline(0, color="#111827", linewidth=0.8)
    _percent_axis(net_axis)
    net_axis.set_title("Net effect (flip − control flip)")
    figure.legend(*rate_axis.get_legend_handles_labels(), loc="outside upper center", ncol=min(4, len(localizers)))
    for axis in (rate_axis, net_axis):
        axis.grid(axis="y", visible=False)
    return figure


def forest(flips: pd.DataFrame) -> Figure | None:
    """Every net effect of the run with its 95% interval, one line per localizer and condition."""
    shown = flips[pd.to_numeric(flips["net_effect"], errors="coerce").notna()]
    if shown.empty:
        return None
    shown = shown.sort_values(["localizer", "condition"])
    labels = [f"{localizer} · {condition}" for localizer, condition in zip(shown["localizer"], shown["condition"])]
    palette = colors(shown["localizer"].astype(str))
    figure = Figure(figsize=(8.5, 0.9 + 0.24 * len(shown)), layout="constrained")
    axis = figure.subplots()
    positions = np.arange(len(shown))
    low, high = _errors(shown, "net_effect", "ci_low", "ci_high")
    for position, (value, below, above, localizer) in enumerate(zip(_numbers(shown, "net_effect"), low, high,
                                                                     shown["localizer"].astype(str))):
        axis.errorbar([value], [position], xerr=[[below], [above]], fmt="s", ms=4, color=palette[localizer],
                      elinewidth=1.4, capsize=2)
    axis.axvline(0, color="#111827", linewidth=0.8)
    axis.set_yticks(positions, labels)
    axis.invert_yaxis()
    axis.grid(axis="y", visible=False)
    _percent_axis(axis)
    axis.set_xlabel("net effect of the SPM (percentage points), 95% cluster-bootstrap interval")
    axis.set_title("Net effects")
    return figure


def _panels(count: int, columns: int, width: float, height: float) -> tuple[Figure, list]:
    rows = -(-count // columns)
    figure = Figure(figsize=(width, height * rows), layout="constrained")
    axes = np.atleast_1d(figure.subplots(rows, columns, squeeze=False)).ravel().tolist()
    for axis in axes[count:]:
        axis.set_visible(False)
    return figure, axes[:count]


def strength(strength_table: pd.DataFrame) -> Figure | None:
    """Accuracy after the SPM against its strength, one panel per language and SPM, one line per localizer."""
    shown = strength_table[pd.to_numeric(strength_table["n_after"], errors="coerce").fillna(0) > 0]
    if shown.empty:
        return None
    shown = shown.assign(panel=[f"{language} · {spm}" + ("" if placement == "random" else f" @{placement}")
                                for language, spm, placement in zip(shown["language"], shown["spm"],
                                                                    shown["placement"])])
    panels = sorted(shown["panel"].unique())
    palette = colors(shown["localizer"].astype(str))
    columns = min(3, len(panels))
    figure, axes = _panels(len(panels), columns, 3.3 * columns, 2.5)
    for axis, panel in zip(axes, panels):
        mine = shown[shown["panel"] == panel]
        strengths = sorted(mine["strength"].astype(int).unique())
        spread = 0.04 * (max(strengths) - min(strengths) or 1)
        for index, (localizer, line) in enumerate(mine.groupby("localizer", sort=True, observed=True)):
            line = line.sort_values("strength")
            dodge = spread * (index - (len(palette) - 1) / 2)
            axis.errorbar(_numbers(line, "strength") + dodge, _numbers(line, "accuracy_after"),
                          yerr=_errors(line, "accuracy_after", "accuracy_after_low", "accuracy_after_high"),
                          marker="o", ms=3.5, capsize=2, color=palette[str(localizer)], label=str(localizer))
        axis.set_title(panel)
        axis.set_ylim(-0.02, 1.02)
        _percent_axis(axis, "y")
        axis.set_xlabel("SPM strength (applications)")
        axis.set_xticks(strengths)
    axes[0].set_ylabel("accuracy after the SPM")
    figure.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncol=min(4, len(palette)))
    return figure


def position(position_table: pd.DataFrame) -> Figure | None:
    """Stage-1 accuracy by fault-position quartile, one panel per language, one line per localizer."""
    shown = position_table[pd.to_numeric(position_table["n_before"], errors="coerce").fillna(0) > 0]
    shown = shown[shown["quartile"] != "unknown"]
    if shown.empty:
        return None
    languages = sorted(shown["language"].unique())
    palette = colors(shown["localizer"].astype(str))
    figure, axes = _panels(len(languages), len(languages), 4.2 * len(languages), 2.8)
    for axis, language in zip(axes, languages):
        mine = shown[shown["language"] == language]
        for index, (localizer, line) in enumerate(mine.groupby("localizer", sort=True, observed=True)):
            order = line.assign(x=[QUARTILES.index(q) for q in line["quartile"]]).sort_values("x")
            dodge = 0.06 * (index - (len(palette) - 1) / 2)
            axis.errorbar(order["x"].to_numpy(dtype=float) + dodge, _numbers(order, "accuracy"),
                          yerr=_errors(order, "accuracy", "accuracy_low", "accuracy_high"), marker="o", ms=3.5,
                          capsize=2, color=palette[str(localizer)], label=str(localizer))
        axis.set_xticks(range(len(QUARTILES)), [f"{q}%" for q in QUARTILES])
        axis.set_ylim(-0.02, 1.02)
        _percent_axis(axis, "y")
        axis.set_title(language)
        axis.set_xlabel("where the fault is in the file")
    axes[0].set_ylabel("accuracy (stage 1)")
    figure.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncol=min(4, len(palette)))
    return figure


FIGURES: Mapping[str, tuple[str, Callable[[pd.DataFrame], Figure | None], str]] = {
    "flip_rates": ("flips", flip_rates, "Flip rate and net effect per SPM condition"),
    "strength": ("strength", strength, "Accuracy after the SPM by strength"),
    "position": ("position", position, "Accuracy by fault position"),
    "forest": ("flips", forest, "Net effects"),
}
"""Figure name -> (the table it draws, how, its caption)."""


def figures(tables: Mapping[str, pd.DataFrame]) -> dict[str, Figure]:
    """Every figure the tables can give, by name."""
    drawn = {}
    for name, (table, draw, _) in FIGURES.items():
        if table in tables:
            figure = draw(tables[table])
            if figure is not None:
                drawn[name] = figure
    return drawn


def svg(figure: Figure) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog, no date)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def save(figure: Figure, path: Path) -> None:
    """Write the figure as PNG or SVG, chosen by the file's extension."""
    kind = path.suffix.lstrip(".").lower()
    metadata = {"Date": None, "Creator": None} if kind == "svg" else {"Software": None}
    figure.savefig(path, format=kind, dpi=150, metadata=metadata)
