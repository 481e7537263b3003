"""Streaming work items to worker processes, for work that one process's CPU cannot carry.

The parent pulls items from an iterable as the workers take them -- a bounded queue holds a few
small chunks, so a plan of any length never sits in memory -- and a worker takes the next chunk
when it has room, so a slower worker gets less. Workers send reports back (progress, then their
result, or the traceback that stopped them). A worker dies with its parent, so a ``kill -9`` of
the parent leaves no orphan still at work, and a worker that fails or vanishes fails the pool,
naming it. After Ctrl-C (which reaches the whole process group) the parent still takes the
reports the workers send while they stop.

Workers are forked from a fork server that has imported the worker's module once (starting a
fresh interpreter and importing httpx, aiohttp and flipbench costs ~0.8 CPU-seconds per worker),
and take the parent's current environment and directory, which may have changed since the fork
server started. Where there is no fork server (Windows), they are spawned.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import time
import traceback
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

CHUNK = 16
"""Items per queue message: small enough to balance workers, large enough to amortize pickling."""
QUEUED_CHUNKS_PER_WORKER = 4
POLL_SECONDS = 0.2
"""How often a waiting parent looks for dead workers, and a waiting worker for a dead parent."""
GRACE_SECONDS = 5.0
"""How long a stopping pool waits for its workers to hand over what they finished."""

Report = Callable[[Any], None]


class WorkerFailed(RuntimeError):
    """A worker raised (its traceback is the message) or exited without saying why."""


class Inbox:
    """A worker's side of the queue: the items meant for it, as an async iterator, so that the
    worker's event loop keeps running while it waits for the parent."""

    def __init__(self, items: multiprocessing.Queue, parent: int) -> None:
        """``parent``: the process that feeds the queue (not necessarily this one's parent)."""
        self._items, self._parent = items, parent
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[Any]:
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    chunk = self._items.get_nowait()
                except queue.Empty:
                    chunk = await loop.run_in_executor(None, self._wait)
                if chunk is None:
                    return
                for item in chunk:
                    yield item
        finally:
            self._closed = True  # a worker stopped early (Ctrl-C) must not wait here for items

    def _wait(self) -> Any:
        while not self._closed:
            try:
                return self._items.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not _alive(self._parent):  # where no death signal could be arranged
                    os._exit(1)
        return None


Serve = Callable[[int, Inbox, Report], Any]
"""What a worker runs: (its index, its inbox, a function that reports to the parent) -> its result.
Must be picklable (a module-level function or an instance of a module-level class)."""


def stream_to_workers(items: Iterable[Any], serve: Serve, *, workers: int,
                      on_report: Callable[[int, Any], None]) -> list[Any]:
    """Run ``serve`` in ``workers`` fresh processes, feed them ``items``, and return their results
    in worker order. ``on_report(index, report)`` sees each report as it arrives (on this thread)."""
    context = _context(serve.__module__)
    inbox: multiprocessing.Queue = context.Queue(maxsize=workers * QUEUED_CHUNKS_PER_WORKER)
    outbox: multiprocessing.Queue = context.Queue()
    here = _Place(os.getpid(), dict(os.environ), os.getcwd())
    processes = [context.Process(target=_work, args=(serve, index, inbox, outbox, here),
                                 name=f"flipbench-worker-{index}", daemon=True) for index in range(workers)]
    results: dict[int, Any] = {}

    def receive(wait: bool) -> None:
        """Handle what the workers sent (waiting a moment for the first message if ``wait``), then
        fail if a worker exited without its result. Exits are looked at first: a worker's messages
        are all in the pipe by the time it has exited, so its last words are read below."""
        exited = [index for index, process in enumerate(processes)
                  if index not in results and process.exitcode is not None]
        for kind, index, payload in _messages(outbox, wait=wait):
            if kind == "report":
                on_report(index, payload)
            elif kind == "done":
                results[index] = payload
            else:
                raise WorkerFailed(f"worker {index} failed:\n{payload}")
        for index in exited:
            if index not in results:
                raise WorkerFailed(f"worker {index} exited with code {processes[index].exitcode} before finishing")

    def put(message: list[Any] | None) -> None:
        while True:
            try:
                inbox.put(message, timeout=POLL_SECONDS)
                return
            except queue.Full:
                receive(wait=False)

    try:
        for process in processes:
            process.start()
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                put(chunk)
                chunk = []
                receive(wait=False)
        if chunk:
            put(chunk)
        for _ in processes:
            put(None)
        while len(results) < workers:
            receive(wait=True)
    except KeyboardInterrupt:
        _salvage(processes, outbox, on_report)
        _stop(processes, interrupted=True)
        raise
    except BaseException:
        _stop(processes, interrupted=False)
        raise
    finally:
        inbox.cancel_join_thread()  # chunks nobody will take must not keep this process from exiting
    for process in processes:
        process.join()
    return [results[index] for index in range(workers)]


def _salvage(processes: list[Any], outbox: multiprocessing.Queue, on_report: Callable[[int, Any], None]) -> None:
    """After Ctrl-C, which the workers received too: keep the reports they send while they stop (the
    work they finished), until all have exited or ``GRACE_SECONDS`` have passed."""
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline:
        exited = all(process.exitcode is not None for process in processes)  # before reading: see receive
        for kind, index, payload in _messages(outbox, wait=True):
            if kind == "report":
                on_report(index, payload)
        if exited:
            return


def _messages(outbox: multiprocessing.Queue, *, wait: bool) -> Iterator[tuple[str, int, Any]]:
    """What the workers have sent so far, waiting up to ``POLL_SECONDS`` for the first if ``wait``."""
    while True:
        try:
            yield outbox.get(timeout=POLL_SECONDS) if wait else outbox.get_nowait()
        except queue.Empty:
            return
        wait = False


def _stop(processes: list[Any], *, interrupted: bool) -> None:
    """End the workers of a failed pool, giving each a moment to save what it finished. After Ctrl-C
    they received the same signal; otherwise they are sent one (a worker takes SIGINT as Ctrl-C)."""
    for process in processes:
        if not interrupted and process.is_alive():
            os.kill(process.pid, signal.SIGINT)
    deadline = time.monotonic() + GRACE_SECONDS
    for process in processes:
        if process.pid is not None:
            process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()


@dataclass(frozen=True)
class _Place:
    """Where a worker works: for the parent it reports to, in the parent's environment and directory."""

    parent: int
    environment: dict[str, str]
    directory: str


def _context(module: str) -> Any:
    """Fork server where there is one (no inherited threads, locks or open databases, and imports
    paid once), else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([module])  # takes effect when the fork server starts
    return context


def _work(serve: Serve, index: int, items: multiprocessing.Queue, outbox: multiprocessing.Queue, place: _Place) -> None:
    _die_with_parent()
    if not _alive(place.parent):
        os._exit(1)
    os.environ.clear()
    os.environ.update(place.environment)
    os.chdir(place.directory)
    try:
        result = serve(index, Inbox(items, place.parent), lambda report: outbox.put(("report", index, report)))
    except BaseException:  # noqa: BLE001 -- the parent decides; Ctrl-C included
        outbox.put(("failed", index, traceback.format_exc()))
        outbox.close()
        outbox.join_thread()
        sys.exit(1)
    outbox.put(("done", index, result))


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent (the fork server, which exits with the
    process it serves) dies; elsewhere, :class:`Inbox` polls."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
