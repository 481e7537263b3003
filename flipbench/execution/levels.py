"""How far a subject without tests can be checked: compiled, or only parsed.

A program without tests (the study's seeds, most real bugs in the wild) cannot be certified: no test can
show a fault live or a variant's behaviour kept. It still runs, marked with the strongest check it
passed (:class:`flipbench.model.CheckLevel`), so a reader can weigh its numbers. Python's ``compile()``
gates every usable program, fault and variant already (the corpus and the mutators refuse what fails it),
and is asked again here; Java units are compiled by the host's javac (in one batch, or alone when they
declare a package), which runs no program code, so no sandbox is needed. A Java file that needs classes
it does not have (most of the study's seeds: files cut out of whole projects; 3 of the first 40 compile
alone) stays ``parsed``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from flipbench.corpora import syntax_error
from flipbench.execution.java_tools import compile_units, refused_units
from flipbench.model import CheckLevel

JAVAC_SECONDS = 120
"""How long javac may take over one program compiled alone (the study's largest file has 42,000 lines)."""


def untested_levels(units: Sequence[tuple[str, str, str, str]]) -> list[CheckLevel]:
    """The level each (language, file name, source, its program's source) reached without tests, in order.
    A Java unit is compiled only when its program compiles on its own: a fault or an SPM adds no class a
    program lacks, so the faults and variants of a program that needs other files stay ``parsed`` without
    asking javac about each of them."""
    levels = [CheckLevel.PARSED] * len(units)
    for index, (language, filename, source, _) in enumerate(units):
        if language == "python" and syntax_error(language, source, filename) is None:
            levels[index] = CheckLevel.COMPILED
    if not (shutil.which("java") and shutil.which("javac")):
        return levels
    java = [index for index, (language, filename, _, program) in enumerate(units)
            if language == "java" and _program_compiles(filename, program)]
    batch = [{units[index][1]: units[index][2]} for index in java]
    refused = refused_units(batch)
    for position, (index, compilation) in enumerate(zip(java, compile_units(batch))):
        if compilation.ok or (position in refused and _javac_alone(units[index][1], units[index][2])):
            levels[index] = CheckLevel.COMPILED
    return levels


@lru_cache(maxsize=2048)  # keys are the corpus's own strings: no copies
def _program_compiles(filename: str, source: str) -> bool:
    """Whether javac accepts the program by itself (asked once per program)."""
    unit = {filename: source}
    return compile_units([unit])[0].ok if not refused_units([unit]) else _javac_alone(filename, source)


def _javac_alone(filename: str, source: str) -> bool:
    """javac on one file by itself: the batch compiler takes only units without a package of their own, and
    a file that declares one (every study seed) is compiled so, annotation processors off: javac runs no
    code of it."""
    with tempfile.TemporaryDirectory(prefix="flipbench-level-") as scratch:
        path = Path(scratch) / filename
        path.write_text(source, encoding="utf-8")
        done = subprocess.run(["javac", "-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", str(Path(scratch) / "out"),
                               str(path)], capture_output=True, timeout=JAVAC_SECONDS)
    return done.returncode == 0

