"""The existential filter's effect: which faulty programs stage 2 takes with and without it.

The study kept a faulty program only if at least one of its ten models localized it (its "existential"
underspecification filter); flipbench's ``filter = "existential"`` does the same to stage 2. This table
counts, per localizer, the faulty programs stage 2 takes under the run's mode without the filter and with
it, so a reader sees what the filter removed whether or not the run applied it. Under ``mode = "correct"``
a localizer's own hits are localized by someone by definition, so the filter changes nothing there: it
matters with ``mode = "all"``, where it drops the programs no localizer found.
"""

from __future__ import annotations

import pandas as pd

from flipbench.analysis.frames import Run

EXISTENTIAL_COLUMNS = ("localizer", "filter", "mode", "faulty", "localized", "localized_by_any", "stage_two_without",
                       "stage_two_with", "filtered_out")


def existential(run: Run) -> pd.DataFrame:
    """Per localizer: faulty programs asked in stage 1, localized by it, localized by at least one localizer of
    the run, and those stage 2 takes without and with the filter (and the difference)."""
    before = run.tasks[run.tasks["role"].astype(str) == "before"]
    if before.empty:
        return pd.DataFrame(columns=list(EXISTENTIAL_COLUMNS))
    mode = str(run.settings.get("mode", "all"))
    applied = str(run.settings.get("filter", "none"))
    faulty_ids = set(before["faulty_id"].astype(str))
    hits = before[before["status"].astype(str) == "correct"]
    by_any = set(hits["faulty_id"].astype(str))
    rows = []
    for localizer, group in before.groupby(before["localizer"].astype(str), sort=True):
        mine = set(group["faulty_id"].astype(str))
        localized = set(hits.loc[hits["localizer"].astype(str) == localizer, "faulty_id"].astype(str))
        without = localized if mode == "correct" else mine
        with_filter = without & by_any
        rows.append({"localizer": localizer, "filter": applied, "mode": mode, "faulty": len(mine),
                     "localized": len(localized), "localized_by_any": len(mine & by_any),
                     "stage_two_without": len(without), "stage_two_with": len(with_filter),
                     "filtered_out": len(without - with_filter)})
    rows.append({"localizer": "any", "filter": applied, "mode": mode, "faulty": len(faulty_ids),
                 "localized": len(by_any), "localized_by_any": len(by_any),
                 "stage_two_without": sum(row["stage_two_without"] for row in rows),
                 "stage_two_with": sum(row["stage_two_with"] for row in rows),
                 "filtered_out": sum(row["filtered_out"] for row in rows)})
    return pd.DataFrame(rows, columns=list(EXISTENTIAL_COLUMNS))
