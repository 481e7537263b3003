"""``--executor slurm`` against a real Slurm (slurmctld, slurmd, munge on 127.0.0.1, started here): one job
array per run, the same task table as one run, a cancelled array task resubmitted and every task done once,
a shard that raises reported while the others finish."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
import slurmkit
from test_shards import prepared, run_command, shard_tasks, task_table

from flipbench.cli import main

from model_server import ScriptedModel, ServerThread

pytestmark = pytest.mark.slow
SLURM = ("--executor", "slurm", "--slurm-time", "10", "--slurm-cpus", "1", "--slurm-mem", "500M")


@pytest.fixture(scope="module")
def slurm(tmp_path_factory):
    absent = slurmkit.missing()
    if absent:
        message = f"Slurm is not installed ({', '.join(absent)}; scripts/setup.sh --test installs it)"
        if os.environ.get("FLIPBENCH_REQUIRE_SLURM"):
            pytest.fail(message)
        pytest.skip(message)
    with slurmkit.LocalSlurm(tmp_path_factory.mktemp("slurm")) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def server():
    with ServerThread(ScriptedModel(latency=0.02)) as running:
        yield running


@pytest.fixture(scope="module")
def unsharded(server, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unsharded")
    assert main(run_command(server.base_url, folder)) == 0
    return folder


def statuses(folder: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["status", str(folder), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_four_shards_on_slurm_record_the_same_task_table_as_one_run(slurm, server, unsharded, tmp_path, capsys):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "4", *SLURM)) == 0
    assert task_table(folder, tmp_path) == task_table(unsharded, tmp_path)
    shown = statuses(folder, capsys)
    assert shown["counts"]["done"] == 4
    jobs = [shard["job"] for shard in shown["shards"]]
    assert all(shard["executor"] == "slurm" for shard in shown["shards"])
    assert len({job.split("_")[0] for job in jobs}) == 1, "one job array per run"
    assert sorted(int(job.split("_")[1]) for job in jobs) == [0, 1, 2, 3]


def test_a_cancelled_array_task_is_resubmitted_and_every_task_runs_exactly_once(slurm, tmp_path, capsys):
    with ServerThread(ScriptedModel(latency=0.25)) as slow:
        reference, folder, command = _submitted_slow_run(slow.base_url, tmp_path)
        victim = _running_with_tasks(folder, capsys)
        slurm.scancel(victim["job"])
        deadline = time.monotonic() + 60
        while any(job == victim["job"] for job, _ in slurm.squeue()) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert statuses(folder, capsys)["shards"][victim["shard"]]["state"] == "vanished"
        cancelled = shard_tasks(folder)[victim["shard"]]
        requests_before = slow.model.requests
        capsys.readouterr()
        assert main([*command, "--format", "json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["started"] == [victim["shard"]], "only the cancelled shard runs again"
        assert cancelled < shard_tasks(folder)[victim["shard"]]
        assert task_table(folder, tmp_path) == task_table(reference, tmp_path)
        with sqlite3.connect(folder / "flipbench.sqlite") as connection:
            ids = [row[0] for row in connection.execute("SELECT id FROM tasks")]
        assert len(ids) == len(set(ids)) == len(task_table(reference, tmp_path))
        assert slow.model.requests > requests_before


def _submitted_slow_run(base_url: str, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """An unsharded reference run, then the same experiment in 2 shards submitted to Slurm (--detach), slow
    enough (4 draws, 2 open requests per shard) to be caught running: (reference, run directory, command)."""
    reference = tmp_path / "unsharded"
    assert main(run_command(base_url, reference, "--concurrency", "4", "--samples", "4")) == 0
    folder = tmp_path / "sharded"
    command = run_command(base_url, folder, "--shards", "2", "--concurrency", "2", "--samples", "4", *SLURM)
    assert main([*command, "--detach"]) == 0
    return reference, folder, command


def _running_with_tasks(folder: Path, capsys, seconds: float = 180) -> dict:
    """A shard that is running on Slurm and has recorded a task, as status shows it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for shard in statuses(folder, capsys)["shards"]:
            if shard["state"] == "running" and (shard["tasks"] or 0) >= 2 and shard["state"] != "done":
                return shard
        time.sleep(0.2)
    raise AssertionError(f"no shard of {folder} was seen running")


def test_a_shard_that_raises_on_slurm_is_reported_and_the_others_finish(slurm, server, unsharded, tmp_path, capsys):
    folder = tmp_path / "sharded"
    prepared(server.base_url, folder, 3)
    broken = folder / "shards" / "0002" / "flipbench.sqlite"
    with sqlite3.connect(broken) as connection:
        key = connection.execute("SELECT value FROM meta WHERE key = 'experiment_key'").fetchone()[0]
        connection.execute("UPDATE meta SET value = 'another' WHERE key = 'experiment_key'")
    command = run_command(server.base_url, folder, "--shards", "3", *SLURM)
    capsys.readouterr()
    assert main([*command, "--format", "json"]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert [shard["state"] for shard in shown["shards"]] == ["done", "done", "failed"]
    assert "holds a different experiment" in shown["shards"][2]["traceback"]
    first_jobs = [shard["job"] for shard in shown["shards"]]
    with sqlite3.connect(broken) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'experiment_key'", (key,))
    assert main([*command, "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["started"] == [2]
    assert [shard["job"] for shard in again["shards"]][:2] == first_jobs[:2]
    assert task_table(folder, tmp_path) == task_table(unsharded, tmp_path)


def test_a_preempted_array_task_is_requeued_by_checkpointing_and_resumes_its_shard(slurm, tmp_path, capsys):
    """Slurm warns a job it preempts or that reaches its time limit with SIGUSR2 (submitit asks for it):
    the shard's job checkpoints, requeues itself under the same job id, and resumes from its database."""
    with ServerThread(ScriptedModel(latency=0.25)) as slow:
        reference, folder, command = _submitted_slow_run(slow.base_url, tmp_path)
        victim = _running_with_tasks(folder, capsys)
        before = shard_tasks(folder)[victim["shard"]]
        slurm.signal(victim["job"], "USR2")
        capsys.readouterr()
        assert main([*command, "--format", "json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["started"] == [], "a requeued shard is still its job's: nothing is resubmitted"
        assert shown["shards"][victim["shard"]]["job"] == victim["job"]
        assert before < shard_tasks(folder)[victim["shard"]]
        log = "\n".join(path.read_text(errors="replace") for path in (folder / "shards" / "slurm").rglob("*.err"))
        assert "this job is preempted" in log or "this job is timed-out" in log
        assert task_table(folder, tmp_path) == task_table(reference, tmp_path)
