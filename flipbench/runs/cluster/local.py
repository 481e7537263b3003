"""The local executor: the shards run one after another in this process (each with its own worker
processes, as any run), a shard that raises recorded with its traceback while the others go on."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Sequence

from flipbench.runs.cluster.shards import Layout, Mark, run_shard
from flipbench.runs.experiment import Experiment

NAME = "local"


class LocalExecutor:
    name = NAME

    def parallelism(self, shards: int) -> int:
        return 1

    def start(self, layout: Layout, experiment: Experiment, indices: Sequence[int]) -> None:
        for index in indices:
            print(f"shard {index} of {layout.count}: running", file=sys.stderr)
            try:
                run_shard(layout.folder, index, experiment, executor=NAME, job=f"pid {os.getpid()}")
            except Exception as error:  # recorded with its traceback by run_shard; the other shards go on
                print(f"shard {index} failed: {type(error).__name__}: {error}", file=sys.stderr)


def process_alive(mark: Mark) -> bool:
    """A local shard's process is alive if it still exists (on another host it cannot be told: assumed alive)."""
    if mark.host != socket.gethostname() or mark.pid is None:
        return True
    try:
        os.kill(mark.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
