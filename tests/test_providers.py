"""The model providers, each against a local server that speaks its real wire format.

The bodies the servers send are the providers' documented (and recorded) responses, errors
included; the requests are checked as they arrive on the socket.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from email.utils import formatdate

import pytest

from flipbench.errors import InputError
from flipbench.localizers.anthropic_messages import AnthropicMessages
from flipbench.localizers.base import (
    ChatModel,
    ModelSpec,
    PermanentError,
    Query,
    Reply,
    Sampling,
    TransientError,
)
from flipbench.localizers.gemini import GeminiGenerate, response_schema
from flipbench.localizers.http import ModelClient
from flipbench.localizers.ollama_chat import OllamaChat, context_size
from flipbench.localizers.openai_chat import OpenAIChat, strict_schema
from flipbench.localizers.registry import chat_model, parse_model

from wireservers import Answer, Received, WireServer

SCHEMA = {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "integer"}},
                                           "reason": {"type": "string"}}, "required": ["lines"]}
QUERY = Query(system="You find bugs.", user="1 def inc(x):\n2     return x - 1\nWhich line is wrong?",
              answer_schema=SCHEMA, sampling=Sampling(temperature=0.0, max_tokens=64, seed=7))
KEYS = {"OPENAI_API_KEY": "sk-proj-SECRETopenai000", "ANTHROPIC_API_KEY": "sk-ant-SECRETanthropic000",
        "GEMINI_API_KEY": "AIzaSECRETgemini000", "GOOGLE_API_KEY": "AIzaSECRETgoogle000"}

OPENAI_OK = {
    "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
    "model": "gpt-4o-mini-2024-07-18",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": '{"lines":[2],"reason":"adds"}',
                                         "refusal": None, "annotations": []},
                 "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 31, "completion_tokens": 9, "total_tokens": 40,
              "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}},
    "service_tier": "default", "system_fingerprint": "fp_06737a9306",
}
ANTHROPIC_OK = {
    "id": "msg_01Aq9w938a90dw8q", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
    "content": [{"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "answer",
                 "input": {"lines": [2], "reason": "adds"}}],
    "stop_reason": "tool_use", "stop_sequence": None,
    "usage": {"input_tokens": 412, "output_tokens": 37, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0},
}
GEMINI_OK = {
    "candidates": [{"content": {"parts": [{"text": '{"lines": [2], "reason": "adds"}'}], "role": "model"},
                    "finishReason": "STOP", "avgLogprobs": -0.0123}],
    "usageMetadata": {"promptTokenCount": 40, "candidatesTokenCount": 12, "totalTokenCount": 52,
                      "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 40}]},
    "modelVersion": "gemini-2.0-flash", "responseId": "a1b2c3",
}
OLLAMA_OK = {
    "model": "qwen2.5-coder:7b", "created_at": "2025-03-10T12:00:00.000000Z",
    "message": {"role": "assistant", "content": '{"lines": [2], "reason": "adds"}'},
    "done_reason": "stop", "done": True, "total_duration": 4883583458, "load_duration": 1334875,
    "prompt_eval_count": 26, "prompt_eval_duration": 342546000, "eval_count": 14, "eval_duration": 4535599000,
}
OPENAI_429 = {"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-x on requests per min "
                                   "(RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.",
                        "type": "requests", "param": None, "code": "rate_limit_exceeded"}}
OPENAI_401 = {"error": {"message": "Incorrect API key provided: sk-proj-****r000. You can find your API key at\n"
                                   "https://platform.openai.com/account/api-keys.",
                        "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}}
LLAMACPP_REJECTS_JSON_SCHEMA = {"error": {
    "message": "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
               "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema', "
               "'ctx': {'expected': \"'text' or 'json_object'\"}}\n\n  File \"llama_cpp/server/app.py\", "
               "line 376, in create_chat_completion\n    POST /v1/chat/completions",
    "type": "internal_server_error", "param": None, "code": None}}
NO_RESPONSE_FORMAT = {"error": {"message": "Unrecognized request argument supplied: response_format",
                                "type": "invalid_request_error", "param": None, "code": None}}

ProviderCase = tuple[Callable[[ModelSpec], ChatModel], str, dict]
PROVIDERS: dict[str, ProviderCase] = {
    "openai": (OpenAIChat, "gpt-4o-mini", OPENAI_OK),
    "anthropic": (AnthropicMessages, "claude-sonnet-4-20250514", ANTHROPIC_OK),
    "google": (GeminiGenerate, "gemini-2.0-flash", GEMINI_OK),
    "ollama": (OllamaChat, "qwen2.5-coder:7b", OLLAMA_OK),
}


@pytest.fixture(autouse=True)
def api_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, value in KEYS.items():
        monkeypatch.setenv(variable, value)


@pytest.fixture
def server():
    with WireServer() as running:
        yield running


def localizer_for(provider: str, url: str) -> ChatModel:
    make, model, _ = PROVIDERS[provider]
    return make(ModelSpec(provider, model, url))


def ask(localizer: ChatModel, query: Query = QUERY, *, times: int = 1, timeout: float = 5.0) -> list[Reply]:
    """Send ``query`` ``times`` times, one after another, on one client."""

    async def go() -> list[Reply]:
        async with ModelClient(4, timeout) as client:
            return [await localizer.complete(client, query) for _ in range(times)]

    return asyncio.run(go())


def ask_once(localizer: ChatModel, **options) -> Reply:
    return ask(localizer, **options)[0]


def failure(localizer: ChatModel, **options) -> Exception:
    with pytest.raises((TransientError, PermanentError)) as caught:
        ask_once(localizer, **options)
    return caught.value


# --- names and keys ---------------------------------------------------------------------------

def test_a_model_name_splits_at_its_first_slash():
    assert parse_model("openai/meta-llama/Llama-3.1-8B") == ModelSpec("openai", "meta-llama/Llama-3.1-8B")


def test_a_base_url_is_kept_without_its_trailing_slash():
    assert parse_model("ollama/qwen2.5-coder:7b", "http://gpu-box:11434/").base_url == "http://gpu-box:11434"


@pytest.mark.parametrize("name", ["gpt-4o", "openai/", "/gpt-4o", "openai/gpt 4o", ""])
def test_a_name_not_of_the_form_provider_slash_model_is_refused_showing_the_form(name):
    with pytest.raises(InputError, match="provider/model"):
        parse_model(name)


def test_an_unknown_provider_is_refused_naming_the_known_ones():
    with pytest.raises(InputError, match="unknown provider 'gemini'; known: anthropic, baseline, google, ollama"):
        parse_model("gemini/gemini-2.0-flash")


def test_a_base_url_that_is_not_http_is_refused():
    with pytest.raises(InputError, match="not an http"):
        parse_model("openai/gpt-4o", "localhost:8080")


def test_a_baseline_name_parses_but_names_no_chat_localizer():
    spec = parse_model("baseline/ochiai")
    assert spec == ModelSpec("baseline", "ochiai")
    with pytest.raises(InputError, match="baseline, not a chat model"):
        chat_model(spec)


@pytest.mark.parametrize(("name", "variables"), [("openai/gpt-4o", "OPENAI_API_KEY"),
                                                 ("anthropic/claude-sonnet-4-20250514", "ANTHROPIC_API_KEY"),
                                                 ("google/gemini-2.0-flash", "GEMINI_API_KEY or GOOGLE_API_KEY")])
def test_a_provider_server_without_its_key_is_refused_naming_the_variable(monkeypatch, name, variables):
    for variable in KEYS:
        monkeypatch.delenv(variable)
    with pytest.raises(InputError, match=f"set {variables} in the environment"):
        chat_model(parse_model(name))


def test_a_custom_server_and_ollama_need_no_key(monkeypatch):
    for variable in KEYS:
        monkeypatch.delenv(variable)
    assert isinstance(chat_model(parse_model("openai/smollm2", "http://127.0.0.1:8080/v1")), OpenAIChat)
    assert isinstance(chat_model(parse_model("ollama/qwen2.5-coder:7b")), OllamaChat)


def test_each_chat_provider_has_its_localizer():
    kinds = {provider: type(chat_model(parse_model(f"{provider}/m"))) for provider in PROVIDERS}
    assert kinds == {"openai": OpenAIChat, "anthropic": AnthropicMessages, "google": GeminiGenerate,
                     "ollama": OllamaChat}


# --- openai -----------------------------------------------------------------------------------

def test_openai_posts_a_chat_completion_with_a_strict_json_schema(server):
    server.answer(Answer.json(OPENAI_OK))
    ask_once(OpenAIChat(ModelSpec("openai", "gpt-4o-mini", server.url + "/v1")))
    request = server.received[0]
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.headers["authorization"] == "Bearer " + KEYS["OPENAI_API_KEY"]
    assert request.headers["content-type"] == "application/json"
    assert request.json() == {
        "model": "gpt-4o-mini",
        "messages": [{"role": "system", "content": QUERY.system}, {"role": "user", "content": QUERY.user}],
        "temperature": 0.0, "max_tokens": 64, "seed": 7,
        "response_format": {"type": "json_schema",
                            "json_schema": {"name": "answer", "schema": strict_schema(SCHEMA), "strict": True}},
    }


def test_openai_reads_the_message_content_and_token_usage(server):
    server.answer(Answer.json(OPENAI_OK))
    reply = ask_once(localizer_for("openai", server.url))
    assert reply == Reply(text='{"lines":[2],"reason":"adds"}', raw=json.dumps(OPENAI_OK), input_tokens=31,
                          output_tokens=9, dialect="json_schema", cached_input_tokens=0)


def test_strict_schema_closes_objects_and_makes_optional_properties_nullable():
    assert strict_schema(SCHEMA) == {
        "type": "object",
        "properties": {"lines": {"type": "array", "items": {"type": "integer"}}, "reason": {"type": ["string", "null"]}},
        "required": ["lines", "reason"], "additionalProperties": False,
    }


def test_openai_steps_down_to_json_object_when_llamacpp_rejects_json_schema_and_remembers_it(server):
    def llamacpp(request: Received) -> Answer:
        if request.json()["response_format"]["type"] == "json_schema":
            return Answer.json(LLAMACPP_REJECTS_JSON_SCHEMA, status=500)
        return Answer.json(OPENAI_OK)

    server.handler = llamacpp
    replies = ask(localizer_for("openai", server.url), times=2)
    assert [reply.dialect for reply in replies] == ["json_object", "json_object"]
    assert [request.json()["response_format"]["type"] for request in server.received] == [
        "json_schema", "json_object", "json_object"]
    assert server.received[1].json()["response_format"]["schema"] == SCHEMA


def test_openai_steps_down_to_a_plain_prompt_when_the_server_takes_no_response_format(server):
    server.handler = lambda request: (Answer.json(NO_RESPONSE_FORMAT, status=400)
                                      if "response_format" in request.json() else Answer.json(OPENAI_OK))
    replies = ask(localizer_for("openai", server.url), times=2)
    assert [reply.dialect for reply in replies] == ["none", "none"]
    assert len(server.received) == 4


def test_openai_does_not_step_down_for_an_error_unrelated_to_response_format(server):
    not_found = {"error": {"message": "The model `gpt-9` does not exist or you do not have access to it.",
                           "type": "invalid_request_error", "param": None, "code": "model_not_found"}}
    server.answer(Answer.json(not_found, status=404))
    error = failure(localizer_for("openai", server.url))
    assert isinstance(error, PermanentError) and "does not exist" in str(error)
    assert len(server.received) == 1


def test_openai_joins_a_content_given_as_text_parts(server):
    parts = [{"type": "text", "text": '{"lines": '}, {"type": "text", "text": "[2]}"}]
    server.answer(Answer.json({**OPENAI_OK, "choices": [{"index": 0, "message": {"role": "assistant", "content": parts},
                                                         "finish_reason": "stop"}]}))
    assert ask_once(localizer_for("openai", server.url)).text == '{"lines": [2]}'


def test_openai_without_a_key_for_a_custom_server_sends_no_authorization(server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    server.answer(Answer.json(OPENAI_OK))
    ask_once(localizer_for("openai", server.url))
    assert "authorization" not in server.received[0].headers


# --- anthropic --------------------------------------------------------------------------------

def test_anthropic_posts_a_message_that_forces_the_answer_tool(server):
    server.answer(Answer.json(ANTHROPIC_OK))
    ask_once(localizer_for("anthropic", server.url))
    request = server.received[0]
    assert request.path == "/v1/messages"
    assert request.headers["x-api-key"] == KEYS["ANTHROPIC_API_KEY"]
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.json() == {
        "model": "claude-sonnet-4-20250514", "max_tokens": 64, "temperature": 0.0, "system": QUERY.system,
        "messages": [{"role": "user", "content": QUERY.user}],
        "tools": [{"name": "answer", "description": "Report the answer.", "input_schema": SCHEMA}],
        "tool_choice": {"type": "tool", "name": "answer"},
    }


def test_anthropic_answers_with_the_tool_input_as_json(server):
    server.answer(Answer.json(ANTHROPIC_OK))
    reply = ask_once(localizer_for("anthropic", server.url))
    assert (json.loads(reply.text), reply.dialect) == ({"lines": [2], "reason": "adds"}, "tool")
    assert (reply.input_tokens, reply.output_tokens) == (412, 37)


def test_anthropic_falls_back_to_the_text_blocks_without_a_tool_call(server):
    text_only = {**ANTHROPIC_OK, "content": [{"type": "text", "text": "Line 2 "}, {"type": "text", "text": "is wrong."}],
                 "stop_reason": "end_turn"}
    server.answer(Answer.json(text_only))
    reply = ask_once(localizer_for("anthropic", server.url))
    assert (reply.text, reply.dialect) == ("Line 2 is wrong.", "none")


# --- google -----------------------------------------------------------------------------------

def test_gemini_posts_generate_content_with_a_response_schema(server):
    server.answer(Answer.json(GEMINI_OK))
    ask_once(localizer_for("google", server.url))
    request = server.received[0]
    assert request.path == "/v1beta/models/gemini-2.0-flash:generateContent"
    assert request.headers["x-goog-api-key"] == KEYS["GEMINI_API_KEY"]
    assert request.json() == {
        "contents": [{"role": "user", "parts": [{"text": QUERY.user}]}],
        "systemInstruction": {"parts": [{"text": QUERY.system}]},
        "generationConfig": {"temperature": 0.0, "maxOutputTokens": 64, "seed": 7,
                             "responseMimeType": "application/json", "responseSchema": SCHEMA},
    }


def test_gemini_takes_google_api_key_when_gemini_api_key_is_unset(server, monkeypatch):
    monkeypatch.delenv("GEMINI_API_KEY")
    server.answer(Answer.json(GEMINI_OK))
    ask_once(localizer_for("google", server.url))
    assert server.received[0].headers["x-goog-api-key"] == KEYS["GOOGLE_API_KEY"]


def test_gemini_schema_drops_keys_outside_its_subset():
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Answer", **strict_schema(SCHEMA)}
    assert response_schema(schema) == {
        "type": "object",
        "properties": {"lines": {"type": "array", "items": {"type": "integer"}},
                       "reason": {"type": "string", "nullable": True}},
        "required": ["lines", "reason"],
    }


def test_gemini_leaves_thoughts_out_of_the_text_and_counts_them_as_output(server):
    thinking = {**GEMINI_OK,
                "candidates": [{"content": {"role": "model", "parts": [
                    {"text": "The function should add.", "thought": True}, {"text": '{"lines": [2]}'}]},
                    "finishReason": "STOP"}],
                "usageMetadata": {"promptTokenCount": 40, "candidatesTokenCount": 8, "thoughtsTokenCount": 100}}
    server.answer(Answer.json(thinking))
    reply = ask_once(localizer_for("google", server.url))
    assert (reply.text, reply.input_tokens, reply.output_tokens) == ('{"lines": [2]}', 40, 108)


def test_gemini_refusing_the_prompt_is_permanent(server):
    server.answer(Answer.json({"promptFeedback": {"blockReason": "SAFETY"},
                               "usageMetadata": {"promptTokenCount": 40, "totalTokenCount": 40}}))
    error = failure(localizer_for("google", server.url))
    assert isinstance(error, PermanentError) and "SAFETY" in str(error)


# --- ollama -----------------------------------------------------------------------------------

def test_ollama_posts_an_unstreamed_chat_with_the_schema_as_format(server):
    server.answer(Answer.json(OLLAMA_OK))
    ask_once(localizer_for("ollama", server.url))
    request = server.received[0]
    assert request.path == "/api/chat"
    assert request.json() == {
        "model": "qwen2.5-coder:7b",
        "messages": [{"role": "system", "content": QUERY.system}, {"role": "user", "content": QUERY.user}],
        "stream": False, "format": SCHEMA,
        "options": {"temperature": 0.0, "num_predict": 64, "num_ctx": 2048, "seed": 7},
    }


def test_ollama_reads_the_message_and_eval_counts(server):
    server.answer(Answer.json(OLLAMA_OK))
    reply = ask_once(localizer_for("ollama", server.url))
    assert reply == Reply(text='{"lines": [2], "reason": "adds"}', raw=json.dumps(OLLAMA_OK), input_tokens=26,
                          output_tokens=14, dialect="format")


def test_ollama_context_grows_to_a_power_of_two_that_holds_a_long_prompt():
    long_program = Query(system="", user="x = 1\n" * 5000, answer_schema=SCHEMA, sampling=Sampling(max_tokens=512))
    assert context_size(long_program) == 16384  # 30,000 bytes / 3 + schema + template + 512 > 8192


def test_ollama_unknown_model_is_permanent_with_its_message(server):
    server.answer(Answer.json({"error": 'model "qwen9:7b" not found, try pulling it first'}, status=404))
    error = failure(localizer_for("ollama", server.url))
    assert isinstance(error, PermanentError)
    assert str(error) == 'ollama/qwen2.5-coder:7b: HTTP 404: model "qwen9:7b" not found, try pulling it first'


# --- failures, for every provider --------------------------------------------------------------

@pytest.mark.parametrize("provider", PROVIDERS)
def test_429_is_transient_and_carries_retry_after_seconds(server, provider):
    server.answer(Answer.json(OPENAI_429, status=429, headers={"retry-after": "20"}))
    error = failure(localizer_for(provider, server.url))
    assert isinstance(error, TransientError)
    assert (error.status, error.retry_after, error.raw) == (429, 20.0, json.dumps(OPENAI_429))


def test_retry_after_may_be_an_http_date(server):
    server.answer(Answer.json(OPENAI_429, status=429, headers={"retry-after": formatdate(time.time() + 30, usegmt=True)}))
    error = failure(localizer_for("openai", server.url))
    assert isinstance(error, TransientError) and 25 <= error.retry_after <= 30


@pytest.mark.parametrize("status", [408, 409, 500, 502, 503, 529])
def test_timeouts_conflicts_and_server_errors_are_transient(server, status):
    overloaded = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    server.answer(Answer.json(overloaded, status=status))
    error = failure(localizer_for("anthropic", server.url))
    assert isinstance(error, TransientError)
    assert str(error) == f"anthropic/claude-sonnet-4-20250514: HTTP {status}: Overloaded"


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_errors_are_permanent_with_the_servers_message_on_one_line(server, status):
    server.answer(Answer.json(OPENAI_401, status=status))
    error = failure(localizer_for("openai", server.url))
    assert isinstance(error, PermanentError) and error.raw == json.dumps(OPENAI_401)
    assert str(error) == (f"openai/gpt-4o-mini: HTTP {status}: Incorrect API key provided: sk-proj-****r000. "
                          "You can find your API key at https://platform.openai.com/account/api-keys.")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_answer_slower_than_the_timeout_is_transient(server, provider):
    server.answer(Answer.json(PROVIDERS[provider][2], delay=2.0))
    error = failure(localizer_for(provider, server.url), timeout=0.3)
    assert isinstance(error, TransientError) and "timeout" in str(error)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_body_that_is_not_json_is_transient_and_kept_raw(server, provider):
    server.answer(Answer(200, b"<html><body>502 Bad Gateway</body></html>", {"content-type": "text/html"}))
    error = failure(localizer_for(provider, server.url))
    assert isinstance(error, TransientError) and error.raw == "<html><body>502 Bad Gateway</body></html>"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_body_cut_short_is_transient(server, provider):
    server.answer(Answer.json(PROVIDERS[provider][2], truncate=True))
    error = failure(localizer_for(provider, server.url))
    assert isinstance(error, TransientError) and error.status is None


@pytest.mark.parametrize("provider", PROVIDERS)
def test_json_of_the_wrong_shape_is_transient_and_kept_raw(server, provider):
    server.answer(Answer.json({"object": "list", "data": []}))
    error = failure(localizer_for(provider, server.url))
    assert isinstance(error, TransientError) and error.raw == '{"object": "list", "data": []}'


def test_a_refused_connection_is_transient():
    with WireServer() as stopped:
        url = stopped.url
    error = failure(localizer_for("ollama", url))
    assert isinstance(error, TransientError) and "connection failed" in str(error)


# --- keys never leak ------------------------------------------------------------------------

@pytest.mark.parametrize("provider", ["openai", "anthropic", "google"])
def test_no_api_key_shows_in_identity_repr_or_errors_even_when_the_server_echoes_it(server, provider):
    def echo(request: Received) -> Answer:
        sent = " ".join(request.headers.values())
        return Answer.json({"error": {"message": f"key rejected: {sent}"}}, status=401)

    server.handler = echo
    localizer = localizer_for(provider, server.url)
    error = failure(localizer)
    shown = " ".join([json.dumps(localizer.identity()), repr(localizer), str(error), error.raw, repr(error)])
    assert "[redacted]" in str(error)
    assert not [value for value in KEYS.values() if value in shown]


def test_the_key_is_read_from_the_environment_at_each_call(server, monkeypatch):
    server.answer(Answer.json(ANTHROPIC_OK), Answer.json(ANTHROPIC_OK))
    localizer = localizer_for("anthropic", server.url)
    ask_once(localizer)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-rotated")
    ask_once(localizer)
    assert [request.headers["x-api-key"] for request in server.received] == [KEYS["ANTHROPIC_API_KEY"],
                                                                            "sk-ant-rotated"]


# --- the transport ----------------------------------------------------------------------------

def test_the_client_keeps_as_many_requests_in_flight_as_its_concurrency(server):
    server.handler = lambda request: Answer.json(OLLAMA_OK, delay=0.5)
    localizer = localizer_for("ollama", server.url)

    async def sixteen_at_once() -> float:
        async with ModelClient(16, 5.0) as client:
            started = time.perf_counter()
            await asyncio.gather(*(localizer.complete(client, QUERY) for _ in range(16)))
            return time.perf_counter() - started

    assert asyncio.run(sixteen_at_once()) < 2.0  # one at a time: 8 s
