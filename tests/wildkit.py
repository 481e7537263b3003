"""The mutators on code in the wild: every fault operator and SPM over ConDefects-dev's faulty and
correct programs and the study's seeds, held to the built-in corpus's invariants.

* injection never crashes (a program that does not parse is skipped, not a failure);
* the lines a fault changes are its fault lines (:func:`faultkit.diff_allows`);
* an SPM variant parses and keeps the fault's code on its fault lines
  (:func:`spmkit.keeps_fault_code`), at strengths 1 and 8, for one fault of every operator;
* Java variants compile with javac wherever the program they come from compiles.

Used by ``scripts/sweep_mutators.py`` (all of it) and ``tests/test_mutators_in_the_wild.py``
(a fixed subset, in CI).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flipbench.corpora.llmcodeimpact import read_seeds
from flipbench.corpora.syntax import default_filename, syntax_error
from flipbench.execution.java_tools import compile_units
from flipbench.model import FaultyProgram, Program, Provenance
from flipbench.mutators.faults import OPERATORS, inject, sample_faults
from flipbench.mutators.source_text import UnparseableSource
from flipbench.mutators.spms import SPMS, NotApplicable, mutate

from faultkit import diff_allows
from spmkit import keeps_fault_code

REPOSITORY = Path(__file__).resolve().parents[1]
STRENGTHS = (1, 8)
LARGE = 5000
"""Lines from which a file's faults are sampled (a 42K-line seed has 37K faults) and only one gets SPMs."""
FAULT_LINE_SAMPLE = 500


def shared_corpora() -> Path:
    return Path(os.environ.get("FLIPBENCH_SHARED", REPOSITORY.parent / "shared")) / "corpora"


def condefects_programs(root: Path) -> list[Program]:
    """Every ``faultyVersion`` and ``correctVersion`` under ``Code/<task>/<Language>/<submission>/``."""
    programs = []
    for path in sorted(root.glob("Code/*/*/*/*Version.*")):
        language = {".py": "python", ".java": "java"}.get(path.suffix)
        if language is None:
            continue
        source = path.read_text(encoding="utf-8")
        name = "condefects/" + path.relative_to(root / "Code").as_posix()
        programs.append(Program(name, language, source, "", default_filename(language, source),
                                Provenance("condefects", name, "MIT")))
    return programs


def study_seeds(root: Path) -> list[Program]:
    return [program for language, directory in (("python", "python_dataset"), ("java", "java_dataset"))
            for program in read_seeds(root / "Datasets" / directory, language)]


def wild_programs(shared: Path) -> list[Program]:
    return condefects_programs(shared / "condefects-dev") + study_seeds(shared / "llmcodeimpact")


@dataclass(frozen=True)
class Finding:
    program: str
    check: str
    """``inject crash``, ``fault lines``, ``spm crash``, ``spm parse``, ``spm fault code``, ``compile``."""
    what: str
    """The operator, or ``operator/spm/strength``."""
    detail: str


@dataclass(frozen=True)
class Unit:
    """A Java source to compile; it counts only where ``basis`` (what it was made from) compiles."""

    program: str
    filename: str
    what: str
    source: str
    basis: str | None


@dataclass(frozen=True)
class Report:
    program: str
    language: str
    skipped: str | None = None
    faults: int = 0
    fault_lines_checked: int = 0
    variants: int = 0
    findings: tuple[Finding, ...] = ()
    units: tuple[Unit, ...] = ()


def check_program(program: Program, *, compiled_spm_faults: int = 2) -> Report:
    """Every check but compilation, and the Java units to compile: the program, one fault per operator,
    and the SPM variants of ``compiled_spm_faults`` of the faults given SPMs (operators taken in turn
    from program to program, so that every operator gets its share)."""
    findings: list[Finding] = []

    def found(check: str, what: str, detail: str) -> None:
        findings.append(Finding(program.name, check, what, detail))

    try:
        faults = list(inject(program))
    except UnparseableSource as error:
        return Report(program.name, program.language, skipped=str(error))
    except Exception as error:  # noqa: BLE001 - a crash is what this looks for
        return Report(program.name, program.language, findings=(
            Finding(program.name, "inject crash", "", f"{type(error).__name__}: {error}"),))
    large = program.line_count > LARGE
    checked = sample_faults(faults, seed=0, limit=FAULT_LINE_SAMPLE) if large else faults
    for faulty in checked:
        if not diff_allows(program.source, faulty.source, faulty.fault_lines):
            found("fault lines", faulty.fault, f"line {faulty.edit.line}: {faulty.edit.before!r} -> "
                                               f"{faulty.edit.after!r} recorded {faulty.fault_lines}")
    by_operator = {name: [f for f in faults if f.fault == name] for name in OPERATORS}
    firsts = [sample_faults(group, seed=0, limit=1)[0] for group in by_operator.values() if group]
    units = [Unit(program.name, program.filename, "original", program.source, None)]
    units += [Unit(program.name, program.filename, f.fault, f.source, program.source) for f in firsts]
    given_spms = firsts[:1] if large else firsts
    turn = sum(program.name.encode()) % max(1, len(given_spms))
    compiled = {id(f) for f in (given_spms[turn:] + given_spms[:turn])[:compiled_spm_faults]}
    variants = 0
    for faulty in given_spms:
        for spm, strength, outcome in _variants(faulty):
            what = f"{faulty.fault}/{spm}/{strength}"
            if isinstance(outcome, str):
                found("spm crash", what, outcome)
                continue
            variants += 1
            error = syntax_error(program.language, outcome.source)
            if error is not None:
                found("spm parse", what, error)
            elif not keeps_fault_code(spm, faulty, outcome):
                found("spm fault code", what, f"fault lines {faulty.fault_lines} -> {outcome.fault_lines}")
            elif id(faulty) in compiled:
                units.append(Unit(program.name, program.filename, what, outcome.source, faulty.source))
    return Report(program.name, program.language, None, len(faults), len(checked), variants, tuple(findings),
                  tuple(units) if program.language == "java" else ())


def _variants(faulty: FaultyProgram):
    """(spm, strength, variant or the crash's text) for every SPM that applies."""
    for spm in SPMS:
        for strength in STRENGTHS:
            try:
                variant, _ = mutate(faulty, [spm], strength=strength, seed=0)
            except NotApplicable:
                continue
            except Exception as error:  # noqa: BLE001 - a crash is what this looks for
                yield spm, strength, f"{type(error).__name__}: {error}"
                continue
            yield spm, strength, variant


def compilation_findings(units: Iterable[Unit], *, workers: int = 1) -> tuple[list[Finding], Counter]:
    """Compile the units in rounds, each unit once its basis has compiled (originals, then faults,
    then SPM variants); one that does not compile is a finding. The counts say how many units
    were compiled and how many were left out because their basis does not compile."""
    pending = list(units)
    verdicts: dict[tuple[str, str], bool] = {}
    findings: list[Finding] = []
    counts: Counter = Counter()
    while pending:
        ready = [u for u in pending if u.basis is None or (u.program, u.basis) in verdicts]
        if not ready:
            raise ValueError("units whose basis is not among the units")
        pending = [u for u in pending if not (u.basis is None or (u.program, u.basis) in verdicts)]
        runnable = [u for u in ready if u.basis is None or verdicts[(u.program, u.basis)]]
        counts["left out: basis does not compile"] += len(ready) - len(runnable)
        verdicts.update(((u.program, u.source), False) for u in ready if u.basis is not None
                        and not verdicts[(u.program, u.basis)])
        for unit, result in zip(runnable, compile_units([{u.filename: u.source} for u in runnable], workers=workers)):
            verdicts[(unit.program, unit.source)] = result.ok
            counts["compiled"] += 1
            if not result.ok and unit.basis is None:
                counts["originals that do not compile"] += 1
            if not result.ok and unit.basis is not None:
                findings.append(Finding(unit.program, "compile", unit.what, result.errors.strip()[:400]))
    return findings, counts
