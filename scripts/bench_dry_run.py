#!/usr/bin/env python3
"""Benchmark ``flipbench run --preset study --dry-run`` over the whole imported study corpus with the paper's
ten models (the acceptance target: under 5 minutes on the 2-core development machine).

    .venv/bin/python scripts/bench_dry_run.py                        # faults_per_operator = "all" (the preset)
    .venv/bin/python scripts/bench_dry_run.py --faults-per-operator 6

It imports the study's seeds (``flipbench corpus import <shared>/corpora/llmcodeimpact/Datasets``), turns on
the preset's commented ten models and prices (the README's sed command), runs the dry run in a fresh process
with ``--format json``, and prints its wall time, the CPU it and its planning workers used, the load average
around it (the machine is shared: wall time follows the load, CPU time does not) and the plan's totals.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FLIPBENCH_SHARED", ROOT.parent / "shared"))
UNCOMMENT_MODELS = r"/^# \[models/,$ s/^# \([[a-z]\)/\1/"
"""The README's sed command that turns on the study preset's commented model and price tables."""


def write_study_config(folder: Path, datasets: Path, faults_per_operator: str) -> None:
    """``folder/study.toml``: the study preset with its ten models and prices on, over the study's seeds imported
    into ``folder/study.jsonl``, at ``faults_per_operator`` ("all" or a number)."""
    flipbench = [sys.executable, "-m", "flipbench"]
    subprocess.run([*flipbench, "corpus", "import", str(datasets), "--out", str(folder / "study.jsonl"),
                    "--format", "json"], check=True, capture_output=True, cwd=folder)
    preset = subprocess.run([*flipbench, "presets", "show", "study"], check=True, capture_output=True,
                            text=True).stdout
    config = subprocess.run(["sed", UNCOMMENT_MODELS], input=preset, check=True, capture_output=True,
                            text=True).stdout
    per_operator = faults_per_operator if faults_per_operator == "all" else int(faults_per_operator)
    config = re.sub(r"^faults_per_operator = .*$", f"faults_per_operator = {json.dumps(per_operator)}", config,
                    flags=re.MULTILINE)
    (folder / "study.toml").write_text(config, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--faults-per-operator", default="all", help='"all" (the preset) or a number')
    parser.add_argument("--datasets", type=Path, default=SHARED / "corpora" / "llmcodeimpact" / "Datasets")
    args = parser.parse_args()
    flipbench = [sys.executable, "-m", "flipbench"]
    with tempfile.TemporaryDirectory(prefix="flipbench-dry-run-") as scratch:
        folder = Path(scratch)
        write_study_config(folder, args.datasets, args.faults_per_operator)
        load_before = os.getloadavg()
        started, cpu_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([*flipbench, "run", "--config", "study.toml", "--dry-run", "--format", "json"],
                              check=True, capture_output=True, text=True, cwd=folder)
        wall = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_after = os.getloadavg()
    plan = json.loads(done.stdout)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    totals = plan["totals"]
    print(f"faults_per_operator = {args.faults_per_operator}: {plan['faulty']:,} faulty programs, "
          f"{len(plan['localizers'])} localizers, {len(plan['conditions'])} conditions")
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s (the dry run and its planning workers), "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (target: wall < 300 s)")
    print(f"prompts {totals['prompts']:,}; tasks {totals['tasks']:,} ({totals['tasks_without_control']:,} without "
          f"the control); tokens {totals['tokens']:,}; cost "
          f"${sum(entry['cost'] for entry in plan['localizers'] if entry['cost'] is not None):,.0f} for the priced "
          "localizers")
    print(f"the paper's Table IV: {plan['paper_table_iv']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
