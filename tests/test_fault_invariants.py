"""Invariants of fault injection over the whole built-in corpus (issue acceptance criteria)."""

import os
import subprocess
import sys
from collections import defaultdict
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.syntax import syntax_error
from flipbench.execution.java_tools import compile_units
from flipbench.mutators.faults import OPERATORS, inject, sample_faults
from flipbench.mutators.sampling import quartile

from faultkit import expected_fault_lines

PROGRAMS = list(builtin_corpus().programs())


@cache
def faults_of(name: str) -> tuple:
    return tuple(inject(builtin_corpus().get(name).program))


@pytest.mark.parametrize("language", ["python", "java"])
@pytest.mark.parametrize("operator", list(OPERATORS))
def test_every_operator_applies_to_most_programs(language, operator):
    programs = [p for p in PROGRAMS if p.language == language]
    applied = [p for p in programs if any(f.fault == operator for f in faults_of(p.name))]
    assert len(applied) / len(programs) > 0.5


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_diff_touches_exactly_the_fault_lines(program):
    for faulty in faults_of(program.name):
        assert faulty.fault_lines == expected_fault_lines(program.source, faulty.source), faulty.edit


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_every_variant_parses_differs_from_the_original_and_is_unique(program):
    sources = [faulty.source for faulty in faults_of(program.name)]
    assert all(syntax_error(program.language, source) is None for source in sources)
    assert program.source not in sources
    assert len(set(sources)) == len(sources)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_recorded_edit_reproduces_the_variant(program):
    data = program.source.encode()
    for faulty in faults_of(program.name):
        edit = faulty.edit
        assert data[edit.start_byte:edit.end_byte].decode() == edit.before
        assert (data[:edit.start_byte] + edit.after.encode() + data[edit.end_byte:]).decode() == faulty.source


@pytest.mark.slow
def test_every_java_variant_compiles_with_javac():
    variants = [f for p in PROGRAMS if p.language == "java" for f in faults_of(p.name)]
    results = compile_units([{f.program.filename: f.source} for f in variants], workers=2)
    failures = [(f.program.name, f.fault, f.edit.line, f.edit.after.strip(), r.errors.strip())
                for f, r in zip(variants, results) if not r.ok]
    assert failures == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PROGRAMS), st.sampled_from(list(OPERATORS)), st.integers(0, 2**32),
       st.integers(1, 12), st.booleans())
def test_samples_are_nested_subsets_balanced_over_quartiles(program, operator, seed, limit, stratify):
    every = [f for f in faults_of(program.name) if f.fault == operator]
    chosen = sample_faults(every, seed=seed, limit=limit, stratify=stratify)
    assert set(chosen) <= set(every)
    assert set(chosen) <= set(sample_faults(every, seed=seed, limit=limit + 1, stratify=stratify))
    assert chosen == sample_faults(list(every), seed=seed, limit=limit, stratify=stratify)
    if stratify and len(chosen) < len(every):
        per_quartile = defaultdict(int)
        for faulty in chosen:
            per_quartile[quartile(faulty.position)] += 1
        available = {quartile(f.position) for f in every}
        for q in available:
            if per_quartile[q] < sum(1 for f in every if quartile(f.position) == q):
                assert per_quartile[q] >= max(per_quartile.values()) - 1


def test_same_seed_gives_byte_identical_output_across_processes():
    command = [sys.executable, "-m", "flipbench", "inject", "--corpus", "builtin", "--max", "2", "--seed", "11",
               "--stratify", "--format", "json"]
    outputs = {
        subprocess.run(command, capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": hashseed}).stdout
        for hashseed in ("1", "2")
    }
    assert len(outputs) == 1 and len(outputs.pop()) > 1000
