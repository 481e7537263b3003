"""Prompt caching's accounting: the input tokens a provider says it served from its prompt cache
(``usage.prompt_tokens_details.cached_tokens``) are read with the reply and priced at ``[prices]``'s
``cached_input``; without that price, or without cached tokens, the cost is what it always was."""

from __future__ import annotations

import asyncio
import json

import pytest
from openai_batch_server import chat_completion

from flipbench.errors import InputError
from flipbench.localizers.base import ModelSpec, Query, Sampling
from flipbench.localizers.http import ModelClient
from flipbench.localizers.openai_chat import OpenAIChat
from flipbench.runs.experiment import Experiment, Price, from_mapping
from flipbench.runs.run import run_experiment

from test_run import FAST, experiment
from wireservers import Answer, Received, WireServer


def cached_half(request: Received) -> Answer:
    """The scripted chat server's answer, saying half the prompt came from the provider's cache."""
    body = chat_completion(request.json())
    body["usage"]["prompt_tokens_details"] = {"cached_tokens": body["usage"]["prompt_tokens"] // 2}
    return Answer.json(body)


def test_cached_input_tokens_are_priced_at_their_own_rate():
    price = Price(input=2.0, output=8.0, cached_input=0.5)
    assert price.cost(1_000_000, 100_000, cached_input_tokens=400_000) == pytest.approx(
        (600_000 * 2.0 + 400_000 * 0.5 + 100_000 * 8.0) / 1e6)


def test_without_a_cached_price_cached_tokens_cost_what_input_costs():
    assert Price(input=2.0, output=8.0).cost(1000, 10, cached_input_tokens=999) == (1000 * 2.0 + 10 * 8.0) / 1e6


def test_prices_take_cached_input_and_batch_from_the_experiment_file():
    settings = from_mapping({"prices": {"openai/m": {"input": 2.5, "output": 10, "cached_input": 1.25,
                                                     "batch": 0.5}}}, Experiment())
    assert settings.prices["openai/m"] == Price(2.5, 10, cached_input=1.25, batch=0.5)
    with pytest.raises(InputError, match="prices.openai/m: batch must be the share of the price"):
        from_mapping({"prices": {"openai/m": {"input": 1, "output": 1, "batch": 2}}}, Experiment())


def test_an_openai_reply_carries_the_cached_tokens_its_usage_reports():
    query = Query("", "1 x = 1", {"type": "object"}, Sampling(max_tokens=16))
    with WireServer(cached_half) as server:
        model = OpenAIChat(ModelSpec("openai", "m", server.url))

        async def ask():
            async with ModelClient(1, 5.0) as client:
                return await model.complete(client, query)

        reply = asyncio.run(ask())
    assert (reply.input_tokens, reply.cached_input_tokens) == (len("1 x = 1") // 4, len("1 x = 1") // 8)


def test_a_runs_cost_prices_the_cached_part_of_each_prompt_at_the_cached_rate(tmp_path):
    price = Price(input=100.0, output=400.0, cached_input=10.0)
    with WireServer(cached_half) as server:
        result = run_experiment(experiment(server.url, prices={"openai/scripted": price}), tmp_path, backoff=FAST)
        bodies = [json.loads(request.body) for request in server.received]
    usages = [chat_completion(body)["usage"] for body in bodies]
    expected = sum(price.cost(usage["prompt_tokens"], usage["completion_tokens"], usage["prompt_tokens"] // 2)
                   for usage in usages)
    uncached = sum(Price(100.0, 400.0).cost(usage["prompt_tokens"], usage["completion_tokens"]) for usage in usages)
    assert sum(tally.cost for _, tally in result.stages) == pytest.approx(expected)
    assert expected < uncached
