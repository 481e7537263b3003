#!/usr/bin/env python3
"""Benchmark sharded runs: merging a 750,000-task run of 16 shards, each executor's per-shard overhead, and
a sharded run's throughput against one run at the same total concurrency.

    .venv/bin/python scripts/bench_cluster.py                        # every part (Slurm parts when installed)
    .venv/bin/python scripts/bench_cluster.py --part merge --keep /tmp/shards16

Merge: 16 shard databases written through the run store as a run would write them (2,273 faulty programs,
each with 9 SPM variants and the control, x 3 localizers x 10 draws = 750,090 tasks; two localizers are chat
models, so 500,060 responses and as many HTTP attempts; the subjects are built-in programs, real sizes),
then ``flipbench merge`` timed, twice (it is idempotent: the second builds the same database again).

Overhead: what a shard costs beyond its tasks: a fresh Python process importing flipbench's shard runner
(what every Slurm array task pays before it starts), running an empty shard (its database opened, the run
set up and finished), and on a local Slurm (tests/slurmkit.py; when installed) submission to finish of an
array of 16 empty shards, per shard.

Throughput: the scripted server (tests/model_server.py, its own process, ``--latency`` per answer) and the
same plan run once unsharded and once in ``--shards`` shards at the same total concurrency: locally
(shards one after another, each with all of it) and on the local Slurm (``--slurm-parallel`` array tasks at
once, the concurrency divided among them). Scaled down to what a shared 2-core machine runs in minutes
(``--limit`` faulty programs, ``--samples`` draws); the ratio is what carries over.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from flipbench.corpora.builtin import builtin_corpus  # noqa: E402
from flipbench.localizers import Reply  # noqa: E402
from flipbench.model import Role, Subject, TaskStatus  # noqa: E402
from flipbench.runs.cluster.shards import Layout, merge, partition, run_shard  # noqa: E402
from flipbench.runs.experiment import Experiment  # noqa: E402
from flipbench.runs.planning import Task  # noqa: E402
from flipbench.runs.store import Attempt, Store, TaskRecord  # noqa: E402

LOCALIZERS = ("openai/a", "openai/b", "baseline/random")
CONDITIONS = 9
SAMPLES = 10


def synthetic_run(folder: Path, faulty_count: int, shards: int) -> int:
    """A finished sharded run of ``faulty_count`` faulty programs in ``shards`` shard databases, written by
    the store as a run writes them; returns the number of tasks."""
    experiment = Experiment(models=LOCALIZERS, certified_only=False)
    layout = Layout(folder, shards)
    layout.shards.mkdir(parents=True, exist_ok=True)
    (layout.shards / "layout.json").write_text(json.dumps({"shards": shards, "experiment_key": experiment.semantic_key}))
    programs = list(builtin_corpus().programs())
    faulty = [_faulty(programs[index % len(programs)], index) for index in range(faulty_count)]
    with Store(layout.plan) as plan:
        plan.begin(experiment)
        plan.save_subjects(faulty, steps=["faults"])
    total = 0
    for index, share in enumerate(partition(faulty, shards)):
        with Store(layout.shard(index)) as store:
            store.begin(experiment)
            store.save_subjects(share, steps=["faults"])
            for subject in share:
                variants = [_variant(subject, condition) for condition in range(CONDITIONS)]
                store.save_subjects(variants, steps=[f"variants:{subject.id}"])
                records = [_finished(task) for task in _tasks(subject, variants)]
                store.record(records)
                total += len(records)
            store.finish()
    return total


def _faulty(program, index: int) -> Subject:  # type: ignore[no-untyped-def]
    identity = f"faulty{index:06d}"
    return Subject(identity, "faulty", identity, program.name, program.language, program.spec,
                   f"{program.source}# copy {index}\n", "operator_swap", (1 + index % 40,))


def _variant(faulty: Subject, condition: int) -> Subject:
    return Subject(f"{faulty.id}v{condition}", "variant", faulty.id, faulty.program, faulty.language, faulty.spec,
                   faulty.source + f"# variant {condition}\n", faulty.fault, faulty.fault_lines,
                   condition=f"spm{condition} x1", spm=f"spm{condition}", strength=1, placement="random")


def _tasks(faulty: Subject, variants: list[Subject]):  # type: ignore[no-untyped-def]
    for localizer in LOCALIZERS:
        for draw in range(SAMPLES):
            yield Task(Role.BEFORE, faulty.id, faulty.id, "", localizer, draw)
            for variant in variants:
                yield Task(Role.VARIANT, variant.id, faulty.id, variant.condition, localizer, draw)
            yield Task(Role.CONTROL, faulty.id, faulty.id, "control", localizer, draw)


def _finished(task: Task):  # type: ignore[no-untyped-def]
    line = 1 + zlib.crc32(task.id.encode()) % 40
    status = TaskStatus.CORRECT if line == 1 else TaskStatus.WRONG
    if task.localizer.startswith("baseline/"):
        return TaskRecord(task, status, (line,), "ranking", line == 1, line == 1, line == 1, 0.5,
                          expected_correct=0.1, seconds=0.001), {}, []
    key = f"response:{task.id}"
    text = json.dumps({"lines": [line]})
    raw = json.dumps({"id": key, "object": "chat.completion", "choices": [{"index": 0, "message": {
        "role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 812, "completion_tokens": 9}})
    return (TaskRecord(task, status, (line,), "json", line == 1, line == 1, line == 1, 0.5, key, attempts=1,
                       input_tokens=812, output_tokens=9, seconds=0.1),
            {key: (task.localizer, Reply(text, raw, 812, 9, "json_schema"))}, [Attempt(key, 1, "ok", "", 0.1)])


def bench_merge(shards: int, faulty_count: int, keep: Path | None) -> dict:
    folder = keep or Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        started = time.perf_counter()
        if not (folder / "shards" / "layout.json").exists():
            tasks = synthetic_run(folder, faulty_count, shards)
        else:
            tasks = None
        written = time.perf_counter() - started
        first = merge(folder)
        second = merge(folder)
        size = (folder / "flipbench.sqlite").stat().st_size
        shard_bytes = sum(path.stat().st_size for path in (folder / "shards").rglob("flipbench.sqlite"))
        return {"shards": shards, "tasks": first.tasks, "subjects": first.subjects, "written_s": written,
                "generated": tasks is not None, "merge_s": first.seconds, "merge_again_s": second.seconds,
                "tasks_per_s": first.tasks / first.seconds, "merged_mb": size / 1e6, "shards_mb": shard_bytes / 1e6}
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def bench_overhead(slurm_shards: int) -> dict:
    result: dict = {}
    code = "import flipbench.runs.cluster.launch, flipbench.runs.run"
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    result["process_and_import_s"] = min(times)
    with tempfile.TemporaryDirectory() as folder:
        experiment = Experiment(models=("baseline/random",), certified_only=False)
        layout = _empty_shards(Path(folder), experiment, 3)
        times = []
        for index in range(3):
            started = time.perf_counter()
            run_shard(layout.folder, index, experiment, executor="local")
            times.append(time.perf_counter() - started)
        result["empty_shard_in_process_s"] = min(times)
    if slurm_shards:
        result.update(_slurm_overhead(slurm_shards))
    return result


def _empty_shards(folder: Path, experiment: Experiment, count: int) -> Layout:
    """A sharded run whose shards have no faulty program: running one costs only the shard's own overhead."""
    layout = Layout(folder, count)
    layout.shards.mkdir(parents=True, exist_ok=True)
    (layout.shards / "layout.json").write_text(json.dumps({"shards": count, "experiment_key": experiment.semantic_key}))
    for store_folder in [layout.plan, *(layout.shard(index) for index in range(count))]:
        with Store(store_folder) as store:
            store.begin(experiment)
            store.save_subjects([], steps=["faults"])
    return layout


def _slurm_overhead(count: int) -> dict:
    import slurmkit

    from flipbench.runs.cluster.launch import Liveness, wait
    from flipbench.runs.cluster.slurm import SlurmExecutor, SlurmOptions
    with tempfile.TemporaryDirectory() as cluster_folder, slurmkit.LocalSlurm(Path(cluster_folder)), \
            tempfile.TemporaryDirectory() as folder:
        experiment = Experiment(models=("baseline/random",), certified_only=False)
        layout = _empty_shards(Path(folder), experiment, count)
        executor = SlurmExecutor(SlurmOptions(time="10", cpus=1, mem="300M"))
        started = time.perf_counter()
        executor.start(layout, experiment, list(range(count)))
        submitted = time.perf_counter() - started
        wait(layout, Liveness(), poll=0.2)
        wall = time.perf_counter() - started
    cpus = os.cpu_count() or 1
    return {"slurm_shards": count, "slurm_submit_s": submitted, "slurm_all_done_s": wall,
            "slurm_per_shard_s": wall * min(cpus, count) / count}


def bench_throughput(limit: int, samples: int, shards: int, concurrency: int, latency: float,
                     slurm_parallel: int) -> dict:
    port = _free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "model_server.py"), "--port", str(port),
                               "--latency", str(latency)], stdout=subprocess.PIPE, text=True)
    result: dict = {"limit": limit, "samples": samples, "shards": shards, "concurrency": concurrency,
                    "latency": latency}
    try:
        server.stdout.readline()
        base = ["--model", "openai/bench", "--base-url", f"http://127.0.0.1:{port}/v1", "--language", "python",
                "--limit", str(limit), "--samples", str(samples), "--include-uncertified", "--prompt", "numbered",
                "--concurrency", str(concurrency), "--format", "json"]
        with tempfile.TemporaryDirectory() as folder:
            one = _timed([*base, "--out", f"{folder}/one"])
            result["tasks"] = one["tasks"]
            result["unsharded_s"] = one["seconds"]
            local = _timed([*base, "--out", f"{folder}/local", "--shards", str(shards)])
            result["local_sharded_s"] = local["seconds"]
            result["local_ratio"] = one["seconds"] / local["seconds"]
            if slurm_parallel:
                import slurmkit
                with tempfile.TemporaryDirectory() as cluster_folder, slurmkit.LocalSlurm(Path(cluster_folder)):
                    slurm = _timed([*base, "--out", f"{folder}/slurm", "--shards", str(shards), "--executor", "slurm",
                                    "--slurm-array-parallelism", str(slurm_parallel), "--slurm-cpus", "1",
                                    "--slurm-time", "20"])
                result["slurm_sharded_s"] = slurm["seconds"]
                result["slurm_ratio"] = one["seconds"] / slurm["seconds"]
    finally:
        server.terminate()
        server.wait()
    return result


def _timed(arguments: list[str]) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "flipbench", "run", *arguments], capture_output=True, text=True,
                          env=os.environ | {"TQDM_DISABLE": "1"})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"flipbench run {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    shown = json.loads(done.stdout)
    if "stages" in shown:
        tasks = sum(stage["tasks"] + stage["already_done"] for stage in shown["stages"].values())
    else:
        tasks = shown["merged"]["tasks"]
    return {"seconds": seconds, "tasks": tasks}


def _free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("merge", "overhead", "throughput"), action="append")
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--faulty", type=int, default=2273, help="faulty programs of the merged run (x 330 tasks)")
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the synthetic shards here")
    parser.add_argument("--limit", type=int, default=40, help="throughput: faulty programs")
    parser.add_argument("--samples", type=int, default=10, help="throughput: draws per task")
    parser.add_argument("--throughput-shards", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--slurm-parallel", type=int, default=2, help="array tasks at once (0: no Slurm parts)")
    args = parser.parse_args()
    parts = args.part or ["merge", "overhead", "throughput"]
    import slurmkit
    slurm = args.slurm_parallel if not slurmkit.missing() else 0
    if "merge" in parts:
        print(json.dumps({"merge": bench_merge(args.shards, args.faulty, args.keep)}), flush=True)
    if "overhead" in parts:
        print(json.dumps({"overhead": bench_overhead(args.shards if slurm else 0)}), flush=True)
    if "throughput" in parts:
        print(json.dumps({"throughput": bench_throughput(args.limit, args.samples, args.throughput_shards,
                                                         args.concurrency, args.latency, slurm)}), flush=True)


if __name__ == "__main__":
    main()
