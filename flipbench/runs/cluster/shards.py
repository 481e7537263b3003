"""A run split into shards: each faulty program, with every task about it, in exactly one shard.

Layout of a sharded run directory::

    RUN/flipbench.sqlite            the merged run (built by merge; report and export read it)
    RUN/shards/layout.json          how many shards, of which experiment
    RUN/shards/plan/flipbench.sqlite    the faulty programs chosen for the whole run (the run's first step)
    RUN/shards/0003/flipbench.sqlite    shard 3: a complete, resumable run of its faulty programs
    RUN/shards/0003/state.json      what the shard's process last said (running, failed with its traceback, done)
    RUN/shards/0003/submitted.json  the job an executor last submitted for it

The faulty programs are chosen once (a ``limit`` and the seeded order of faults mean what they mean in one
run), then dealt to shards by a stable hash of their id, so the partition depends on nothing but the id
and the shard count. Each shard database has one writer, its own process: safe on a shared filesystem,
where SQLite's locking between machines is not. Merging only reads the shards.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import socket
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from flipbench import codec
from flipbench.errors import InputError
from flipbench.model import Subject
from flipbench.runs.experiment import Experiment, ProviderLimits
from flipbench.runs.run import choose_faults, run_experiment
from flipbench.runs.store import (
    DATABASE,
    Merged,
    RunCounts,
    RunReader,
    Store,
    different_experiment,
    merge_runs,
    now,
    recorded_meta,
    remove_run,
    seed_shard,
)

SHARDS = "shards"
LAYOUT = "layout.json"
PLAN = "plan"
STATE = "state.json"
SUBMITTED = "submitted.json"


def shard_of(faulty_id: str, count: int) -> int:
    """The shard of a faulty program: a stable hash of its id (the same on every machine and Python)."""
    return int.from_bytes(hashlib.sha256(faulty_id.encode()).digest()[:8], "big") % count


def partition(subjects: Iterable[Subject], count: int) -> list[list[Subject]]:
    """Faulty programs dealt to ``count`` shards, each shard's in the order given."""
    shards: list[list[Subject]] = [[] for _ in range(count)]
    for subject in subjects:
        shards[shard_of(subject.faulty_id, count)].append(subject)
    return shards


class ShardState(StrEnum):
    PENDING = "pending"
    """Not started yet (or submitted and waiting in the queue)."""
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    """Raised: the traceback is kept."""
    VANISHED = "vanished"
    """Said it was running (or was submitted) but its process or job is gone: killed, cancelled, lost."""


@dataclass(frozen=True)
class Mark:
    """What a shard's process, or the executor that submitted it, last recorded about it."""

    state: str
    executor: str = ""
    job: str | None = None
    """The executor's name for it: a Slurm array task (``1234_3``), a Ray task, or a local process."""
    host: str = ""
    pid: int | None = None
    at: str = ""
    traceback: str = ""


@dataclass(frozen=True)
class ShardStatus:
    index: int
    state: ShardState
    counts: RunCounts | None
    mark: Mark | None


Liveness = Callable[[Mark], bool]
"""Whether the process or job a mark names is still alive (each executor knows how to ask)."""


@dataclass(frozen=True)
class Layout:
    folder: Path
    count: int

    @property
    def shards(self) -> Path:
        return self.folder / SHARDS

    @property
    def plan(self) -> Path:
        return self.shards / PLAN

    def shard(self, index: int) -> Path:
        return self.shards / f"{index:04d}"


def read_layout(folder: Path) -> Layout | None:
    """The shard layout of the run in ``folder`` (None: not a sharded run)."""
    path = folder / SHARDS / LAYOUT
    if not path.is_file():
        return None
    try:
        return Layout(folder, int(json.loads(path.read_text(encoding="utf-8"))["shards"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a flipbench shard layout ({error})") from error


def sharded_layout(folder: Path) -> Layout:
    layout = read_layout(folder)
    if layout is None:
        raise InputError(f"{folder}: not a sharded run (no {SHARDS}/{LAYOUT}; it was not run with --shards)")
    return layout


def refuse_unsharded(folder: Path) -> None:
    """An unsharded ``flipbench run`` on a sharded run directory would write a second, different run into
    its merged database: refused."""
    layout = read_layout(folder)
    if layout is not None:
        raise InputError(f"{folder} holds a run split into {layout.count} shards: run it with --shards {layout.count}")


def open_layout(folder: Path, count: int, experiment: Experiment, *, fresh: bool = False) -> Layout:
    """The layout of a new sharded run, or of the one in ``folder`` if it is the same experiment in as many
    shards (checked before anything is written); ``fresh`` discards an earlier run there first."""
    if count < 1:
        raise InputError(f"--shards must be a positive integer, not {count}")
    if fresh:
        discard(folder)
    known = read_layout(folder)
    if known is None and recorded_meta(folder) is not None:
        raise InputError(f"{folder} holds an unsharded run; use another --out, run it without --shards, or --fresh")
    if known is not None and known.count != count:
        raise InputError(f"{folder} holds a run split into {known.count} shards, not {count}: run it with "
                         f"--shards {known.count}, or --fresh to discard it")
    layout = Layout(folder, count)
    recorded = recorded_meta(layout.plan)
    if recorded is not None and recorded.get("experiment_key") != experiment.semantic_key:
        raise InputError(different_experiment(folder, recorded, experiment))
    if known is None:
        layout.shards.mkdir(parents=True, exist_ok=True)
        _write_json(layout.shards / LAYOUT, {"shards": count, "experiment_key": experiment.semantic_key})
    return layout


def discard(folder: Path) -> bool:
    """Remove a sharded or unsharded run from ``folder`` (for ``--fresh``); True if there was one."""
    existed = remove_run(folder)
    if (folder / SHARDS).is_dir():
        shutil.rmtree(folder / SHARDS)
        existed = True
    return existed


def prepare(layout: Layout, experiment: Experiment) -> None:
    """Choose the run's faulty programs once (resumable: the plan database records it) and give each shard
    that has none yet its own, so that every shard then runs as a complete run of its part."""
    unseeded = [index for index in range(layout.count) if not _seeded(layout.shard(index))]
    if not unseeded:
        return
    shares = partition(choose_faults(experiment, layout.plan), layout.count)
    for index in unseeded:
        with Store(layout.shard(index)) as store:
            store.begin(experiment)
        seed_shard(layout.shard(index), layout.plan, [subject.id for subject in shares[index]])


def _seeded(shard: Path) -> bool:
    if not (shard / DATABASE).is_file():
        return False
    mark = mark_of(shard)
    if mark is not None and mark.host:  # it ran, so it was seeded; its writer may be on another host
        return True
    with Store(shard) as store:
        return store.step_done("faults") is not None


def shard_experiment(experiment: Experiment, parallel: int) -> Experiment:
    """The experiment as each of ``parallel`` shards running at once runs it: every provider's concurrency,
    requests and tokens per minute divided among them (concurrency at least 1), so that together they stay
    within what the experiment allows. Pacing only: the tasks and their answers are the same."""
    if parallel <= 1:
        return experiment
    providers = {name.split("/", 1)[0] for name in experiment.models} | set(experiment.limits)
    return dataclasses.replace(experiment, limits={
        provider: _divided(experiment.limits_for(provider), parallel) for provider in sorted(providers)})


def _divided(limits: ProviderLimits, parallel: int) -> ProviderLimits:
    return ProviderLimits(max(1, limits.concurrency // parallel),
                          None if limits.requests_per_minute is None else limits.requests_per_minute / parallel,
                          None if limits.tokens_per_minute is None else limits.tokens_per_minute / parallel)


def run_shard(folder: Path, index: int, experiment: Experiment, *, executor: str, job: str | None = None) -> RunCounts:
    """Run (or resume) one shard where it lives, recording that it runs, and then that it finished or the
    traceback it failed with: what ``flipbench status`` shows and a re-run decides by."""
    layout = sharded_layout(folder)
    shard = layout.shard(index)
    if not _seeded(shard):
        raise InputError(f"{shard}: shard {index} has not been prepared (run flipbench run --shards {layout.count})")
    base = Mark(ShardState.RUNNING, executor, job, socket.gethostname(), os.getpid(), now())
    record(shard, base)
    try:
        run_experiment(experiment, shard)
        with Store(shard) as store:
            store.checkpoint()  # all of it in the database file, for readers on other hosts
    except Exception:
        record(shard, dataclasses.replace(base, state=ShardState.FAILED, at=now(), traceback=traceback.format_exc()))
        raise
    record(shard, dataclasses.replace(base, state=ShardState.DONE, at=now()))
    return counts(shard)


def record(shard: Path, mark: Mark, *, name: str = STATE) -> None:
    _write_json(shard / name, codec.to_data(mark))


def mark_of(shard: Path, name: str = STATE) -> Mark | None:
    try:
        return codec.from_data(Mark, json.loads((shard / name).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def counts(shard: Path) -> RunCounts | None:
    """How far a shard got (None: not begun, or unreadable at this moment). A shard last run on another
    host is read as a snapshot: its WAL cannot be shared across hosts (a running shard's counts lag then)."""
    if not (shard / DATABASE).is_file():
        return None
    try:
        with RunReader(shard, snapshot=elsewhere(shard)) as reader, reader.unreadable_as_input_error():
            return reader.counts()
    except InputError:
        return None


def _meta(shard: Path) -> dict[str, str]:
    with RunReader(shard, snapshot=elsewhere(shard)) as reader, reader.unreadable_as_input_error():
        return reader.meta()


def elsewhere(shard: Path) -> bool:
    """Whether the shard's process last ran on another host (so its database is read as a snapshot)."""
    mark = mark_of(shard)
    return mark is not None and mark.host not in ("", socket.gethostname())


def status(layout: Layout, alive: Liveness) -> list[ShardStatus]:
    """Every shard's state: done when its database says it finished; else what its process last recorded,
    a submission the shard has not taken up yet counting as newer (it is a resubmission); a mark whose
    process or job is gone is *vanished*."""
    return [_status(layout, index, alive) for index in range(layout.count)]


def _status(layout: Layout, index: int, alive: Liveness) -> ShardStatus:
    shard = layout.shard(index)
    found = counts(shard)
    state, submitted = mark_of(shard), mark_of(shard, SUBMITTED)
    latest = submitted if submitted is not None and (state is None or state.job != submitted.job) else state
    if found is not None and found.finished:
        return ShardStatus(index, ShardState.DONE, found, latest)
    if latest is None:
        return ShardStatus(index, ShardState.PENDING, found, None)
    if latest.state in (ShardState.FAILED, ShardState.DONE):
        return ShardStatus(index, ShardState(latest.state), found, latest)
    if not alive(latest):
        return ShardStatus(index, ShardState.VANISHED, found, latest)
    return ShardStatus(index, ShardState.PENDING if latest is submitted else ShardState.RUNNING, found, latest)


def to_run(statuses: Sequence[ShardStatus]) -> list[int]:
    """The shards a (re-)run starts: those never started, that failed or that vanished; never one that is
    done, running, or submitted and still waiting in the queue."""
    return [shard.index for shard in statuses
            if shard.state in (ShardState.FAILED, ShardState.VANISHED)
            or (shard.state == ShardState.PENDING and shard.mark is None)]


def merge(folder: Path) -> Merged:
    """Build the run database of ``folder`` from its plan and shards (idempotent: merging again builds the
    same database). The merged run is marked finished only when every shard is."""
    layout = sharded_layout(folder)
    plan = recorded_meta(layout.plan)
    if plan is None:
        raise InputError(f"{folder}: nothing to merge yet (its faulty programs have not been chosen)")
    shards = [layout.shard(index) for index in range(layout.count) if (layout.shard(index) / DATABASE).is_file()]
    finished = [_meta(shard).get("finished") for shard in shards]
    meta = {key: value for key, value in plan.items() if key != "finished"} | {"shards": str(layout.count)}
    if len(shards) == layout.count and all(finished):
        meta["finished"] = max(value for value in finished if value)
    return merge_runs(folder, [layout.plan, *shards], meta, snapshots=[shard for shard in shards if elsewhere(shard)])


def _write_json(path: Path, value: Any) -> None:
    """Written beside and renamed into place, so a reader never sees half of it."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)
