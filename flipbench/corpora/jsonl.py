"""flipbench's generic JSONL corpus format: one program per line.

Each line is a JSON object. Required: ``name`` (unique in the file), ``language`` (``python`` or
``java``) and ``source``. Optional: ``spec`` (default empty), ``filename`` (default: derived from
the language), ``tests`` (``{"source", "filename"}`` in flipbench's test format; ``filename`` defaults to
``test_<module>.py`` or the Java test class's name; ``framework`` defaults to ``flipbench``, or is ``pytest``
for Python, ``junit4`` or ``junit5`` for Java) and
``provenance`` (``{"corpus", "origin", "licence"}``; defaults to the file's name, the line and
``unknown``). ``flipbench corpus import`` writes this format, so an imported corpus is read back
with the same code as a hand-written one.

A **faulty record** is a real bug: the program as above, whose ``source`` is the *fixed* version,
plus ``faulty_source`` (the faulty version). Its fault lines are ``fault_lines`` (1-based lines of
the faulty version) when given, otherwise the lines a line diff against ``source`` finds changed in
the faulty version (:func:`flipbench.corpora.line_diff.changed_lines`: new or replaced lines; a pure
deletion, the two lines around the gap). ``dataset_fault_lines`` optionally keeps where the dataset
the bug came from locates it, for comparison only. Its fault is named ``real`` in experiments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from flipbench import codec
from flipbench.corpora.line_diff import changed_lines
from flipbench.corpora.syntax import default_filename
from flipbench.errors import InputError
from flipbench.model import LANGUAGES, Program, Provenance, RealFault, TestSuite, count_lines

_FRAMEWORKS = {"python": ("flipbench", "pytest"), "java": ("flipbench", "junit4", "junit5")}
"""The test frameworks each language's tests may be written for (``tests.framework``)."""
_FAULT_FIELDS = {"faulty_source", "fault_lines", "dataset_fault_lines"}
_KNOWN_FIELDS = {"name", "language", "source", "spec", "filename", "tests", "provenance"} | _FAULT_FIELDS


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
    return Program(record["name"], language, record["source"], spec, filename, provenance, tests,
                   _real_fault(record, where))


def _real_fault(record: dict, where: str) -> RealFault | None:
    """A faulty record's bug; None for a plain program (which must then carry no fault fields)."""
    faulty_source = record.get("faulty_source")
    if faulty_source is None:
        stray = sorted(_FAULT_FIELDS & set(record))
        if stray:
            raise CorpusFormatError(f"{where}: field(s) {', '.join(stray)} need 'faulty_source' (the faulty version)")
        return None
    if not isinstance(faulty_source, str) or not faulty_source.strip():
        raise CorpusFormatError(f"{where}: field 'faulty_source' must be a non-empty string")
    line_count = count_lines(faulty_source)
    derived = changed_lines(record["source"], faulty_source)
    if not derived:
        raise CorpusFormatError(f"{where}: 'faulty_source' has the same lines as 'source' (the fixed version): "
                                f"no fault")
    given = _line_list(record, "fault_lines", line_count, where)
    dataset = _line_list(record, "dataset_fault_lines", line_count, where, within_file=False)
    return RealFault(faulty_source, given if given is not None else derived, dataset or ())


def _line_list(record: dict, field: str, line_count: int, where: str, *,
               within_file: bool = True) -> tuple[int, ...] | None:
    """A list of 1-based line numbers, sorted and without repeats. A dataset's own location is kept even
    when it points outside the file (that is a disagreement to report, not a reason to refuse the bug)."""
    value = record.get(field)
    if value is None:
        return None
    if (not isinstance(value, list) or not value
            or not all(isinstance(line, int) and not isinstance(line, bool) and line >= 1 for line in value)):
        raise CorpusFormatError(f"{where}: field {field!r} must be a non-empty list of line numbers (1-based)")
    outside = [line for line in value if line > line_count]
    if within_file and outside:
        raise CorpusFormatError(f"{where}: field {field!r}: line {outside[0]} is past the end of 'faulty_source' "
                                f"({line_count} lines)")
    return tuple(sorted(set(value)))


def _tests(value: object, language: str, program_filename: str, where: str) -> TestSuite | None:
    """The ``tests`` field; its ``filename`` defaults as a program's does (``test_<module>.py``, or the
    Java test class's own name), since only the source says anything a user must write."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CorpusFormatError(f"{where}: field 'tests' must be an object with 'source' (and optionally 'filename')")
    unknown = sorted(set(value) - {"source", "filename", "framework"})
    if unknown:
        raise CorpusFormatError(f"{where}: unknown field(s) in 'tests': {', '.join(unknown)}")
    framework = value.get("framework", "flipbench")
    if framework not in _FRAMEWORKS[language]:
        raise CorpusFormatError(f"{where}: field 'tests.framework' must be one of {', '.join(_FRAMEWORKS[language])} "
                                f"for {language}, not {framework!r}")
    source = value.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CorpusFormatError(f"{where}: field 'tests.source' must be a non-empty string")
    filename = value.get("filename")
    if filename is None:
        filename = (f"test_{Path(program_filename).stem}.py" if language == "python"
                    else default_filename(language, source))
    elif not isinstance(filename, str) or not filename:
        raise CorpusFormatError(f"{where}: field 'tests.filename' must be a non-empty string")
    return TestSuite(source, filename, framework)


def program_record(program: Program) -> dict:
    """A program as one line of this format (what :func:`read_programs` reads back as the same program)."""
    record = {"name": program.name, "language": program.language, "source": program.source, "spec": program.spec,
              "filename": program.filename, "provenance": codec.to_data(program.provenance)}
    if program.tests is not None:
        record["tests"] = program.tests.content()
    fault = program.real_fault
    if fault is not None:
        record["faulty_source"] = fault.source
        record["fault_lines"] = list(fault.fault_lines)
        if fault.dataset_lines:
            record["dataset_fault_lines"] = list(fault.dataset_lines)
    return record


def write_programs(programs: Iterable[Program], path: Path) -> int:
    """Write programs as JSONL (atomically: a crash leaves the old file or the new, never half)."""
    temporary = path.with_name(path.name + ".partial")
    count = 0
    with temporary.open("w", encoding="utf-8") as out:
        for program in programs:
            out.write(codec.dumps(program_record(program)) + "\n")
            count += 1
    temporary.replace(path)
    return count
