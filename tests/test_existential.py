"""The existential filter (the study's): a faulty program enters stage 2 only if at least one localizer of
the run localized it in stage 1; the report counts what stage 2 takes with and without it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flipbench.analysis.existential import existential
from flipbench.runs import load_run
from flipbench.runs.planning import stage_two_eligibility
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment, oracle


def _faulty_ids(folder: Path, query: str) -> set[tuple[str, str]]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return set(connection.execute(query))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One scripted model that knows half the programs, beside the random baseline: run with mode all, with
    and without the filter."""
    folders = {}
    with ServerThread(ScriptedModel(answer=oracle)) as server:
        for applied in ("none", "existential"):
            folder = tmp_path_factory.mktemp(applied)
            run_experiment(experiment(server.base_url, mode="all", filter=applied, limit=8), folder, backoff=FAST)
            folders[applied] = folder
    return folders


def test_with_the_filter_stage_two_asks_every_localizer_only_about_programs_someone_localized(runs):
    folder = runs["existential"]
    localized = {faulty for _, faulty in _faulty_ids(
        folder, "SELECT localizer, faulty_id FROM tasks WHERE role = 'before' AND status = 'correct'")}
    everything = {faulty for _, faulty in _faulty_ids(folder, "SELECT localizer, faulty_id FROM tasks "
                                                              "WHERE role = 'before'")}
    asked_again = _faulty_ids(folder, "SELECT localizer, faulty_id FROM tasks WHERE role != 'before'")
    assert localized and localized < everything
    assert asked_again == {(localizer, faulty) for localizer in ("openai/scripted", "baseline/random")
                           for faulty in localized}


def test_without_the_filter_mode_all_asks_about_every_faulty_program(runs):
    folder = runs["none"]
    asked_again = {faulty for _, faulty in _faulty_ids(folder, "SELECT localizer, faulty_id FROM tasks "
                                                               "WHERE role != 'before'")}
    assert len(asked_again) == 8


def test_the_report_counts_what_stage_two_takes_with_and_without_the_filter(runs):
    for applied, folder in runs.items():
        table = existential(load_run(folder)).set_index("localizer")
        localized = {faulty for _, faulty in _faulty_ids(
            folder, "SELECT localizer, faulty_id FROM tasks WHERE role = 'before' AND status = 'correct'")}
        for localizer in ("openai/scripted", "baseline/random"):
            row = table.loc[localizer]
            assert (row["filter"], row["faulty"], row["stage_two_without"]) == (applied, 8, 8)
            assert row["stage_two_with"] == row["localized_by_any"] == len(localized)
            assert row["filtered_out"] == 8 - len(localized)
        assert table.loc["any", "stage_two_with"] == 2 * len(localized)
    asked = _faulty_ids(runs["existential"], "SELECT DISTINCT localizer, faulty_id FROM tasks WHERE role != 'before'")
    assert len(asked) == existential(load_run(runs["existential"])).set_index("localizer").loc["any", "stage_two_with"]


@pytest.mark.parametrize(("mode", "applied", "expected"), [
    ("all", "none", {("a", "1"), ("a", "2"), ("a", "3"), ("b", "1"), ("b", "2"), ("b", "3")}),
    ("all", "existential", {("a", "1"), ("a", "2"), ("b", "1"), ("b", "2")}),
    ("correct", "none", {("a", "1"), ("b", "2")}),
    ("correct", "existential", {("a", "1"), ("b", "2")}),
])
def test_eligibility_follows_mode_and_filter(mode, applied, expected):
    from flipbench.runs.experiment import Experiment

    eligible = stage_two_eligibility(Experiment(mode=mode, filter=applied), {("a", "1"), ("b", "2")})
    assert {(localizer, faulty) for localizer in "ab" for faulty in "123" if eligible(localizer, faulty)} == expected


def test_an_unknown_filter_is_refused_naming_the_setting():
    from flipbench.errors import InputError
    from flipbench.runs.experiment import Experiment

    with pytest.raises(InputError, match="filter must be 'none' or 'existential'"):
        Experiment(filter="some")
