"""Exporting a run: every table to Parquet, CSV and JSONL, rows that stand alone, clear refusals."""

import csv
import json

import pyarrow.parquet as pq
import pytest

from flipbench.cli import main
from flipbench.runs.exporting import export
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run")
    with ServerThread(ScriptedModel()) as server:
        run_experiment(experiment(server.base_url, limit=2), folder, backoff=FAST)
    return folder


def test_parquet_tasks_carry_their_subject_seed_and_version(finished_run, tmp_path):
    count = export(finished_run, tmp_path / "tasks.parquet")
    rows = pq.read_table(tmp_path / "tasks.parquet").to_pylist()
    assert count == len(rows) == 2 * 2 + 2 * 2 * 2
    row = rows[0]
    assert row["seed"] == 0 and row["flipbench_version"] and row["program"].startswith("python/")
    assert isinstance(row["fault_lines"], list) and row["status"] in ("correct", "wrong")


def test_baseline_tasks_carry_their_expected_correctness_and_chat_tasks_none(finished_run, tmp_path):
    export(finished_run, tmp_path / "tasks.parquet")
    rows = pq.read_table(tmp_path / "tasks.parquet").to_pylist()
    chances = {row["localizer"]: row["expected_correct"] for row in rows}
    assert 0 < chances["baseline/random"] < 1 and chances["openai/scripted"] is None


def test_csv_and_jsonl_hold_the_same_rows(finished_run, tmp_path):
    export(finished_run, tmp_path / "tasks.csv")
    export(finished_run, tmp_path / "tasks.jsonl")
    with (tmp_path / "tasks.csv").open() as handle:
        from_csv = [row["id"] for row in csv.DictReader(handle)]
    from_jsonl = [json.loads(line)["id"] for line in (tmp_path / "tasks.jsonl").read_text().splitlines()]
    assert from_csv == from_jsonl and len(from_csv) == 12


@pytest.mark.parametrize("table", ["subjects", "requests", "responses"])
def test_every_table_exports(finished_run, tmp_path, table):
    assert export(finished_run, tmp_path / f"{table}.parquet", table=table) > 0


def test_responses_keep_the_raw_body_and_never_an_api_key(finished_run, tmp_path):
    export(finished_run, tmp_path / "responses.jsonl", table="responses")
    text = (tmp_path / "responses.jsonl").read_text()
    assert '"raw"' in text and "chat.completion" in text and "Bearer" not in text


def test_exporting_a_folder_that_is_not_a_run_exits_2(tmp_path, capsys):
    assert main(["export", str(tmp_path), str(tmp_path / "x.csv")]) == 2
    assert "not a flipbench run directory" in capsys.readouterr().err


def test_an_unknown_extension_exits_2_and_names_the_formats(finished_run, tmp_path, capsys):
    assert main(["export", str(finished_run), str(tmp_path / "x.xlsx")]) == 2
    assert "parquet|csv|jsonl" in capsys.readouterr().err


def test_run_with_an_unknown_provider_exits_2(tmp_path, capsys):
    assert main(["run", "--model", "nosuch/model", "--out", str(tmp_path)]) == 2
    assert "unknown provider" in capsys.readouterr().err


def test_run_with_a_missing_config_exits_2(tmp_path, capsys):
    assert main(["run", "--config", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: cannot read config" in capsys.readouterr().err
