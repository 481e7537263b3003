"""A scripted OpenAI-compatible chat server for harness tests and ``scripts/bench_harness.py``.

It speaks the real Chat Completions wire format (request JSON in, ``choices[0].message.content``
and ``usage`` out, OpenAI-shaped error bodies), answers after a fixed latency, counts every
request it sees, and injects failures on a script: 429 with ``Retry-After``, 500/503, a response
slower than the client's timeout, a malformed body, a body cut short; like llama.cpp's server, it
can refuse ``response_format`` types it lacks. Plain asyncio streams with
keep-alive, so that it can serve over a thousand requests a second on one core. ``GET /stats``
answers how long it has had chat requests open (``busy_seconds``: the union of their intervals),
for benchmarks that measure how much of a run the model was kept busy.

Run it alone: ``python tests/model_server.py --port 8011 --latency 0.1``.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

Behaviour = str | None
"""None: answer normally; else one of 429, 500, 503, timeout, malformed, truncated, unparseable."""
Script = Callable[[str, int], Behaviour]
"""(the prompt's user message, how many times this exact request was seen before) -> behaviour."""


def hashed_line_answer(user: str) -> str:
    """A deterministic guess: a line of the prompt chosen by a hash of it (mostly a code line; cheap,
    so that the server leaves the CPU to the harness it measures)."""
    count = user.count("\n") + 1
    line = int.from_bytes(hashlib.sha256(user.encode()).digest()[:8], "big") % count + 1
    return json.dumps({"lines": [line]})


LLAMACPP_REFUSAL = {"error": {
    "message": "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
               "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}",
    "type": "internal_server_error", "param": None, "code": None}}
"""What llama-cpp-python's server answers (with HTTP 500) to a ``response_format`` type it does not take."""


@dataclass
class ScriptedModel:
    latency: float = 0.0
    script: Script = lambda user, seen: None
    answer: Callable[[str], str] = hashed_line_answer
    response_formats: frozenset[str] | None = None
    """The ``response_format`` types the server takes (None: every one); others are refused like llama.cpp does."""
    requests: int = 0
    paths: Counter = field(default_factory=Counter)
    seen: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)
    """Requests refused, by the ``response_format`` type they asked for."""
    open_requests: int = 0
    busy_seconds: float = 0.0
    """Time with at least one chat request open (counted up to the last request that closed)."""
    _busy_since: float = 0.0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.requests += 1
                self.paths[path] += 1
                if not await self._respond(method, path, body, writer):
                    break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _respond(self, method: str, path: str, body: bytes, writer: asyncio.StreamWriter) -> bool:
        if method == "GET" and path == "/stats":
            busy = self.busy_seconds + (time.monotonic() - self._busy_since if self.open_requests else 0.0)
            self._send(writer, 200, {"requests": self.requests, "busy_seconds": busy})
            return True
        if method == "GET" and path.endswith("/models"):
            self._send(writer, 200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})
            return True
        if not path.endswith("/chat/completions"):
            self._send(writer, 404, {"error": {"message": f"no route {path}", "type": "not_found"}})
            return True
        request = json.loads(body)
        kind = (request.get("response_format") or {}).get("type")
        if kind is not None and self.response_formats is not None and kind not in self.response_formats:
            self.refused[kind] += 1
            self._send(writer, 500, LLAMACPP_REFUSAL)
            return True
        if self.open_requests == 0:
            self._busy_since = time.monotonic()
        self.open_requests += 1
        try:
            return await self._complete(request, body, writer)
        finally:
            self.open_requests -= 1
            if self.open_requests == 0:
                self.busy_seconds += time.monotonic() - self._busy_since

    async def _complete(self, request: dict, body: bytes, writer: asyncio.StreamWriter) -> bool:
        user = next(m["content"] for m in request["messages"] if m["role"] == "user")
        key = hashlib.sha256(body).hexdigest()
        behaviour = self.script(user, self.seen[key])
        self.seen[key] += 1
        await asyncio.sleep(self.latency)
        if behaviour == "timeout":
            await asyncio.sleep(3600)
        if behaviour in ("429", "500", "503"):
            extra = {"Retry-After": "0"} if behaviour == "429" else {}
            self._send(writer, int(behaviour), {"error": {"message": "injected failure", "type": "server_error"}},
                       extra)
            return True
        if behaviour == "malformed":
            self._raw(writer, 200, b"<html>proxy error</html>")
            return True
        content = "I am not sure." if behaviour == "unparseable" else self.answer(user)
        reply = {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": request.get("model", ""),
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": len(user) // 4, "completion_tokens": 8,
                           "total_tokens": len(user) // 4 + 8}}
        if behaviour == "truncated":
            data = json.dumps(reply).encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(data)).encode() + b"\r\n\r\n" + data[: len(data) // 2])
            await writer.drain()
            return False
        self._send(writer, 200, reply)
        return True

    def _send(self, writer: asyncio.StreamWriter, status: int, payload: dict, headers: dict | None = None) -> None:
        self._raw(writer, status, json.dumps(payload).encode(), headers, "application/json")

    @staticmethod
    def _raw(writer: asyncio.StreamWriter, status: int, data: bytes, headers: dict | None = None,
             kind: str = "text/html") -> None:
        extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(data)}\r\n{extra}\r\n"
                     .encode() + data)


class ServerThread:
    """The scripted model on a free port of 127.0.0.1, in a background thread."""

    def __init__(self, model: ScriptedModel) -> None:
        self.model = model
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.port = 0

    def __enter__(self) -> ServerThread:
        self.thread.start()
        self.ready.wait(10)
        return self

    def __exit__(self, *_: object) -> None:
        asyncio.run_coroutine_threadsafe(self._shut_down(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()

    async def _shut_down(self) -> None:
        """Close the listener and cancel open connections while the loop still runs, so that nothing is
        left to finalize later on another thread."""
        self.server.close()
        handlers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self.model.handle, "127.0.0.1", 0, backlog=1024))
        self.port = self.server.sockets[0].getsockname()[1]
        self.ready.set()
        self.loop.run_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    model = ScriptedModel(latency=args.latency)

    async def serve() -> None:
        server = await asyncio.start_server(model.handle, "127.0.0.1", args.port, backlog=4096)
        print(f"listening on http://127.0.0.1:{args.port}/v1", flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
