"""``ollama/<model>``: Ollama's native ``/api/chat``.

Ollama's OpenAI-compatible endpoint cannot set the context size, and Ollama's default context
(2048 tokens on many installs) silently drops the start of a longer prompt, which is where the
program is. The native API takes ``num_ctx`` per request, so each request asks for a context
large enough for its prompt and answer. The answer schema goes in ``format``.
"""

from __future__ import annotations

import json
from typing import Any

from flipbench.localizers.base import HttpChatModel, ModelSpec, Query, Reply
from flipbench.localizers.http import ModelClient, post_json, reading

DEFAULT_BASE_URL = "http://localhost:11434"
MIN_CONTEXT = 2048
BYTES_PER_TOKEN = 3
"""Fewer bytes per token than any tokenizer averages on code, so the estimate errs high."""
TEMPLATE_TOKENS = 64
"""The chat template's own tokens around the messages."""


class OllamaChat(HttpChatModel):
    """A model served by Ollama; needs no key."""

    provider = "ollama"
    default_base_url = DEFAULT_BASE_URL
    api = "api/chat"
    identity_extra = {"dialect": "format"}

    async def complete(self, client: ModelClient, query: Query) -> Reply:
        body, raw = await post_json(client, f"{self.base_url}/api/chat", request(self.spec, query),
                                    headers={}, what=self.spec.name)
        with reading(self.spec.name, raw):
            return Reply(text=body["message"]["content"], raw=raw, input_tokens=body.get("prompt_eval_count"),
                         output_tokens=body.get("eval_count"), dialect="format")


def request(spec: ModelSpec, query: Query) -> dict[str, Any]:
    """The request body for ``query``, unstreamed, with a context sized to fit it."""
    messages = [{"role": "system", "content": query.system}] if query.system else []
    messages.append({"role": "user", "content": query.user})
    options: dict[str, Any] = {"temperature": query.sampling.temperature, "num_predict": query.sampling.max_tokens,
                               "num_ctx": context_size(query)}
    if query.sampling.seed is not None:
        options["seed"] = query.sampling.seed
    return {"model": spec.model, "messages": messages, "stream": False, "format": dict(query.answer_schema),
            "options": options}


def context_size(query: Query) -> int:
    """Tokens of context that surely hold the prompt, the schema and the answer: a power of two, at least 2048."""
    prompt = len(query.system.encode()) + len(query.user.encode()) + len(json.dumps(query.answer_schema).encode())
    needed = -(-prompt // BYTES_PER_TOKEN) + TEMPLATE_TOKENS + query.sampling.max_tokens
    return max(MIN_CONTEXT, 1 << (needed - 1).bit_length())
