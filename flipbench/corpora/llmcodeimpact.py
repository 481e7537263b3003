"""Importers for the reference study's data (LLMCodeImpact, Haroon et al., ICST 2026).

Two formats, both directories of JSON files:

* seeds (``Datasets/python_dataset``, ``Datasets/java_dataset``): ``{"instruction", "output"}``;
* faulty programs (``python_buggy_dataset_<Fault>``): ``{"instruction", "buggy_code",
  "line_no", "line_no_percent"}``, named ``<seed>_<k>.json``.

Seeds that do not parse are kept and flagged by :class:`~flipbench.corpora.corpus.Corpus`;
faulty programs come with a :mod:`label audit <flipbench.corpora.label_audit>`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from flipbench.corpora.corpus import Corpus
from flipbench.corpora.label_audit import LabelAudit, audit_label
from flipbench.corpora.syntax import default_filename
from flipbench.errors import InputError
from flipbench.model import (
    LANGUAGES,
    FaultyProgram,
    Language,
    Program,
    Provenance,
    RealFault,
    count_lines,
    position_percentile,
)

CORPUS = "llmcodeimpact"
LICENCE = "MIT (LLMCodeImpact artifact); original code under its authors' terms"
STUDY_FAULTS = {
    "BooleanLogic": "boolean_logic",
    "MisplacedReturn": "misplaced_return",
    "OffByOne": "off_by_one",
    "OperatorSwap": "operator_swap",
}


class StudyFormatError(InputError):
    """A file or directory that is not in the study's format, with the path at fault."""


@dataclass(frozen=True)
class StudyFault:
    """One of the study's faulty programs with the audit of its line label."""

    file: str
    faulty: FaultyProgram
    audit: LabelAudit
    seed_found: bool = False
    """Whether ``faulty.program`` is the seed the fault was made from (else it is the faulty code itself)."""

    def as_faulty_record(self) -> Program | None:
        """The fault as a faulty record (flipbench's JSONL format): the seed as the fixed version, the faulty
        code as its real bug with the audited fault lines, the study's own label kept beside them. None when
        there is nothing to record: no seed (no fixed version to pair it with), or a fault that changed no line."""
        if not self.seed_found or self.audit.verdict == "no_change":
            return None
        seed = self.faulty.program
        label = (self.audit.label,) if self.audit.label >= 1 else ()
        return replace(seed, name=f"{seed.name.rsplit('/', 1)[0]}/{Path(self.file).stem}",
                       provenance=Provenance(CORPUS, self.file, LICENCE),
                       real_fault=RealFault(self.faulty.source, self.faulty.fault_lines, label))


def guess_language(directory: Path) -> Language | None:
    """The language a study directory holds, from its name (``python_dataset``, ``java_buggy_...``)."""
    found = [language for language in LANGUAGES if language in directory.name.lower()]
    return found[0] if len(found) == 1 else None


def is_seed_directory(directory: Path) -> bool:
    """A directory of seed files, or one holding the artifact's ``<language>_dataset`` seed directories
    (its ``Datasets`` folder, or the artifact itself): the study's whole corpus in one step."""
    return _holds_seeds(directory) or bool(seed_directories(directory))


def seed_directories(directory: Path) -> list[Path]:
    """The ``<language>_dataset`` seed directories in ``directory`` or its ``Datasets`` folder, Python first."""
    found = []
    for language in LANGUAGES:
        for candidate in (directory / f"{language}_dataset", directory / "Datasets" / f"{language}_dataset"):
            if candidate.is_dir() and _holds_seeds(candidate):
                found.append(candidate)
                break
    return found


def _holds_seeds(directory: Path) -> bool:
    first = next(iter(sorted(directory.glob("*.json"))), None)
    if first is None:
        return False
    try:
        record = json.loads(first.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(record, dict) and {"instruction", "output"} <= set(record)


def _records(directory: Path, required: set[str]) -> Iterator[tuple[Path, dict]]:
    if not directory.is_dir():
        raise StudyFormatError(f"{directory}: not a directory")
    files = sorted(directory.glob("*.json"), key=_natural_key)
    if not files:
        raise StudyFormatError(f"{directory}: no .json files")
    for path in files:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise StudyFormatError(f"{path}: not a JSON file: {error}") from None
        missing = required - set(record) if isinstance(record, dict) else required
        if missing:
            raise StudyFormatError(f"{path}: missing field(s) {', '.join(sorted(missing))}")
        yield path, record


def _natural_key(path: Path) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem))


def read_seeds(directory: Path, language: Language | None = None) -> list[Program]:
    """Read a seed directory (``{"instruction", "output"}`` per file) as programs without tests."""
    language = language or guess_language(directory)
    if language is None:
        raise StudyFormatError(f"{directory}: cannot tell the language from the name; pass it explicitly")
    programs = []
    for path, record in _records(directory, {"instruction", "output"}):
        source = str(record["output"])
        programs.append(
            Program(
                name=f"{CORPUS}/{language}/{path.stem}",
                language=language,
                source=source,
                spec=str(record["instruction"]).strip(),
                filename=default_filename(language, source),
                provenance=Provenance(CORPUS, f"{directory.name}/{path.name}", LICENCE),
            )
        )
    return programs


def read_seed_corpus(directory: Path, language: Language | None = None) -> Corpus:
    """A seed directory, or every language's seeds when ``directory`` holds the artifact's seed directories."""
    if _holds_seeds(directory):
        return Corpus.of(CORPUS, read_seeds(directory, language))
    return Corpus.of(CORPUS, [program for seeds in seed_directories(directory) for program in read_seeds(seeds)
                              if language in (None, program.language)])


def find_seed_directory(faults_directory: Path, language: Language) -> Path | None:
    """Where the artifact keeps the seeds of a faulty-program directory, if it is there."""
    for candidate in (
        faults_directory.parent / "Datasets" / f"{language}_dataset",
        faults_directory.parent / f"{language}_dataset",
    ):
        if candidate.is_dir():
            return candidate
    return None


def fault_name(directory: Path) -> str:
    """flipbench's operator name for a study directory such as ``python_buggy_dataset_BooleanLogic``."""
    suffix = directory.name.rsplit("_", 1)[-1]
    return STUDY_FAULTS.get(suffix, suffix)


def read_faults(
    directory: Path, language: Language | None = None, seeds: Path | None = None
) -> list[StudyFault]:
    """Read the study's faulty programs and audit each label (against its seed, when the seed is known)."""
    language = language or guess_language(directory)
    if language is None:
        raise StudyFormatError(f"{directory}: cannot tell the language from the name; pass it explicitly")
    seeds = seeds or find_seed_directory(directory, language)
    seed_programs = {program.provenance.origin.rsplit("/", 1)[-1].removesuffix(".json"): program
                     for program in read_seeds(seeds, language)} if seeds else {}
    fault = fault_name(directory)
    imported = []
    for path, record in _records(directory, {"instruction", "buggy_code", "line_no"}):
        seed = seed_programs.get(path.stem.rsplit("_", 1)[0])
        source = str(record["buggy_code"])
        label = record["line_no"]
        if not isinstance(label, int):
            raise StudyFormatError(f"{path}: line_no must be an integer, got {label!r}")
        audit = audit_label(language, source, label, seed.source if seed else None)
        program = seed or Program(
            name=f"{CORPUS}/{language}/{path.stem}",
            language=language,
            source=source,
            spec=str(record["instruction"]).strip(),
            filename=default_filename(language, source),
            provenance=Provenance(CORPUS, f"{directory.name}/{path.name}", LICENCE),
        )
        fault_lines = audit.changed_lines or (label,)
        faulty = FaultyProgram(
            program=program,
            fault=fault,
            faulty_source=source,
            fault_lines=fault_lines,
            edit=None,
            position=position_percentile(fault_lines[0], count_lines(source)),
        )
        imported.append(StudyFault(f"{directory.name}/{path.name}", faulty, audit, seed is not None))
    return imported
