"""The mutators on code in the wild, a fixed subset in CI: every fault operator and SPM on every
tenth ConDefects-dev program and every fiftieth parseable seed of the study, plus the files that
once broke them (see tests/wildkit.py for the checks). The whole sweep:

    .venv/bin/python scripts/sweep_mutators.py --workers 2
"""

from __future__ import annotations

from functools import cache

import pytest

from wildkit import LARGE, check_program, compilation_findings, condefects_programs, shared_corpora, study_seeds

pytestmark = pytest.mark.slow

ONCE_BROKEN = frozenset({
    "condefects/abc226_g/Java/52905648/faultyVersion.java",  # var locals: RecursionError in type evidence
    "condefects/abc221_e/Java/37078836/correctVersion.java",  # dead code read blank finals in a constructor
    "condefects/abc222_g/Python/49217735/faultyVersion.py",  # libcst gave one name to two variables
    "condefects/abc223_b/Python/53267282/faultyVersion.py",  # swap_if_else took the fault's `not` away
    "llmcodeimpact/python/7084",  # function_shuffle moved a method and the class inside it
    "llmcodeimpact/java/record_626",  # removed_statement next to an equal line
})


@cache
def programs() -> tuple:
    shared = shared_corpora()
    if not (shared / "condefects-dev").is_dir() or not (shared / "llmcodeimpact").is_dir():
        pytest.skip(f"the shared corpora are not at {shared}")
    wild, seeds = condefects_programs(shared / "condefects-dev"), study_seeds(shared / "llmcodeimpact")
    chosen = wild[::10] + seeds[::50]
    chosen += [p for p in wild + seeds if p.name in ONCE_BROKEN and p not in chosen]
    return tuple(p for p in chosen if p.line_count <= LARGE)


@cache
def reports() -> tuple:
    return tuple(check_program(program) for program in programs())


@cache
def compiled() -> tuple:
    findings, counts = compilation_findings((u for r in reports() for u in r.units), workers=2)
    return tuple(findings), counts


def _findings(*checks: str) -> list:
    return [(f.program, f.what, f.detail[:200]) for r in reports() for f in r.findings if f.check in checks]


def test_the_subset_covers_both_languages():
    checked = [r for r in reports() if r.skipped is None]
    assert {r.language for r in checked} == {"python", "java"} and len(checked) >= 80
    assert sum(r.variants for r in checked) > 5000


def test_injection_never_crashes_on_code_in_the_wild():
    assert _findings("inject crash") == []


def test_faults_in_the_wild_change_exactly_their_fault_lines():
    assert _findings("fault lines") == []


def test_spms_never_crash_on_faults_in_the_wild():
    assert _findings("spm crash") == []


def test_spm_variants_in_the_wild_parse_and_keep_the_fault_code():
    assert _findings("spm parse", "spm fault code") == []


def test_java_variants_in_the_wild_compile_wherever_their_program_does():
    findings, counts = compiled()
    assert counts["compiled"] > 500
    assert [(f.program, f.what, f.detail[:200]) for f in findings] == []
