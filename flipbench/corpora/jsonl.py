"""flipbench's generic JSONL corpus format: one program per line.

Each line is a JSON object. Required: ``name`` (unique in the file), ``language`` (``python`` or
``java``) and ``source``. Optional: ``spec`` (default empty), ``filename`` (default: derived from
the language), ``tests`` (``{"source", "filename"}`` in flipbench's test format) and
``provenance`` (``{"corpus", "origin", "licence"}``; defaults to the file's name, the line and
``unknown``). ``flipbench corpus import`` writes this format, so an imported corpus is read back
with the same code as a hand-written one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from flipbench import codec
from flipbench.corpora.model import LANGUAGES, Program, Provenance, TestSuite
from flipbench.corpora.syntax import default_filename
from flipbench.errors import InputError

_KNOWN_FIELDS = {"name", "language", "source", "spec", "filename", "tests", "provenance"}


class CorpusFormatError(InputError):
    """A corpus file that cannot be read, with the file and line at fault."""


def read_programs(path: Path) -> list[Program]:
    programs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFormatError(f"{path}: cannot read: {error}") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            programs.append(_program(json_line(path, number, line), path, number))
    return programs


def json_line(path: Path, number: int, line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise CorpusFormatError(f"{path}:{number}: not JSON: {error.msg}") from None
    if not isinstance(record, dict):
        raise CorpusFormatError(f"{path}:{number}: expected a JSON object")
    return record


def _program(record: dict, path: Path, number: int) -> Program:
    where = f"{path}:{number}"
    unknown = sorted(set(record) - _KNOWN_FIELDS)
    if unknown:
        raise CorpusFormatError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for required in ("name", "language", "source"):
        if not isinstance(record.get(required), str) or not record[required]:
            raise CorpusFormatError(f"{where}: field {required!r} must be a non-empty string")
    language = record["language"]
    if language not in LANGUAGES:
        raise CorpusFormatError(f"{where}: language {language!r} is not one of {', '.join(LANGUAGES)}")
    try:
        tests = codec.from_data(TestSuite, record["tests"]) if record.get("tests") is not None else None
        provenance = (
            codec.from_data(Provenance, record["provenance"])
            if record.get("provenance") is not None
            else Provenance(corpus=path.stem, origin=f"{path.name}:{number}", licence="unknown")
        )
    except codec.DecodeError as error:
        raise CorpusFormatError(f"{where}: {error}") from None
    spec = record.get("spec", "")
    if not isinstance(spec, str):
        raise CorpusFormatError(f"{where}: field 'spec' must be a string")
    filename = record.get("filename") or default_filename(language, record["source"])
    return Program(record["name"], language, record["source"], spec, filename, provenance, tests)


def write_programs(programs: Iterable[Program], path: Path) -> int:
    """Write programs as JSONL (atomically: a crash leaves the old file or the new, never half)."""
    temporary = path.with_name(path.name + ".partial")
    count = 0
    with temporary.open("w", encoding="utf-8") as out:
        for program in programs:
            out.write(codec.dumps(program) + "\n")
            count += 1
    temporary.replace(path)
    return count
