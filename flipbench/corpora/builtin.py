"""The built-in corpus: programs written for flipbench, shipped as package data.

Layout: ``builtin/<language>/<name>/`` holds ``meta.toml`` (the spec and a domain tag), the
program file, and its tests (``test_<module>.py`` for Python, ``<Class>Test.java`` for Java).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from flipbench.corpora.corpus import Corpus
from flipbench.model import LANGUAGES, Language, Program, Provenance, TestSuite

BUILTIN = "builtin"
_EXTENSIONS = {"python": ".py", "java": ".java"}


def _is_test_file(language: Language, filename: str) -> bool:
    if language == "python":
        return filename.startswith("test_")
    return filename.endswith("Test.java")


def load_program_folder(language: Language, folder: Traversable) -> Program:
    meta = tomllib.loads(folder.joinpath("meta.toml").read_text(encoding="utf-8"))
    sources = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(_EXTENSIONS[language])), key=lambda e: e.name
    )
    programs = [entry for entry in sources if not _is_test_file(language, entry.name)]
    tests = [entry for entry in sources if _is_test_file(language, entry.name)]
    if len(programs) != 1 or len(tests) != 1:
        raise ValueError(f"builtin program {language}/{folder.name}: expected one program and one test file")
    return Program(
        name=f"{language}/{folder.name}",
        language=language,
        source=programs[0].read_text(encoding="utf-8"),
        spec=" ".join(meta["spec"].split()),
        filename=programs[0].name,
        provenance=Provenance(corpus=BUILTIN, origin=f"{language}/{folder.name}", licence="MIT"),
        tests=TestSuite(source=tests[0].read_text(encoding="utf-8"), filename=tests[0].name),
    )


@cache
def builtin_corpus() -> Corpus:
    root = resources.files("flipbench.corpora").joinpath("builtin")
    programs = []
    for language in LANGUAGES:
        folder = root.joinpath(language)
        if folder.is_dir():
            for entry in sorted(folder.iterdir(), key=lambda e: e.name):
                if entry.is_dir() and entry.joinpath("meta.toml").is_file():
                    programs.append(load_program_folder(language, entry))
    return Corpus.of(BUILTIN, programs)
