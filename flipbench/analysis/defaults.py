"""The report's names and defaults, in a module that imports nothing heavy: the command line builds its
parser from them without loading numpy, pandas or scipy (``flipbench --help`` stays fast)."""

RESAMPLES = 2000
"""Default bootstrap resamples."""
MAX_TASKS = 200
"""Pairs the task browser embeds by default."""
TABLES = ("accuracy", "precision", "flips", "strength", "strength_slopes", "position", "distance", "groups", "versions",
          "fault", "counts", "existential", "study_view", "content", "content_rejections", "paper")
"""Every table of a report, in the order it shows them (``comparison`` is added when runs are compared)."""
