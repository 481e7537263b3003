#!/usr/bin/env python3
"""Benchmark the report on a paper-scale run: time and peak memory of ``flipbench report`` on a synthetic
run database of 750,000 tasks, and the size of its HTML file.

    .venv/bin/python scripts/bench_report.py                 # 750,000 tasks (targets: <= 60 s, <= 2 GB)
    .venv/bin/python scripts/bench_report.py --tasks 100000  # the README's 100,000-task report size

The database is written through the run store like a real run's: 2,500 faulty programs from 1,250 seed
programs (built-in programs made unique), 8 SPM conditions (4 SPMs at strengths 1 and 8) with their edits,
three localizers (two chat models with prompts, responses and one request per task, and a spectrum
baseline with its expected correctness), 10 draws each, the null control, and answers whose chance of
being right depends on the seed program (so intervals have clusters to resample). ``--tasks`` scales the
number of faulty programs. The report then runs in a fresh process (``flipbench report DIR --format
json --out report.html``, 2,000 resamples): its wall time and peak RSS are what is measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flipbench.corpora.builtin import builtin_corpus  # noqa: E402
from flipbench.localizers.base import Reply  # noqa: E402
from flipbench.model import SpmEdit  # noqa: E402
from flipbench.runs.experiment import Experiment  # noqa: E402
from flipbench.runs.planning import Subject, condition_label  # noqa: E402
from flipbench.runs.store import Attempt, Store, TaskRecord  # noqa: E402

SPMS = ("misleading_comments", "misleading_names", "dead_code", "function_shuffle")
STRENGTHS = (1, 8)
LOCALIZERS = ("openai/model-a", "openai/model-b", "baseline/ochiai")
SAMPLES = 10
TASKS_PER_FAULTY = len(LOCALIZERS) * SAMPLES * (2 + len(SPMS) * len(STRENGTHS))
BATCH = 20_000


def chance(*parts: object) -> float:
    """A deterministic uniform draw in [0, 1)."""
    digest = hashlib.sha256("\x00".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def subjects_of(faulty_count: int) -> list[Subject]:
    programs = list(builtin_corpus().programs())
    subjects = []
    for index in range(faulty_count):
        program = programs[index % len(programs)]
        seed_program = f"{program.name}#{index % (faulty_count // 2 or 1)}"
        comment = "#" if program.language == "python" else "//"
        source = f"{program.source}{comment} copy {index}\n"
        line = 1 + int(chance("line", index) * program.line_count)
        faulty_id = f"faulty{index:06d}"
        position = round(100 * (line - 1) / program.line_count, 2)
        fault = ("operator_swap", "off_by_one", "boolean_logic", "misplaced_return")[index % 4]
        subjects.append(Subject(faulty_id, "faulty", faulty_id, seed_program, program.language, program.spec, source,
                                fault, (line,), verdict="live", position=position,
                                function_spans=((max(1, line - 5), line + 5),)))
        for spm in SPMS:
            for strength in STRENGTHS:
                edits = tuple(SpmEdit(spm, f"{spm} edit {k}", 1 + int(chance(spm, strength, index, k) * program.line_count),
                                      int(chance("d", spm, strength, index, k) * 40)) for k in range(strength))
                shift = strength if spm == "dead_code" else 0
                subjects.append(Subject(f"v{index:06d}-{spm}-{strength}", "variant", faulty_id, seed_program,
                                        program.language, program.spec, source + f"{comment} {spm} x{strength}\n",
                                        fault, (line + shift,), condition_label((spm,), strength, "random"),
                                        verdict="preserving", spm=spm, strength=strength, placement="random",
                                        position=position, edits=edits,
                                        function_spans=((max(1, line + shift - 5), line + shift + 5),)))
    return subjects


def records(subjects: list[Subject]):
    """Every task of the plan with its response and request, streamed."""
    by_faulty: dict[str, list[Subject]] = {}
    for subject in subjects:
        by_faulty.setdefault(subject.faulty_id, []).append(subject)
    for faulty_id, group in by_faulty.items():
        faulty, variants = group[0], group[1:]
        skill = chance("skill", faulty.program)
        for localizer in LOCALIZERS:
            strength = {"openai/model-a": 0.8, "openai/model-b": 0.5, "baseline/ochiai": 0.3}[localizer]
            for draw in range(SAMPLES):
                asks = [("before", faulty, "", 0.0), ("control", faulty, "control", 0.05)]
                asks += [("variant", variant, variant.condition, 0.1 * variant.strength ** 0.5) for variant in variants]
                for role, subject, condition, harm in asks:
                    right = chance(role, localizer, subject.id, draw) < max(0.02, strength * skill - harm)
                    line = subject.fault_lines[0] if right else subject.fault_lines[0] + 3
                    task_id = f"{role}:{localizer}:{subject.id}:{draw}"
                    chat = not localizer.startswith("baseline/")
                    key = hashlib.sha256(task_id.encode()).hexdigest()[:32] if chat else None
                    record = TaskRecord(task_id, role, subject.id, faulty_id, condition, localizer, draw,
                                        "correct" if right else "wrong", (line,), "json" if chat else "ranking",
                                        right, right, right, 0.01 if right else 1.0, key, None, 1,
                                        1500 if chat else None, 12 if chat else None, 0.1,
                                        None if chat else (0.6 if right else 0.2))
                    if chat:
                        text = json.dumps({"lines": [line]})
                        reply = Reply(text, json.dumps({"choices": [{"message": {"content": text}}]}), 1500, 12,
                                      "json_schema")
                        yield record, {key: (localizer, reply)}, [Attempt(key, 1, "ok", "", 0.1)]
                    else:
                        yield record, {}, []


def make_database(folder: Path, faulty_count: int) -> int:
    subjects = subjects_of(faulty_count)
    experiment = Experiment(models=LOCALIZERS, spms=tuple((spm,) for spm in SPMS), strengths=STRENGTHS,
                            samples=SAMPLES, seed=0)
    count = 0
    with Store(folder) as store:
        store.begin(experiment)
        store.save_subjects(subjects, steps=["faults"])
        store.save_prompts((s.id, "You are a debugging assistant.", f"Buggy Code:\n{s.source}\nWhich line?")
                           for s in subjects)
        batch = []
        for finished in records(subjects):
            batch.append(finished)
            if len(batch) >= BATCH:
                store.record(batch)
                count += len(batch)
                batch = []
        store.record(batch)
        count += len(batch)
        store.finish()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=750_000)
    parser.add_argument("--keep", type=Path, default=None, help="build the run database here and keep it")
    args = parser.parse_args()
    faulty_count = max(2, round(args.tasks / TASKS_PER_FAULTY))
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary) / "run"
        started = time.perf_counter()
        if not (folder / "flipbench.sqlite").exists():
            tasks = make_database(folder, faulty_count)
            print(f"database: {tasks:,} tasks, {faulty_count:,} faulty programs, "
                  f"{(folder / 'flipbench.sqlite').stat().st_size / 1e6:.0f} MB, written in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
        out = Path(temporary) / "report.html"
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, "-m", "flipbench", "report", str(folder), "--format", "json",
                                    "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   env=os.environ | {"TQDM_DISABLE": "1"})
        seconds = time.perf_counter() - started
        if completed.returncode:
            sys.exit(f"flipbench report failed: {completed.stderr}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"report: {seconds:.1f} s wall (target 60 s), peak RSS {peak:,.0f} MiB (target 2,048 MiB), "
              f"report.html {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
