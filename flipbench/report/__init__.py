"""flipbench's report: the analysis tables of one run or several, as text, Markdown, JSON, figures and one
self-contained HTML page with a task browser.

    from flipbench import load_run
    from flipbench.report import build_report, write_html

    write_html(build_report([load_run("runs/mine")]), Path("report.html"))"""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "build": ("Report", "build_report", "records"),
    "format": ("TABLES", "render_markdown", "render_text"),
    "html": ("render_html", "write_figures", "write_html"),
})
