"""The one HTTP client every chat localizer shares, and the one way a call's outcome is read.

Transport: httpx's API over aiohttp's connection pool (``httpx-aiohttp``). A model API answers
each request after seconds, so a run keeps many requests in flight; httpx 0.28's own pool collapses
there. Against a server answering in 100 ms (``scripts/bench_transport.py``, on 2 cores busy with
other work) httpx's pool made 3-4% of ideal throughput at 64 connections and 1-2% at 128; the
aiohttp transport 40-56% and 16-29%, limited by the CPU it got, and 77-86% at 32.

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
from typing import Any

import httpx
from httpx_aiohttp import HttpxAiohttpClient

from flipbench.harness.localizers.base import PermanentError, TransientError

TRANSIENT_STATUSES = frozenset({408, 409, 429})
"""Besides every 5xx: timeout, conflict (a request racing another) and rate limit."""
MESSAGE_CHARS = 300


def open_client(concurrency: int, timeout: float) -> httpx.AsyncClient:
    """A client that keeps up to ``concurrency`` connections open; close it with ``async with``.
    (An ``httpx.AsyncClient`` whose transports, proxies from the environment included, are aiohttp's.)

    ``timeout`` bounds connecting and each wait for the server (a non-streamed model answer
    arrives in one piece, so the read wait is the whole generation). Waiting for a free connection
    is unbounded: the caller decides how many calls it starts, and a call queued behind others
    has not failed.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    client = HttpxAiohttpClient(limits=limits, timeout=httpx.Timeout(timeout, pool=None), follow_redirects=False)
    client._cookies = _NoCookies()  # the public setter copies into a plain Cookies
    return client


class _NoCookies(httpx.Cookies):
    """Model APIs keep no session in cookies, and httpx reads every response's cookies through
    urllib's cookie jar: about 7% of the harness's CPU per call (scripts/bench_harness.py profile)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


async def post_json(
    client: httpx.AsyncClient,
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
    try:
        response = await client.post(url, json=body, headers=dict(headers))
        raw = (await response.aread()).decode("utf-8", errors="replace")
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
    """What went wrong on the wire, told from the aiohttp error the transport wraps (its httpx
    class is a guess: a refused connection arrives as ``ConnectTimeout``)."""
    cause = error.__cause__ or error
    if isinstance(cause, TimeoutError | httpx.TimeoutException):
        return f"no answer within the timeout ({type(cause).__name__})"
    return _one_line(f"connection failed: {type(cause).__name__}: {cause}")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 3] + "..."


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "[redacted]") if secret else text
