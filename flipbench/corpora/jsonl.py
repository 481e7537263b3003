"""flipbench's generic JSONL corpus format: one program per line.

Each line is a JSON object. Required: ``name`` (unique in the file), ``language`` (``python`` or
``java``) and ``source``. Optional: ``spec`` (default empty), ``filename`` (default: derived from
the language), ``tests`` (``{"source", "filename"}`` in flipbench's test format; ``filename`` defaults to
``test_<module>.py`` or the Java test class's name) and
``provenance`` (``{"corpus", "origin", "licence"}``; defaults to the file's name, the line and
``unknown``). ``flipbench corpus import`` writes this format, so an imported corpus is read back
with the same code as a hand-written one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from flipbench import codec
from flipbench.corpora.syntax import default_filename
from flipbench.errors import InputError
from flipbench.model import LANGUAGES, Program, Provenance, TestSuite

_KNOWN_FIELDS = {"name", "language", "source", "spec", "filename", "tests", "provenance"}


class CorpusFormatError(InputError):
    """A corpus file that cannot be read, with the file and line at fault."""


def read_programs(path: Path) -> list[Program]:
    programs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFormatError(f"{path}: cannot read: {error}") from None
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            program = _program(json_line(path, number, line), path, number)
            if program.name in first_line:
                raise CorpusFormatError(f"{path}:{number}: duplicate program name {program.name!r} "
                                        f"(first on line {first_line[program.name]})")
            first_line[program.name] = number
            programs.append(program)
    if not programs:
        raise CorpusFormatError(f"{path}: no programs (the file has no JSON lines)")
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
        provenance = (
            codec.from_data(Provenance, record["provenance"])
            if record.get("provenance") is not None
            else Provenance(corpus=path.stem, origin=f"{path.name}:{number}", licence="unknown")
        )
    except codec.DecodeError as error:
        raise CorpusFormatError(f"{where}: {str(error).replace('$', 'field provenance', 1)}") from None
    spec = record.get("spec", "")
    if not isinstance(spec, str):
        raise CorpusFormatError(f"{where}: field 'spec' must be a string")
    filename = record.get("filename") or default_filename(language, record["source"])
    tests = _tests(record.get("tests"), language, filename, where)
    return Program(record["name"], language, record["source"], spec, filename, provenance, tests)


def _tests(value: object, language: str, program_filename: str, where: str) -> TestSuite | None:
    """The ``tests`` field; its ``filename`` defaults as a program's does (``test_<module>.py``, or the
    Java test class's own name), since only the source says anything a user must write."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CorpusFormatError(f"{where}: field 'tests' must be an object with 'source' (and optionally 'filename')")
    unknown = sorted(set(value) - {"source", "filename"})
    if unknown:
        raise CorpusFormatError(f"{where}: unknown field(s) in 'tests': {', '.join(unknown)}")
    source = value.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CorpusFormatError(f"{where}: field 'tests.source' must be a non-empty string")
    filename = value.get("filename")
    if filename is None:
        filename = (f"test_{Path(program_filename).stem}.py" if language == "python"
                    else default_filename(language, source))
    elif not isinstance(filename, str) or not filename:
        raise CorpusFormatError(f"{where}: field 'tests.filename' must be a non-empty string")
    return TestSuite(source, filename)


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
