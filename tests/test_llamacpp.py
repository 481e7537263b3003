"""The openai localizer against a real OpenAI-compatible server: llama-cpp-python running SmolLM2-135M.

What this server does, recorded here because the dialect fallback depends on it: llama-cpp-python
0.3.36 refuses ``response_format: {"type": "json_schema"}`` with HTTP 500 (its request validation
error, naming ``response_format``) and constrains output to a schema given as
``{"type": "json_object", "schema": ...}``.
"""

from __future__ import annotations

import asyncio
import json

import httpx

from flipbench.localizers.base import ModelSpec, Query, Reply, Sampling
from flipbench.localizers.http import ModelClient
from flipbench.localizers.registry import chat_model

SCHEMA = {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "integer"}},
                                           "reason": {"type": "string"}}, "required": ["lines"]}
QUERY = Query(
    system="You are a debugging assistant. Answer with JSON only.",
    user="This function should return x plus one.\n1 def increment(x):\n2     return x - 1\n"
         "Which line holds the fault?",
    answer_schema=SCHEMA,
    sampling=Sampling(temperature=0.0, max_tokens=48, seed=1),
)


def ask(spec: ModelSpec, query: Query) -> Reply:
    async def go() -> Reply:
        async with ModelClient(1, 60.0) as client:
            return await chat_model(spec).complete(client, query)

    return asyncio.run(go())


def test_llamacpp_refuses_the_json_schema_response_format(llamacpp_server):
    body = {"model": llamacpp_server.model, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 1,
            "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "schema": SCHEMA}}}
    response = httpx.post(f"{llamacpp_server.base_url}/chat/completions", json=body, timeout=30)
    assert response.status_code == 500
    assert "response_format" in response.json()["error"]["message"]


def test_the_openai_localizer_gets_schema_shaped_json_from_llamacpp_in_the_json_object_dialect(llamacpp_server):
    reply = ask(llamacpp_server, QUERY)
    assert reply.dialect == "json_object"
    answer = json.loads(reply.text)
    assert isinstance(answer, dict) and isinstance(answer["lines"], list)
    assert all(isinstance(line, int) for line in answer["lines"])
    assert set(answer) <= {"lines", "reason"}
    assert reply.input_tokens and reply.output_tokens and reply.output_tokens <= QUERY.sampling.max_tokens
    assert json.loads(reply.raw)["choices"][0]["message"]["content"] == reply.text
