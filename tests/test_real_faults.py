"""Faulty programs users bring: faulty records in the JSONL format (the fix as ``source``, the bug as
``faulty_source``), their fault lines, and the ``real`` fault entering injection, SPMs and certification
exactly as injected faults do."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from flipbench.corpora.corpus import Corpus
from flipbench.corpora.jsonl import CorpusFormatError, read_programs, write_programs
from flipbench.corpora.line_diff import changed_lines
from flipbench.execution.certify import reference_runs, verify_faults
from flipbench.model import Program, Provenance, RealFault, TestSuite, Verdict
from flipbench.mutators.faults import REAL, inject, operator_names, sample_faults
from flipbench.mutators.spms import mutate
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import FaultPool
from flipbench.sandbox import open_sandbox

from faultkit import diff_allows

FIXED = "def clamp(value, low, high):\n    if value < low:\n        return low\n    if value > high:\n" \
        "        return high\n    return value\n"
FAULTY = FIXED.replace("value > high", "value >= high + 1").replace("return low", "return high")
TESTS = "from clamp import clamp\n\n\ndef test_inside():\n    assert clamp(5, 0, 10) == 5\n\n\n" \
        "def test_below():\n    assert clamp(-1, 0, 10) == 0\n"


def record(**changes) -> dict:
    return {"name": "mine/clamp", "language": "python", "source": FIXED, "filename": "clamp.py",
            "faulty_source": FAULTY} | changes


def read(tmp_path, *records: dict) -> list[Program]:
    path = tmp_path / "bugs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return read_programs(path)


def test_fault_lines_default_to_the_lines_the_faulty_version_changed(tmp_path):
    [program] = read(tmp_path, record())
    assert program.source == FIXED
    assert program.real_fault == RealFault(FAULTY, (3, 4))


def test_given_fault_lines_are_kept_as_given_and_the_datasets_location_beside_them(tmp_path):
    [program] = read(tmp_path, record(fault_lines=[4], dataset_fault_lines=[4, 40]))
    assert program.real_fault.fault_lines == (4,)
    assert program.real_fault.dataset_lines == (4, 40)


def test_a_pure_deletion_is_the_two_lines_around_its_gap_as_for_injected_faults(tmp_path):
    deleted = FIXED.replace("    if value < low:\n        return low\n", "")
    [program] = read(tmp_path, record(faulty_source=deleted))
    assert program.real_fault.fault_lines == (1, 2)


@pytest.mark.parametrize(("changes", "message"), [
    ({"faulty_source": FIXED}, r"bugs.jsonl:1: 'faulty_source' has the same lines as 'source'.*no fault"),
    ({"faulty_source": ""}, r"bugs.jsonl:1: field 'faulty_source' must be a non-empty string"),
    ({"fault_lines": [7]}, r"bugs.jsonl:1: field 'fault_lines': line 7 is past the end of 'faulty_source' \(6 lines\)"),
    ({"fault_lines": []}, r"bugs.jsonl:1: field 'fault_lines' must be a non-empty list of line numbers"),
    ({"fault_lines": [0]}, r"bugs.jsonl:1: field 'fault_lines' must be a non-empty list of line numbers"),
    ({"faulty_source": None, "fault_lines": [2]}, r"bugs.jsonl:1: field\(s\) fault_lines need 'faulty_source'"),
])
def test_a_faulty_record_that_cannot_be_a_fault_is_refused_naming_the_field(tmp_path, changes, message):
    with pytest.raises(CorpusFormatError, match=message):
        read(tmp_path, {key: value for key, value in record(**changes).items() if value is not None})


def test_a_faulty_version_that_does_not_parse_excludes_the_program_with_the_reason(tmp_path):
    programs = read(tmp_path, record(faulty_source=FIXED.replace("if value < low:", "if value < low")))
    [entry] = Corpus.of("bugs", programs).entries
    assert entry.excluded.startswith("faulty version: ")


def test_faulty_records_and_plain_programs_round_trip_through_the_format(tmp_path, builtin):
    programs = read(tmp_path, record(dataset_fault_lines=[3], tests={"source": TESTS})) + list(builtin.programs())
    path = tmp_path / "copy.jsonl"
    write_programs(programs, path)
    assert read_programs(path) == programs
    assert [p.id for p in read_programs(path)] == [p.id for p in programs]


def test_a_program_without_a_real_fault_keeps_the_id_it_always_had():
    program = Program("p", "python", "x = 1\n", "", "p.py", Provenance("t", "p", "MIT"))
    assert program.id == "21d93ee24720f9a3"  # as computed before real faults existed


def test_the_real_fault_is_injected_only_when_asked_and_mixes_with_operators(tmp_path):
    [program] = read(tmp_path, record())
    assert REAL in operator_names(None)
    assert [f.fault for f in inject(program, ["real"])] == ["real"]
    mixed = list(inject(program, ["operator_swap", "real"]))
    assert {f.fault for f in mixed} == {"real"} | ({"operator_swap"} if len(mixed) > 1 else set())
    [bug] = [f for f in mixed if f.fault == REAL]
    assert bug.source == FAULTY and bug.fault_lines == (3, 4) and bug.edit is None
    assert sample_faults([bug], seed=3, limit=1) == [bug]


def test_a_program_without_a_real_fault_has_no_site_for_it(builtin):
    assert list(inject(next(builtin.programs("python")), ["real"])) == []


def test_an_spm_variant_of_a_real_fault_follows_its_fault_lines(tmp_path):
    [program] = read(tmp_path, record())
    [bug] = inject(program, ["real"])
    variant, _ = mutate(bug, ("dead_code",), strength=2, seed=0)
    lines = variant.source.split("\n")
    assert [lines[line - 1].strip() for line in variant.fault_lines] == ["return high", "if value >= high + 1:"]


def test_experiments_accept_real_beside_operators_and_the_pool_finds_it(tmp_path):
    [program] = read(tmp_path, record())
    experiment = Experiment(languages=("python",), faults=("real", "off_by_one"))
    pool = FaultPool(experiment, Corpus.of("bugs", [program]))
    [bug] = pool.candidates("mine/clamp", "real")
    assert pool.faulty("mine/clamp", bug.id) == bug


def test_a_real_fault_is_certified_live_when_a_test_passing_on_the_fix_fails_on_it(tmp_path):
    [program] = read(tmp_path, record(tests={"source": TESTS}))
    assert program.tests == TestSuite(TESTS, "test_clamp.py")
    [bug] = inject(program, ["real"])
    with open_sandbox("local") as sandbox:
        [verdict] = verify_faults([bug], reference_runs([program], sandbox, coverage=True), sandbox, coverage=True)
    assert verdict.verdict == Verdict.LIVE


def test_the_line_diff_finds_the_fault_lines_of_every_injected_fault(builtin):
    """One rule for fault lines, whichever way a fault came in: the diff of a program and its injected
    fault gives the lines injection recorded (up to where an ambiguous deletion is placed)."""
    checked = 0
    for program in builtin.programs():
        for faulty in sample_faults(list(inject(program)), seed=0, limit=40):
            found = changed_lines(program.source, faulty.source)
            assert found == faulty.fault_lines or diff_allows(program.source, faulty.source, found), faulty.edit
            checked += 1
    assert checked > 300


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a = 1", "b = 2", "return a", "", "x += 1", "y = a", "pass", "}"]), min_size=1,
                max_size=8, unique=True), st.data())
def test_a_pure_deletion_of_distinct_lines_marks_the_two_around_the_gap(lines, data):
    """(Where repeated lines make a diff ambiguous, difflib's alignment places the gap.)"""
    start = data.draw(st.integers(0, len(lines) - 1))
    end = data.draw(st.integers(start + 1, len(lines)))
    kept = lines[:start] + lines[end:]
    assume(kept)
    before, after = "\n".join(lines) + "\n", "\n".join(kept) + "\n"
    assert diff_allows(before, after, changed_lines(before, after))


def test_corpus_show_prints_both_versions_and_marks_the_fault_lines(tmp_path, capsys):
    from flipbench.cli import main

    path = tmp_path / "bugs.jsonl"
    path.write_text(json.dumps(record(dataset_fault_lines=[3])) + "\n")
    assert main(["corpus", "show", "mine/clamp", "--corpus", str(path)]) == 0
    out = capsys.readouterr().out
    assert "real fault: lines 3, 4 of the faulty version (marked >); the dataset says 3" in out
    faulty = out.split("faulty version (faulty_source):\n", 1)[1].splitlines()
    assert [line[0] for line in faulty] == [" ", " ", ">", ">", " ", " "]
