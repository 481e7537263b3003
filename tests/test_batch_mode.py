"""Batch mode (flipbench.runs.batching): a run whose openai/ model is asked through the Batch API records the
same task table as the same run online -- after failed items, expired and refused batches, and a ``kill -9``
after submission, which the next invocation recovers by polling the batch it recorded, never resubmitting.
The online side is the scripted chat server; the batch side a local server speaking the Files and Batches
endpoints, answering every request as the chat server does."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openai_batch_server import BatchAPI, BatchServer

from flipbench.errors import InputError
from flipbench.runs.experiment import Experiment, Price, ProviderLimits
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment

BATCHED = {"openai": ProviderLimits(batch=True, batch_poll_seconds=0.01)}


def table(folder: Path) -> dict[str, tuple]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return {row[0]: row[1:] for row in connection.execute(
            "SELECT id, status, predicted, parsed_from, exact, within_tolerance, top_k, exam FROM tasks")}


def batches(folder: Path) -> list[tuple]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return list(connection.execute("SELECT id, state, settled FROM batches ORDER BY rowid"))


@pytest.fixture(scope="module")
def online(tmp_path_factory):
    """The run through the online endpoint: its task table."""
    folder = tmp_path_factory.mktemp("online")
    with ServerThread(ScriptedModel()) as server:
        run_experiment(experiment(server.base_url), folder, backoff=FAST)
    return table(folder)


def batch_run(api: BatchAPI, folder: Path, **changes) -> BatchServer:
    with BatchServer(api) as server:
        run_experiment(experiment(server.base_url, limits=BATCHED, **changes), folder, backoff=FAST)
    return server


def test_a_batch_run_records_the_online_runs_task_table(online, tmp_path):
    server = batch_run(BatchAPI(), tmp_path)
    assert table(tmp_path) == online
    assert server.api.submissions == 2  # stage 1 is one batch, stage 2 another
    assert [state for _, state, _ in batches(tmp_path)] == ["completed", "completed"]
    assert not any(path.startswith("/v1/chat/completions") for path in (r.path for r in server.received))


def test_failed_items_are_asked_again_in_a_new_batch_and_scored_as_online(online, tmp_path):
    seen: set[str] = set()

    def fails_once(custom_id: str) -> bool:
        first = custom_id not in seen
        seen.add(custom_id)
        return first and len(seen) % 2 == 0

    server = batch_run(BatchAPI(fails=fails_once), tmp_path)
    assert table(tmp_path) == online
    assert server.api.submissions == 4  # each stage's failed items went out once more


def test_an_expired_and_a_refused_batch_are_retried_as_new_batches(online, tmp_path):
    batch_run(BatchAPI(expire=frozenset({1}), refuse=frozenset({2})), tmp_path)  # batch 1 expires half done, batch 2 is refused
    assert table(tmp_path) == online
    assert [state for _, state, _ in batches(tmp_path)][:3] == ["expired", "failed", "completed"]


def test_a_request_no_batch_answers_ends_its_task_as_an_error_never_wrong(tmp_path):
    doomed: set[str] = set()

    def fails(custom_id: str) -> bool:
        if not doomed:
            doomed.add(custom_id)
        return custom_id in doomed

    batch_run(BatchAPI(fails=fails), tmp_path, max_attempts=2)
    errors = {task: row for task, row in table(tmp_path).items() if row[0] == "error"}
    assert len(errors) == 1
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        message, = connection.execute("SELECT error FROM tasks WHERE status = 'error'").fetchone()
    assert message == "batch: no answer after 2 batches (HTTP 500: injected failure)"


def test_batch_mode_is_refused_for_providers_without_a_batch_api_and_with_budgets():
    with pytest.raises(InputError, match="limits.ollama.batch: batch mode is for openai only so far"):
        Experiment(limits={"ollama": ProviderLimits(batch=True)})
    with pytest.raises(InputError, match="budgets do not apply to batch mode yet"):
        Experiment(limits=BATCHED, max_tokens_total=10)


def test_a_batch_run_killed_after_submission_polls_its_batch_and_submits_nothing_twice(online, tmp_path):
    config = tmp_path / "batch.toml"
    config.write_text("[limits.openai]\nbatch_poll_seconds = 0.05\n", encoding="utf-8")
    folder = tmp_path / "run"
    with BatchServer(BatchAPI(polls=10**9)) as server:  # the first batch stays in progress until told
        command = [sys.executable, "-m", "flipbench", "run", "--model", "openai/scripted", "--model", "baseline/random",
                   "--base-url", server.base_url, "--language", "python", "--fault", "operator_swap", "--fault",
                   "off_by_one", "--spm", "dead_code", "--limit", "6", "--include-uncertified", "--prompt",
                   "numbered", "--batch", "--config", str(config), "--out", str(folder)]
        environment = os.environ | {"OPENAI_API_KEY": "", "TQDM_DISABLE": "1"}
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (server.api.submissions and _polls(server) >= 2):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert server.api.submissions == 1 and [state for _, state, settled in batches(folder)] == ["in_progress"]
        server.api.polls = 1
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
        assert finished.returncode == 0, finished.stderr
        assert server.api.submissions == 2  # stage 1's batch was polled, not sent again; stage 2 sent its own
    assert table(folder) == online


def _polls(server: BatchServer) -> int:
    return sum(1 for request in server.received if request.method == "GET" and request.path.startswith("/v1/batches/"))


def test_a_batched_run_resumed_after_it_finished_calls_nothing(online, tmp_path):
    with BatchServer() as server:
        settings = experiment(server.base_url, limits=BATCHED)
        run_experiment(settings, tmp_path, backoff=FAST)
        requests = len(server.received)
        run_experiment(settings, tmp_path, backoff=FAST)
        assert len(server.received) == requests > 0
    assert table(tmp_path) == online


def test_status_shows_a_batch_runs_batches_and_their_requests(tmp_path):
    seen: list[str] = []

    def every_other(custom_id: str) -> bool:
        seen.append(custom_id)
        return len(seen) % 2 == 0

    batch_run(BatchAPI(fails=every_other), tmp_path, max_attempts=1)  # a failed request is not asked again
    shown = subprocess.run([sys.executable, "-m", "flipbench", "status", str(tmp_path), "--format", "json"],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    listed = json.loads(shown.stdout)["batches"]
    assert [(batch["state"], batch["requests"], batch["answered"], batch["failed"]) for batch in listed] == [
        ("completed", 6, 3, 3), ("completed", 12, 6, 6)]
    table_text = subprocess.run([sys.executable, "-m", "flipbench", "status", str(tmp_path)], capture_output=True,
                                text=True, timeout=60).stdout
    assert "batch_1" in table_text and "answered" in table_text


def test_a_batch_stages_tally_counts_its_replies_tokens_at_the_batch_price(tmp_path):
    price = Price(input=100.0, output=400.0, batch=0.5)
    with ServerThread(ScriptedModel()) as server:
        online = run_experiment(experiment(server.base_url, prices={"openai/scripted": price}), tmp_path / "online",
                                backoff=FAST)
    with BatchServer() as server:
        batched = run_experiment(experiment(server.base_url, limits=BATCHED, prices={"openai/scripted": price}),
                                 tmp_path / "batch", backoff=FAST)
    for (name, by_call), (_, by_batch) in zip(online.stages, batched.stages, strict=True):
        assert (by_batch.input_tokens, by_batch.output_tokens) == (by_call.input_tokens, by_call.output_tokens), name
        assert by_batch.cost == pytest.approx(by_call.cost * 0.5), name
