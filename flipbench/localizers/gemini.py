"""``google/<model>``: Gemini's ``generateContent``.

Gemini constrains output with ``responseSchema``, which takes a subset of OpenAPI's schema, not
JSON Schema: keys outside it (``additionalProperties``, ``$schema``, ``title``...) make the request
fail, so the answer schema is cut down to that subset first. Thinking models return their
thoughts as parts marked ``thought``; those are left out of the text and counted as output tokens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flipbench.localizers.base import HttpChatModel, PermanentError, Query, Reply
from flipbench.localizers.http import ModelClient, post_json, reading
from flipbench.localizers.keys import api_key

DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com"
KEY_VARIABLES = ("GEMINI_API_KEY", "GOOGLE_API_KEY")
SCHEMA_KEYS = frozenset({"type", "format", "description", "nullable", "enum", "properties", "required", "items",
                         "minItems", "maxItems", "minimum", "maximum", "anyOf", "propertyOrdering"})
"""The schema keys ``responseSchema`` accepts."""


class GeminiGenerate(HttpChatModel):
    """A Gemini model behind ``generateContent``."""

    provider = "google"
    default_base_url = DEFAULT_BASE_URL
    api = "v1beta/generateContent"
    identity_extra = {"dialect": "response_schema"}

    async def complete(self, client: ModelClient, query: Query) -> Reply:
        key = api_key(self.spec, KEY_VARIABLES)
        headers = {"x-goog-api-key": key} if key else {}
        url = f"{self.base_url}/v1beta/models/{self.spec.model}:generateContent"
        body, raw = await post_json(client, url, request(query), headers=headers, what=self.spec.name, secret=key)
        with reading(self.spec.name, raw):
            usage = body.get("usageMetadata") or {}
            blocked = (body.get("promptFeedback") or {}).get("blockReason")
            if blocked:
                raise PermanentError(f"{self.spec.name}: the prompt was refused: {blocked}", raw=raw, status=200)
            parts = (body["candidates"][0].get("content") or {}).get("parts") or []
            text = "".join(part.get("text", "") for part in parts if not part.get("thought"))
            output = usage.get("candidatesTokenCount")
            if output is not None or "thoughtsTokenCount" in usage:
                output = (output or 0) + usage.get("thoughtsTokenCount", 0)
            return Reply(text=text, raw=raw, input_tokens=usage.get("promptTokenCount"), output_tokens=output,
                         dialect="response_schema")


def request(query: Query) -> dict[str, Any]:
    """The request body for ``query``."""
    config: dict[str, Any] = {
        "temperature": query.sampling.temperature,
        "maxOutputTokens": query.sampling.max_tokens,
        "responseMimeType": "application/json",
        "responseSchema": response_schema(query.answer_schema),
    }
    if query.sampling.seed is not None:
        config["seed"] = query.sampling.seed
    body: dict[str, Any] = {"contents": [{"role": "user", "parts": [{"text": query.user}]}], "generationConfig": config}
    if query.system:
        body["systemInstruction"] = {"parts": [{"text": query.system}]}
    return body


def response_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` cut down to what ``responseSchema`` accepts; ``"type": [T, "null"]`` becomes nullable T."""
    kept: dict[str, Any] = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYS:
            continue
        if key == "properties":
            kept[key] = {name: response_schema(sub) for name, sub in value.items()}
        elif key == "items":
            kept[key] = response_schema(value)
        elif key == "anyOf":
            kept[key] = [response_schema(sub) for sub in value]
        elif key == "type" and isinstance(value, list):
            kinds = [kind for kind in value if kind != "null"]
            kept[key] = kinds[0] if len(kinds) == 1 else value
            if "null" in value:
                kept["nullable"] = True
        else:
            kept[key] = value
    return kept
