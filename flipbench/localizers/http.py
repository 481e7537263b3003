"""The one HTTP client every chat model shares, and the one way a call's outcome is read.

Client: :class:`ModelClient`, an ``httpx.AsyncClient`` over aiohttp's connection pool (see
:mod:`flipbench.localizers.transport` for why), whose :meth:`ModelClient.call` hands a
finished ``httpx.Request`` straight to that transport. A model API needs none of what the
client's ``send`` adds -- redirects, auth flows, cookies, per-URL mounts -- and skipping them
saves about a third of a call's CPU, which matters at a thousand calls a second
(``scripts/bench_transport.py``). Proxies come from the environment (``HTTPS_PROXY``,
``NO_PROXY``), as the transport reads them.

Outcome: :func:`post_json` turns a response, or the lack of one, into parsed JSON or exactly one
of :class:`TransientError` (worth retrying) and :class:`PermanentError` (not), always carrying the
raw body. Providers only build requests and read successful bodies.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

import httpx

from flipbench.localizers.base import PermanentError, TransientError
from flipbench.localizers.transport import AiohttpTransport

TRANSIENT_STATUSES = frozenset({408, 409, 429})
"""Besides every 5xx: timeout, conflict (a request racing another) and rate limit."""
MESSAGE_CHARS = 300


class ModelClient(httpx.AsyncClient):
    """An httpx client for model APIs; close it with ``async with``.

    It keeps up to ``connections`` connections open. ``timeout`` bounds connecting and each wait
    for the server (a non-streamed model answer arrives in one piece, so the read wait is the
    whole generation). Waiting for a free connection is unbounded: the caller decides how many
    calls it starts, and a call queued behind others has not failed.
    """

    def __init__(self, connections: int, timeout: float) -> None:
        if connections < 1:
            raise ValueError(f"connections must be at least 1, not {connections}")
        self.transport = AiohttpTransport(connections=connections)
        super().__init__(transport=self.transport, timeout=httpx.Timeout(timeout, pool=None), trust_env=False,
                         follow_redirects=False)
        self._extensions = {"timeout": self.timeout.as_dict()}
        self._json_headers = httpx.Headers([*self.headers.multi_items(), ("content-type", "application/json")])

    async def call(self, method: str, url: str, *, content: bytes, headers: Mapping[str, str]) -> httpx.Response:
        """One request with a JSON body and this client's default headers and timeout, its body read.

        The body goes in as a finished stream: httpx would otherwise re-derive ``Host`` and
        ``Content-Length`` through its header machinery on every call (aiohttp writes both anyway).
        """
        merged = self._json_headers
        if headers:
            merged = self._json_headers.copy()
            merged.update(headers)
        request = httpx.Request(method, _url(url), stream=httpx.ByteStream(content), headers=merged,
                                extensions=self._extensions)
        request.read()
        response = await self.transport.handle_async_request(request)
        response.read()  # the transport hands over the whole body; decoding it (gzip, ...) is httpx's
        return response


@lru_cache(maxsize=256)
def _url(url: str) -> httpx.URL:
    """Parsed once per endpoint, not per call."""
    return httpx.URL(url)


async def post_json(
    client: ModelClient,
    url: str,
    body: Mapping[str, Any],
    *,
    headers: Mapping[str, str],
    what: str,
    secret: str | None = None,
) -> tuple[Any, str]:
    """POST ``body`` as JSON and return the parsed response with its raw text.

    ``what`` names the caller in messages (``openai/gpt-4o``). ``secret`` (the API key sent in
    ``headers``) is cut out of every message and raw body, in case a server echoes it back; the
    httpx exception, which holds the request and its headers, is never chained.
    """
    content = json.dumps(body, separators=(",", ":"), allow_nan=False).encode()  # ASCII-only is faster to make
    try:
        response = await client.call("POST", url, content=content, headers=headers)
        raw = response.content.decode("utf-8", errors="replace")
    except httpx.UnsupportedProtocol as error:
        raise PermanentError(_redact(f"{what}: cannot reach {url}: {error}", secret)) from None
    except httpx.TransportError as error:
        raise TransientError(_redact(f"{what}: {_failure(error)}", secret)) from None
    raw = _redact(raw, secret)
    status = response.status_code
    if status in TRANSIENT_STATUSES or status >= 500:
        raise TransientError(
            f"{what}: HTTP {status}: {error_message(raw)}",
            retry_after=retry_after(response.headers),
            raw=raw,
            status=status,
        )
    if status >= 300:
        raise PermanentError(f"{what}: HTTP {status}: {error_message(raw)}", raw=raw, status=status)
    try:
        return json.loads(raw), raw
    except ValueError:
        raise TransientError(f"{what}: the response is not JSON: {_one_line(raw)}", raw=raw, status=status) from None


@contextmanager
def reading(what: str, raw: str) -> Iterator[None]:
    """Read a successful body inside this: a missing or mistyped field is a malformed answer."""
    try:
        yield
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as error:
        raise TransientError(f"{what}: unexpected response shape ({type(error).__name__}: {error})", raw=raw) from None


def error_message(raw: str) -> str:
    """The server's own words from an error body, on one line.

    Knows the shapes the providers use: ``{"error": {"message": ...}}`` (OpenAI, Anthropic,
    Gemini, llama.cpp), ``{"error": "..."}`` (Ollama), ``{"detail": ...}`` (FastAPI servers);
    anything else is shown as it came.
    """
    try:
        parsed = json.loads(raw)
    except ValueError:
        return _one_line(raw) or "(empty body)"
    message: Any = parsed
    if isinstance(parsed, dict):
        error = parsed.get("error", parsed.get("detail", parsed.get("message", parsed)))
        message = error.get("message", error) if isinstance(error, dict) else error
    return _one_line(message if isinstance(message, str) else json.dumps(message))


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait as the server asks in ``Retry-After`` (a number of seconds or an HTTP date)."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _failure(error: httpx.TransportError) -> str:
    """What went wrong on the wire, told from the aiohttp error behind the httpx one."""
    cause = error.__cause__ or error
    if isinstance(cause, TimeoutError | httpx.TimeoutException):
        return f"no answer within the timeout ({type(cause).__name__})"
    return _one_line(f"connection failed: {type(cause).__name__}: {cause}")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 3] + "..."


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "[redacted]") if secret else text
