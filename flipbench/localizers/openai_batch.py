"""OpenAI's Batch API on the wire: Chat Completions requests as one JSONL file, answered within 24 hours
at about half the online price.

A batch is made in two calls -- the requests uploaded through the Files API (``POST /files``,
``purpose = batch``), then ``POST /batches`` on ``/v1/chat/completions`` with that file -- and is then
polled (``GET /batches/{id}``) until its status is terminal: ``completed``, ``failed`` (the file was
refused as a whole, ``errors`` says why), ``expired`` (the 24-hour window closed; what finished is in the
output file, the rest in the error file as ``batch_expired``) or ``cancelled``. Its answers are in two
JSONL files fetched with ``GET /files/{id}/content``: ``output_file_id`` (a line per request that got a
response, ``{"custom_id", "response": {"status_code", "body"}, "error": null}``) and ``error_file_id``
(lines whose ``error`` or non-200 ``response`` says why a request has none). Lines come in any order and
are matched to requests by ``custom_id``.

This module only speaks the protocol (pure functions for the files, :class:`OpenAIBatches` for the calls).
An item without an answer -- an error line, a line that is not JSON, or no line at all -- is reported
as such (:class:`ItemResult` with ``reply`` None), never guessed: the caller asks it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx

from flipbench.localizers.base import ModelSpec, PermanentError, Query, Reply, TransientError
from flipbench.localizers.http import TRANSIENT_STATUSES, error_message, retry_after
from flipbench.localizers.keys import api_key
from flipbench.localizers.openai_chat import DEFAULT_BASE_URL, KEY_VARIABLES, OpenAIChat, reply_from
from flipbench.localizers.openai_chat import request as chat_request

ENDPOINT = "/v1/chat/completions"
COMPLETION_WINDOW = "24h"
MAX_REQUESTS = 50_000
"""Requests one batch's input file may hold (OpenAI's limit)."""
MAX_BYTES = 200 * 1024 * 1024
"""... and its size in bytes."""


class BatchState(StrEnum):
    """A batch's ``status``, as the API names it."""

    VALIDATING = "validating"
    IN_PROGRESS = "in_progress"
    FINALIZING = "finalizing"
    COMPLETED = "completed"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLING = "cancelling"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        """No change will come: its files (if any) are final."""
        return self in (BatchState.COMPLETED, BatchState.FAILED, BatchState.EXPIRED, BatchState.CANCELLED)


@dataclass(frozen=True)
class BatchRequest:
    """One Chat Completions request of a batch, named by ``custom_id`` (unique within the batch)."""

    custom_id: str
    body: Mapping[str, Any]

    def line(self) -> bytes:
        return json.dumps({"custom_id": self.custom_id, "method": "POST", "url": ENDPOINT, "body": self.body},
                          separators=(",", ":")).encode() + b"\n"


@dataclass(frozen=True)
class BatchStatus:
    """What ``GET /batches/{id}`` says of a batch."""

    id: str
    state: BatchState
    output_file_id: str | None = None
    error_file_id: str | None = None
    total: int = 0
    completed: int = 0
    failed: int = 0
    errors: str = ""
    """Why a ``failed`` batch was refused (its validation errors, one line)."""


@dataclass(frozen=True)
class ItemResult:
    """One request's outcome: its reply, or why it has none (to be asked again: never scored)."""

    custom_id: str
    reply: Reply | None
    error: str = ""


def split(requests: Iterable[BatchRequest], *, max_requests: int = MAX_REQUESTS,
          max_bytes: int = MAX_BYTES) -> Iterator[list[BatchRequest]]:
    """``requests`` in order, cut into input files within the provider's limits (a request alone larger than
    ``max_bytes`` is refused: no batch could take it)."""
    batch: list[BatchRequest] = []
    size = 0
    for request in requests:
        length = len(request.line())
        if length > max_bytes:
            raise PermanentError(f"batch request {request.custom_id} is {length:,} bytes, over the batch limit "
                                 f"of {max_bytes:,}")
        if batch and (len(batch) == max_requests or size + length > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(request)
        size += length
    if batch:
        yield batch


def input_file(requests: Iterable[BatchRequest]) -> bytes:
    return b"".join(request.line() for request in requests)


def read_results(custom_ids: Iterable[str], output: str, errors: str, dialect: str,
                 what: str) -> dict[str, ItemResult]:
    """Every request of a batch matched to its line of the output or error file by ``custom_id``. A request
    with no readable line (the line is not JSON, lacks a usable body, or is missing) gets an
    :class:`ItemResult` without a reply that says so."""
    wanted = list(custom_ids)
    found: dict[str, ItemResult] = {}
    malformed = 0
    for text in (output, errors):
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                custom_id = item["custom_id"]
            except (ValueError, TypeError, KeyError):
                malformed += 1
                continue
            if custom_id in found and found[custom_id].reply is not None:
                continue  # an answer outranks an error line for the same request
            found[custom_id] = _item(custom_id, item, line, dialect, what)
    missing = f"no line in the batch's result files ({malformed} unreadable lines there)" if malformed else \
        "no line in the batch's result files"
    return {custom_id: found.get(custom_id, ItemResult(custom_id, None, missing)) for custom_id in wanted}


def _item(custom_id: str, item: Any, line: str, dialect: str, what: str) -> ItemResult:
    error, response = item.get("error"), item.get("response")
    if error:
        return ItemResult(custom_id, None, f"{error.get('code', 'error')}: {error.get('message', '')}"
                          if isinstance(error, dict) else str(error))
    if not isinstance(response, dict):
        return ItemResult(custom_id, None, "neither a response nor an error")
    status, body = response.get("status_code"), response.get("body")
    if status != 200:
        return ItemResult(custom_id, None, f"HTTP {status}: {error_message(json.dumps(body))}")
    raw = json.dumps(body, separators=(",", ":"))
    try:
        return ItemResult(custom_id, reply_from(body, raw, dialect, what))
    except TransientError as failure:
        return ItemResult(custom_id, None, str(failure))


def status_of(batch: Mapping[str, Any]) -> BatchStatus:
    counts = batch.get("request_counts") or {}
    errors = batch.get("errors") or {}
    messages = "; ".join(str(error.get("message", error)) for error in errors.get("data") or []) \
        if isinstance(errors, dict) else str(errors)
    return BatchStatus(batch["id"], BatchState(batch["status"]), batch.get("output_file_id"),
                       batch.get("error_file_id"), counts.get("total", 0), counts.get("completed", 0),
                       counts.get("failed", 0), messages)


class OpenAIBatches:
    """The Files and Batches endpoints of one server (``base_url`` ends in ``/v1``, as the chat one does)."""

    def __init__(self, base_url: str, key: str | None, *, what: str = "openai", timeout: float = 120.0) -> None:
        self.base_url, self.what = base_url.rstrip("/"), what
        headers = {"authorization": f"Bearer {key}"} if key else {}
        self.client = httpx.Client(headers=headers, timeout=timeout, trust_env=False, follow_redirects=False)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> OpenAIBatches:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def upload(self, requests: Iterable[BatchRequest], name: str = "flipbench-batch.jsonl") -> str:
        """The input file's id."""
        data = self._checked(self.client.post(f"{self.base_url}/files", data={"purpose": "batch"},
                                              files={"file": (name, input_file(requests), "application/jsonl")}))
        return data["id"]

    def create(self, input_file_id: str) -> BatchStatus:
        return status_of(self._checked(self.client.post(f"{self.base_url}/batches", json={
            "input_file_id": input_file_id, "endpoint": ENDPOINT, "completion_window": COMPLETION_WINDOW})))

    def status(self, batch_id: str) -> BatchStatus:
        return status_of(self._checked(self.client.get(f"{self.base_url}/batches/{batch_id}")))

    def content(self, file_id: str | None) -> str:
        """A result file's text ('' for a file the batch does not have)."""
        if file_id is None:
            return ""
        return self._checked(self.client.get(f"{self.base_url}/files/{file_id}/content"), parse=False)

    def _checked(self, response: httpx.Response, *, parse: bool = True) -> Any:
        raw = response.text
        status = response.status_code
        if status in TRANSIENT_STATUSES or status >= 500:
            raise TransientError(f"{self.what}: HTTP {status}: {error_message(raw)}",
                                 retry_after=retry_after(response.headers), raw=raw, status=status)
        if status >= 300:
            raise PermanentError(f"{self.what}: HTTP {status}: {error_message(raw)}", raw=raw, status=status)
        if not parse:
            return raw
        try:
            return json.loads(raw)
        except ValueError:
            raise TransientError(f"{self.what}: the response is not JSON", raw=raw, status=status) from None


def batch_request(model: OpenAIChat, custom_id: str, query: Query) -> BatchRequest:
    """``query`` to ``model`` as a line of a batch, in the dialect the model would use online."""
    return BatchRequest(custom_id, chat_request(model.spec, query, model.dialect))


def batches_for(spec: ModelSpec, timeout: float = 120.0) -> OpenAIBatches:
    """The batch endpoints of ``spec``'s server, with its API key from the environment."""
    return OpenAIBatches(spec.base_url or DEFAULT_BASE_URL, api_key(spec, KEY_VARIABLES), what=spec.name,
                         timeout=timeout)
