"""The Slurm executor, through submitit: one job array per run, one array task per shard.

Each array task runs :func:`flipbench.runs.cluster.shards.run_shard` on its node, against the shard
database on the shared filesystem. A job preempted or about to time out is requeued by submitit's
checkpointing (the task resumes from its shard database, which keeps every finished task); a task
cancelled or lost (``scancel``, a dead node) shows as *vanished* and is resubmitted by the next run.
Slurm's accounting database is not needed: whether a job is alive is asked of ``squeue``.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flipbench.errors import InputError
from flipbench.runs.cluster.shards import SUBMITTED, Layout, Mark, ShardState, record, run_shard
from flipbench.runs.experiment import Experiment
from flipbench.runs.store import now

NAME = "slurm"
DEFAULT_MINUTES = 24 * 60
"""The array tasks' time limit unless --slurm-time says otherwise (submitit's own default is 5 minutes)."""
SQUEUE_SECONDS = 2.0
"""How long one answer of squeue is reused: one call per status, not one per shard."""


@dataclass(frozen=True)
class SlurmOptions:
    partition: str | None = None
    time: str | None = None
    """Minutes, or [days-]hours:minutes:seconds as sbatch takes it."""
    cpus: int | None = None
    mem: str | None = None
    """As sbatch's --mem: 4G, 500M."""
    array_parallelism: int | None = None
    """Array tasks running at once (the provider limits are divided by it)."""
    sbatch: Mapping[str, str] = field(default_factory=dict)
    """Other #SBATCH options (``[slurm]`` in the experiment file: ``account = "lab"``, ``qos = "long"``)."""


def minutes(text: str) -> int:
    """A Slurm time limit in whole minutes (at least 1), read as sbatch reads ``--time``: minutes,
    minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds."""
    days, dash, clock = text.strip().rpartition("-")
    parts = clock.split(":")
    if not all(part.isdigit() for part in parts) or len(parts) > 3 or (dash and not days.isdigit()):
        raise InputError(f"--slurm-time: {text!r} is not minutes or [days-]hours:minutes:seconds")
    numbers = [int(part) for part in parts]
    if dash:
        hours, mins, seconds = (numbers + [0, 0])[:3]
    else:
        hours, mins, seconds = [(0, numbers[0], 0), (0, *numbers), tuple(numbers)][len(numbers) - 1]
    total = (int(days) if dash else 0) * 1440 + hours * 60 + mins + seconds / 60
    return max(1, math.ceil(total))


class ShardJob:
    """What an array task runs (pickled by submitit). A Checkpointable, so that a preempted or timed-out
    task is requeued with the same arguments and resumes from its shard database."""

    def __init__(self, folder, experiment: Experiment) -> None:  # type: ignore[no-untyped-def]
        self.folder, self.experiment = folder, experiment

    def __call__(self, index: int) -> object:
        import submitit
        job = submitit.JobEnvironment().job_id
        return run_shard(self.folder, index, self.experiment, executor=NAME, job=job)

    def checkpoint(self, index: int) -> object:
        import submitit
        return submitit.helpers.DelayedSubmission(self, index)


class SlurmExecutor:
    name = NAME

    def __init__(self, options: SlurmOptions) -> None:
        missing = [command for command in ("sbatch", "squeue", "srun") if shutil.which(command) is None]
        if missing:
            raise InputError(f"--executor slurm: {', '.join(missing)} not found on PATH (run on a Slurm login node)")
        try:
            import submitit  # noqa: F401
        except ImportError as error:
            raise InputError("--executor slurm needs submitit: pip install 'flipbench[cluster]'") from error
        self.options = options
        self.limit = minutes(options.time) if options.time else DEFAULT_MINUTES

    def parallelism(self, shards: int) -> int:
        return min(shards, self.options.array_parallelism or shards)

    def start(self, layout: Layout, experiment: Experiment, indices: Sequence[int]) -> None:
        import submitit
        if not indices:
            return
        executor = submitit.SlurmExecutor(folder=layout.shards / "slurm" / "%j")
        parameters = {"job_name": f"flipbench-{layout.folder.name}", "time": self.limit,
                      "array_parallelism": self.parallelism(len(indices))}
        if self.options.partition:
            parameters["partition"] = self.options.partition
        if self.options.cpus:
            parameters["cpus_per_task"] = self.options.cpus
        if self.options.mem:
            parameters["mem"] = self.options.mem
        if self.options.sbatch:
            parameters["additional_parameters"] = dict(self.options.sbatch)
        executor.update_parameters(**parameters)
        try:
            jobs = executor.map_array(ShardJob(layout.folder, experiment), list(indices))
        except subprocess.CalledProcessError as error:
            output = (error.output or b"").decode(errors="replace").strip() if isinstance(error.output, bytes) \
                else str(error.output or "").strip()
            raise InputError(f"sbatch refused the job array: {output or error}") from error
        for index, job in zip(indices, jobs):
            record(layout.shard(index), Mark(ShardState.PENDING, NAME, str(job.job_id), at=now()), name=SUBMITTED)


class Queue:
    """The jobs squeue lists (pending, running, completing: alive), asked at most every SQUEUE_SECONDS."""

    def __init__(self) -> None:
        self._asked = 0.0
        self._jobs: set[str] | None = None

    def alive(self, mark: Mark) -> bool:
        jobs = self._listed()
        return True if jobs is None else mark.job in jobs

    def _listed(self) -> set[str] | None:
        if self._jobs is None or time.monotonic() - self._asked > SQUEUE_SECONDS:
            self._jobs, self._asked = _squeue(), time.monotonic()
        return self._jobs


def _squeue() -> set[str] | None:
    """Job ids squeue lists, array tasks one by one (None: squeue cannot be asked here, so nothing is
    declared vanished)."""
    if shutil.which("squeue") is None:
        return None
    try:
        done = subprocess.run(["squeue", "--noheader", "--array", "--format=%i"], capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return {line.strip() for line in done.stdout.splitlines() if line.strip()}
