"""Importer for ConDefects (Wu et al., 2023; github.com/appmlk/ConDefects, MIT): real faults of AtCoder
submissions, each a faulty and a correct version by the same author and the dataset's fault location.

The dataset's layout, read as it is (the whole tree, any tasks and submissions)::

    <root>/Code/<task>/<Language>/<submission>/faultyVersion.{py,java}
                                                correctVersion.{py,java}
                                                faultLocation.txt      (the fault's line(s) in the faulty version)

Each submission becomes a faulty record (``corpora.jsonl``): the correct version as the program's
source, the faulty one as its real bug with the fault lines a line diff finds, and the dataset's own
location kept beside them (:mod:`flipbench.corpora.fault_locations` says where the two disagree).
Submissions that cannot be read are listed with the reason, never silently dropped.

The repository ships no tests: they are a separate download (``Test.zip``), unpacked beside ``Code`` as
``Test/<contest>/<TASK LETTER>/in/<case>.txt`` with ``out/<case>.txt``. Where that folder is there, each
submission gets its task's cases as flipbench tests (:mod:`flipbench.corpora.stdin_tests`: the input on
standard input, the output compared line by line, as ConDefects' runner does), so its fault can be
certified; cases larger than ``MAX_CASE_BYTES`` are left out (and counted), so that a suite stays small
enough to run per variant. Without the folder every fault runs uncertified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from flipbench.corpora.line_diff import changed_lines
from flipbench.corpora.stdin_tests import StdinCase, java_stdin_test_suite, stdin_test_suite
from flipbench.corpora.syntax import default_filename
from flipbench.errors import InputError
from flipbench.model import Language, Program, Provenance, RealFault, TestSuite

CORPUS = "condefects"
LICENCE = ("MIT (ConDefects' LICENSE; its README names CC BY-SA 4.0 for the data); submissions by their "
           "AtCoder authors")
LANGUAGE_FOLDERS: dict[str, tuple[Language, str]] = {"Python": ("python", ".py"), "Java": ("java", ".java")}
MAX_CASE_BYTES = 64_000
"""Input and expected output of one test case together, at most (AtCoder's largest inputs are megabytes)."""


class ConDefectsLayoutError(InputError):
    """A path that is not a ConDefects tree, named."""


@dataclass(frozen=True)
class Skipped:
    """A submission folder that could not become a faulty record, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class ConDefectsImport:
    programs: tuple[Program, ...]
    skipped: tuple[Skipped, ...]
    tests_found: bool = False
    """Whether the tree has ConDefects' ``Test`` folder."""
    cases_left_out: int = 0
    """Test cases over ``MAX_CASE_BYTES``, counted once per task."""


def code_folder(root: Path) -> Path | None:
    """The ``Code`` folder of a ConDefects tree given its root (or the ``Code`` folder itself); None if
    ``root`` is not laid out so."""
    for candidate in (root / "Code", root):
        if candidate.is_dir() and any(candidate.glob("*/*/*/faultyVersion.*")):
            return candidate
    return None


def is_condefects_tree(root: Path) -> bool:
    return code_folder(root) is not None


def read_condefects(root: Path) -> ConDefectsImport:
    """Every submission of the tree as a faulty record, in path order, and the folders that could not be."""
    code = code_folder(root)
    if code is None:
        raise ConDefectsLayoutError(f"{root}: not a ConDefects tree (expected Code/<task>/<Language>/<submission>/"
                                    f"faultyVersion.py or .java)")
    programs: list[Program] = []
    skipped: list[Skipped] = []
    tests_root = code.parent / "Test"
    suites: dict[str, tuple[StdinCase, ...]] = {}
    left_out = 0
    for folder in sorted(path.parent for path in code.glob("*/*/*/faultyVersion.*")):
        where = folder.relative_to(code).as_posix()
        task, language_folder, submission = folder.relative_to(code).parts
        if language_folder not in LANGUAGE_FOLDERS:
            skipped.append(Skipped(where, f"language {language_folder!r} is not one flipbench reads "
                                          f"({', '.join(LANGUAGE_FOLDERS)})"))
            continue
        language, suffix = LANGUAGE_FOLDERS[language_folder]
        if task not in suites:
            suites[task], dropped = task_cases(tests_root, task)
            left_out += dropped
        try:
            program = _submission(folder, where, task, language, suffix, submission)
        except _Unusable as reason:
            skipped.append(Skipped(where, str(reason)))
            continue
        if suites[task]:
            program = replace(program, tests=_tests(program, task, suites[task]))
        programs.append(program)
    return ConDefectsImport(tuple(programs), tuple(skipped), tests_root.is_dir(), left_out)


def task_cases(tests_root: Path, task: str) -> tuple[tuple[StdinCase, ...], int]:
    """A task's test cases from ConDefects' ``Test`` folder (``abc230_g`` -> ``Test/abc230/G``), in name order,
    and how many were left out for their size; none when the folder has no such task."""
    contest, _, letter = task.rpartition("_")
    folder = tests_root / contest / letter.upper()
    cases, left_out = [], 0
    for given in sorted((folder / "in").glob("*")) if (folder / "in").is_dir() else ():
        expected = folder / "out" / given.name
        if not expected.is_file():
            continue
        if given.stat().st_size + expected.stat().st_size > MAX_CASE_BYTES:
            left_out += 1
            continue
        cases.append(StdinCase(given.stem, given.read_text(encoding="utf-8", errors="replace"),
                               expected.read_text(encoding="utf-8", errors="replace")))
    return tuple(cases), left_out


def _tests(program: Program, task: str, cases: tuple[StdinCase, ...]) -> TestSuite:
    suite = stdin_test_suite if program.language == "python" else java_stdin_test_suite
    return suite(program.filename, cases, f"ConDefects' test cases of AtCoder task {task}: the input on standard "
                                          f"input, the output compared line by line.")


class _Unusable(Exception):
    """Why one submission folder cannot be imported."""


def _submission(folder: Path, where: str, task: str, language: Language, suffix: str, submission: str) -> Program:
    faulty, correct = (_text(folder / f"{version}Version{suffix}") for version in ("faulty", "correct"))
    fault_lines = changed_lines(correct, faulty)
    if not fault_lines:
        raise _Unusable("the faulty and correct versions have the same lines")
    location = folder / "faultLocation.txt"
    dataset_lines = parse_fault_location(_text(location)) if location.is_file() else ()
    spec = (f"A solution to AtCoder task {task}: it reads the task's input from standard input and prints the "
            f"answer (ConDefects gives no task statement).")
    return Program(f"{CORPUS}/{task}/{language}/{submission}", language, correct, spec,
                   default_filename(language, correct), Provenance(CORPUS, f"Code/{where}", LICENCE),
                   real_fault=RealFault(faulty, fault_lines, dataset_lines))


def parse_fault_location(text: str) -> tuple[int, ...]:
    """The line numbers a ``faultLocation.txt`` holds (one or more, separated by anything that is not a
    digit), sorted; numbers below 1 are not lines and are left out."""
    return tuple(sorted({int(number) for number in re.findall(r"\d+", text) if int(number) >= 1}))


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _Unusable(f"no {path.name}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise _Unusable(f"{path.name}: cannot read: {error}") from None
