"""Measure how close httpx gets to ideal throughput against a slow server, per transport.

    python scripts/bench_transport.py [--latency 0.1] [--concurrency 64 128] [--seconds 5]

A model API answers each request after a long wait, so a run with C requests in flight should
complete C / latency requests per second. The server here is stdlib asyncio in its own process
(so it does not compete with the client's event loop) and answers every request after
``--latency`` seconds on a kept-alive HTTP/1.1 connection. For each transport and concurrency the
script keeps exactly C requests in flight for ``--seconds`` and prints requests/s and the share of
ideal. It picked the transport :func:`flipbench.harness.localizers.http.open_client` uses.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import time
from collections.abc import Callable

import httpx

from flipbench.harness.localizers.http import open_client

BODY = b'{"choices": [{"message": {"content": "{\\"lines\\": [3]}"}}]}'


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


def httpx_default(concurrency: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(limits=limits, timeout=30)


def httpx_aiohttp(concurrency: int) -> httpx.AsyncClient:
    return open_client(concurrency, timeout=30)


TRANSPORTS: dict[str, Callable[[int], httpx.AsyncClient]] = {
    "httpx (default pool)": httpx_default,
    "httpx + httpx-aiohttp": httpx_aiohttp,  # what flipbench uses
}


async def measure(make: Callable[[int], httpx.AsyncClient], url: str, concurrency: int, seconds: float) -> float:
    """Requests per second with ``concurrency`` requests in flight for ``seconds`` (after a warm-up)."""
    done = 0
    async with make(concurrency) as client:

        async def worker(deadline: float, count: bool) -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                response = await client.post(url, json={"model": "m", "messages": []})
                response.raise_for_status()
                if count:
                    done += 1

        warm = time.perf_counter() + 1.0
        await asyncio.gather(*(worker(warm, False) for _ in range(concurrency)))
        started = time.perf_counter()
        await asyncio.gather(*(worker(started + seconds, True) for _ in range(concurrency)))
        return done / (time.perf_counter() - started)


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
        print(f"{'transport':<24} {'concurrency':>11} {'req/s':>8} {'ideal':>8} {'of ideal':>9}")
        for concurrency in options.concurrency:
            ideal = concurrency / options.latency
            for name, make in TRANSPORTS.items():
                rate = asyncio.run(measure(make, url, concurrency, options.seconds))
                print(f"{name:<24} {concurrency:>11} {rate:>8.0f} {ideal:>8.0f} {rate / ideal:>8.0%}", flush=True)
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
