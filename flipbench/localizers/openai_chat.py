"""``openai/<model>``: the Chat Completions API, as OpenAI and most local servers speak it.

Servers that copy the API differ in how they take a JSON schema. OpenAI takes
``response_format: {"type": "json_schema", ...}``; llama-cpp-python's server rejects that (with an
HTTP 500 that names ``response_format``) and takes ``{"type": "json_object", "schema": ...}``; some
take neither. A localizer tries them in that order, steps down when the server's error names
``response_format`` or ``json_schema``, and remembers the step; the run keeps the dialect the
server accepted (see :class:`~flipbench.localizers.base.LearnsDialect`), so a server costs
at most one rejected call per dialect it lacks per run, however many stages, worker processes and
resumes it has.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flipbench.localizers.base import (
    ModelSpec,
    PermanentError,
    Query,
    Reply,
    Server,
    TransientError,
    once_per_schema,
)
from flipbench.localizers.http import ModelClient, post_json, reading
from flipbench.localizers.keys import api_key

DEFAULT_BASE_URL = "https://api.openai.com/v1"
KEY_VARIABLES = ("OPENAI_API_KEY",)
DIALECTS = ("json_schema", "json_object", "none")
"""Most to least strict; a localizer starts at the first its server has not rejected."""
SCHEMA_NAME = "answer"
REJECTION_STATUSES = frozenset({400, 422, 500})
"""llama-cpp-python answers an unknown ``response_format`` type with 500, FastAPI servers with 422."""


class OpenAIChat:
    """A Chat Completions model. Not frozen: it learns which dialect its server takes."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.base_url = (spec.base_url or DEFAULT_BASE_URL).rstrip("/")
        self._first_dialect = 0

    def __repr__(self) -> str:
        return f"OpenAIChat({self.spec.name!r}, base_url={self.base_url!r})"

    @property
    def server(self) -> Server:
        return (self.base_url, self.spec.model)

    @property
    def dialect(self) -> str:
        """The structured-output dialect its next request uses (a batch's requests all use it)."""
        return DIALECTS[self._first_dialect]

    def start_with(self, dialect: str) -> None:
        if dialect in DIALECTS:
            self._first_dialect = max(self._first_dialect, DIALECTS.index(dialect))

    def identity(self) -> Mapping[str, Any]:
        # The dialect order, not the dialect learned: a key must be known before the first call, and
        # stays the same once the dialect is learned, so every cached response stays valid.
        return {"provider": "openai", "model": self.spec.model, "base_url": self.base_url,
                "api": "chat/completions", "dialects": list(DIALECTS)}

    async def complete(self, client: ModelClient, query: Query) -> Reply:
        key = api_key(self.spec, KEY_VARIABLES)
        headers = {"authorization": f"Bearer {key}"} if key else {}
        while True:
            step = self._first_dialect
            dialect = DIALECTS[step]
            try:
                body, raw = await post_json(client, f"{self.base_url}/chat/completions", request(self.spec, query, dialect),
                                            headers=headers, what=self.spec.name, secret=key)
            except (PermanentError, TransientError) as error:
                if step + 1 < len(DIALECTS) and rejects_dialect(error):
                    self._first_dialect = max(self._first_dialect, step + 1)
                    continue
                raise
            return reply_from(body, raw, dialect, self.spec.name)


def reply_from(body: Any, raw: str, dialect: str, what: str) -> Reply:
    """The :class:`Reply` in a chat completion ``body`` (online, or a line of a batch's output file)."""
    with reading(what, raw):
        content = body["choices"][0]["message"].get("content") or ""  # None when the model refused
        if isinstance(content, list):  # some servers send content parts
            content = "".join(part.get("text", "") for part in content)
        usage = body.get("usage") or {}
        return Reply(text=content, raw=raw, input_tokens=usage.get("prompt_tokens"),
                     output_tokens=usage.get("completion_tokens"), dialect=dialect,
                     cached_input_tokens=(usage.get("prompt_tokens_details") or {}).get("cached_tokens"))


def request(spec: ModelSpec, query: Query, dialect: str) -> dict[str, Any]:
    """The request body for ``query`` in ``dialect``."""
    messages = [{"role": "system", "content": query.system}] if query.system else []
    messages.append({"role": "user", "content": query.user})
    body: dict[str, Any] = {"model": spec.model, "messages": messages,
                            "temperature": query.sampling.temperature, "max_tokens": query.sampling.max_tokens}
    if query.sampling.seed is not None:
        body["seed"] = query.sampling.seed
    if dialect == "json_schema":
        body["response_format"] = {"type": "json_schema", "json_schema": {
            "name": SCHEMA_NAME, "schema": _strict_schema_once(query.answer_schema), "strict": True}}
    elif dialect == "json_object":
        body["response_format"] = {"type": "json_object", "schema": dict(query.answer_schema)}
    return body


def strict_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` as OpenAI's strict mode demands it, meaning the same.

    Strict mode rejects an object that allows extra keys or leaves a property optional, so every
    object gets ``additionalProperties: false`` and an optional property becomes required but
    nullable (a model that would have left it out writes ``null``).
    """
    strict: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties" and isinstance(value, Mapping):
            strict[key] = {name: strict_schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties") and isinstance(value, Mapping):
            strict[key] = strict_schema(value)
        elif key in ("anyOf", "allOf", "oneOf", "prefixItems") and isinstance(value, list):
            strict[key] = [strict_schema(sub) if isinstance(sub, Mapping) else sub for sub in value]
        else:
            strict[key] = value
    if strict.get("type") == "object" and isinstance(strict.get("properties"), dict):
        required = list(strict.get("required", []))
        for name, sub in strict["properties"].items():
            if name not in required:
                required.append(name)
                strict["properties"][name] = _nullable(sub)
        strict["required"] = required
        strict["additionalProperties"] = False
    return strict


_strict_schema_once = once_per_schema(strict_schema)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    if isinstance(kind, list):
        return {**schema, "type": kind if "null" in kind else [*kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def rejects_dialect(error: PermanentError | TransientError) -> bool:
    """Whether the server refused the request because of its ``response_format``."""
    mentioned = "response_format" in error.raw or "json_schema" in error.raw
    return error.status in REJECTION_STATUSES and mentioned
