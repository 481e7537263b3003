"""Measure how close httpx gets to ideal throughput against a slow server, per transport.

    python scripts/bench_transport.py [--latency 0.1] [--concurrency 64 128] [--seconds 5]

A model API answers each request after a long wait, so a run with C requests in flight should
complete C / latency requests per second. The server here is stdlib asyncio in its own process
(so it does not compete with the client's event loop) and answers every request after
``--latency`` seconds on a kept-alive HTTP/1.1 connection. For each client and concurrency the
script keeps exactly C requests in flight for ``--seconds`` (a chat request with a 6 KB prompt)
and prints requests/s, the share of ideal and the client's CPU per request. It picked the
transport and call path of :class:`flipbench.localizers.http.ModelClient`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import socket
import time
from collections.abc import Awaitable, Callable

import httpx

from flipbench.localizers.http import ModelClient
from flipbench.runs.executor import run_loop

BODY = b'{"choices": [{"message": {"content": "{\\"lines\\": [3]}"}}]}'
REQUEST = {"model": "m", "messages": [{"role": "user", "content": "x = 1\n" * 1000}], "max_tokens": 256}


def serve(sock: socket.socket, latency: float) -> None:
    """Answer every request on ``sock`` after ``latency`` seconds, keeping connections open."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length:
                    await reader.readexactly(length)
                await asyncio.sleep(latency)
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                             b"content-length: %d\r\n\r\n%s" % (len(BODY), BODY))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, sock=sock, backlog=1024)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


Call = Callable[[], Awaitable[None]]


def httpx_default(concurrency: int, url: str) -> tuple[httpx.AsyncClient, Call]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    client = httpx.AsyncClient(limits=limits, timeout=30)
    return client, lambda: _post(client, url)


def httpx_aiohttp(concurrency: int, url: str) -> tuple[httpx.AsyncClient, Call]:
    from httpx_aiohttp import HttpxAiohttpClient  # the test extra

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    client = HttpxAiohttpClient(limits=limits, timeout=30)
    return client, lambda: _post(client, url)


def model_client_post(concurrency: int, url: str) -> tuple[httpx.AsyncClient, Call]:
    client = ModelClient(concurrency, 30)
    return client, lambda: _post(client, url)


def model_client_call(concurrency: int, url: str) -> tuple[httpx.AsyncClient, Call]:
    client = ModelClient(concurrency, 30)

    async def call() -> None:
        response = await client.call("POST", url, content=json.dumps(REQUEST).encode(), headers={})
        response.raise_for_status()

    return client, call


async def _post(client: httpx.AsyncClient, url: str) -> None:
    response = await client.post(url, json=REQUEST)
    response.raise_for_status()


CLIENTS: dict[str, Callable[[int, str], tuple[httpx.AsyncClient, Call]]] = {
    "httpx (default pool)": httpx_default,
    "httpx + httpx-aiohttp": httpx_aiohttp,
    "ModelClient.post": model_client_post,
    "ModelClient.call": model_client_call,  # what flipbench uses
}


async def measure(make: Callable[[int, str], tuple[httpx.AsyncClient, Call]], url: str, concurrency: int,
                  seconds: float) -> tuple[float, float]:
    """Requests per second and CPU ms per request with ``concurrency`` requests in flight for
    ``seconds`` (after a warm-up)."""
    done = 0
    client, call = make(concurrency, url)
    async with client:

        async def worker(deadline: float, count: bool) -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                await call()
                if count:
                    done += 1

        warm = time.perf_counter() + 1.0
        await asyncio.gather(*(worker(warm, False) for _ in range(concurrency)))
        started, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker(started + seconds, True) for _ in range(concurrency)))
        return done / (time.perf_counter() - started), 1000 * (time.process_time() - cpu) / max(done, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds the server waits before answering")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[64, 128])
    parser.add_argument("--seconds", type=float, default=5.0, help="measured seconds per run")
    options = parser.parse_args()

    sock = socket.create_server(("127.0.0.1", 0), backlog=1024)
    server = multiprocessing.get_context("spawn").Process(target=serve, args=(sock, options.latency), daemon=True)
    server.start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/v1/chat/completions"
    try:
        print(f"server latency {options.latency * 1000:.0f} ms, {options.seconds:.0f} s per run")
        print(f"{'client':<24} {'concurrency':>11} {'req/s':>8} {'ideal':>8} {'of ideal':>9} {'CPU ms/req':>10}")
        for concurrency in options.concurrency:
            ideal = concurrency / options.latency
            for name, make in CLIENTS.items():
                rate, cpu = run_loop(measure(make, url, concurrency, options.seconds))
                print(f"{name:<24} {concurrency:>11} {rate:>8.0f} {ideal:>8.0f} {rate / ideal:>8.0%} {cpu:>10.2f}",
                      flush=True)
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
