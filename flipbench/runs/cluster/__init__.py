"""Runs split into shards and run on a cluster (Slurm through submitit, or this machine): the partition by
faulty program, each shard a complete resumable run with its own database, their status, and the merge."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "launch": ("ClusterOptions", "ExecutorName", "ShardedRun", "merge_run", "merged_result", "run_sharded", "shard_statuses"),
    "shards": ("ShardState", "ShardStatus", "refuse_unsharded", "shard_of"),
    "slurm": ("SlurmOptions",),
})
