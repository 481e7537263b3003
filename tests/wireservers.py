"""A real HTTP/1.1 server for tests that need a model API on the other end of a socket.

It runs in a background thread with its own event loop, records every request it receives and
answers with what the test scripted: any status, headers and body, after a delay, or cut short
(the promised Content-Length is not sent before the connection closes). Tests give it the bodies a
provider really sends, so a localizer is exercised on the real wire, never on a mocked client.

    with WireServer() as server:
        server.answer(Answer.json({"choices": [...]}), Answer.json(error, status=429, headers={"retry-after": "2"}))
        ... point the client at server.url ...
        assert server.received[0].path == "/chat/completions"
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any


@dataclass(frozen=True)
class Received:
    """One request as it arrived: header names lower-cased, the body as bytes."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Answer:
    """What the server sends back: ``delay`` seconds later, and only half the body if ``truncate``."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    truncate: bool = False

    @classmethod
    def json(cls, payload: Any, status: int = 200, headers: Mapping[str, str] | None = None, **options: Any) -> Answer:
        return cls(status, json.dumps(payload).encode(), {"content-type": "application/json", **(headers or {})},
                   **options)


class WireServer:
    """Serves on ``url`` until the ``with`` block ends; answers in the order given to :meth:`answer`,
    or from ``handler`` (a function of the request) when one is set."""

    def __init__(self, handler: Callable[[Received], Answer] | None = None) -> None:
        self.handler = handler
        self.received: list[Received] = []
        self._queued: deque[Answer] = deque()
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wireserver", daemon=True)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.url = ""

    def answer(self, *answers: Answer) -> None:
        self._queued.extend(answers)

    def __enter__(self) -> WireServer:
        self._thread.start()
        self._started.wait()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._loop.call_soon_threadsafe(self._stop)
        self._thread.join(timeout=5)
        self._loop.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._connection, "127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"
        self._started.set()
        self._loop.run_forever()

    def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in self._tasks:
            task.cancel()
        self._loop.call_later(0.05, self._loop.stop)

    def _respond(self, request: Received) -> Answer:
        if self.handler is not None:
            return self.handler(request)
        if self._queued:
            return self._queued.popleft()
        return Answer.json({"error": {"message": "the test scripted no answer for this request"}}, status=599)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                self.received.append(request)
                answer = self._respond(request)
                await asyncio.sleep(answer.delay)
                writer.write(_head(answer))
                writer.write(answer.body[: len(answer.body) // 2] if answer.truncate else answer.body)
                await writer.drain()
                if answer.truncate:
                    return
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()


async def _read_request(reader: asyncio.StreamReader) -> Received | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return None
    request_line, *lines = head.decode("latin-1").split("\r\n")
    method, path, _version = request_line.split(" ", 2)
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Received(method, path, headers, body)


def _head(answer: Answer) -> bytes:
    reason = HTTPStatus(answer.status).phrase if answer.status in HTTPStatus._value2member_map_ else "Unknown"
    headers = {"content-length": str(len(answer.body)), **answer.headers}
    lines = [f"HTTP/1.1 {answer.status} {reason}", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
