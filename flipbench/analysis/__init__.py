"""What a run's numbers say: flips against the null control, the report's tables and their
statistics, computed from data frames; it never runs programs or calls models."""

from flipbench.analysis.defaults import MAX_TASKS, RESAMPLES, TABLES
from flipbench.analysis.flips import Answer, ConditionSummary, Pair, summarize
from flipbench.analysis.frames import Run, Texts
from flipbench.analysis.statistics import LEVEL, Bootstrap
from flipbench.analysis.summary import browser_selection, comparison, notes, overview
from flipbench.analysis.tables import all_tables

__all__ = [
    "Answer", "Bootstrap", "ConditionSummary", "LEVEL", "MAX_TASKS", "Pair", "RESAMPLES", "Run", "TABLES",
    "Texts", "all_tables", "browser_selection", "comparison", "notes", "overview", "summarize",
]
