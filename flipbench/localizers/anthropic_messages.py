"""``anthropic/<model>``: Anthropic's Messages API.

The API has no JSON-schema response format; a tool the model is forced to call is its structured
output, so the answer schema becomes the ``answer`` tool's input schema and the reply text is the
tool input as JSON. A reply without that tool call (a server that ignores tools) falls back to
its text blocks. The API takes no seed, so ``Sampling.seed`` is not sent.
"""

from __future__ import annotations

import json
from typing import Any

from flipbench.localizers.base import HttpChatModel, ModelSpec, Query, Reply
from flipbench.localizers.http import ModelClient, post_json, reading
from flipbench.localizers.keys import api_key

DEFAULT_BASE_URL = "https://api.anthropic.com"
KEY_VARIABLES = ("ANTHROPIC_API_KEY",)
API_VERSION = "2023-06-01"
TOOL = "answer"


class AnthropicMessages(HttpChatModel):
    """A Claude model behind the Messages API."""

    provider = "anthropic"
    default_base_url = DEFAULT_BASE_URL
    api = "messages"
    identity_extra = {"api_version": API_VERSION, "dialect": "tool"}

    async def complete(self, client: ModelClient, query: Query) -> Reply:
        key = api_key(self.spec, KEY_VARIABLES)
        headers = {"anthropic-version": API_VERSION} | ({"x-api-key": key} if key else {})
        body, raw = await post_json(client, f"{self.base_url}/v1/messages", request(self.spec, query),
                                    headers=headers, what=self.spec.name, secret=key)
        with reading(self.spec.name, raw):
            blocks = body["content"]
            usage = body.get("usage") or {}
            tokens = {"input_tokens": usage.get("input_tokens"), "output_tokens": usage.get("output_tokens")}
            for block in blocks:
                if block.get("type") == "tool_use" and block.get("name") == TOOL:
                    return Reply(text=json.dumps(block["input"]), raw=raw, dialect="tool", **tokens)
            text = "".join(block["text"] for block in blocks if block.get("type") == "text")
            return Reply(text=text, raw=raw, dialect="none", **tokens)


def request(spec: ModelSpec, query: Query) -> dict[str, Any]:
    """The request body for ``query``: the answer schema as a tool the model must call."""
    body: dict[str, Any] = {
        "model": spec.model,
        "max_tokens": query.sampling.max_tokens,
        "temperature": query.sampling.temperature,
        "messages": [{"role": "user", "content": query.user}],
        "tools": [{"name": TOOL, "description": "Report the answer.", "input_schema": dict(query.answer_schema)}],
        "tool_choice": {"type": "tool", "name": TOOL},
    }
    if query.system:
        body["system"] = query.system
    return body
