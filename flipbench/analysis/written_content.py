"""What the localizers wrote for their own variants (``content = "model"``): the report's ``content`` and
``content_rejections`` tables.

Per localizer: the requests put to it (three per faulty program and strength: comments, names, dead
code), those answered and those that ended in error, its HTTP calls, the items it wrote, the items its
variants' in-place checks rejected (once per variant: an item refused in two SPM conditions counts twice),
and what took their place -- built-in content, or nothing because the variant was dropped
(``content_fallback = "drop"``), or nothing because built-in content did not fit the site either.
"""

from __future__ import annotations

import re

import pandas as pd

from flipbench.analysis.frames import Run
from flipbench.analysis.tables import _frame

CONTENT_COLUMNS = ["localizer", "requests", "written", "errors", "calls", "cached", "items", "rejected",
                   "fallback_builtin", "dropped_variants", "skipped_sites", "input_tokens", "output_tokens"]
REJECTION_COLUMNS = ["localizer", "kind", "reason", "rejected", "fallback_builtin", "dropped", "skipped"]
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def content(run: Run) -> pd.DataFrame:
    """Per localizer that wrote content: requests, answers, calls, items, rejections and fallbacks."""
    requests, refused = run.content, run.content_rejections
    rows = []
    for localizer in sorted(set(requests["localizer"].astype(str))):
        mine = requests[requests["localizer"].astype(str) == localizer]
        rejected = refused[refused["localizer"].astype(str) == localizer]
        fallback = rejected["fallback"].astype(str)
        dropped = rejected.loc[fallback == "dropped", ["faulty_id", "strength", "condition"]].drop_duplicates()
        rows.append({"localizer": localizer, "requests": len(mine), "written": int((mine["status"] == "written").sum()),
                     "errors": int((mine["status"] == "error").sum()), "calls": _total(mine["calls"]),
                     "cached": _total(mine["cached"]), "items": _total(mine["items"]), "rejected": len(rejected),
                     "fallback_builtin": int((fallback == "builtin").sum()), "dropped_variants": len(dropped),
                     "skipped_sites": int((fallback == "none").sum()), "input_tokens": _total(mine["input_tokens"]),
                     "output_tokens": _total(mine["output_tokens"])})
    return _frame(rows, CONTENT_COLUMNS)


def content_rejections(run: Run) -> pd.DataFrame:
    """Rejected items per localizer, kind and reason (the item itself left out of the reason, so that like
    reasons count together), most frequent first, with what took their place."""
    refused = run.content_rejections
    if refused.empty:
        return _frame([], REJECTION_COLUMNS)
    frame = pd.DataFrame({"localizer": refused["localizer"].astype(str), "kind": refused["kind"].astype(str),
                          "reason": [reason_class(str(reason)) for reason in refused["reason"]],
                          "fallback": refused["fallback"].astype(str)})
    rows = []
    for (localizer, kind, reason), group in frame.groupby(["localizer", "kind", "reason"], sort=True):
        fallback = group["fallback"]
        rows.append({"localizer": localizer, "kind": kind, "reason": reason, "rejected": len(group),
                     "fallback_builtin": int((fallback == "builtin").sum()),
                     "dropped": int((fallback == "dropped").sum()), "skipped": int((fallback == "none").sum())})
    table = _frame(rows, REJECTION_COLUMNS)
    return table.sort_values(["localizer", "rejected", "kind", "reason"], ascending=[True, False, True, True],
                             kind="stable", ignore_index=True)


def reason_class(reason: str) -> str:
    """A rejection's reason without the names it quotes: ``'class' is reserved`` -> ``… is reserved``."""
    if reason == "has nothing for this site":
        return "none left for the site (fewer items than sites, or its request ended in error)"
    return _QUOTED.sub("…", reason)


def _total(column: pd.Series) -> int:
    return int(pd.to_numeric(column, errors="coerce").fillna(0).sum())
