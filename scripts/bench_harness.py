#!/usr/bin/env python3
"""Benchmark the experiment harness: throughput against a local OpenAI-compatible server, harness
CPU per task, and peak memory while planning and streaming a paper-scale (750,000-task) plan.

    .venv/bin/python scripts/bench_harness.py                      # both parts
    .venv/bin/python scripts/bench_harness.py --part throughput --concurrency 128 --latency 0.1

Throughput: the scripted server (tests/model_server.py) runs in its own process and answers every
request after ``--latency`` seconds; the harness runs ``--tasks`` stage-1 tasks of the built-in
corpus through ``openai/...`` with ``--concurrency`` open requests (in as many worker processes
as the harness picks, or ``--workers``), recording every answer in a run database, after a
warm-up run. Ideal = concurrency / latency. CPU per task = the CPU time of every harness process
(the main one and its workers, their start included) / tasks; the server's CPU per request is
shown beside it, since both share the machine.

Experiment (``--part experiment``): the whole ``flipbench run`` command (start-up, choosing and
certifying faults, both stages, variants certified alongside stage 2 where the mode allows) with
``openai/bench`` against the same server, ``--limit 40 --samples 10 --concurrency 128`` by default, per
sandbox: its wall time, the seconds during which the server had a request open (``GET /stats``), their
ratio -- the share of the run the model was kept busy -- and the run's CPU seconds (the command and
every process it starts, bwrap's sandboxes included; docker's containers are not counted here, see
scripts/bench_sandbox.py for them).

Memory: 750,000 tasks (stage 1, variants and controls of 2,500 faulty programs x 9 SPM conditions
x 3 localizers x 10 samples) planned from a run database and streamed through the executor (with
``baseline/random``, so that no server bounds the rate), in a fresh process; its peak RSS is reported.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cpu_meter import CpuMeter  # noqa: E402 - scripts/, this file's folder

from flipbench.corpora.builtin import builtin_corpus  # noqa: E402
from flipbench.localizers.prompts import load_prompt  # noqa: E402
from flipbench.model import Subject
from flipbench.runs.executor import Executor  # noqa: E402
from flipbench.runs.experiment import Experiment, ProviderLimits  # noqa: E402
from flipbench.runs.planning import after_tasks, before_tasks  # noqa: E402
from flipbench.runs.run import localizers_for  # noqa: E402
from flipbench.runs.store import Store  # noqa: E402


def faulty_subjects(count: int) -> list[Subject]:
    """Stand-ins for faulty programs: built-in programs (real sizes), each made unique by a trailing
    comment (identical prompts would be answered from the response cache) and given a fault line."""
    programs = list(builtin_corpus().programs())
    subjects = []
    for index in range(count):
        program = programs[index % len(programs)]
        comment = "#" if program.language == "python" else "//"
        source = f"{program.source}{comment} copy {index}\n"
        subjects.append(Subject(f"faulty{index:06d}", "faulty", f"faulty{index:06d}", program.name, program.language,
                                program.spec, source, "operator_swap", (1 + index % program.line_count,)))
    return subjects


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_cpu(pid: int) -> float | None:
    """CPU seconds a running process has used so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def scripted_server(latency: float) -> Iterator[tuple[str, subprocess.Popen]]:
    """tests/model_server.py in its own process on a free port: (its base URL, the process)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "model_server.py"), "--port", str(port),
                               "--latency", str(latency)], stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()  # "listening on ..."
        yield f"http://127.0.0.1:{port}/v1", server
    finally:
        server.terminate()
        server.wait()


def throughput(tasks: int, concurrency: int, latency: float, workers: int | None) -> dict[str, float]:
    with scripted_server(latency) as (model, server):
        experiment = Experiment(models=("openai/bench",), base_url=model, prompt="numbered", samples=1,
                                limits={"openai": ProviderLimits(concurrency=concurrency)}, timeout=30,
                                workers=workers)
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder)) as store:
            subjects = faulty_subjects(tasks)
            store.save_subjects(subjects)
            executor = Executor(store, experiment, localizers_for(experiment, load_prompt("numbered")))
            # warm up connections and code paths, then measure
            executor.run(before_tasks(subjects[:concurrency], ["openai/bench"], 1), description="warm-up")
            plan = [task for task in before_tasks(subjects, ["openai/bench"], 2) if task.draw == 1]
            wall_before = time.perf_counter()
            tally = executor.run(plan, description="throughput", total=len(plan))
            wall = time.perf_counter() - wall_before
            cpu = tally.cpu_seconds
            server_cpu = process_cpu(server.pid)
        assert tally.errors == 0, tally.error_kinds
        rate = len(plan) / wall
        ideal = concurrency / latency
        return {"tasks": len(plan), "seconds": wall, "tasks_per_s": rate, "ideal": ideal, "share": rate / ideal,
                "cpu_ms_per_task": 1000 * cpu / len(plan), "workers": executor.workers,
                "server_cpu_ms": None if server_cpu is None else 1000 * server_cpu / (len(plan) + concurrency)}


def server_stats(base_url: str) -> dict[str, float]:
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/stats", timeout=10) as response:
        return json.load(response)


def experiment_share(sandbox: str, limit: int, samples: int, concurrency: int, latency: float) -> dict[str, float]:
    """One ``flipbench run`` against the scripted server: wall seconds, model-busy seconds, CPU seconds."""
    with scripted_server(latency) as (base_url, _), tempfile.TemporaryDirectory() as folder, CpuMeter() as meter:
        before, cpu, started = server_stats(base_url), meter.seconds(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "flipbench", "run", "--model", "openai/bench", "--base-url", base_url,
                        "--limit", str(limit), "--samples", str(samples), "--concurrency", str(concurrency),
                        "--sandbox", sandbox, "--out", str(Path(folder) / "run")],
                       check=True, stdout=subprocess.DEVNULL, env={**os.environ, "TQDM_DISABLE": "1"})
        wall, cpu = time.perf_counter() - started, meter.seconds() - cpu
        after = server_stats(base_url)
    busy = after["busy_seconds"] - before["busy_seconds"]
    return {"seconds": wall, "busy": busy, "share": busy / wall, "cpu": cpu,
            "requests": after["requests"] - before["requests"], "exact": meter.exact}


def memory(faulty_count: int, conditions: int, localizers: int, samples: int) -> None:
    """Runs in its own process (see main): plan + stream, then print task count, seconds, peak RSS."""
    names = [f"baseline/random{i}" if i else "baseline/random" for i in range(localizers)]
    experiment = Experiment(models=tuple(names[:1]), samples=samples)
    random_baseline = localizers_for(experiment, load_prompt("numbered"))["baseline/random"]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder)) as store:
        faulty = faulty_subjects(faulty_count)
        store.save_subjects(faulty)
        store.save_subjects(Subject(f"{subject.id}v{c}", "variant", subject.id, subject.program, subject.language,
                                    subject.spec, subject.source, subject.fault, subject.fault_lines, f"spm{c} x1")
                            for subject in faulty for c in range(conditions))
        faulty_ids = [subject.id for subject in store.subjects("faulty")]
        del faulty

        def plan() -> object:
            yield from before_tasks(store.subjects("faulty"), names, samples)
            yield from after_tasks(faulty_ids, lambda faulty_id: store.subjects("variant", faulty_id), names,
                                   samples, control=True, eligible=lambda localizer, faulty_id: True)

        executor = Executor(store, experiment, {name: random_baseline for name in names})
        started = time.perf_counter()
        done = store.finished_task_ids()
        tally = executor.run((task for task in plan() if task.id not in done), description="750k plan")
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{tally.tasks} {seconds:.1f} {peak:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "throughput", "experiment", "memory", "memory-child"), default="all")
    parser.add_argument("--tasks", type=int, default=20_000, help="measured tasks (a few seconds' worth would "
                                                                  "mostly measure starting the worker processes)")
    parser.add_argument("--concurrency", type=int, action="append", default=None)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=None, help="harness processes (default: the harness's choice)")
    parser.add_argument("--sandbox", action="append", choices=("docker", "bwrap"), default=None,
                        help="experiment part: the sandboxes to run it in (default: both)")
    parser.add_argument("--limit", type=int, default=40, help="experiment part: faulty programs (default: 40)")
    parser.add_argument("--samples", type=int, default=10, help="experiment part: samples per task (default: 10)")
    args = parser.parse_args()
    if args.part == "memory-child":
        memory(2500, 9, 3, 10)
        return
    if args.part in ("all", "throughput"):
        print(f"{'concurrency':>11} {'workers':>7} {'latency':>8} {'tasks':>6} {'tasks/s':>8} {'ideal':>7} "
              f"{'share':>6} {'CPU ms/task':>11} {'server CPU ms/request':>21}")
        for concurrency in args.concurrency or [64, 128]:
            result = throughput(args.tasks, concurrency, args.latency, args.workers)
            server = "-" if result["server_cpu_ms"] is None else f"{result['server_cpu_ms']:.2f}"
            print(f"{concurrency:>11} {result['workers']:>7} {args.latency:>8.3f} {result['tasks']:>6} "
                  f"{result['tasks_per_s']:>8.0f} {result['ideal']:>7.0f} {100 * result['share']:>5.1f}% "
                  f"{result['cpu_ms_per_task']:>11.2f} {server:>21}", flush=True)
    if args.part in ("all", "experiment"):
        concurrency = (args.concurrency or [128])[0]
        print(f"{'sandbox':8} {'limit':>5} {'samples':>7} {'concurrency':>11} {'requests':>8} {'wall s':>7} "
              f"{'model busy s':>12} {'busy share':>10} {'CPU s':>6}")
        for sandbox in args.sandbox or ["docker", "bwrap"]:
            result = experiment_share(sandbox, args.limit, args.samples, concurrency, args.latency)
            print(f"{sandbox:8} {args.limit:>5} {args.samples:>7} {concurrency:>11} {result['requests']:>8.0f} "
                  f"{result['seconds']:>7.1f} {result['busy']:>12.1f} {100 * result['share']:>9.1f}% "
                  f"{result['cpu']:>6.1f}", flush=True)
    if args.part in ("all", "memory"):
        child = subprocess.run([sys.executable, __file__, "--part", "memory-child"], capture_output=True, text=True,
                               env={"TQDM_DISABLE": "1", "PATH": "/usr/bin:/bin"})
        if child.returncode != 0:
            sys.exit(f"memory part failed:\n{child.stderr}")
        tasks, seconds, peak = child.stdout.split()
        print(f"plan of {int(tasks):,} tasks streamed through the executor in {float(seconds):.0f} s; "
              f"peak memory {float(peak):.0f} MiB")


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    main()
