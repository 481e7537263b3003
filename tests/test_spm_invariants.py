"""SPM invariants over the whole built-in corpus: every SPM x strengths {1, 8} x seeds {0, 1, 2}.

Variants are made from one seeded faulty program per corpus program. Each must parse (and
compile, for Java), keep its fault lines on the fault's code, nest by strength, and give the
program's tests exactly the outcomes and outputs the faulty program gives them.

SPMs must hold up on the faults of every operator too (a premature return, a removed statement,
a negated condition change what an SPM may assume), so each program also gets faults of three
operators, taken in turn so that every operator has faults in a third of each language's
programs, and every SPM at strengths 1 and 8 (seed 0) on each. Those variants must all parse,
compile and keep the fault's code; whether they keep the tests' outcomes is checked on one SPM
per faulty program (both strengths), the SPMs taken in turn: every suite run costs time.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.syntax import syntax_error
from flipbench.execution.java_tools import compile_units
from flipbench.execution.suites import run_suites
from flipbench.mutators.faults import OPERATORS, inject, sample_faults
from flipbench.mutators.spms import SPMS, NotApplicable, mutate

from spmkit import keeps_fault_code, tokens_on

PROGRAMS = list(builtin_corpus().programs())
STRENGTHS = (1, 8)
SEEDS = (0, 1, 2)


QUICK_FAULTS = ["operator_swap", "relational_flip", "boolean_logic", "negated_condition"]


OPERATORS_PER_PROGRAM = 3


def operators_of(program) -> tuple[str, ...]:
    """Three operators per program, in turn along each language's programs (each operator gets a third)."""
    index = [p.name for p in PROGRAMS if p.language == program.language].index(program.name)
    names = list(OPERATORS)
    return tuple(names[(index * OPERATORS_PER_PROGRAM + k) % len(names)] for k in range(OPERATORS_PER_PROGRAM))


@cache
def _selection() -> tuple[dict, dict]:
    """Per program, a seeded fault whose tests finish (no timeouts to repeat for every variant), and a
    fault of each of its operators whose tests finish, from one batch of candidate runs."""
    candidates = {p.name: sample_faults(list(inject(p, QUICK_FAULTS)), seed=0, limit=3) for p in PROGRAMS}
    per_operator = {(p.name, operator): sample_faults(list(inject(p, [operator])), seed=0, limit=1)
                    for p in PROGRAMS for operator in operators_of(p)}
    jobs = [(faulty.program, faulty.source) for group in [*candidates.values(), *per_operator.values()]
            for faulty in group]
    runs = {(program.name, source): run for program, source, run in run_suites(jobs)}

    def finishes(name, faulty) -> bool:
        return not any(r.outcome == "timeout" for r in runs[(name, faulty.source)].results)

    quick = {name: next((f for f in faults if finishes(name, f)), faults[0]) for name, faults in candidates.items()}
    every = {key: group[0] for key, group in per_operator.items() if group and finishes(key[0], group[0])}
    return quick, every


def faulty_programs() -> dict:
    return _selection()[0]


def faulty_of(name: str):
    return faulty_programs()[name]


def faults_of_every_operator() -> dict:
    """(program name, operator) -> a fault of that operator whose tests finish."""
    return _selection()[1]


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


@cache
def variants_of_every_operator(name: str) -> tuple:
    """(operator, spm, strength, faulty, variant) for every SPM and strength that applies, seed 0."""
    made = []
    for operator in operators_of(builtin_corpus().get(name).program):
        faulty = faults_of_every_operator().get((name, operator))
        for spm in SPMS if faulty is not None else ():
            for strength in STRENGTHS:
                try:
                    variant, _ = mutate(faulty, [spm], strength=strength, seed=0)
                except NotApplicable:
                    continue
                made.append((operator, spm, strength, faulty, variant))
    return tuple(made)


def run_of_every_operator(name: str) -> list:
    """The variants of every operator's faults whose tests are run: one SPM per faulty program
    (both strengths), the SPMs that apply taken in turn along the corpus."""
    program = builtin_corpus().get(name).program
    chosen = []
    for turn, operator in enumerate(operators_of(program), start=PROGRAMS.index(program)):
        made = [v for v in variants_of_every_operator(name) if v[0] == operator]
        applied = [spm for spm in SPMS if any(v[1] == spm for v in made)]
        chosen += [v for v in made if applied and v[1] == applied[turn % len(applied)]]
    return chosen


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


def test_every_operator_has_faults_given_spms_in_each_language():
    covered = {(builtin_corpus().get(name).program.language, operator) for name, operator in faults_of_every_operator()}
    assert covered == {(language, operator) for language in ("python", "java") for operator in OPERATORS}


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_variants_of_every_operators_faults_parse_and_keep_the_fault_code(program):
    for operator, spm, strength, faulty, variant in variants_of_every_operator(program.name):
        where = (operator, spm, strength, faulty.fault_lines, variant.fault_lines)
        assert syntax_error(program.language, variant.source) is None, where
        assert keeps_fault_code(spm, faulty, variant), where


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
        jobs.extend((program, faulty.source) for (name, _), faulty in faults_of_every_operator().items()
                    if name == program.name)
        jobs.extend((program, variant.source) for *_, variant in run_of_every_operator(program.name))
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


@pytest.mark.slow
def test_every_java_variant_of_every_operators_faults_compiles():
    made = [(p, v) for p in PROGRAMS if p.language == "java" for v in variants_of_every_operator(p.name)]
    results = compile_units([{p.filename: variant.source} for p, (*_, variant) in made], workers=2)
    failures = [(p.name, operator, spm, strength, r.errors.strip()[:300])
                for (p, (operator, spm, strength, _, _)), r in zip(made, results) if not r.ok]
    assert failures == []


@pytest.mark.slow
def test_variants_of_every_operators_faults_keep_the_test_outcomes_of_their_faulty_program():
    runs = executions()
    changed = []
    for program in PROGRAMS:
        for operator, spm, strength, faulty, variant in run_of_every_operator(program.name):
            if _behaviour(runs[(program.name, variant.source)]) != _behaviour(runs[(program.name, faulty.source)]):
                changed.append((program.name, operator, spm, strength))
    assert changed == []
