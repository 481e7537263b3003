"""Request and token budgets, and backoff."""

import random

from flipbench.runs.pacing import Backoff, TokenBucket


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_bucket_starts_with_ten_seconds_of_budget():
    bucket = TokenBucket(60, Clock())
    assert bucket.capacity == 10 and bucket.wait_time(10) == 0


def test_an_empty_bucket_says_how_long_to_wait():
    clock = Clock()
    bucket = TokenBucket(60, clock)
    bucket.take(10)
    assert bucket.wait_time(1) == 1.0
    clock.now = 1.0
    assert bucket.wait_time(1) == 0


def test_a_request_larger_than_the_bucket_waits_for_a_full_bucket_only():
    clock = Clock()
    bucket = TokenBucket(600, clock)
    assert bucket.wait_time(5000) == 0


def test_backoff_grows_and_stays_under_its_cap():
    backoff = Backoff(base=1, cap=8)
    rng = random.Random(0)
    assert all(backoff.delay(1, None, rng) <= 1 for _ in range(100))
    assert all(backoff.delay(10, None, rng) <= 8 for _ in range(100))


def test_backoff_never_undercuts_retry_after():
    rng = random.Random(0)
    assert all(Backoff().delay(1, 3.0, rng) >= 3.0 for _ in range(100))
