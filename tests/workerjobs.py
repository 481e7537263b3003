"""Jobs for worker-pool tests: module-level, so that worker processes can import them by name."""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass

from flipbench.runs.executor import run_loop
from flipbench.runs.workers import Inbox, Report


@dataclass(frozen=True)
class Collect:
    """Take every item, report progress every ``report_every`` items; return (pid, items seen)."""

    report_every: int = 100
    seconds_per_item: float = 0.0

    def __call__(self, index: int, inbox: Inbox, report: Report) -> tuple[int, list[int]]:
        async def take() -> list[int]:
            seen = []
            async for item in inbox:
                seen.append(item)
                if self.seconds_per_item:
                    time.sleep(self.seconds_per_item)
                if len(seen) % self.report_every == 0:
                    report(len(seen))
            return seen

        report(("pid", os.getpid()))
        return os.getpid(), run_loop(take())


@dataclass(frozen=True)
class FailOn:
    """Raise on item ``bad``, or leave without a word (``os._exit``) if ``vanish``."""

    bad: int
    vanish: bool = False

    def __call__(self, index: int, inbox: Inbox, report: Report) -> None:
        async def take() -> None:
            async for item in inbox:
                if item == self.bad:
                    if self.vanish:
                        os._exit(3)
                    raise ValueError(f"cannot take item {item}")

        run_loop(take())


@dataclass(frozen=True)
class Environment:
    """Return the value of an environment variable and the working directory, as the worker sees them."""

    variable: str

    def __call__(self, index: int, inbox: Inbox, report: Report) -> tuple[str | None, str]:
        async def drain() -> None:
            async for _ in inbox:
                pass

        run_loop(drain())
        return os.environ.get(self.variable), os.getcwd()


@dataclass(frozen=True)
class ReportWhenStopped:
    """Say it started, take items slowly, and report how many it took only when stopped."""

    def __call__(self, index: int, inbox: Inbox, report: Report) -> None:
        async def take() -> None:
            taken = 0
            report(("started", os.getpid()))
            try:
                async for _ in inbox:
                    taken += 1
                    await asyncio.sleep(0.01)
            finally:
                report(("stopped", taken))

        run_loop(take())
