#!/usr/bin/env python3
"""What batch mode and prompt caching would save on the study preset: its dry run priced online, in batch
mode and with prompt caching, per API model of the preset's price table.

    .venv/bin/python scripts/bench_cost.py                        # faults_per_operator = 6
    .venv/bin/python scripts/bench_cost.py --faults-per-operator all

It plans the study preset as scripts/bench_dry_run.py does (the study's seeds imported, the preset's ten
models and prices turned on), then prices each localizer's estimated tokens with flipbench's ``Price``:
online (``Price.cost``), in batch mode (times ``Price.batch``, the share a batch pays: 0.5 at OpenAI,
Anthropic and Google, set here on every price of the preset), and with prompt caching, which applies only
to a prompt whose fixed prefix (what comes before the program in the rendered prompt) reaches the
provider's minimum cacheable length (``CACHE_MINIMUM_TOKENS``); flipbench's prompts' prefix is measured
from the template.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_dry_run import SHARED, write_study_config

from flipbench.localizers import Sampling, load_prompt
from flipbench.runs import load_experiment
from flipbench.runs.dry_run import CHARS_PER_TOKEN

BATCH_SHARE = 0.5
"""The share of the online price OpenAI's, Anthropic's and Google's batch APIs charge (their list prices)."""
CACHE_MINIMUM_TOKENS = 1024
"""The shortest prompt prefix OpenAI caches (Anthropic's Sonnet models and Gemini 2.5 also start at 1,024)."""


def prefix_tokens(prompt: str) -> int:
    """Estimated tokens of what every prompt of ``prompt`` shares before the program's spec and code."""
    query = load_prompt(prompt).render(source="\0SOURCE", spec="\0SPEC", language="python", sampling=Sampling())
    text = query.system + query.user
    return round(min(text.index(mark) for mark in ("\0SOURCE", "\0SPEC") if mark in text) / CHARS_PER_TOKEN)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--faults-per-operator", default="6", help='"all" (the preset) or a number (default: 6)')
    parser.add_argument("--datasets", type=Path, default=SHARED / "corpora" / "llmcodeimpact" / "Datasets")
    args = parser.parse_args()
    flipbench = [sys.executable, "-m", "flipbench"]
    with tempfile.TemporaryDirectory(prefix="flipbench-cost-") as scratch:
        folder = Path(scratch)
        write_study_config(folder, args.datasets, args.faults_per_operator)
        experiment = load_experiment(folder / "study.toml")
        done = subprocess.run([*flipbench, "run", "--config", "study.toml", "--dry-run", "--format", "json"],
                              check=True, capture_output=True, text=True, cwd=folder)
    plan = json.loads(done.stdout)
    prefix = prefix_tokens(experiment.prompt)
    cacheable = prefix >= CACHE_MINIMUM_TOKENS
    rows, totals = [], [0.0, 0.0, 0.0]
    for entry in plan["localizers"]:
        price = experiment.prices.get(entry["localizer"])
        if price is None or not entry["prompted"]:
            continue
        batched = dataclasses.replace(price, batch=price.batch or BATCH_SHARE)
        prompts = entry["stage_one"] + entry["stage_two"] + entry["content_prompts"]
        cached = prompts * prefix if cacheable and price.cached_input is not None else 0
        online = batched.cost(entry["input_tokens"], entry["output_tokens"])
        in_batch = online * (batched.batch or 1.0)
        with_cache = batched.cost(entry["input_tokens"], entry["output_tokens"], cached)
        rows.append((entry["localizer"], online, in_batch, with_cache))
        for index, value in enumerate((online, in_batch, with_cache)):
            totals[index] += value
    print(f"study preset, faults_per_operator = {args.faults_per_operator}: {plan['faulty']:,} faulty programs, "
          f"{plan['totals']['tokens']:,} tokens estimated (upper bounds, see --dry-run)")
    print(f"prompt '{experiment.prompt}': fixed prefix ~{prefix} tokens; caching "
          + ("applies" if cacheable else f"does not apply (providers cache prefixes of {CACHE_MINIMUM_TOKENS:,}+ "
                                          "tokens)"))
    print("| localizer | online | batch mode | saved | with prompt caching |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, online, in_batch, with_cache in [*rows, ("all priced", *totals)]:
        print(f"| {name} | ${online:,.0f} | ${in_batch:,.0f} | {1 - in_batch / online:.0%} | ${with_cache:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
