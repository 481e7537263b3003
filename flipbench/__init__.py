"""flipbench: measures whether fault localization survives semantic-preserving code changes."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flipbench.analysis import Run

from flipbench.version import __version__

__all__ = ["__version__", "load_run"]


def load_run(folder: str | os.PathLike[str]) -> Run:
    """A run directory's tasks, subjects and requests as pandas DataFrames (:class:`flipbench.analysis.frames.Run`);
    every report table is a function over it in :mod:`flipbench.analysis.tables`. Imported on first use, so
    that ``import flipbench`` stays cheap for the command line."""
    from flipbench.runs import load_run as load

    return load(folder)
