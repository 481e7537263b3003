"""flipbench's report: the analysis tables of one run or several, as text, Markdown, JSON, figures and one
self-contained HTML page with a task browser.

    from flipbench import load_run
    from flipbench.report import build_report, write_html

    write_html(build_report([load_run("runs/mine")]), Path("report.html"))
"""

from flipbench.report.build import Report, build_report, records
from flipbench.report.format import TABLES, render_markdown, render_text
from flipbench.report.html import render_html, write_figures, write_html

__all__ = ["TABLES", "Report", "build_report", "records", "render_html", "render_markdown", "render_text",
           "write_figures", "write_html"]
