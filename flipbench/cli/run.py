"""``flipbench run`` and ``flipbench export``: the experiment harness's commands (thin, like the rest)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tomllib
from pathlib import Path
from typing import Any

from flipbench import console, exits
from flipbench.analysis import ConditionSummary
from flipbench.cli.cluster import FAILED_SHARDS, add_shard_options, run_sharded_command, sharded
from flipbench.cli.dry_run import dry_run, plan_of
from flipbench.cli.options import sandbox_option
from flipbench.cli.report import write_run_report
from flipbench.exits import ExitStatus
from flipbench.localizers import BASELINE, TOOL, builtin_prompt_names
from flipbench.model import LANGUAGES
from flipbench.mutators import parse_chain
from flipbench.runs import (
    CONTENT_STAGE,
    FORMATS,
    TABLES,
    BudgetReached,
    Experiment,
    RunResult,
    default_models,
    export,
    load_experiment,
    load_preset,
    read_preset,
    refuse_over_budget,
    run_experiment,
)
from flipbench.version import __version__

RUNS = Path("runs")


def add_run_commands(verbs: argparse._SubParsersAction) -> None:
    run = verbs.add_parser(
        "run", help="localize faults before and after SPMs (the main job)",
        description="Run an experiment: stage 1 asks each localizer about each faulty program; stage 2 about each "
                    "SPM variant and a null control (the faulty program asked again). With no arguments: the "
                    "built-in corpus, the study's four faults and four SPMs at strength 1, the baselines, plus "
                    "$FLIPBENCH_MODEL or a local Ollama model. Re-running the same command resumes.")
    run.add_argument("--preset", metavar="NAME", help="start from a named experiment (`flipbench presets`: default, "
                                                      "study, robust); --config and flags override it")
    run.add_argument("--config", type=Path, metavar="FILE", help="experiment settings (TOML); flags override them")
    run.add_argument("--model", action="append", default=None, metavar="M",
                     help="localizer provider/model, e.g. openai/gpt-4o, ollama/qwen2.5-coder:7b, baseline/ochiai "
                          "(repeatable)")
    run.add_argument("--base-url", default=None, metavar="URL", help="server for the model (any OpenAI-compatible "
                                                                     "server for openai/...)")
    run.add_argument("--concurrency", type=int, default=None, metavar="N", help="open requests per provider "
                                                                                "(default: 16)")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="processes making the calls (default: one per 64 open requests, up to the CPU count)")
    run.add_argument("--samples", type=int, default=None, metavar="K", help="answers per task (default: 1)")
    run.add_argument("--limit", type=int, default=None, metavar="N", help="at most N faulty programs")
    run.add_argument("--corpus", default=None, help="'builtin' (default), a .jsonl corpus or a seed directory")
    run.add_argument("--language", action="append", choices=LANGUAGES, default=None, help="(repeatable)")
    run.add_argument("--out", type=Path, default=None, metavar="DIR",
                     help="run directory (default: runs/<hash of the settings>); an existing one is resumed")
    run.add_argument("--fault", action="append", default=None, metavar="NAME", help="fault operators (repeatable)")
    run.add_argument("--spm", action="append", default=None, metavar="CHAIN", help="SPMs or chains a+b (repeatable)")
    run.add_argument("--strength", action="append", type=int, default=None, metavar="K", help="(repeatable)")
    run.add_argument("--placement", action="append", default=None, metavar="P",
                     help="random, near_fault[=N], before_fault, after_fault, quartile=Q (repeatable)")
    run.add_argument("--prompt", default=None, metavar="NAME|FILE",
                     help=f"{', '.join(builtin_prompt_names())} or a template .toml (default: paper)")
    run.add_argument("--seed", type=int, default=None)
    run.add_argument("--temperature", type=float, default=None)
    run.add_argument("--tolerance", type=int, default=None, metavar="T", help="lines a hit may be off (default: 0; "
                                                                              "the study used 2)")
    run.add_argument("--mode", choices=("all", "correct"), default=None,
                     help="stage 2 for all faulty programs or only those the model got right (the study's)")
    run.add_argument("--no-control", action="store_true", help="skip the null control")
    run.add_argument("--include-uncertified", action="store_true",
                     help="keep faults no test kills and variants whose behaviour changed (no sandbox needed)")
    run.add_argument("--retry-errors", action="store_true", help="ask again the tasks that ended in error")
    run.add_argument("--fresh", action="store_true",
                     help="discard an earlier run in the run directory and start again (default: resume it)")
    sandbox_option(run)
    run.add_argument("--dry-run", action="store_true",
                     help="print the plan (faulty programs, tasks, content prompts, tokens and cost per localizer from "
                          "[prices]) without calling or running anything; counts are upper bounds (nothing certified)")
    run.add_argument("--batch", action="store_true",
                     help="ask the run's openai/ models through the provider's Batch API (about half price, answers "
                          "within 24 hours; the same as [limits.openai] batch = true)")
    run.add_argument("--force", action="store_true",
                     help="start even when the dry-run estimate exceeds a budget (max_cost, max_tokens_total); the "
                          "budget still stops the run when it is spent")
    run.add_argument("--format", choices=("table", "json"), default="table")
    add_shard_options(run)
    run.epilog = exits.epilog({ExitStatus.FAILED: FAILED_SHARDS, ExitStatus.BUDGET: exits.MEANINGS[ExitStatus.BUDGET]})
    run.set_defaults(handler=_run)

    exporting = verbs.add_parser("export", help="export a run's tables to Parquet, CSV or JSONL",
                                 description="Export a table of a run directory; the format follows the extension.")
    exporting.add_argument("run", type=Path, metavar="RUN_DIR")
    exporting.add_argument("destination", type=Path, metavar="FILE", help="e.g. tasks.parquet, tasks.csv, tasks.jsonl")
    exporting.add_argument("--table", choices=tuple(TABLES), default="tasks")
    exporting.add_argument("--as", dest="kind", choices=FORMATS, default=None, help="format (default: by extension)")
    exporting.add_argument("--format", choices=("text", "json"), default="text",
                           help="what is printed about the export (default: text)")
    exporting.set_defaults(handler=_export)


def experiment_from(args: argparse.Namespace) -> Experiment:
    """Defaults (or a preset), then the config file, then flags. Without models anywhere, the default localizers."""
    base = load_preset(args.preset) if args.preset else Experiment()
    experiment = load_experiment(args.config, base) if args.config else base
    named_models = (args.preset and "models" in read_preset(args.preset).settings) or (
        args.config and "models" in _config_keys(args.config))
    if args.model is None and not named_models:
        experiment = dataclasses.replace(experiment, models=default_models())
    experiment = experiment.with_overrides(
        models=tuple(args.model) if args.model else None, base_url=args.base_url, samples=args.samples,
        limit=args.limit, corpus=args.corpus, languages=tuple(args.language) if args.language else None,
        faults=tuple(args.fault) if args.fault else None,
        spms=tuple(parse_chain(chain) for chain in args.spm) if args.spm else None,
        strengths=tuple(args.strength) if args.strength else None,
        placements=tuple(args.placement) if args.placement else None, prompt=args.prompt, seed=args.seed,
        temperature=args.temperature, tolerance=args.tolerance, mode=args.mode,
        control=False if args.no_control else None, certified_only=False if args.include_uncertified else None,
        sandbox=args.sandbox, workers=args.workers)
    if args.concurrency is not None:
        providers = {name.split("/", 1)[0] for name in experiment.models}
        limits = dict(experiment.limits) | {
            provider: dataclasses.replace(experiment.limits_for(provider), concurrency=args.concurrency)
            for provider in providers}
        experiment = dataclasses.replace(experiment, limits=limits)
    if args.batch:
        providers = {name.split("/", 1)[0] for name in experiment.models} - {BASELINE, TOOL}
        experiment = dataclasses.replace(experiment, limits=dict(experiment.limits) | {
            provider: dataclasses.replace(experiment.limits_for(provider), batch=True) for provider in providers})
    return experiment


def _config_keys(path: Path) -> set[str]:
    try:
        return set(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError):
        return set()  # load_experiment has already said what is wrong with it


def _run(args: argparse.Namespace) -> int:
    experiment = experiment_from(args)
    if args.dry_run:
        return dry_run(args, experiment)
    folder = args.out or RUNS / experiment.semantic_key[:12]
    def announce() -> None:
        print(f"flipbench {__version__}: run directory {folder}; localizers: {', '.join(experiment.models)}; "
              f"seed {experiment.seed}", file=sys.stderr)

    if not args.force:
        refuse_over_budget(experiment, plan_of(experiment))
    if sharded(args, folder):
        return run_sharded_command(args, experiment, folder, announce, print_summary, reported)
    try:
        result = run_experiment(experiment, folder, retry_errors=args.retry_errors, fresh=args.fresh,
                                on_start=announce)
    except BudgetReached as reached:
        print(f"flipbench: {reached}", file=sys.stderr)
        return ExitStatus.BUDGET
    result, report = reported(result)
    if args.format == "json":
        already = dict(result.already_done)
        console.print_json({"run": str(folder), "seed": experiment.seed, "version": __version__,
                            "resumed": result.resumed, "faults": result.faults,
                            "stages": {name: {**dataclasses.asdict(tally), "already_done": already.get(name, 0)}
                                       for name, tally in result.stages},
                            "stage_one": [dict(zip(("localizer", "n", "accuracy", "errors", "expected_accuracy"), row))
                                          for row in result.stage_one],
                            "summary": result.summary, "report": str(report)})
    else:
        print_summary(result)
        print(f"\nreport: {report}")
    return 0


def reported(result: RunResult) -> tuple[RunResult, Path]:
    """Write the run's report; the closing table takes the report's intervals (clustered over seed programs),
    so the two never disagree."""
    report, intervals = write_run_report(result.folder)
    return dataclasses.replace(result, summary=tuple(
        dataclasses.replace(summary, interval=intervals.get((summary.localizer, summary.condition)))
        for summary in result.summary)), report


def print_summary(result: RunResult) -> None:
    print(f"run {result.folder}" + (" (resumed)" if result.resumed else ""))
    if result.faults is not None:
        faults = result.faults
        print(f"faulty programs: {faults.faulty} from {faults.groups} program x fault pairs; "
              f"{faults.without_site} pairs have no site for the fault, {faults.without_usable} no usable fault")
    already = dict(result.already_done)
    for name, tally in result.stages:
        if name == CONTENT_STAGE:  # requests for model-written content, not localization tasks
            print(f"{name}: {tally.tasks} requests to the localizers for their variants' content "
                  f"({tally.tasks - tally.errors} answered, {tally.errors} errors); {tally.calls} calls, "
                  f"{tally.cached} cached")
            continue
        done_before = already.get(name, 0)
        if result.resumed and done_before and not tally.tasks:
            print(f"{name}: all {done_before} tasks were already done")
            continue
        earlier = f" after {done_before} already done" if done_before else ""
        print(f"{name}: {tally.tasks} tasks{earlier} ({tally.correct} correct, {tally.wrong} wrong, "
              f"{tally.errors} errors); {tally.calls} calls, {tally.cached} cached")
    print()
    console.print_table(["localizer", "n", "accuracy", "expected", "errors"],
                        [[name, n, _percent(accuracy), _percent(expected), errors]
                         for name, n, accuracy, errors, expected in result.stage_one])
    print()
    console.print_table(["localizer", "spm", "n", "acc before", "acc after", "flip rate", "control flip",
                         "net effect [95% CI]", "expected net", "errors"], [_row(summary) for summary in result.summary])
    if any(expected is not None for *_, expected in result.stage_one):
        print("\nexpected: a baseline's average over a uniformly random order of its tied lines (its answers "
              "break ties with a seeded draw)")


def _row(summary: ConditionSummary) -> list[Any]:
    interval = summary.interval
    net = _points(summary.net_effect)
    if interval is not None:
        net += f" [{100 * interval.low:+.1f}, {100 * interval.high:+.1f}]"
    return [summary.localizer, summary.condition, summary.n, _percent(summary.accuracy_before),
            _percent(summary.accuracy_after), _percent(summary.flip_rate), _percent(summary.control_flip_rate),
            net, _points(summary.expected_net_effect), summary.errors]


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.1f}%"


def _points(difference: float | None) -> str:
    return "-" if difference is None else f"{100 * difference:+.1f}"


def _export(args: argparse.Namespace) -> int:
    rows = export(args.run, args.destination, table=args.table, kind=args.kind)
    if args.format == "json":
        console.print_json({"run": str(args.run), "table": args.table, "rows": rows,
                            "destination": str(args.destination), "version": __version__})
    else:
        print(f"wrote {rows} {args.table} rows to {args.destination}", file=sys.stderr)
    return 0

