"""``flipbench report``: the analysis of one run, or several side by side, as text, Markdown or JSON, an
HTML page and figure files (thin: the work is in :mod:`flipbench.report`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flipbench.analysis import MAX_TASKS, RESAMPLES, TABLES
from flipbench.errors import InputError

if TYPE_CHECKING:
    from flipbench.analysis import Interval
    from flipbench.report import Report

REPORT_FILE = "report.html"


def add_report_command(verbs: argparse._SubParsersAction) -> None:
    report = verbs.add_parser(
        "report", help="tables, figures and an HTML report of one run or several",
        description="Analyse run directories: accuracy, flips net of the control with clustered 95% intervals, "
                    "strength, position, groups, counts and the study's way of measuring, printed as text, Markdown "
                    "or JSON; writes one self-contained HTML page with a task browser (default: RUN_DIR/report.html "
                    "for one run, ./report.html for several). Several runs are shown side by side and compared where "
                    "their tasks coincide.")
    report.add_argument("runs", nargs="+", type=Path, metavar="RUN_DIR")
    report.add_argument("--out", type=Path, default=None, metavar="FILE.html", help="where to write the HTML report")
    report.add_argument("--no-html", action="store_true", help="print the tables only")
    report.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="how the tables are printed (default: text)")
    report.add_argument("--table", action="append", choices=(*TABLES, "comparison"), default=None, metavar="NAME",
                        help=f"print only these tables (repeatable): {', '.join(TABLES)}, comparison")
    report.add_argument("--figures", type=Path, default=None, metavar="DIR", help="also write each figure as PNG and SVG")
    report.add_argument("--max-tasks", type=int, default=MAX_TASKS, metavar="N",
                        help=f"pairs the HTML task browser embeds, flips first (default: {MAX_TASKS})")
    report.add_argument("--resamples", type=int, default=RESAMPLES, metavar="B",
                        help=f"bootstrap resamples (default: {RESAMPLES})")
    report.add_argument("--seed", type=int, default=None, help="bootstrap seed (default: the first run's seed)")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    if args.max_tasks < 0:
        raise InputError(f"--max-tasks must be 0 or more, not {args.max_tasks}")
    if args.resamples < 100:
        raise InputError(f"--resamples must be at least 100 (an interval from fewer is noise), not {args.resamples}")
    out = None if args.no_html else (args.out or _default_out(args.runs))
    if out is not None:
        _check_writable(out)
    from flipbench.report import build_report, write_figures
    from flipbench.runs import load_run

    runs = [load_run(folder) for folder in args.runs]
    report = build_report(runs, resamples=args.resamples, seed=args.seed, max_tasks=args.max_tasks)
    names = [name for name in (args.table or report.tables) if name in report.tables]
    if args.table and "comparison" in args.table and "comparison" not in report.tables:
        raise InputError("--table comparison needs two run directories or more")
    if out is not None:
        _write(report, out)
    if args.figures is not None:
        try:
            written = write_figures(report, args.figures)
        except OSError as error:
            raise InputError(f"{args.figures}: cannot write the figures ({error.strerror})") from error
        print(f"wrote {len(written)} figure files to {args.figures}", file=sys.stderr)
    _print(report, args.format, names)
    return 0


def _default_out(runs: Sequence[Path]) -> Path:
    return runs[0] / REPORT_FILE if len(runs) == 1 else Path(REPORT_FILE)


def _check_writable(path: Path) -> None:
    """Refuse an output that cannot be written before the (slow) analysis runs."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; --out names the HTML file to write")
    if not path.parent.exists() and path.parent != Path(""):
        raise InputError(f"{path.parent}: no such directory for --out")


def _write(report: Report, path: Path) -> None:
    from flipbench.report import write_html

    try:
        size = write_html(report, path)
    except OSError as error:
        raise InputError(f"{path}: cannot write the report ({error.strerror})") from error
    print(f"report: {path} ({_size(size)})", file=sys.stderr)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e5 else f"{count / 1e3:.0f} kB"


def _print(report: Report, kind: str, names: Sequence[str]) -> None:
    from flipbench.report import render_markdown, render_text

    if kind == "json":
        data = report.data()
        selected = {key: value for key, value in data.items() if key in ("report", "overview", "notes") or key in names}
        sys.stdout.write(json.dumps(selected, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    elif kind == "markdown":
        sys.stdout.write(render_markdown(report.tables, report.overviews, report.notes, names))
    else:
        sys.stdout.write(render_text(report.tables, report.overviews, report.notes, names))


def write_run_report(folder: Path) -> tuple[Path, dict[tuple[str, str], Interval | None]]:
    """The report a finished ``flipbench run`` leaves in its run directory (the run prints its path last), and
    its net-effect intervals by (localizer, condition), which the run's closing table shows."""
    from flipbench.analysis import Interval
    from flipbench.report import build_report, records, write_html
    from flipbench.runs import load_run

    path = folder / REPORT_FILE
    report = build_report([load_run(folder)])
    try:
        write_html(report, path)
    except OSError as error:
        raise InputError(f"{path}: cannot write the report ({error.strerror}); the run itself is complete") from error
    intervals = {(row["localizer"], row["condition"]):
                 None if row["ci_low"] is None else Interval(row["ci_low"], row["ci_high"])
                 for row in records(report.tables["flips"])}
    return path, intervals
