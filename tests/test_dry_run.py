"""``flipbench run --dry-run``: the plan of a run without calling anything, its counts set against what the
run then does (a scripted OpenAI-compatible server), its tokens and cost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest

from flipbench.runs import plan_experiment
from flipbench.runs.dry_run import CHARS_PER_TOKEN, CONTENT_ASKS
from flipbench.runs.experiment import Price
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment

PROMPTED = {"openai/scripted": True, "baseline/random": False}


@pytest.fixture(scope="module")
def planned_and_run(tmp_path_factory):
    """A small experiment planned, then run against the scripted server (mode all, nothing certified, so
    the run chooses exactly the faulty programs the plan counts)."""
    folder = tmp_path_factory.mktemp("run")
    with ServerThread(ScriptedModel()) as server:
        settings = experiment(server.base_url, strengths=(1, 2), samples=2, limit=5,
                              spms=(("dead_code",), ("misleading_comments",)),
                              prices={"openai/scripted": Price(input=2.0, output=8.0)})
        plan = plan_experiment(settings, PROMPTED)
        calls_after_planning = server.model.requests
        run_experiment(settings, folder, backoff=FAST)
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        tasks = Counter(connection.execute("SELECT localizer, role FROM tasks"))
        faults = Counter(row[0] for row in connection.execute("SELECT fault FROM subjects WHERE kind = 'faulty'"))
        variants = connection.execute("SELECT COUNT(*) FROM subjects WHERE kind = 'variant'").fetchone()[0]
        prompt_chars = dict(connection.execute("SELECT subject_id, length(system) + length(user) FROM prompts"))
        asked = Counter(connection.execute("SELECT subject_id FROM tasks WHERE localizer = 'openai/scripted'"))
    return plan, calls_after_planning, tasks, faults, variants, prompt_chars, asked


def test_planning_calls_nothing(planned_and_run):
    assert planned_and_run[1] == 0


def test_the_plan_counts_the_faulty_programs_and_stage_one_tasks_the_run_makes(planned_and_run):
    plan, _, tasks, faults, *_ = planned_and_run
    assert plan.faulty == 5 == sum(faults.values())
    assert {count.fault: count.faulty for count in plan.faults} == dict(faults)
    for localizer in plan.localizers:
        assert localizer.stage_one == 5 * 2 == tasks[(localizer.localizer, "before")]


def test_stage_two_is_bounded_by_every_condition_and_the_control_of_every_faulty_program(planned_and_run):
    plan, _, tasks, _, variants, *_ = planned_and_run
    assert plan.conditions == ("dead_code x1", "dead_code x2", "misleading_comments x1", "misleading_comments x2")
    for localizer in plan.localizers:
        assert localizer.stage_two == 5 * (4 + 1) * 2
        done = tasks[(localizer.localizer, "variant")] + tasks[(localizer.localizer, "control")]
        assert done == (variants + 5) * 2 <= localizer.stage_two


def test_tokens_are_the_prompts_characters_over_the_estimate_and_baselines_use_none(planned_and_run):
    plan, _, _, _, _, prompt_chars, asked = planned_and_run
    chat, baseline = plan.localizers
    sent = sum(prompt_chars[subject] * times for (subject,), times in asked.items()) / CHARS_PER_TOKEN
    assert 0.8 * sent <= chat.input_tokens <= 1.3 * sent  # conditions that did not apply are counted too
    assert chat.output_tokens == (chat.stage_one + chat.stage_two) * 16
    assert chat.cost == pytest.approx((chat.input_tokens * 2.0 + chat.output_tokens * 8.0) / 1e6)
    assert (baseline.input_tokens, baseline.output_tokens, baseline.prompts, baseline.cost) == (0, 0, 0, None)


def test_model_written_content_adds_three_requests_per_faulty_program_and_strength_for_chat_models_only():
    settings = experiment("http://127.0.0.1:9", strengths=(1, 2, 4), limit=3, content="model")
    plan = plan_experiment(settings, PROMPTED)
    chat, baseline = plan.localizers
    assert chat.content_prompts == 3 * 3 * len(CONTENT_ASKS) and baseline.content_prompts == 0
    assert chat.prompts == chat.stage_one + chat.stage_two + chat.content_prompts


def test_a_whole_corpus_with_every_fault_is_planned_per_program(tmp_path):
    settings = experiment("http://127.0.0.1:9", limit=None, faults_per_operator="all", faults=("operator_swap",))
    plan = plan_experiment(settings, PROMPTED)
    from flipbench.corpora.builtin import builtin_corpus
    from flipbench.mutators import inject

    everything = sum(1 for program in builtin_corpus().programs("python") for _ in inject(program, ("operator_swap",)))
    assert plan.faulty == everything and plan.faults[0].programs == 40


def test_the_command_prints_the_plan_as_json_and_leaves_nothing_behind(tmp_path):
    done = subprocess.run([sys.executable, "-m", "flipbench", "run", "--dry-run", "--format", "json", "--limit", "2",
                           "--language", "python", "--model", "baseline/random"], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    plan = json.loads(done.stdout)
    assert plan["faulty"] == 2 and plan["totals"]["stage_one"] == 2 and plan["paper_table_iv"]["tasks"] == 750_013
    assert list(tmp_path.iterdir()) == []


def test_the_text_plan_shows_faults_per_operator_and_each_localizer(capsys, tmp_path, monkeypatch):
    from flipbench.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["run", "--dry-run", "--limit", "2", "--language", "python", "--model", "baseline/random"]) == 0
    shown = capsys.readouterr().out
    assert "nothing was called or run" in shown and "baseline/random" in shown and "Table IV" not in shown
    assert list(tmp_path.iterdir()) == []


def test_the_content_requests_planned_are_those_a_run_with_model_written_content_makes(tmp_path):
    with ServerThread(ScriptedModel()) as server:
        settings = experiment(server.base_url, strengths=(1, 2), limit=3, content="model",
                              spms=(("misleading_comments",),))
        plan = plan_experiment(settings, PROMPTED)
        run_experiment(settings, tmp_path, backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        asked = Counter(row[0] for row in connection.execute("SELECT localizer FROM content"))
    chat, baseline = plan.localizers
    assert chat.content_prompts == asked["openai/scripted"] == 3 * 2 * len(CONTENT_ASKS)
    assert baseline.content_prompts == asked["baseline/random"] == 0
