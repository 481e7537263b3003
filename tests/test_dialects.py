"""A server's structured-output dialect is learned once per run and kept in the run database: every
stage, worker process and resumed run starts with it, so a server that lacks a dialect (llama.cpp's
server refuses ``json_schema``) refuses it once in the whole run."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections import Counter

import pytest

from flipbench.localizers.base import ModelSpec, Query
from flipbench.localizers.http import ModelClient
from flipbench.localizers.openai_chat import OpenAIChat
from flipbench.runs.experiment import ProviderLimits
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment, statuses
from wireservers import Answer, WireServer

LLAMACPP = frozenset({"json_object"})
QUERY = Query(system="", user="1 def inc(x):\n2     return x - 1\nWhich line is wrong?",
              answer_schema={"type": "object", "properties": {"lines": {"type": "array"}}})
ANSWER = {"choices": [{"index": 0, "message": {"role": "assistant", "content": '{"lines": [2]}'}}]}


def fails_the_first_ask_of_half(user: str, seen: int) -> str | None:
    """503 the first time half of the prompts are asked: with one attempt per task they end as
    errors, which a resumed run (``--retry-errors``) asks again."""
    return "503" if seen == 0 and hashlib.sha256(user.encode()).digest()[0] % 2 == 0 else None


@pytest.mark.parametrize("workers", [1, 2])
def test_a_server_refuses_a_dialect_it_lacks_once_across_stages_workers_and_a_resume(tmp_path, workers):
    model = ScriptedModel(response_formats=LLAMACPP, script=fails_the_first_ask_of_half, latency=0.02)
    with ServerThread(model) as server:
        settings = experiment(server.base_url, workers=workers, max_attempts=1,
                              limits={"openai": ProviderLimits(concurrency=8)})
        run_experiment(settings, tmp_path, backoff=FAST)
        errors = [task for task, status in statuses(tmp_path).items() if status == "error"]
        asked = model.requests
        run_experiment(settings, tmp_path, retry_errors=True, backoff=FAST)
    assert errors and model.requests - asked == len(errors)  # the resumed run asked the server again
    assert set(statuses(tmp_path).values()) <= {"correct", "wrong"}
    assert model.refused == Counter({"json_schema": 1})


def test_the_run_keeps_the_dialect_its_server_accepted(tmp_path):
    with ServerThread(ScriptedModel(response_formats=LLAMACPP)) as server:
        run_experiment(experiment(server.base_url, limit=2), tmp_path, backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        assert connection.execute("SELECT base_url, model, dialect FROM dialects").fetchall() == [
            (server.base_url, "scripted", "json_object")]


def test_a_finished_run_whose_dialect_was_learned_is_answered_from_its_cache(tmp_path):
    with ServerThread(ScriptedModel(response_formats=LLAMACPP)) as server:
        run_experiment(experiment(server.base_url, limit=2), tmp_path, backoff=FAST)
        asked = server.model.requests
        run_experiment(experiment(server.base_url, limit=2), tmp_path, backoff=FAST)
        assert server.model.requests == asked


def test_learning_a_dialect_leaves_the_localizers_identity_and_so_its_cache_keys_alone():
    localizer = OpenAIChat(ModelSpec("openai", "m", "http://127.0.0.1:9/v1"))
    identity = localizer.identity()
    localizer.start_with("json_object")
    assert localizer.identity() == identity


def test_a_localizer_started_with_its_servers_dialect_asks_in_it_at_once():
    with WireServer(lambda request: Answer.json(ANSWER)) as server:
        localizer = OpenAIChat(ModelSpec("openai", "m", server.url))
        localizer.start_with("json_object")

        async def ask() -> None:
            async with ModelClient(1, 5.0) as client:
                await localizer.complete(client, QUERY)

        asyncio.run(ask())
    assert [request.json()["response_format"]["type"] for request in server.received] == ["json_object"]
