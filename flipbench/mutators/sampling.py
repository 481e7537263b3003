"""Seeded, machine-independent selection of sites.

Each candidate gets a rank from SHA-256 of the seed and a stable key, never from a PRNG whose
algorithm could change between Python versions. Selections are nested: the first ``k`` of a
larger selection are exactly the selection of size ``k`` under the same seed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
QUARTILES = (1, 2, 3, 4)


def quartile(position: float) -> int:
    """The study's position window (1: 0-25%, ..., 4: 75-100%) of a percentile."""
    return min(int(position // 25), 3) + 1


def rank(seed: int, key: str) -> bytes:
    return hashlib.sha256(f"{seed}\x00{key}".encode()).digest()


def select(items: Sequence[T], *, seed: int, limit: int | None, key: Callable[[T], str],
           stratum: Callable[[T], int] | None = None) -> list[T]:
    """Up to ``limit`` items chosen by seeded rank, returned in their original order.

    With ``stratum``, strata take turns (lowest stratum first) so that each contributes as
    equally as its size allows.
    """
    if limit is None or limit >= len(items):
        return list(items)
    ranked = sorted(range(len(items)), key=lambda index: rank(seed, key(items[index])))
    if stratum is None:
        chosen = ranked[:limit]
    else:
        queues: dict[int, list[int]] = {}
        for index in ranked:
            queues.setdefault(stratum(items[index]), []).append(index)
        chosen = []
        turn = 0
        order = sorted(queues)
        while len(chosen) < limit:
            for group in order:
                if turn < len(queues[group]) and len(chosen) < limit:
                    chosen.append(queues[group][turn])
            turn += 1
    return [items[index] for index in sorted(chosen)]
