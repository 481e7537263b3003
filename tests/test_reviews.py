"""Reviewing the change: subjects shown as the unified diff a pull request shows, against the original
program (the SPMs' edits part of the change) or with the SPMs in the base (the fault's hunk alone), with
answers in new-file line numbers; prompt templates review_diff and review_diff_numbered, run against a real
llama.cpp server."""

from __future__ import annotations

import re
import sqlite3

import pytest

import flipbench
from flipbench.analysis import tables
from flipbench.corpora import load_corpus
from flipbench.localizers import Review, numbered_diff, unified_diff
from flipbench.localizers.base import Sampling
from flipbench.localizers.prompts import load_prompt
from flipbench.model import source_lines
from flipbench.mutators import NotApplicable, inject, mutate, revert_fault
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import faulty_subject, variant_subject
from flipbench.runs.run import run_experiment

from faultkit import diff_block

PROGRAMS = [program for program in load_corpus("builtin").programs() if program.language == "python"][:6] + \
           [program for program in load_corpus("builtin").programs() if program.language == "java"][:6]
SPMS = (("dead_code",), ("misleading_names",), ("function_shuffle",), ("reformat",), ("misleading_comments",))
OPERATORS = ("operator_swap", "removed_statement", "misplaced_return")


def _variants():
    for program in PROGRAMS:
        faults = {}
        for faulty in inject(program, OPERATORS):
            faults.setdefault(faulty.fault, faulty)
        for faulty in faults.values():
            for chain in SPMS:
                try:
                    yield mutate(faulty, chain, strength=3, seed=1)[0]
                except NotApplicable:
                    continue


VARIANTS = list(_variants())


def test_the_variants_cover_every_operator_and_spm():
    assert {variant.faulty.fault for variant in VARIANTS} == set(OPERATORS) and len(VARIANTS) > 100
    assert {variant.chain for variant in VARIANTS} == set(SPMS)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: f"{variant.faulty.program.name}:"
                         f"{variant.faulty.fault}:{'+'.join(variant.chain)}")
def test_with_the_spms_in_the_base_the_change_is_the_faults_hunk_alone(variant):
    base = revert_fault(variant)
    prefix, _, added = diff_block(base, variant.source)
    assert base != variant.source
    if added:  # the lines the fault changed or added, and no other
        assert set(range(prefix + 1, prefix + added + 1)) <= set(variant.fault_lines)
    else:  # a removed statement: its gap follows a fault line (an SPM may have put code into the gap)
        assert prefix in variant.fault_lines


def test_the_review_of_a_faulty_program_is_the_diff_from_the_original_with_its_file_name():
    faulty = next(inject(PROGRAMS[0], ("operator_swap",)))
    subject = faulty_subject(faulty)
    diff = unified_diff(subject, Review(context=2))
    name = PROGRAMS[0].filename
    assert diff.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == ["+" + source_lines(faulty.source)[line - 1] for line in faulty.fault_lines]
    assert len(diff.splitlines()) == 2 + 1 + 2 * 2 + 2 * len(faulty.fault_lines)  # headers, hunk, context, -/+


def test_the_numbered_diff_labels_kept_and_added_lines_with_their_new_file_number():
    variant = next(variant for variant in VARIANTS if variant.chain == ("misleading_comments",))
    subject = variant_subject(variant)
    lines = source_lines(variant.source)
    for row in numbered_diff(subject, Review()).splitlines()[2:]:
        labelled = re.match(r"^\s*(\d+) ([ +])(.*)$", row)
        if labelled:
            assert lines[int(labelled[1]) - 1] == labelled[3]
        else:
            assert row.startswith("@@") or re.match(r"^\s+-", row)


def test_in_stage_two_the_spms_edits_are_part_of_the_change_unless_they_are_in_the_base():
    variant = next(variant for variant in VARIANTS if variant.chain == ("dead_code",))
    subject = variant_subject(variant)
    noisy, alone = unified_diff(subject, Review("original")), unified_diff(subject, Review("spm"))
    assert noisy.count("\n+") > alone.count("\n+") and alone.count("\n+") - 1 == len(variant.fault_lines)


def test_a_review_template_renders_the_diff_and_a_file_template_the_code():
    subject = faulty_subject(next(inject(PROGRAMS[0], ("operator_swap",))))
    review = load_prompt("review_diff").render_subject(subject, Sampling())
    assert load_prompt("review_diff").view == "diff" and load_prompt("numbered").view == "file"
    assert f"+++ b/{PROGRAMS[0].filename}" in review.user and PROGRAMS[0].filename in review.user
    assert "@@ -" in load_prompt("review_diff_numbered").render_subject(subject, Sampling()).user


def test_a_review_diff_run_against_llamacpp_completes_and_its_prompts_show_the_diff(llamacpp_server, tmp_path):
    experiment = Experiment(languages=("python",), faults=("operator_swap",), spms=(("dead_code",),),
                            models=(llamacpp_server.name, "baseline/random"), base_url=llamacpp_server.base_url,
                            prompt="review_diff", certified_only=False, limit=2, max_tokens=24, diff_base="spm")
    result = run_experiment(experiment, tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        statuses = [status for (status,) in connection.execute("SELECT status FROM tasks WHERE localizer = ?",
                                                                (llamacpp_server.name,))]
        prompts = [user for (user,) in connection.execute("SELECT user FROM prompts")]
    assert len(statuses) == 6 and set(statuses) <= {"correct", "wrong", "error"}
    assert prompts and all("```diff\n--- a/" in user and "\n@@ -" in user for user in prompts)
    assert {stage for stage, _ in result.stages} == {"stage 1", "stage 2"}
    views = tables.precision(flipbench.load_run(tmp_path / "run")).set_index("localizer")["view"]
    assert views[llamacpp_server.name] == "diff (base: spm, context 3)" and views["baseline/random"] == "ranking"
