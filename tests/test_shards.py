"""Runs split into shards, on this machine: the partition by faulty program, the same task table as one
run, merge (idempotent, automatic), status, a shard that raises, and a killed shard that resumes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipbench.cli import build_parser, main
from flipbench.cli.run import experiment_from
from flipbench.errors import InputError
from flipbench.model import Subject
from flipbench.runs.cluster.shards import (
    Layout,
    Mark,
    ShardState,
    counts,
    elsewhere,
    mark_of,
    merge,
    open_layout,
    partition,
    prepare,
    record,
    shard_experiment,
    shard_of,
)
from flipbench.runs.cluster.slurm import minutes as slurm_minutes
from flipbench.runs.experiment import Experiment, ProviderLimits
from flipbench.runs.exporting import export

from model_server import ScriptedModel, ServerThread

VOLATILE = {"seconds", "finished"}
"""Columns of the task table that say when and how long, not what."""


def run_command(base_url: str, out: Path, *extra: str) -> list[str]:
    """A small experiment: 8 Python faulty programs, one SPM, a chat model and a baseline (uncertified,
    so no sandbox is needed)."""
    return ["run", "--model", "openai/scripted", "--model", "baseline/random", "--base-url", base_url,
            "--language", "python", "--fault", "operator_swap", "--fault", "off_by_one", "--spm", "dead_code",
            "--limit", "8", "--include-uncertified", "--prompt", "numbered", "--concurrency", "4",
            "--out", str(out), *extra]


def task_table(folder: Path, tmp: Path, *, ignore: frozenset[str] = frozenset()) -> dict[str, dict]:
    """The exported task table by task id, without the columns that say when (nor those in ``ignore``)."""
    destination = tmp / f"{folder.name}-tasks.jsonl"
    export(folder, destination)
    rows = [json.loads(line) for line in destination.read_text().splitlines()]
    return {row["id"]: {key: value for key, value in row.items() if key not in VOLATILE | ignore} for row in rows}


def shard_tasks(folder: Path) -> dict[int, set[tuple[str, str]]]:
    """Per shard database: (task id, faulty id) of every task it holds."""
    found = {}
    for database in sorted((folder / "shards").glob("[0-9]*/flipbench.sqlite")):
        with sqlite3.connect(database) as connection:
            found[int(database.parent.name)] = set(connection.execute("SELECT id, faulty_id FROM tasks"))
    return found


@pytest.fixture(scope="module")
def server():
    with ServerThread(ScriptedModel()) as running:
        yield running


@pytest.fixture(scope="module")
def unsharded(server, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unsharded")
    assert main(run_command(server.base_url, folder)) == 0
    return folder


@given(st.text(min_size=1), st.integers(min_value=1, max_value=64))
def test_a_faulty_programs_shard_depends_only_on_its_id_and_the_count(faulty_id, count):
    index = shard_of(faulty_id, count)
    assert 0 <= index < count and index == shard_of(faulty_id, count)
    assert shard_of(faulty_id, 1) == 0


def test_the_shard_of_an_id_is_the_same_on_every_machine():
    """A stable hash (SHA-256), never Python's salted hash(): the numbers are fixed."""
    assert [shard_of(name, 16) for name in ("a", "b", "faulty:1234")] == [
        int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big") % 16
        for name in ("a", "b", "faulty:1234")]


@given(st.lists(st.text(min_size=1), unique=True, max_size=40), st.integers(min_value=1, max_value=9))
def test_partition_deals_each_faulty_program_to_exactly_one_shard(ids, count):
    subjects = [Subject(faulty_id, "faulty", faulty_id, "p", "python", "", "", "f", (1,)) for faulty_id in ids]
    shares = partition(subjects, count)
    assert len(shares) == count
    assert sorted(subject.id for share in shares for subject in share) == sorted(ids)
    assert all(shard_of(subject.id, count) == index for index, share in enumerate(shares) for subject in share)


def test_limits_are_divided_among_the_shards_that_run_at_once():
    experiment = Experiment(models=("openai/x", "baseline/random"),
                            limits={"openai": ProviderLimits(10, requests_per_minute=600, tokens_per_minute=9000)})
    divided = shard_experiment(experiment, 4).limits_for("openai")
    assert divided == ProviderLimits(2, requests_per_minute=150, tokens_per_minute=2250)
    assert shard_experiment(experiment, 64).limits_for("openai").concurrency == 1
    assert shard_experiment(experiment, 4).semantic_key == experiment.semantic_key


def test_a_sharded_run_records_the_same_task_table_as_one_run(server, unsharded, tmp_path):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 0
    assert task_table(folder, tmp_path) == task_table(unsharded, tmp_path)


def test_a_sharded_run_closes_with_the_same_tables_as_one_run(server, unsharded, tmp_path, capsys):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "3", "--format", "json")) == 0
    sharded = json.loads(capsys.readouterr().out)
    assert main(run_command(server.base_url, unsharded, "--format", "json")) == 0  # finished: no calls
    one = json.loads(capsys.readouterr().out)
    assert sharded["summary"] == one["summary"] and sharded["stage_one"] == one["stage_one"]
    assert one["summary"] and one["stage_one"]
    assert Path(sharded["report"]).is_file()


def test_every_task_of_a_faulty_program_lives_in_one_shard(server, tmp_path):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 0
    owners: dict[str, set[int]] = {}
    for index, tasks in shard_tasks(folder).items():
        for _, faulty_id in tasks:
            owners.setdefault(faulty_id, set()).add(index)
            assert shard_of(faulty_id, 3) == index
    assert len(owners) == 8 and all(len(shards) == 1 for shards in owners.values())


def test_merging_again_builds_the_same_database(server, tmp_path, capsys):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "2")) == 0
    first = _dump(folder)
    capsys.readouterr()
    assert main(["merge", str(folder), "--format", "json"]) == 0
    merged = json.loads(capsys.readouterr().out)["merged"]
    assert merged["runs"] == 3 and merged["tasks"] == len(task_table(folder, tmp_path))
    assert _dump(folder) == first


def _dump(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return list(connection.iterdump())


def test_status_counts_each_state_and_every_finished_task(server, tmp_path, capsys):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 0
    capsys.readouterr()
    assert main(["status", str(folder), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["counts"] == {"pending": 0, "running": 0, "done": 3, "failed": 0, "vanished": 0}
    assert sum(shard["tasks"] for shard in shown["shards"]) == len(task_table(folder, tmp_path))
    assert sum(shard["faulty"] for shard in shown["shards"]) == 8


def test_a_shard_that_raises_is_reported_with_its_traceback_and_the_others_finish(server, unsharded, tmp_path,
                                                                                   capsys):
    folder = tmp_path / "sharded"
    prepared(server.base_url, folder, 3)
    broken = folder / "shards" / "0001" / "flipbench.sqlite"
    with sqlite3.connect(broken) as connection:  # as if another experiment had been recorded there
        key = connection.execute("SELECT value FROM meta WHERE key = 'experiment_key'").fetchone()[0]
        connection.execute("UPDATE meta SET value = 'another' WHERE key = 'experiment_key'")
    assert main(run_command(server.base_url, folder, "--shards", "3", "--format", "json")) == 1
    shown = json.loads(capsys.readouterr().out)
    states = {shard["shard"]: shard["state"] for shard in shown["shards"]}
    assert states == {0: "done", 1: "failed", 2: "done"} and shown["merged"] is None
    failed = shown["shards"][1]
    assert "Traceback (most recent call last)" in failed["traceback"]
    assert "holds a different experiment" in failed["traceback"]
    assert not (folder / "flipbench.sqlite").exists()
    with sqlite3.connect(broken) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'experiment_key'", (key,))
    done_before = shard_tasks(folder)
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 0
    assert shard_tasks(folder)[0] == done_before[0]  # the finished shards were not run again
    assert task_table(folder, tmp_path) == task_table(unsharded, tmp_path)


def prepared(base_url: str, folder: Path, count: int) -> Layout:
    """A sharded run's faults chosen and dealt to its shards, none of them started."""
    experiment = experiment_from(build_parser().parse_args(run_command(base_url, folder)))
    layout = open_layout(folder, count, experiment)
    prepare(layout, experiment)
    return layout


def test_a_killed_sharded_run_resumes_every_task_exactly_once(unsharded, tmp_path):
    with ServerThread(ScriptedModel(latency=0.05)) as slow:
        folder = tmp_path / "sharded"
        command = [sys.executable, "-m", "flipbench", *run_command(slow.base_url, folder, "--shards", "2")]
        environment = os.environ | {"OPENAI_API_KEY": "", "TQDM_DISABLE": "1"}
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and sum(map(len, _readable_shard_tasks(folder).values())) < 10:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed = _readable_shard_tasks(folder)
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
        assert finished.returncode == 0, finished.stderr
        assert "vanished" in finished.stdout or killed.get(1, set()) == set()
        after = shard_tasks(folder)
        assert all(killed[index] <= after[index] for index in killed)
        other_server = frozenset({"response_key"})  # the cache key hashes the server's URL, another one here
        assert task_table(folder, tmp_path, ignore=other_server) == task_table(unsharded, tmp_path, ignore=other_server)


def _readable_shard_tasks(folder: Path) -> dict[int, set[tuple[str, str]]]:
    try:
        return shard_tasks(folder)
    except sqlite3.OperationalError:
        return {}


def test_an_unsharded_run_is_refused_in_a_sharded_run_directory(server, tmp_path, capsys):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "2")) == 0
    capsys.readouterr()
    assert main(run_command(server.base_url, folder)) == 2
    assert "split into 2 shards: run it with --shards 2" in capsys.readouterr().err
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 2
    assert "not 3" in capsys.readouterr().err


def test_status_of_a_folder_that_is_no_sharded_run_is_one_line_and_status_2(tmp_path, capsys):
    assert main(["status", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a sharded run" in err


def test_a_shard_whose_process_is_gone_shows_as_vanished(server, tmp_path, capsys):
    folder = tmp_path / "sharded"
    layout = prepared(server.base_url, folder, 2)
    gone = subprocess.Popen(["true"])
    gone.wait()
    record(layout.shard(0), Mark(ShardState.RUNNING, "local", None, socket.gethostname(), gone.pid, "now"))
    assert main(["status", str(folder), "--format", "json"]) == 0
    states = [shard["state"] for shard in json.loads(capsys.readouterr().out)["shards"]]
    assert states == ["vanished", "pending"]


def test_a_sharded_run_refused_while_starting_leaves_nothing_behind(server, tmp_path, capsys):
    folder = tmp_path / "sharded"
    command = run_command(server.base_url, folder, "--shards", "2")
    refused = list(command)
    refused[refused.index("openai/scripted")] = "nosuch/model"
    assert main(refused) == 2
    assert "nosuch" in capsys.readouterr().err
    assert not folder.exists()
    empty_corpus = tmp_path / "empty.jsonl"
    empty_corpus.write_text('{"name": "only", "language": "java", "source": "class Only {}\\n"}\n')
    assert main([*command, "--corpus", str(empty_corpus)]) == 2
    assert not folder.exists()
    assert main(run_command(server.base_url, folder, "--shards", "3")) == 0


@pytest.mark.parametrize("text, minutes", [("90", 90), ("30:30", 31), ("2:00:00", 120), ("1-0", 1440),
                                           ("1-2:30", 1590), ("0-0:0:1", 1)])
def test_slurm_time_limits_are_read_as_sbatch_reads_them(text, minutes):
    assert slurm_minutes(text) == minutes


def test_a_slurm_time_limit_sbatch_would_refuse_is_refused_by_name():
    with pytest.raises(InputError, match="--slurm-time"):
        slurm_minutes("soon")


@pytest.mark.parametrize("extra, message", [
    (("--shards", "2", "--detach"), "--detach: only with --executor slurm"),
    (("--shards", "2", "--slurm-cpus", "2"), "--slurm-cpus: only with --executor slurm"),
    (("--shards", "0"), "--shards must be a positive integer"),
    (("--shards", "2", "--executor", "slurm", "--slurm-array-parallelism", "0"), "--slurm-array-parallelism must be"),
    (("--shards", "2", "--retry-errors"), "--retry-errors: not with --shards yet"),
])
def test_shard_options_that_would_do_nothing_are_refused_by_name(server, tmp_path, capsys, extra, message):
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, *extra)) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not folder.exists()


def test_a_shard_last_run_on_another_host_is_read_as_a_snapshot_without_its_wal(server, tmp_path):
    """WAL cannot be shared across hosts: a finished shard has everything in its database file, and a shard
    another host ran is read from that file alone, creating nothing beside it (no WAL, no shared memory)."""
    folder = tmp_path / "sharded"
    assert main(run_command(server.base_url, folder, "--shards", "2")) == 0
    layout = Layout(folder, 2)
    shard = layout.shard(0)
    here = counts(shard)
    wal, shm = shard / "flipbench.sqlite-wal", shard / "flipbench.sqlite-shm"
    assert not wal.exists() or wal.stat().st_size == 0, "a finished shard leaves nothing in its WAL"
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
    record(shard, dataclasses.replace(mark_of(shard), host="node-17.cluster"))
    assert elsewhere(shard) and not elsewhere(layout.shard(1))
    assert counts(shard) == here and here.finished and here.tasks
    merge(folder)
    assert not wal.exists() and not shm.exists()
    assert len(task_table(folder, tmp_path)) == here.tasks + counts(layout.shard(1)).tasks
