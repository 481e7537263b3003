"""What a run's numbers say: flips against the null control, the report's tables and their
statistics, computed from data frames; it never runs programs or calls models."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "defaults": ("MAX_TASKS", "RESAMPLES", "TABLES"),
    "flips": ("Answer", "ConditionSummary", "Interval", "Pair", "summarize"),
    "frames": ("PAIR_KEY", "Run", "Texts"),
    "statistics": ("LEVEL", "Bootstrap"),
    "summary": ("browser_selection", "comparison", "notes", "overview"),
    "tables": ("all_tables",),
})
