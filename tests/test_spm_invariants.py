"""SPM invariants over the whole built-in corpus: every SPM x strengths {1, 8} x seeds {0, 1, 2}.

Variants are made from one seeded faulty program per corpus program. Each must parse (and
compile, for Java), keep its fault lines on the fault's code, nest by strength, and give the
program's tests exactly the outcomes and outputs the faulty program gives them.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.syntax import syntax_error
from flipbench.execution.suites import run_suites
from flipbench.mutators.faults import inject, sample_faults
from flipbench.mutators.spm import NotApplicable
from flipbench.mutators.spms import SPMS, mutate

from spmkit import keeps_fault_code, tokens_on

PROGRAMS = list(builtin_corpus().programs())
STRENGTHS = (1, 8)
SEEDS = (0, 1, 2)


QUICK_FAULTS = ["operator_swap", "relational_flip", "boolean_logic", "negated_condition"]


@cache
def faulty_programs() -> dict:
    """Per program, a seeded fault whose tests finish (no timeouts to repeat for every variant)."""
    candidates = {p.name: sample_faults(list(inject(p, QUICK_FAULTS)), seed=0, limit=3) for p in PROGRAMS}
    runs = {(program.name, source): run for program, source, run in
            run_suites((builtin_corpus().get(name).program, faulty.source)
                       for name, faults in candidates.items() for faulty in faults)}
    return {name: next((f for f in faults if not any(r.outcome == "timeout" for r in runs[(name, f.source)].results)),
                       faults[0]) for name, faults in candidates.items()}


def faulty_of(name: str):
    return faulty_programs()[name]


@cache
def variants_of(name: str) -> tuple:
    """(spm, strength, seed, variant) for every applicable combination."""
    faulty = faulty_of(name)
    made = []
    for spm in SPMS:
        for strength in STRENGTHS:
            for seed in SEEDS:
                try:
                    variant, _ = mutate(faulty, [spm], strength=strength, seed=seed)
                except NotApplicable:
                    continue
                made.append((spm, strength, seed, variant))
    return tuple(made)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_every_variant_parses(program):
    for spm, strength, seed, variant in variants_of(program.name):
        assert syntax_error(program.language, variant.source) is None, (spm, strength, seed)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_fault_lines_hold_the_fault_code(program):
    faulty = faulty_of(program.name)
    assert tokens_on(program.language, faulty.source, faulty.fault_lines)
    for spm, strength, seed, variant in variants_of(program.name):
        assert keeps_fault_code(spm, faulty, variant), (spm, strength, seed, variant.fault_lines)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_edits_at_a_lower_strength_are_among_those_at_a_higher_one(program):
    by_key = {(spm, strength, seed): variant for spm, strength, seed, variant in variants_of(program.name)}
    for (spm, strength, seed), variant in by_key.items():
        if strength == 1 and (spm, 8, seed) in by_key:
            weaker = Counter(edit.description for edit in variant.edits)
            stronger = Counter(edit.description for edit in by_key[(spm, 8, seed)].edits)
            assert not weaker - stronger, (spm, seed)


@pytest.mark.parametrize("program", PROGRAMS[::7], ids=lambda p: p.name)
def test_same_seed_gives_the_same_bytes(program):
    faulty = faulty_of(program.name)
    for spm in SPMS:
        try:
            first, _ = mutate(faulty, [spm], strength=4, seed=5)
        except NotApplicable:
            continue
        second, _ = mutate(faulty, [spm], strength=4, seed=5)
        assert first.source == second.source and first == second, spm


@pytest.mark.parametrize("language", ["python", "java"])
def test_every_spm_applies_somewhere_in_each_language(language):
    applied = {spm for p in PROGRAMS if p.language == language for spm, *_ in variants_of(p.name)}
    assert applied == set(SPMS)


@pytest.mark.parametrize("language", ["python", "java"])
@pytest.mark.parametrize("spm", ["misleading_comments", "misleading_names", "dead_code", "reformat", "fault_comment"])
def test_common_spms_apply_to_every_program(language, spm):
    missing = [p.name for p in PROGRAMS if p.language == language
               and not any(name == spm for name, *_ in variants_of(p.name))]
    assert missing == []


@cache
def executions() -> dict:
    """Test runs of every faulty program and every variant (one batch for the whole corpus)."""
    jobs = []
    for program in PROGRAMS:
        faulty = faulty_of(program.name)
        jobs.append((program, faulty.source))
        jobs.extend((program, variant.source) for *_, variant in variants_of(program.name))
    return {(program.name, source): run for program, source, run in run_suites(jobs)}


def _behaviour(run):
    return [(r.test, r.outcome, r.stdout, r.stderr, r.message.split(":")[0]) for r in run.results], run.error


@pytest.mark.slow
def test_every_java_variant_compiles():
    runs = executions()
    failures = [(p.name, spm, strength, seed, runs[(p.name, v.source)].error)
                for p in PROGRAMS if p.language == "java" for spm, strength, seed, v in variants_of(p.name)
                if (runs[(p.name, v.source)].error or "").startswith("does not compile")]
    assert failures == []


@pytest.mark.slow
def test_every_variant_keeps_the_test_outcomes_of_its_faulty_program():
    runs = executions()
    changed = []
    for program in PROGRAMS:
        reference = _behaviour(runs[(program.name, faulty_of(program.name).source)])
        for spm, strength, seed, variant in variants_of(program.name):
            if _behaviour(runs[(program.name, variant.source)]) != reference:
                changed.append((program.name, spm, strength, seed))
    assert changed == []
