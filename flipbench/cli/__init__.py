"""The ``flipbench`` command. Thin by design: parse arguments, call the library, print the result.

Exit statuses are defined in :mod:`flipbench.exits`; each verb's ``--help`` lists its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from flipbench import exits
from flipbench.cli.cluster import add_cluster_commands
from flipbench.cli.corpus import add_corpus_commands
from flipbench.cli.mutation import add_fault_commands, add_spm_commands
from flipbench.cli.presets import add_presets_command
from flipbench.cli.report import add_report_command
from flipbench.cli.run import add_run_commands
from flipbench.cli.sandbox import add_sandbox_commands
from flipbench.errors import InputError
from flipbench.exits import ExitStatus
from flipbench.version import __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        return args.handler(args)
    except InputError as error:
        print(f"flipbench: error: {error}", file=sys.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("flipbench: interrupted", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except Exception as error:  # a bug: one line, not a traceback, unless asked for
        if os.environ.get("FLIPBENCH_DEBUG"):
            raise
        where = traceback.extract_tb(error.__traceback__)[-1]
        print(f"flipbench: internal error: {type(error).__name__}: {_one_line(str(error))} "
              f"(at {Path(where.filename).name}:{where.lineno}; FLIPBENCH_DEBUG=1 shows the traceback; "
              "please report it)", file=sys.stderr)
        return ExitStatus.INTERNAL


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, so exit-status tables keep their rows."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            indent + line if line.startswith(" ") or not line else
            textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines())


class Parser(argparse.ArgumentParser):
    """flipbench's parsers: usage errors in one line (naming the verb and where to get help), exit 2,
    and every verb's help ending in its exit statuses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("epilog", exits.epilog())
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(ExitStatus.USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="flipbench",
        description="Measure whether fault localization survives semantic-preserving code changes.",
        epilog=exits.epilog({ExitStatus.FAILED: "the thing a verb checks did not hold (corpus check, verify)",
                             ExitStatus.NOT_APPLICABLE: exits.MEANINGS[ExitStatus.NOT_APPLICABLE] + " (mutate)"}),
    )
    parser.add_argument("--version", action="version", version=f"flipbench {__version__}")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_corpus_commands(verbs)
    add_fault_commands(verbs)
    add_spm_commands(verbs)
    add_sandbox_commands(verbs)
    add_run_commands(verbs)
    add_cluster_commands(verbs)
    add_presets_command(verbs)
    add_report_command(verbs)
    return parser


