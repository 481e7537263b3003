"""How each table is shown to a person: its title, what it answers, and its columns with their formats, the
same in the text, Markdown and HTML report (JSON has every column, unformatted).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

DASH = "—"
Kind = Literal["text", "int", "number", "percent", "points", "p", "slope", "money"]


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: Kind = "text"
    interval: tuple[str, str] | None = None
    """The columns of its 95% interval."""
    help: str = ""


@dataclass(frozen=True)
class Table:
    title: str
    question: str
    columns: tuple[Column, ...]


def _rate(header: str, key: str, help: str = "") -> Column:
    return Column(header, key, "percent", (f"{key}_low", f"{key}_high"), help)


LOCALIZER = Column("localizer", "localizer")
CLUSTERS = Column("programs", "clusters", "int", help="seed programs behind the interval (its unit of resampling)")
NET = Column("net effect", "net_effect", "points", ("ci_low", "ci_high"),
             "variant flip minus control flip, paired per faulty program and draw; 95% cluster-bootstrap interval")

TABLES: Mapping[str, Table] = {
    "accuracy": Table("Accuracy before any SPM", "How often does each localizer find the fault (the study's Table II)?", (
        LOCALIZER, Column("language", "language"), Column("fault", "fault"), Column("n", "n", "int"),
        _rate("accuracy", "accuracy", "under the run's rule (tolerance, top-k)"), _rate("exact", "exact"),
        _rate("within tol.", "within_tolerance"), _rate("top-k", "top_k"),
        _rate("function", "function_level", "the first predicted line lies in the function holding the fault"),
        Column("expected", "expected_accuracy", "percent", help="a baseline's average over its tie-breaks"),
        Column("errors", "errors", "int"), CLUSTERS)),
    "precision": Table("Findings, precision and recall", "How many lines does each localizer name, and how many are right?", (
        LOCALIZER, Column("view", "view", help="what it was shown: the file, or the change as a diff (its base, context)"),
        Column("n", "n", "int"), Column("findings / task", "findings_per_task", "number",
                                        help="distinct lines named per stage-1 task"),
        _rate("precision", "precision", "share of the lines named that are fault lines (pooled)"),
        _rate("recall@1", "recall_at_1", "a fault line is the first line named"),
        _rate("recall@5", "recall_at_5", "a fault line is among the first 5 lines named"),
        _rate("recall@10", "recall_at_10", "a fault line is among the first 10 lines named"), CLUSTERS)),
    "flips": Table("Flips per SPM condition (RQ1)",
                   "Of the answers correct before, how many does an SPM turn wrong, beyond re-asking alone?", (
        LOCALIZER, Column("condition", "condition"), Column("n", "n", "int", help="pairs correct before, answered after"),
        Column("flips", "flips", "int"), _rate("flip rate", "flip_rate"),
        _rate("control flip", "control_flip_rate", "the unchanged program asked again"), NET, CLUSTERS,
        Column("p", "p_value", "p", help="exact McNemar test on the variant-vs-control discordant pairs"),
        Column("p (Holm)", "p_holm", "p", help="Holm-adjusted across every row of this table"),
        Column("expected net", "expected_net_effect", "points", help="a baseline's average over its tie-breaks"),
        Column("errors", "errors", "int"))),
    "strength": Table("Accuracy and flips by SPM strength (RQ2)", "Do more applications of an SPM hurt more?", (
        LOCALIZER, Column("language", "language"), Column("spm", "spm"), Column("placement", "placement"),
        Column("strength", "strength", "int"), Column("n after", "n_after", "int"),
        _rate("accuracy after", "accuracy_after"), Column("n", "n", "int"), _rate("flip rate", "flip_rate"), CLUSTERS)),
    "strength_slopes": Table("Change per strength step (RQ2)",
                             "How much does each added application change accuracy and the flip rate?", (
        LOCALIZER, Column("language", "language"), Column("spm", "spm"), Column("placement", "placement"),
        Column("strengths", "strengths"),
        Column("accuracy / step", "accuracy_slope", "slope", ("accuracy_slope_low", "accuracy_slope_high")),
        Column("flip rate / step", "flip_slope", "slope", ("flip_slope_low", "flip_slope_high")), CLUSTERS)),
    "position": Table("By fault position (RQ3)", "Are faults late in a file harder to find, and easier to lose?", (
        LOCALIZER, Column("language", "language"), Column("quartile", "quartile"), Column("n before", "n_before", "int"),
        _rate("accuracy", "accuracy"), Column("n", "n", "int"), _rate("flip rate", "flip_rate"), NET, CLUSTERS)),
    "distance": Table("By distance between the SPM's edits and the fault (RQ3)",
                      "Does an edit near the fault flip more answers than one far away?", (
        LOCALIZER, Column("spm", "spm"), Column("distance", "distance", help="lines from the nearest edit to a fault line"),
        Column("n", "n", "int"), Column("flips", "flips", "int"), _rate("flip rate", "flip_rate"),
        Column("control flip", "control_flip_rate", "percent"), NET, CLUSTERS)),
    "groups": Table("Localizer groups (RQ4/RQ5)", "How do families of localizers declared in the experiment compare?", (
        Column("attribute", "attribute"), Column("group", "group"), Column("localizers", "localizers"),
        Column("n before", "n_before", "int"), _rate("accuracy", "accuracy"), Column("n", "n", "int"),
        _rate("flip rate", "flip_rate"), Column("control flip", "control_flip_rate", "percent"), NET, CLUSTERS)),
    "versions": Table("Versions (RQ5)", "Is a newer version better, on the tasks both versions answered?", (
        LOCALIZER, Column("version of", "version_of"), Column("measure", "measure"), Column("matched", "matched", "int"),
        Column("value", "value", "percent"), Column("base", "value_base", "percent"),
        Column("difference", "difference", "points", ("ci_low", "ci_high")), CLUSTERS)),
    "fault": Table("Flips by fault operator", "Which kinds of fault are lost most easily?", (
        LOCALIZER, Column("fault", "fault"), Column("n", "n", "int"), Column("flips", "flips", "int"),
        _rate("flip rate", "flip_rate"), Column("control flip", "control_flip_rate", "percent"), NET, CLUSTERS,
        Column("p", "p_value", "p"))),
    "counts": Table("Tasks, tokens and cost (Fig. 7)", "What did the run ask, and what did it cost?", (
        LOCALIZER, Column("tasks", "tasks", "int"), Column("stage 1", "stage_one", "int"),
        Column("variants", "variants", "int"), Column("controls", "controls", "int"),
        Column("localized", "localized", "int"), Column("errors", "errors", "int"), Column("calls", "calls", "int"),
        Column("retries", "retries", "int"), Column("cached", "cached", "int"),
        Column("input tokens", "input_tokens", "int"), Column("output tokens", "output_tokens", "int"),
        Column("cost", "cost", "money"))),
    "existential": Table("The existential filter", "Which faulty programs does stage 2 take without and with the "
                         "study's filter (kept only if some localizer of the run found them)?", (
        LOCALIZER, Column("filter", "filter", help="the run's setting: applied when 'existential'"),
        Column("mode", "mode"), Column("faulty", "faulty", "int", help="faulty programs asked in stage 1"),
        Column("localized", "localized", "int", help="by this localizer"),
        Column("by any", "localized_by_any", "int", help="localized by at least one localizer of the run"),
        Column("stage 2 without", "stage_two_without", "int", help="faulty programs stage 2 takes under the mode"),
        Column("stage 2 with", "stage_two_with", "int", help="... and with the existential filter"),
        Column("filtered out", "filtered_out", "int"))),
    "study_view": Table("The study's way beside flipbench's",
                        "How much of a reported 'drop' does the method itself make?", (
        LOCALIZER, Column("condition", "condition"), Column("study n", "study_n", "int"),
        _rate("study drop", "study_drop", "share of pairs within 2 lines before and not after; no control"),
        Column("control drop", "control_study_drop", "percent",
               help="what the study's method reports for the unchanged program asked again"),
        Column("n", "n", "int"), Column("flip rate", "flip_rate", "percent"),
        Column("control flip", "control_flip_rate", "percent"), NET, CLUSTERS)),
    "content": Table("Content written by the localizers", "What did each localizer write for its own variants, and "
                     "how much of it fit?", (
        LOCALIZER, Column("requests", "requests", "int", help="three per faulty program and strength: comments, names, "
                                                              "dead code"),
        Column("written", "written", "int"), Column("errors", "errors", "int"), Column("calls", "calls", "int"),
        Column("cached", "cached", "int"), Column("items", "items", "int", help="items written, all requests"),
        Column("rejected", "rejected", "int", help="items their site's in-place checks refused, once per variant"),
        Column("built-in instead", "fallback_builtin", "int", help="sites filled with built-in content instead"),
        Column("variants dropped", "dropped_variants", "int", help='content_fallback = "drop"'),
        Column("sites skipped", "skipped_sites", "int", help="built-in content did not fit either"),
        Column("input tokens", "input_tokens", "int"), Column("output tokens", "output_tokens", "int"))),
    "content_rejections": Table("Written content rejected, by reason", "Why did the localizers' items not fit?", (
        LOCALIZER, Column("kind", "kind"), Column("reason", "reason"), Column("rejected", "rejected", "int"),
        Column("built-in instead", "fallback_builtin", "int"), Column("dropped", "dropped", "int"),
        Column("skipped", "skipped", "int"))),
    "paper": Table("The paper's numbers beside this run's",
                   "Where this run covers a cell of Haroon et al. (ICST 2026), what does it measure?", (
        Column("figure", "figure"), Column("cell", "cell"), LOCALIZER, Column("paper model", "paper_model"),
        Column("provenance", "provenance",
               help="printed in the paper, read from its figure's drawing, or the mean of Table II's ten models"),
        Column("paper", "paper_value", "percent"), Column("study n", "study_n", "int"),
        Column("study's way", "study_value", "percent", ("study_low", "study_high"),
               "this run measured as the study did: a hit within 2 lines, no control; stage 2: accuracy after among "
               "pairs hit before"),
        _rate("accuracy", "accuracy", "stage 1 (Table II, Fig. 9): under the run's rule; no control applies"),
        Column("net of control", "net_effect", "points", ("ci_low", "ci_high"),
               "stage 2: variant flip minus control flip under the run's rule, paired: the part of the drop the SPM "
               "makes beyond asking again; 95% cluster-bootstrap interval"), CLUSTERS)),
    "comparison": Table("Runs compared", "Where the runs' tasks coincide, how do they differ (run A minus run B)?", (
        Column("run A", "run_a"), Column("run B", "run_b"), Column("localizer A", "localizer_a"),
        Column("localizer B", "localizer_b"), Column("measure", "measure"), Column("condition", "condition"),
        Column("matched", "matched", "int"), Column("A", "value_a", "percent"), Column("B", "value_b", "percent"),
        Column("A − B", "difference", "points", ("ci_low", "ci_high")), CLUSTERS)),
}
RUN = Column("run", "run")
FILTERS = ("run", "localizer", "language", "fault", "spm", "strength")
"""Columns the report's filters act on (a table without the column is not filtered by it)."""


def columns_of(name: str, table: pd.DataFrame) -> tuple[Column, ...]:
    shown = TABLES[name].columns
    return (RUN, *shown) if "run" in table.columns else shown


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def value_text(kind: Kind, value: Any) -> str:
    if _missing(value):
        return DASH
    if kind == "int":
        return f"{int(value):,}"
    if kind == "number":
        return f"{float(value):,.1f}"
    if kind == "percent":
        return f"{100 * float(value):.1f}%"
    if kind in ("points", "slope"):
        return f"{100 * float(value):+.1f}" + (" pp" if kind == "points" else " pp/step")
    if kind == "p":
        value = float(value)
        return "<0.001" if value < 0.001 else f"{value:.3f}"
    if kind == "money":
        return f"${float(value):,.2f}"
    return str(value) if str(value) else DASH


def interval_text(kind: Kind, low: Any, high: Any) -> str:
    """``[a, b]`` in the value's unit ('' when there is no interval)."""
    if _missing(low) or _missing(high):
        return ""
    if kind == "percent":
        return f"[{100 * float(low):.1f}, {100 * float(high):.1f}]"
    return f"[{100 * float(low):+.1f}, {100 * float(high):+.1f}]"


def cell_text(column: Column, row: Mapping[str, Any]) -> str:
    text = value_text(column.kind, row.get(column.key))
    if column.interval and text != DASH:
        interval = interval_text(column.kind, row.get(column.interval[0]), row.get(column.interval[1]))
        if interval:
            text += " " + interval
    return text


def text_table(name: str, table: pd.DataFrame, out: io.StringIO) -> None:
    spec = TABLES[name]
    out.write(f"{spec.title}\n{spec.question}\n\n")
    rows = table.to_dict(orient="records")
    if not rows:
        out.write("(no rows)\n\n")
        return
    columns = columns_of(name, table)
    cells = [[cell_text(column, row) for column in columns] for row in rows]
    widths = [max(len(column.header), *(len(row[index]) for row in cells)) for index, column in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(value.ljust(width) if column.kind == "text" else value.rjust(width)
                         for value, width, column in zip(values, widths, columns)).rstrip()

    out.write(line([column.header for column in columns]) + "\n")
    out.write(line(["-" * width for width in widths]) + "\n")
    for row in cells:
        out.write(line(row) + "\n")
    out.write("\n")


WHEN_ANY = frozenset({"paper", "content", "content_rejections"})
"""Tables shown only when they have rows (unless asked for by name): the ``paper`` table of a run with the study's
protocol, the content tables of a run whose localizers wrote their variants' content."""


def shown_tables(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The tables a report shows when none is asked for by name."""
    return [name for name in tables if not (name in WHEN_ANY and tables[name].empty)]


def render_text(tables: Mapping[str, pd.DataFrame], overviews: Sequence[Mapping[str, Any]], notes: Sequence[str],
                names: Sequence[str] | None = None) -> str:
    out = io.StringIO()
    for view in overviews:
        out.write(_overview_line(view) + "\n")
    for note in notes:
        out.write(f"note: {note}\n")
    out.write("\n")
    for name in names or shown_tables(tables):
        text_table(name, tables[name], out)
    return out.getvalue()


def _overview_line(view: Mapping[str, Any]) -> str:
    state = "finished" if view["finished"] else "NOT FINISHED"
    return (f"run {view['run']} ({state}; flipbench {view['flipbench_version']}, seed {view['seed']}): "
            f"{view['faulty_programs']} faulty programs from {view['programs']} programs, {view['variants']} variants, "
            f"{view['tasks']:,} tasks ({view['errors']} errors); localizers: {', '.join(view['localizers'])}")


def render_markdown(tables: Mapping[str, pd.DataFrame], overviews: Sequence[Mapping[str, Any]],
                    notes: Sequence[str], names: Sequence[str] | None = None) -> str:
    lines = ["# flipbench report", ""]
    lines += [f"- {_overview_line(view)}" for view in overviews]
    lines += [f"- **Note:** {note}" for note in notes]
    lines.append("")
    for name in names or shown_tables(tables):
        spec, table = TABLES[name], tables[name]
        lines += [f"## {spec.title}", "", f"*{spec.question}*", ""]
        rows = table.to_dict(orient="records")
        if not rows:
            lines += ["(no rows)", ""]
            continue
        columns = columns_of(name, table)
        lines.append("| " + " | ".join(column.header for column in columns) + " |")
        lines.append("| " + " | ".join("---:" if column.kind != "text" else "---" for column in columns) + " |")
        for row in rows:
            lines.append("| " + " | ".join(cell_text(column, row).replace("|", "\\|") for column in columns) + " |")
        lines.append("")
    return "\n".join(lines)
