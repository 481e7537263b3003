"""``flipbench report`` as a user meets it: the formats, the HTML file, comparing runs, and bad input (a clear
one-line error and exit status 2, never a traceback); and what the run database keeps for it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import flipbench
from flipbench.analysis import tables
from flipbench.analysis.frames import SUBJECT_COLUMNS, TASK_COLUMNS
from flipbench.corpora.functions import fault_function_spans
from flipbench.runs.experiment import Experiment
from flipbench.runs.store import SCHEMA_VERSION, Store

from model_server import ScriptedModel, ServerThread
from reportkit import CHAT, fault_aware, make_run
from reportkit import flipbench as cli


def _copy(run: Path, tmp_path: Path, name: str = "copy") -> Path:
    copy = tmp_path / name
    shutil.copytree(run, copy, ignore=shutil.ignore_patterns("report.html"))
    return copy


def _set_meta(run: Path, key: str, value: str | None) -> None:
    with sqlite3.connect(run / "flipbench.sqlite") as connection:
        if value is None:
            connection.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _quick_run(folder: Path, answer, **changes) -> Path:
    """A run without a sandbox (uncertified faults, no spectrum baseline): a few seconds."""
    settings = dict(certified_only=False, models=(CHAT, "baseline/random"), model_groups={}, limit=4,
                    languages=("python",), strengths=(1,))
    with ServerThread(ScriptedModel(answer=answer)) as server:
        make_run(folder, server.base_url, **(settings | changes))
    return folder


def _wrong(user: str) -> str:
    return json.dumps({"lines": [1]})


# -- formats and files -------------------------------------------------------------------------------------------


def test_the_text_report_prints_every_table_with_intervals_and_program_counts(report_run):
    out = cli("report", str(report_run), "--no-html").stdout
    for title in ("Accuracy before any SPM", "Flips per SPM condition (RQ1)", "By fault position (RQ3)",
                  "The study's way beside flipbench's", "Tasks, tokens and cost (Fig. 7)"):
        assert title in out
    assert "net effect" in out and "programs" in out and " pp [" in out


def test_the_markdown_report_is_one_markdown_table_per_table(report_run):
    out = cli("report", str(report_run), "--format", "markdown", "--table", "flips", "--no-html").stdout
    assert "## Flips per SPM condition (RQ1)" in out
    assert "| localizer | condition | n |" in out and "| --- | --- | ---: |" in out


def test_each_row_of_the_json_flips_table_has_the_contracted_keys(report_run):
    data = json.loads(cli("report", str(report_run), "--format", "json", "--no-html").stdout)
    assert set(data) >= {"report", "overview", "notes", *tables.TABLES}
    contract = {"localizer", "condition", "n", "flip_rate", "control_flip_rate", "net_effect", "ci_low", "ci_high",
                "clusters", "p_value", "p_holm"}
    assert data["flips"] and all(contract <= set(row) for row in data["flips"])


def test_the_html_report_is_written_into_the_run_directory_by_default_and_names_its_size(report_run, tmp_path):
    run = _copy(report_run, tmp_path)
    completed = cli("report", str(run), "--table", "counts")
    assert (run / "report.html").is_file()
    assert f"report: {run / 'report.html'} (" in completed.stderr


def test_the_html_report_makes_no_request_and_holds_its_figures(report_run, tmp_path):
    cli("report", str(report_run), "--out", str(tmp_path / "r.html"), "--table", "counts")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in page and page.count("<svg") >= 3
    for external in ("<link", "<script src", "<img src=\"http", "url(http", "@import"):
        assert external not in page


def test_the_same_run_gives_the_same_report_bytes(report_run, tmp_path):
    cli("report", str(report_run), "--out", str(tmp_path / "a.html"), "--table", "counts")
    cli("report", str(report_run), "--out", str(tmp_path / "b.html"), "--table", "counts")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_the_task_browser_embeds_at_most_max_tasks_pairs_flips_first(report_run, tmp_path):
    cli("report", str(report_run), "--out", str(tmp_path / "r.html"), "--max-tasks", "5", "--table", "counts")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    data = json.loads(page.split('<script type="application/json" id="flipbench-data">')[1].split("</script>")[0])
    outcomes = [pair["outcome"] for pair in data["browser"]["pairs"]]
    assert len(outcomes) == 5 and outcomes[0] == "flip" and data["browser"]["total_pairs"] > 5


def test_figures_are_written_as_png_and_svg(report_run, tmp_path):
    cli("report", str(report_run), "--no-html", "--figures", str(tmp_path / "figures"), "--table", "counts")
    written = sorted(path.name for path in (tmp_path / "figures").iterdir())
    assert {"flip_rates.png", "flip_rates.svg", "forest.png", "position.svg", "strength.png"} <= set(written)
    assert (tmp_path / "figures" / "flip_rates.png").read_bytes()[:4] == b"\x89PNG"


def test_a_finished_run_ends_with_the_path_of_its_report(tmp_path):
    completed = cli("run", "--model", "baseline/random", "--include-uncertified", "--limit", "2", "--language",
                    "python", "--out", str(tmp_path / "run"))
    assert completed.stdout.rstrip().endswith(f"report: {tmp_path / 'run' / 'report.html'}")
    assert (tmp_path / "run" / "report.html").stat().st_size > 10_000


def test_the_runs_closing_table_shows_the_reports_clustered_intervals(tmp_path):
    folder = tmp_path / "run"
    with ServerThread(ScriptedModel(answer=fault_aware(folder))) as server:
        ran = json.loads(cli("run", "--model", CHAT, "--base-url", server.base_url, "--include-uncertified",
                             "--limit", "6", "--language", "python", "--format", "json", "--out", str(folder)).stdout)
    reported = json.loads(cli("report", str(folder), "--format", "json", "--no-html").stdout)
    intervals = {(row["localizer"], row["condition"]): (row["ci_low"], row["ci_high"]) for row in reported["flips"]}
    assert ran["report"] == str(folder / "report.html")
    assert {(row["localizer"], row["condition"]): (row["interval"] or {}).get("low") for row in ran["summary"]} == {
        key: low for key, (low, _) in intervals.items()}
    assert any(low is not None for low, _ in intervals.values())


# -- comparing runs -----------------------------------------------------------------------------------------------


def test_two_runs_are_shown_side_by_side_with_paired_differences(report_run, tmp_path):
    other = _quick_run(tmp_path / "other", _wrong)
    data = json.loads(cli("report", str(report_run), str(other), "--format", "json", "--no-html").stdout)
    assert {row["run"] for row in data["flips"]} == {report_run.name, other.name}
    chat = [row for row in data["comparison"] if row["localizer_a"] == CHAT and row["measure"] == "accuracy"]
    assert len(chat) == 1 and chat[0]["matched"] > 0
    assert chat[0]["difference"] == pytest.approx(chat[0]["value_a"] - chat[0]["value_b"])


def test_runs_of_different_seeds_or_versions_can_be_compared_and_the_report_says_so(report_run, tmp_path):
    first = _copy(report_run, tmp_path, "first")
    _set_meta(first, "flipbench_version", "0.0.9")
    second = _quick_run(tmp_path / "second", _wrong, seed=1)
    completed = cli("report", str(first), str(second), "--out", str(tmp_path / "both.html"), "--table", "counts")
    assert "different flipbench versions" in completed.stdout and "different seeds" in completed.stdout
    page = (tmp_path / "both.html").read_text(encoding="utf-8")
    assert "different seeds" in page and "Runs compared" in page


# -- bad input ----------------------------------------------------------------------------------------------------


def _refused(*arguments: str) -> str:
    completed = cli(*arguments, check=False)
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr and len(completed.stderr.strip().splitlines()) == 1
    return completed.stderr


def test_a_folder_that_is_not_a_run_is_refused_in_one_line(tmp_path):
    assert "not a flipbench run directory (no flipbench.sqlite)" in _refused("report", str(tmp_path))
    assert "no such directory" in _refused("report", str(tmp_path / "missing"))


def test_a_file_that_is_not_a_run_database_is_refused_in_one_line(tmp_path):
    (tmp_path / "flipbench.sqlite").write_text("not a database")
    assert "not a flipbench run database" in _refused("report", str(tmp_path))


def test_a_run_of_another_schema_version_is_refused_naming_both_versions(report_run, tmp_path):
    run = _copy(report_run, tmp_path)
    _set_meta(run, "schema_version", "2")
    assert f"run database version 2, this flipbench reads version {SCHEMA_VERSION}" in _refused("report", str(run))


def test_an_output_that_is_a_directory_is_refused_before_any_work(report_run, tmp_path):
    assert "is a directory" in _refused("report", str(report_run), "--out", str(tmp_path))


def test_a_run_still_in_progress_is_reported_as_far_as_it_got_and_the_page_says_so(report_run, tmp_path):
    run = _copy(report_run, tmp_path)
    _set_meta(run, "finished", None)
    completed = cli("report", str(run), "--table", "counts")
    assert "NOT FINISHED" in completed.stdout and "has not finished" in completed.stdout
    page = (run / "report.html").read_text(encoding="utf-8")
    assert 'id="unfinished"' in page and "has not finished" in page


def test_a_run_that_has_only_begun_is_reported_with_empty_tables(tmp_path):
    with Store(tmp_path / "run") as store:
        store.begin(Experiment())
    data = json.loads(cli("report", str(tmp_path / "run"), "--format", "json").stdout)
    assert data["overview"][0]["tasks"] == 0 and data["flips"] == [] and data["accuracy"] == []
    assert any("has not finished" in note for note in data["notes"])
    assert (tmp_path / "run" / "report.html").is_file()


def test_a_run_with_no_pair_correct_before_shows_n_0_and_dashes(tmp_path):
    run = _quick_run(tmp_path / "run", _wrong, models=(CHAT,))
    data = json.loads(cli("report", str(run), "--format", "json", "--no-html").stdout)
    assert data["flips"] and all(row["n"] == 0 and row["flip_rate"] is None and row["net_effect"] is None
                                 for row in data["flips"])
    assert any("No pair was correct before" in note for note in data["notes"])
    text = cli("report", str(run), "--table", "flips").stdout
    assert "—" in text
    assert "No pair was correct before" in (run / "report.html").read_text(encoding="utf-8")


# -- the notebook API and what the store keeps ----------------------------------------------------------------------


def test_a_notebook_goes_from_a_run_to_its_own_table_in_three_lines(report_run):
    run = flipbench.load_run(report_run)
    mine = tables.flips(run).query("n > 0")[["localizer", "condition", "net_effect", "ci_low", "ci_high"]]
    assert isinstance(run.tasks, pd.DataFrame) and set(TASK_COLUMNS) <= set(run.tasks.columns)
    assert set(SUBJECT_COLUMNS) <= set(run.subjects.columns) and len(mine) > 0


def test_the_store_keeps_each_prompt_exactly_as_the_model_received_it(tmp_path):
    received = []

    def answer(user: str) -> str:
        received.append(user)
        return _wrong(user)

    with ServerThread(ScriptedModel(answer=answer)) as server:
        make_run(tmp_path / "run", server.base_url, certified_only=False, models=(CHAT,), model_groups={}, limit=2,
                 languages=("python",), strengths=(1,))
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        stored = {row[0] for row in connection.execute("SELECT user FROM prompts")}
    assert stored == set(received)


def test_variants_keep_their_edits_with_distances_to_the_fault(report_run):
    subjects = flipbench.load_run(report_run).subjects
    variants = subjects[subjects["kind"] == "variant"]
    assert len(variants) and all(len(edits) >= 1 for edits in variants["edits"])
    for edits, nearest, lines in zip(variants["edits"], variants["edit_distance"], variants["fault_lines"]):
        assert nearest == min(abs(edit["fault_distance"]) for edit in edits)
        assert all(edit["line"] >= 1 for edit in edits) and lines


def test_the_function_holding_a_fault_is_the_innermost_def_or_method():
    python = "import os\n\n@cache\ndef outer():\n    def inner():\n        return 1\n    return inner\n"
    assert fault_function_spans("python", python, [6]) == ((5, 6),)
    assert fault_function_spans("python", python, [1]) == ()
    java = "class A {\n  int x = 1;\n  @Override\n  public int f() {\n    return 1;\n  }\n}\n"
    assert fault_function_spans("java", java, [5, 2]) == ((3, 6),)
