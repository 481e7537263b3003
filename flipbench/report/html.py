"""The HTML report: one self-contained file (styles, script, figures and data inside; no request of any
kind, enforced by its Content-Security-Policy), made from a jinja2 template shipped with flipbench.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from flipbench import __version__
from flipbench.analysis import LEVEL, figures
from flipbench.report.build import Report, clean, records
from flipbench.report.format import DASH, FILTERS, TABLES, Column, columns_of, interval_text, shown_tables, value_text

SECTIONS = ("flips", "browser", "accuracy", "study_view", "paper", "strength", "strength_slopes", "position", "distance",
            "fault", "groups", "versions", "counts", "content", "content_rejections", "comparison")
"""The order of the page (``browser`` is the task browser)."""
FIGURES_OF = {"flips": ("flip_rates", "forest"), "strength": ("strength",), "position": ("position",)}


def _template(name: str) -> str:
    return (resources.files("flipbench.report") / "templates" / name).read_text(encoding="utf-8")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FunctionLoader(_template), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return environment


def _script_json(value: Any) -> str:
    """JSON safe inside ``<script>``: no ``</`` to end the element early, no HTML comment openers."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _cell(column: Column, row: Mapping[str, Any]) -> dict[str, Any]:
    value = clean(row.get(column.key))
    shown = value_text(column.kind, value)
    interval = ""
    if column.interval and shown != DASH:
        interval = interval_text(column.kind, clean(row.get(column.interval[0])), clean(row.get(column.interval[1])))
    numeric = column.kind != "text"
    return {"text": shown, "interval": interval, "numeric": numeric,
            "sort": ("" if value is None else value) if numeric else shown}


def _row(name: str, table: pd.DataFrame, row: Mapping[str, Any]) -> dict[str, Any]:
    filters = {key: str(clean(row[key])) for key in FILTERS if key in row and clean(row[key]) is not None}
    if "condition" in row and row.get("condition") not in (None, "", "control"):
        filters.setdefault("condition", str(row["condition"]))
    cells = [_cell(column, row) for column in columns_of(name, table)]
    opens = None
    if name == "flips" and int(clean(row.get("flips")) or 0) > 0:
        opens = {"localizer": str(row["localizer"]), "condition": str(row["condition"]),
                 "run": str(row.get("run", "")), "column": [column.key for column in columns_of(name, table)]
                 .index("flips")}
    return {"filters": filters, "cells": cells, "opens": opens}


def _table_view(name: str, table: pd.DataFrame) -> dict[str, Any]:
    spec = TABLES[name]
    rows = [_row(name, table, row) for row in table.to_dict(orient="records")]
    return {"name": name, "title": spec.title, "question": spec.question,
            "columns": [{"header": column.header, "help": column.help, "numeric": column.kind != "text"}
                        for column in columns_of(name, table)],
            "rows": rows}


def _filter_options(report: Report) -> dict[str, list[str]]:
    values: dict[str, set[str]] = {key: set() for key in FILTERS}
    for table in report.tables.values():
        for key in FILTERS:
            if key in table.columns:
                values[key].update(str(value) for value in table[key].dropna().unique() if str(value) not in ("", "all"))
    for pair in report.browser.pairs:
        for key in FILTERS:
            if pair.get(key) not in (None, ""):
                values[key].add(str(pair[key]))
    ordered = {key: sorted(found, key=lambda text: (len(text) if key == "strength" else 0, text))
               for key, found in values.items()}
    return {key: options for key, options in ordered.items() if len(options) > 1 or (key != "run" and options)}


def render_html(report: Report) -> str:
    """The whole page."""
    drawn = figures.figures(report.tables)
    figure_views = {name: {"svg": figures.svg(figure), "caption": figures.FIGURES[name][2]}
                    for name, figure in drawn.items()}
    for figure in drawn.values():
        figure.clear()
    shown = set(shown_tables(report.tables))
    sections = [name for name in SECTIONS if name == "browser" or name in shown]
    data = {"report": report.data()["report"], "overview": report.overviews, "notes": report.notes,
            "tables": {name: records(table) for name, table in report.tables.items()},
            "browser": {"pairs": report.browser.pairs, "total_pairs": report.browser.total_pairs,
                        "total_flips": report.browser.total_flips, "sources": report.browser.sources,
                        "prompts": report.browser.prompts, "responses": report.browser.responses}}
    page = _environment().get_template("report.html.j2").render(
        title=report.title, report=report, overviews=report.overviews, notes=report.notes,
        sections=sections, tables={name: _table_view(name, report.tables[name]) for name in sections
                                   if name != "browser"},
        figures=figure_views, figures_of=FIGURES_OF, filters=_filter_options(report), browser=report.browser,
        version=__version__, level=int(LEVEL * 100), resamples=report.bootstrap.resamples,
        bootstrap_seed=report.bootstrap.seed, css=_template("report.css"), script=_template("report.js"),
        data=_script_json(data))
    return page


def write_html(report: Report, path: Path) -> int:
    """Write the page to ``path``; returns its size in bytes."""
    text = render_html(report)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def write_figures(report: Report, folder: Path) -> list[Path]:
    """Each figure as PNG and SVG in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, figure in figures.figures(report.tables).items():
        for suffix in ("png", "svg"):
            path = folder / f"{name}.{suffix}"
            figures.save(figure, path)
            written.append(path)
        figure.clear()
    return written

