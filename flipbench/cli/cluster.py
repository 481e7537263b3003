"""``flipbench run --shards``, ``flipbench status`` and ``flipbench merge``: runs split into shards, on this
machine or a Slurm cluster (thin, like the rest)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from flipbench import console, exits
from flipbench.errors import InputError
from flipbench.exits import ExitStatus
from flipbench.runs import (
    ClusterOptions,
    ExecutorName,
    Experiment,
    RunResult,
    ShardState,
    SlurmOptions,
    batch_progress,
    merge_run,
    merged_result,
    refuse_unsharded,
    run_sharded,
    shard_statuses,
)
from flipbench.version import __version__

SLURM_OPTIONS = ("slurm_partition", "slurm_time", "slurm_cpus", "slurm_mem", "slurm_array_parallelism")
FAILED_SHARDS = "a shard failed or vanished (--shards; `flipbench status RUN` shows which, with the traceback)"


def add_shard_options(run: argparse.ArgumentParser) -> None:
    """``flipbench run``'s options for a run split into shards."""
    run.epilog = exits.epilog({ExitStatus.FAILED: FAILED_SHARDS})
    group = run.add_argument_group("shards and clusters")
    group.add_argument("--shards", type=int, default=None, metavar="N",
                       help="split the run into N shards by faulty program, each a resumable run with its own "
                            "database under RUN/shards/, merged into RUN/flipbench.sqlite when all are done")
    group.add_argument("--executor", choices=[name.value for name in ExecutorName], default=None,
                       help="where the shards run: local (one after another here, the default) or slurm "
                            "(one job array through submitit)")
    group.add_argument("--detach", action="store_true", help="return once the shards are submitted (slurm)")
    group.add_argument("--slurm-partition", default=None, metavar="NAME")
    group.add_argument("--slurm-time", default=None, metavar="TIME",
                       help="each array task's time limit: minutes or [days-]hours:minutes:seconds (default: 24 h)")
    group.add_argument("--slurm-cpus", type=int, default=None, metavar="N", help="CPUs per array task")
    group.add_argument("--slurm-mem", default=None, metavar="SIZE", help="memory per array task (4G, 500M)")
    group.add_argument("--slurm-array-parallelism", type=int, default=None, metavar="N",
                       help="array tasks running at once; the provider limits are divided by it")


def sharded(args: argparse.Namespace, folder: Path) -> bool:
    """Whether the run is split into shards; an unsharded run into a sharded run's directory is refused."""
    if args.shards is not None or args.executor is not None or args.detach:
        return True
    refuse_unsharded(folder)
    return False


def run_sharded_command(args: argparse.Namespace, experiment: Experiment, folder: Path,
                        announce: Callable[[], None], print_summary: Callable[[RunResult], None],
                        reported: Callable[[RunResult], tuple[RunResult, Path]]) -> int:
    """``flipbench run --shards``: run or resume the shards, and once they are all done and merged, close
    as an unsharded run does (the report written, the summary with its intervals)."""
    executor = ExecutorName(args.executor or ExecutorName.LOCAL)
    _check_options(args, executor)
    options = ClusterOptions(executor, args.detach, SlurmOptions(
        args.slurm_partition, args.slurm_time, args.slurm_cpus, args.slurm_mem, args.slurm_array_parallelism,
        experiment.slurm))
    shards = args.shards if args.shards is not None else _recorded_shards(folder)
    run = run_sharded(experiment, folder, shards, options, fresh=args.fresh, on_start=announce)
    result, report = reported(merged_result(folder)) if run.merged is not None else (None, None)
    if args.format == "json":
        console.print_json({"run": str(folder), "seed": experiment.seed, "version": __version__,
                            "shards": _shards_json(run.statuses), "started": list(run.started),
                            "merged": run.merged, "summary": result.summary if result else None,
                            "stage_one": [dict(zip(("localizer", "n", "accuracy", "errors", "expected_accuracy"), row))
                                          for row in result.stage_one] if result else None,
                            "report": str(report) if report else None})
    else:
        print_statuses(run.statuses)
        if run.merged is not None and result is not None and report is not None:
            print(f"\nmerged {run.shards} shards: {run.merged.tasks} tasks in {run.merged.seconds:.1f} s\n")
            print_summary(result)
            print(f"\nreport: {report}")
        elif args.detach:
            print(f"\nsubmitted {len(run.started)} shards; `flipbench status {folder}` follows them, the same "
                  "command again resubmits those that fail", file=sys.stderr)
    failed = [shard for shard in run.statuses if shard.state in (ShardState.FAILED, ShardState.VANISHED)]
    return ExitStatus.FAILED if failed else ExitStatus.OK


def _check_options(args: argparse.Namespace, executor: ExecutorName) -> None:
    """Options that would do nothing with the chosen executor are refused, not ignored."""
    if executor != ExecutorName.SLURM:
        given = [f"--{name.replace('_', '-')}" for name in SLURM_OPTIONS if getattr(args, name) is not None]
        if args.detach:
            given.insert(0, "--detach")
        if given:
            raise InputError(f"{', '.join(given)}: only with --executor slurm (local shards run here, to the end)")
    for name in ("slurm_cpus", "slurm_array_parallelism"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise InputError(f"--{name.replace('_', '-')} must be a positive integer, not {value}")
    if args.retry_errors:
        raise InputError("--retry-errors: not with --shards yet (run flipbench run --retry-errors on a shard's "
                         "directory, RUN/shards/NNNN, then flipbench merge RUN)")


def _recorded_shards(folder: Path) -> int:
    """A sharded run resumed without --shards keeps its count; anything else needs one."""
    try:
        return len(shard_statuses(folder))
    except InputError as error:
        raise InputError("--executor and --detach split a run into shards: give --shards N") from error


def add_cluster_commands(verbs: argparse._SubParsersAction) -> None:
    status = verbs.add_parser("status", help="a sharded run's shards, or a batch-mode run's batches",
                              description="Each shard of a run made with --shards: its state (pending, running, "
                                          "done, failed with its traceback, or vanished: its process or job is gone), "
                                          "its faulty programs and finished tasks. For a run in batch mode (--batch), "
                                          "each provider batch: its state and its requests answered, failed and "
                                          "waiting.")
    status.add_argument("run", type=Path, metavar="RUN_DIR")
    status.add_argument("--format", choices=("table", "json"), default="table")
    status.set_defaults(handler=_status)
    merging = verbs.add_parser("merge", help="build a sharded run's database from its shards",
                               description="Build RUN_DIR/flipbench.sqlite from the shard databases as they are "
                                           "(done automatically when every shard is done). Idempotent: merging "
                                           "again builds the same database; the shards are only read.")
    merging.add_argument("run", type=Path, metavar="RUN_DIR")
    merging.add_argument("--format", choices=("text", "json"), default="text")
    merging.set_defaults(handler=_merge)


def _status(args: argparse.Namespace) -> int:
    try:
        statuses = shard_statuses(args.run)
    except InputError:  # not sharded: a run in batch mode shows its batches
        batches = batch_progress(args.run) if (args.run / "flipbench.sqlite").is_file() else []
        if not batches:
            raise
        return _batch_status(args, batches)
    if args.format == "json":
        console.print_json({"run": str(args.run), "version": __version__, "shards": _shards_json(statuses),
                            "counts": _state_counts(statuses)})
    else:
        print_statuses(statuses)
    return 0


def _batch_status(args: argparse.Namespace, batches: list[dict]) -> int:
    if args.format == "json":
        console.print_json({"run": str(args.run), "version": __version__, "batches": batches})
        return 0
    console.print_table(["batch", "localizer", "state", "requests", "answered", "failed", "waiting"],
                        [[batch["id"], batch["localizer"], batch["state"], batch["requests"], batch["answered"],
                          batch["failed"], 0 if batch["settled"] else batch["requests"]] for batch in batches])
    return 0


def _merge(args: argparse.Namespace) -> int:
    merged = merge_run(args.run)
    if args.format == "json":
        console.print_json({"run": str(args.run), "version": __version__, "merged": merged})
    else:
        print(f"merged {merged.runs - 1} shards: {merged.tasks} tasks, {merged.subjects} subjects in "
              f"{merged.seconds:.1f} s into {args.run / 'flipbench.sqlite'}", file=sys.stderr)
    return 0


def print_statuses(statuses: Sequence) -> None:
    console.print_table(["shard", "state", "faulty", "tasks", "errors", "executor", "job"],
                        [[shard.index, shard.state, _count(shard, "faulty"), _count(shard, "tasks"),
                          _count(shard, "errors"), shard.mark.executor if shard.mark else "",
                          (shard.mark.job or "") if shard.mark else ""] for shard in statuses])
    counted = _state_counts(statuses)
    print(", ".join(f"{count} {state}" for state, count in counted.items() if count))
    for shard in statuses:
        if shard.state == ShardState.FAILED and shard.mark is not None:
            print(f"\nshard {shard.index} failed:\n{shard.mark.traceback.rstrip()}")


def _count(shard, name: str) -> int | str:  # type: ignore[no-untyped-def]
    return getattr(shard.counts, name) if shard.counts is not None else "-"


def _state_counts(statuses: Sequence) -> dict[str, int]:
    return {state.value: sum(1 for shard in statuses if shard.state == state) for state in ShardState}


def _shards_json(statuses: Sequence) -> list[dict]:
    return [{"shard": shard.index, "state": shard.state.value,
             **(dataclasses.asdict(shard.counts) if shard.counts else {"faulty": None, "tasks": None, "errors": None,
                                                                       "finished": False}),
             "executor": shard.mark.executor if shard.mark else None, "job": shard.mark.job if shard.mark else None,
             "traceback": shard.mark.traceback if shard.mark and shard.mark.traceback else None}
            for shard in statuses]
