"""Pacing calls to a provider: request and token budgets per minute, and backoff between retries.

Budgets are token buckets refilled continuously, holding ten seconds' worth, so a run starts
promptly without bursting a whole minute's allowance into a server that counts in sliding
windows. Backoff is exponential with full jitter (spreads retries of many tasks that failed
together) and never shorter than a server's ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

BURST_SECONDS = 10.0


class TokenBucket:
    def __init__(self, per_minute: float, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute <= 0:
            raise ValueError("a budget per minute must be positive")
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate * BURST_SECONDS)
        self.level = self.capacity
        self.clock = clock
        self.updated = clock()

    def wait_time(self, amount: float) -> float:
        """Seconds until ``amount`` is available (0: now). Amounts above capacity wait for a full bucket."""
        self._refill()
        needed = min(amount, self.capacity) - self.level
        return max(0.0, needed / self.rate)

    def take(self, amount: float) -> None:
        self._refill()
        self.level -= amount  # may go negative: a large request borrows from the future

    def give_back(self, amount: float) -> None:
        self.level = min(self.capacity, self.level + amount)

    def _refill(self) -> None:
        moment = self.clock()
        self.level = min(self.capacity, self.level + (moment - self.updated) * self.rate)
        self.updated = moment


class RateLimiter:
    """Both budgets of one provider; ``acquire`` waits until a request of an estimated size fits."""

    def __init__(self, requests_per_minute: float | None, tokens_per_minute: float | None) -> None:
        self.requests = TokenBucket(requests_per_minute) if requests_per_minute else None
        self.tokens = TokenBucket(tokens_per_minute) if tokens_per_minute else None
        self.lock = asyncio.Lock()

    async def acquire(self, estimated_tokens: int) -> None:
        if self.requests is None and self.tokens is None:
            return
        async with self.lock:  # first come, first served: a big request is not starved by small ones
            while True:
                wait = max(self.requests.wait_time(1) if self.requests else 0.0,
                           self.tokens.wait_time(estimated_tokens) if self.tokens else 0.0)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            if self.requests:
                self.requests.take(1)
            if self.tokens:
                self.tokens.take(estimated_tokens)

    def settle(self, estimated_tokens: int, actual_tokens: int | None) -> None:
        """Correct the token budget once the server says what a request really cost."""
        if self.tokens is None or actual_tokens is None:
            return
        if actual_tokens < estimated_tokens:
            self.tokens.give_back(estimated_tokens - actual_tokens)
        else:
            self.tokens.take(actual_tokens - estimated_tokens)


@dataclass(frozen=True)
class Backoff:
    base: float = 1.0
    cap: float = 60.0
    retry_after_cap: float = 300.0

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        jittered = rng.uniform(0, min(self.cap, self.base * 2 ** (attempt - 1)))
        if retry_after is not None:
            return min(self.retry_after_cap, max(0.0, retry_after)) + jittered * 0.1
        return jittered


DEFAULT_BACKOFF = Backoff()
