"""What a chat model receives and returns, and the two ways a call can fail.

A :class:`ChatModel` only speaks its server's wire format: it turns a :class:`Query` into HTTP and
the response into a :class:`Reply`. Prompts and the reading of answers live in the chat localizer
that wraps it (:mod:`flipbench.localizers.chat`), retries, rate limits and caching in the
executor, so a provider never sleeps, never retries and never parses a line number.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from flipbench.localizers.http import ModelClient


@dataclass(frozen=True)
class ModelSpec:
    """A ``provider/model`` string taken apart, plus the server it lives on (None: provider default)."""

    provider: str
    model: str
    base_url: str | None = None

    @property
    def name(self) -> str:
        return f"{self.provider}/{self.model}"


Server = tuple[str, str]
"""(base URL, model): what a structured-output dialect is learned for."""


@dataclass(frozen=True)
class Sampling:
    temperature: float = 0.0
    max_tokens: int = 512
    seed: int | None = None


@dataclass(frozen=True)
class Query:
    """One request: the rendered prompt, the JSON schema the answer should follow, sampling."""

    system: str
    user: str
    answer_schema: Mapping[str, Any]
    sampling: Sampling = field(default_factory=Sampling)


@dataclass(frozen=True)
class Reply:
    """The model's answer text, the raw response body (always stored), token usage and the
    structured-output dialect the server accepted: ``json_schema`` or ``json_object`` (OpenAI-style
    ``response_format``), ``tool`` (Anthropic's forced tool), ``response_schema`` (Gemini),
    ``format`` (Ollama), ``none`` (the prompt alone asked for JSON)."""

    text: str
    raw: str
    input_tokens: int | None = None
    output_tokens: int | None = None
    dialect: str = "none"
    cached_input_tokens: int | None = None
    """Of ``input_tokens``, those the provider served from its prompt cache (priced at ``[prices]``'s
    ``cached_input``); None where it does not say. Kept in ``raw`` too, which the store keeps."""


class TransientError(Exception):
    """Worth retrying: 408/409/429, 5xx, timeouts, refused or dropped connections, truncated bodies."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, raw: str = "", status: int | None = None
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.raw = raw
        self.status = status
        """The HTTP status, None when no response came (timeout, connection, truncated body)."""


class PermanentError(Exception):
    """Retrying cannot help: a bad key, an unknown model, a request the server rejects."""

    def __init__(self, message: str, *, raw: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.raw = raw
        self.status = status


class ChatModel(Protocol):
    """A model behind an HTTP API (``openai``, ``anthropic``, ``google``, ``ollama``): one call, no more."""

    spec: ModelSpec

    def identity(self) -> Mapping[str, Any]:
        """Everything besides the query that changes the answer (provider, model, base URL, dialect
        options); part of the response cache key. Never holds an API key."""
        ...

    async def complete(self, client: ModelClient, query: Query) -> Reply:
        """One call; raises TransientError or PermanentError, never retries or sleeps."""
        ...


@runtime_checkable
class LearnsDialect(Protocol):
    """A localizer that finds its server's structured-output dialect by trying (``openai``). The
    executor keeps the dialect a server accepted in the run, and starts every localizer of that server
    (each stage's, each worker process's, a resumed run's) with it."""

    @property
    def server(self) -> Server:
        ...

    def start_with(self, dialect: str) -> None:
        """Send the next request in ``dialect``, or a less strict one if the server refused it already."""
        ...


Derived = TypeVar("Derived")


def once_per_schema(function: Callable[[Mapping[str, Any]], Derived]) -> Callable[[Mapping[str, Any]], Derived]:
    """``function`` of an answer schema, computed once per schema object: a template's schema is one
    object for a whole run, while a task's query is built anew (the memo keeps each schema alive,
    so an id is never reused for another)."""
    made: dict[int, tuple[Mapping[str, Any], Derived]] = {}

    @functools.wraps(function)
    def once(schema: Mapping[str, Any]) -> Derived:
        known = made.get(id(schema))
        if known is None or known[0] is not schema:
            known = made[id(schema)] = (schema, function(schema))
        return known[1]

    return once


@dataclass(frozen=True)
class HttpChatModel:
    """What the stateless HTTP chat models share: their spec, their server and their identity (the
    response cache key's part that names the model). A subclass names its provider, default server,
    API and whatever else changes its answers (``identity_extra``)."""

    spec: ModelSpec
    provider: ClassVar[str]
    default_base_url: ClassVar[str]
    api: ClassVar[str]
    identity_extra: ClassVar[Mapping[str, Any]] = {}

    @property
    def base_url(self) -> str:
        return (self.spec.base_url or self.default_base_url).rstrip("/")

    def identity(self) -> Mapping[str, Any]:
        return {"provider": self.provider, "model": self.spec.model, "base_url": self.base_url, "api": self.api,
                **self.identity_extra}
