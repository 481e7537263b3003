"""The study's protocol end to end against a real model server: ``flipbench run --preset study`` on seeds of
the study imported with ``flipbench corpus import``, asked of SmolLM2-135M on llama.cpp's OpenAI-compatible
server -- the model localizes, writes its own variants' content (checked in place, rejections counted), and
the report sets the run beside the paper.

The seeds: two of the study's Python seeds, one of which (13300) has an operator on its second line, which
the preset's seeded sample (seed 0, three faulty programs) includes; SmolLM2 answers "line 1", within the
study's two lines of it, so stage 2 -- and with it the model's content -- has a program to work on.
``--concurrency 1``: llama.cpp's server answers one request at a time, and requests queued behind a long
one would time out.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = ("13300", "11100")


def flipbench(*arguments: str, timeout: float = 3000) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flipbench", *arguments], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def study_run(llamacpp_server, study_data, tmp_path_factory) -> tuple[Path, dict, dict]:
    folder = tmp_path_factory.mktemp("study")
    seeds = folder / "python_dataset"
    seeds.mkdir()
    for seed in SEEDS:
        shutil.copy(study_data / "Datasets" / "python_dataset" / f"{seed}.json", seeds)
    imported = flipbench("corpus", "import", str(seeds), "--out", str(folder / "study.jsonl"))
    assert imported.returncode == 0, imported.stderr
    run = flipbench("run", "--preset", "study", "--corpus", str(folder / "study.jsonl"), "--model",
                    llamacpp_server.name, "--base-url", llamacpp_server.base_url, "--limit", "3", "--concurrency", "1",
                    "--out", str(folder / "run"), "--format", "json")
    assert run.returncode == 0, run.stderr[-3000:]
    report = flipbench("report", str(folder / "run"), "--format", "json", "--no-html")
    assert report.returncode == 0, report.stderr[-3000:]
    return folder / "run", json.loads(run.stdout), json.loads(report.stdout)


@pytest.mark.slow
def test_the_study_preset_runs_against_smollm2_and_the_model_writes_its_variants_content(study_run, llamacpp_server):
    folder, result, _ = study_run
    assert result["stages"]["stage 1"]["tasks"] == 3 and result["stages"]["stage 1"]["correct"] >= 1
    content = result["stages"]["content"]
    assert content["tasks"] >= 15 and content["calls"] >= content["tasks"]  # 3 kinds x the preset's 5 strengths
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        written = connection.execute("SELECT COUNT(*) FROM content WHERE status = 'written' AND localizer = ?",
                                     (llamacpp_server.name,)).fetchone()[0]
        owned = connection.execute("SELECT COUNT(*) FROM variant_owners WHERE localizer = ?",
                                   (llamacpp_server.name,)).fetchone()[0]
    assert written >= 1 and owned >= 1
    assert result["stages"]["stage 2"]["tasks"] >= owned


@pytest.mark.slow
def test_the_reports_content_counts_are_the_runs_rejections(study_run, llamacpp_server):
    folder, _, report = study_run
    [row] = [row for row in report["content"] if row["localizer"] == llamacpp_server.name]
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        stored = connection.execute("SELECT COUNT(*), SUM(fallback = 'builtin') FROM content_rejections").fetchone()
        requests = connection.execute("SELECT COUNT(*) FROM content").fetchone()[0]
    assert (row["requests"], row["rejected"], row["fallback_builtin"]) == (requests, stored[0], stored[1] or 0)
    assert sum(reason["rejected"] for reason in report["content_rejections"]) == stored[0]
    assert row["items"] >= row["written"]


@pytest.mark.slow
def test_the_report_of_the_study_preset_sets_the_run_beside_the_papers_numbers(study_run, llamacpp_server):
    _, _, report = study_run
    paper = report["paper"]
    figures = {row["figure"] for row in paper}
    assert {"Table II", "Fig. 9"} <= figures and ({"Fig. 6", "Fig. 8"} & figures)
    [cell] = [row for row in paper if row["figure"] == "Table II" and row["localizer"] == llamacpp_server.name
              and row["cell"].startswith("Python, OperatorSwap")]
    assert cell["paper_model"] == "the ten models" and cell["paper_value"] == pytest.approx(0.26363)
    assert cell["study_n"] >= 1 and 0 <= cell["study_value"] <= 1
    assert any(row["net_effect"] is not None for row in paper if row["figure"] in ("Fig. 6", "Fig. 8"))
