"""A sharded run from start to merge: check, choose the faults once, start the shards that need it on
the chosen executor, wait for them (unless detached), merge when every shard is done."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from flipbench.errors import InputError
from flipbench.runs.cluster import local, slurm
from flipbench.runs.cluster.shards import (
    Layout,
    Mark,
    ShardState,
    ShardStatus,
    discard,
    merge,
    open_layout,
    prepare,
    read_layout,
    shard_experiment,
    sharded_layout,
    status,
    to_run,
)
from flipbench.runs.experiment import Experiment
from flipbench.runs.run import RunResult, stage_one_of, summary_of
from flipbench.runs.store import Merged, Store

POLL_SECONDS = 2.0


class ExecutorName(StrEnum):
    LOCAL = "local"
    SLURM = "slurm"


@dataclass(frozen=True)
class ClusterOptions:
    executor: ExecutorName = ExecutorName.LOCAL
    detach: bool = False
    """Return once the shards are submitted (local shards always run to the end)."""
    slurm: slurm.SlurmOptions = field(default_factory=slurm.SlurmOptions)


@dataclass(frozen=True)
class ShardedRun:
    folder: Path
    shards: int
    started: tuple[int, ...]
    """The shards this invocation started or submitted."""
    statuses: tuple[ShardStatus, ...]
    merged: Merged | None
    """None until every shard is done (then the run database is built from them)."""


class ShardExecutor(Protocol):
    name: str

    def parallelism(self, shards: int) -> int:
        """How many of ``shards`` shards run at once (the provider limits are divided by it)."""
        ...

    def start(self, layout: Layout, experiment: Experiment, indices: Sequence[int]) -> None:
        """Run or submit the shards ``indices``."""
        ...


def executor_for(options: ClusterOptions) -> ShardExecutor:
    """The executor, checked to work here before anything is written."""
    if options.executor == ExecutorName.SLURM:
        return slurm.SlurmExecutor(options.slurm)
    return local.LocalExecutor()


class Liveness:
    """Whether a mark's process or job is alive, asked of whoever ran it: squeue for Slurm array tasks,
    the process table for local shards."""

    def __init__(self) -> None:
        self.queue = slurm.Queue()

    def __call__(self, mark: Mark) -> bool:
        if mark.executor == slurm.NAME:
            return self.queue.alive(mark)
        return local.process_alive(mark)


def run_sharded(experiment: Experiment, folder: Path, shards: int, options: ClusterOptions, *, fresh: bool = False,
                on_start: Callable[[], None] | None = None) -> ShardedRun:
    """Run (or resume) ``experiment`` in ``folder`` split into ``shards`` shards: only shards never started,
    failed or vanished are (re)started, so running the same command again completes a run without doing
    any task twice."""
    executor = executor_for(options)
    existed, new = folder.exists(), fresh or read_layout(folder) is None
    layout = open_layout(folder, shards, experiment, fresh=fresh)
    if on_start is not None:
        on_start()
    try:
        prepare(layout, experiment)
    except InputError:
        if new:  # refused while starting: nothing is left behind to block the corrected command
            discard(folder)
            if not existed:
                with contextlib.suppress(OSError):
                    folder.rmdir()
        raise
    alive = Liveness()
    indices = to_run(status(layout, alive))
    executor.start(layout, shard_experiment(experiment, executor.parallelism(max(1, len(indices)))), indices)
    if not options.detach:
        wait(layout, alive)
    statuses = status(layout, alive)
    merged = merge(folder) if all(shard.state == ShardState.DONE for shard in statuses) else None
    return ShardedRun(folder, shards, tuple(indices), tuple(statuses), merged)


def wait(layout: Layout, alive: Callable[[Mark], bool], poll: float = POLL_SECONDS) -> list[ShardStatus]:
    """Until no shard is running or waiting in a queue."""
    reported: set[tuple[int, ShardState]] = set()
    while True:
        statuses = status(layout, alive)
        for shard in statuses:
            if shard.state in (ShardState.FAILED, ShardState.VANISHED) and (shard.index, shard.state) not in reported:
                reported.add((shard.index, shard.state))
                print(f"shard {shard.index}: {shard.state}", file=sys.stderr)
        if not any(shard.state == ShardState.RUNNING or (shard.state == ShardState.PENDING and shard.mark is not None)
                   for shard in statuses):
            return statuses
        time.sleep(poll)


def shard_statuses(folder: Path) -> list[ShardStatus]:
    """``flipbench status``: every shard of the run in ``folder``."""
    return status(sharded_layout(folder), Liveness())


def merge_run(folder: Path) -> Merged:
    """``flipbench merge``: the run database built from the shards as they are."""
    return merge(folder)


def merged_result(folder: Path) -> RunResult:
    """The merged run's closing tables, as an unsharded run ends with (no per-stage tallies: the shards
    kept their own)."""
    with Store(folder) as store:
        return RunResult(folder, (), tuple(summary_of(store)), tuple(stage_one_of(store)))
