"""``flipbench run ... --dry-run``: the plan of a run, its tokens and cost, printed without calling anything."""

from __future__ import annotations

import argparse
import dataclasses

from flipbench import console
from flipbench.localizers import BASELINE
from flipbench.runs import Experiment, Plan, plan_experiment
from flipbench.version import __version__

PAPER_TABLE_IV = {"prompts": 1_163_686, "tasks": 750_013, "tokens": 3_881_577_500}
"""The study's Table IV (Haroon et al., ICST 2026): prompts generated, localization tasks, tokens analysed."""


def dry_run(args: argparse.Namespace, experiment: Experiment) -> int:
    """Plan ``experiment`` and print it (``--format json``: one object)."""
    plan = plan_of(experiment)
    if args.format == "json":
        console.print_json(plan_data(plan))
    else:
        print_plan(plan, beside_paper=experiment.filter == "existential")
    return 0


def plan_of(experiment: Experiment) -> Plan:
    """The dry run's plan of ``experiment`` (chat models are sent prompts, baselines are not)."""
    return plan_experiment(experiment, {name: name.split("/", 1)[0] != BASELINE for name in experiment.models})


def plan_data(plan: Plan) -> dict:
    return {"version": __version__, "corpus": plan.corpus, "programs": plan.programs, "excluded": plan.excluded,
            "faults": [dataclasses.asdict(count) for count in plan.faults], "faulty": plan.faulty,
            "conditions": list(plan.conditions), "samples": plan.samples, "control": plan.control,
            "localizers": [{**dataclasses.asdict(localizer), "prompts": localizer.prompts}
                           for localizer in plan.localizers],
            "totals": {"stage_one": plan.total("stage_one"), "stage_two": plan.total("stage_two"),
                       "stage_two_without_control": plan.stage_two_without_control,
                       "content_prompts": plan.total("content_prompts"), "prompts": plan.total("prompts"),
                       "tasks": plan.total("stage_one") + plan.total("stage_two"),
                       "tasks_without_control": plan.total("stage_one") + plan.stage_two_without_control,
                       "input_tokens": plan.total("input_tokens"), "output_tokens": plan.total("output_tokens"),
                       "tokens": plan.total("input_tokens") + plan.total("output_tokens"), "cost": plan.cost},
            "paper_table_iv": PAPER_TABLE_IV, "notes": list(plan.notes), "seconds": round(plan.seconds, 1)}


def print_plan(plan: Plan, *, beside_paper: bool = False) -> None:
    """The plan as tables; ``beside_paper`` (a run of the study's protocol) adds the paper's Table IV."""
    programs = ", ".join(f"{count} {language}" for language, count in plan.programs.items())
    print(f"dry run: nothing was called or run. Corpus {plan.corpus}: {programs} programs"
          + (f" ({plan.excluded} left out: they do not parse)" if plan.excluded else ""))
    print("\nfaulty programs (before certification)")
    console.print_table(["language", "fault", "programs with a site", "faulty programs"],
                        [[count.language, count.fault, count.programs, count.faulty] for count in plan.faults]
                        + [["all", "", "", plan.faulty]])
    print(f"\nstage 2 per faulty program: {len(plan.conditions)} SPM conditions"
          + (" + the control" if plan.control else "") + f", x{plan.samples} draws")
    print("\nper localizer (stage 2 and content: upper bounds)")
    console.print_table(
        ["localizer", "stage 1", "stage 2", "content prompts", "prompts", "input tokens", "output tokens", "cost"],
        [[localizer.localizer, localizer.stage_one, localizer.stage_two, localizer.content_prompts, localizer.prompts,
          localizer.input_tokens, localizer.output_tokens, _money(localizer.cost, localizer.prompted)]
         for localizer in plan.localizers]
        + [["all", plan.total("stage_one"), plan.total("stage_two"), plan.total("content_prompts"), plan.total("prompts"), plan.total("input_tokens"),
            plan.total("output_tokens"), _money(plan.cost, True)]])
    if beside_paper:
        print("\nbeside the study's Table IV")
        console.print_table(["", "this plan (upper bound)", "the paper"], [
            ["prompts", plan.total("prompts"), PAPER_TABLE_IV["prompts"]],
            ["tasks (stage 1 + stage 2)", plan.total("stage_one") + plan.total("stage_two"), PAPER_TABLE_IV["tasks"]],
            ["  without the control", plan.total("stage_one") + plan.stage_two_without_control, ""],
            ["tokens", plan.total("input_tokens") + plan.total("output_tokens"), PAPER_TABLE_IV["tokens"]]])
    for note in plan.notes:
        print(f"note: {note}")
    print(f"planned in {plan.seconds:.1f} s")


def _money(cost: float | None, prompted: bool) -> str:
    if not prompted:
        return "0"
    return "-" if cost is None else f"${cost:,.2f}"
