"""``flipbench presets``: the named experiment files shipped with flipbench, listed or printed."""

from __future__ import annotations

import argparse
import sys

from flipbench import console
from flipbench.cli.options import format_option
from flipbench.runs import preset_names, read_preset


def add_presets_command(verbs: argparse._SubParsersAction) -> None:
    presets = verbs.add_parser(
        "presets", help="named experiments shipped with flipbench (list; show NAME prints one to copy)",
        description="List the presets (named experiment files: `flipbench run --preset NAME` starts from one, "
                    "an experiment file and flags override it), or print one to copy and edit.")
    format_option(presets)
    presets.set_defaults(handler=_list)
    actions = presets.add_subparsers(title="actions", metavar="ACTION")
    show = actions.add_parser("show", help="print a preset's file (comments included)",
                              description="Print a preset's TOML file as shipped, e.g. "
                                          "`flipbench presets show study > study.toml`.")
    show.add_argument("name", metavar="NAME")
    show.set_defaults(handler=_show)


def _list(args: argparse.Namespace) -> int:
    presets = [read_preset(name) for name in preset_names()]
    if args.format == "json":
        console.print_json([{"name": preset.name, "description": preset.description} for preset in presets])
    else:
        console.print_table(["preset", "description"], [[preset.name, preset.description] for preset in presets])
    return 0


def _show(args: argparse.Namespace) -> int:
    sys.stdout.write(read_preset(args.name).text)
    return 0
