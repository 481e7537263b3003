"""How far a subject without tests can be checked: compiled, or only parsed.

A program without tests (the study's seeds, most real bugs in the wild) cannot be certified: no test can
show a fault live or a variant's behaviour kept. It still runs, marked with the strongest check it
passed (:class:`flipbench.model.CheckLevel`), so a reader can weigh its numbers. Python's ``compile()``
gates every usable program, fault and variant already (the corpus and the mutators refuse what fails it),
and is asked again here; Java units are compiled by the host's javac in one batch, which runs no program
code, so no sandbox is needed. A Java file that declares a package or needs classes it does not have
(the study's seeds are files cut out of whole projects) stays ``parsed``.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from functools import lru_cache

from flipbench.corpora import syntax_error
from flipbench.execution.java_tools import compile_units
from flipbench.model import CheckLevel


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
            if language == "java" and _compiles_alone(filename, program)]
    for index, compilation in zip(java, compile_units([{units[index][1]: units[index][2]} for index in java])):
        if compilation.ok:
            levels[index] = CheckLevel.COMPILED
    return levels


@lru_cache(maxsize=4096)
def _compiles_alone(filename: str, source: str) -> bool:
    return compile_units([{filename: source}])[0].ok

