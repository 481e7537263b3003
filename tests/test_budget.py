"""Budgets (``max_cost``, ``max_tokens_total``, per run and per localizer): a run whose dry-run estimate is
above its budget does not start, one whose budget runs out stops asking, keeps what it finished and resumes
when given more -- against the scripted OpenAI-compatible server, whose ``usage`` the run counts."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipbench.errors import InputError
from flipbench.exits import ExitStatus
from flipbench.localizers.prompts import load_prompt
from flipbench.runs.budget import Budget, BudgetReached, Budgets, over_budget, spending_for
from flipbench.runs.executor import Executor
from flipbench.runs.experiment import Experiment, Price, ProviderLimits, from_mapping
from flipbench.runs.run import localizers_for, run_experiment
from flipbench.runs.store import Store

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment, statuses

ONE_AT_A_TIME = {"openai": ProviderLimits(concurrency=1)}
"""One open request: each task is submitted after the one before is counted, so a budget stops at its bound."""


@pytest.fixture
def server():
    with ServerThread(ScriptedModel()) as running:
        yield running


def spent(folder: Path) -> dict[str, tuple[int, int]]:
    with Store(folder) as store:
        return store.spent_tokens()


def tokens(folder: Path, localizer: str = "openai/scripted") -> int:
    return sum(spent(folder).get(localizer, (0, 0)))


@pytest.fixture
def unbudgeted(server, tmp_path):
    """The run without a budget: its task table, its tokens and the calls it made."""
    settings = experiment(server.base_url, limits=ONE_AT_A_TIME)
    run_experiment(settings, tmp_path / "unbudgeted", backoff=FAST)
    calls = server.model.requests
    server.model.requests = 0
    return settings, statuses(tmp_path / "unbudgeted"), tokens(tmp_path / "unbudgeted"), calls


# -- the experiment file ------------------------------------------------------------------------------


def test_budgets_are_read_from_the_experiment_file_per_run_and_per_localizer():
    settings = from_mapping({"max_cost": 12.5, "max_tokens_total": 1_000_000,
                             "budgets": {"openai/gpt-4o": {"max_cost": 2}}}, Experiment())
    assert (settings.max_cost, settings.max_tokens_total) == (12.5, 1_000_000)
    assert settings.budgets == {"openai/gpt-4o": Budget(max_cost=2)}


def test_a_budget_changes_no_experiment_key_so_a_run_resumes_with_another():
    assert Experiment(max_cost=1.0, budgets={"openai/m": Budget(max_tokens_total=5)}).semantic_key \
        == Experiment().semantic_key


@pytest.mark.parametrize("data, message", [
    ({"max_cost": -1}, "max_cost must be a positive number"),
    ({"max_tokens_total": 2.5}, "max_tokens_total must be a positive whole number"),
    ({"budgets": {"openai/m": {"max_cost": "ten"}}}, "budgets.openai/m: max_cost must be a positive number"),
    ({"budgets": {"openai/m": {"dollars": 1}}}, "budgets.openai/m: unknown keys dollars"),
])
def test_a_bad_budget_is_refused_naming_the_setting(data, message):
    with pytest.raises(InputError, match=message):
        from_mapping(data, Experiment())


def test_a_cost_budget_without_a_price_is_refused_before_the_run_is_created(server, tmp_path):
    with pytest.raises(InputError, match=r'max_cost needs a price: add \[prices."openai/scripted"\]'):
        run_experiment(experiment(server.base_url, max_cost=1.0), tmp_path / "run", backoff=FAST)
    assert not (tmp_path / "run").exists() and server.model.requests == 0


def test_a_budget_for_a_localizer_the_run_does_not_ask_is_refused(server, tmp_path):
    with pytest.raises(InputError, match="budgets.openai/other: not a prompted localizer"):
        run_experiment(experiment(server.base_url, budgets={"openai/other": Budget(max_tokens_total=10)}),
                       tmp_path / "run", backoff=FAST)


# -- in flight ------------------------------------------------------------------------------------------


def test_a_spent_token_budget_stops_the_run_and_a_higher_one_resumes_it_asking_nothing_twice(unbudgeted, server,
                                                                                               tmp_path):
    settings, expected, total_tokens, total_calls = unbudgeted
    budget = total_tokens // 3
    with pytest.raises(BudgetReached, match=f"the run spent its max_tokens_total {budget:,}"):
        run_experiment(dataclasses.replace(settings, max_tokens_total=budget), tmp_path, backoff=FAST)
    stopped = statuses(tmp_path)
    largest_call = max(len(user) for user in _users(tmp_path)) // 4 + 8
    assert budget <= tokens(tmp_path) < budget + largest_call  # stopped at the bound, one open request past it
    assert 0 < len(stopped) < len(expected)
    assert set(stopped.values()) <= {"correct", "wrong"}  # nothing held back was recorded, as an error or at all
    run_experiment(dataclasses.replace(settings, max_tokens_total=10 * total_tokens), tmp_path, backoff=FAST)
    assert statuses(tmp_path) == expected
    assert server.model.requests == total_calls  # the two invocations together asked each question once


def test_a_spent_cost_budget_stops_the_run(unbudgeted, tmp_path):
    settings, expected, total_tokens, _ = unbudgeted
    priced = dataclasses.replace(settings, prices={"openai/scripted": Price(input=1000.0, output=1000.0)})
    budget = total_tokens * 1000 / 1e6 / 2  # half of what the run costs
    with pytest.raises(BudgetReached, match=r"the run spent its max_cost US\$"):
        run_experiment(dataclasses.replace(priced, max_cost=budget), tmp_path, backoff=FAST)
    assert tokens(tmp_path) * 1000 / 1e6 >= budget
    assert len(statuses(tmp_path)) < len(expected)


def test_a_localizers_budget_holds_back_only_that_localizer(server, tmp_path):
    settings = experiment(server.base_url, models=("openai/scripted", "openai/other", "baseline/random"),
                          limits=ONE_AT_A_TIME, budgets={"openai/other": Budget(max_tokens_total=1)})
    with pytest.raises(BudgetReached, match="openai/other spent its max_tokens_total 1"):
        run_experiment(settings, tmp_path, backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        asked = dict(connection.execute("SELECT localizer, COUNT(*) FROM tasks GROUP BY localizer"))
    assert asked == {"openai/scripted": 6, "baseline/random": 6, "openai/other": 1}  # stage 1, then the stop


def test_a_budgeted_run_makes_its_calls_in_one_process_which_counts_every_reply(server, tmp_path):
    settings = experiment(server.base_url, workers=2, limits={"openai": ProviderLimits(concurrency=128)})
    localizers = localizers_for(settings, load_prompt("numbered"))
    with Store(tmp_path) as store:
        assert Executor(store, settings, localizers).workers == 2
        budgeted = dataclasses.replace(settings, max_tokens_total=1000)
        spending = spending_for(budgeted, localizers, store.spent_tokens)
        assert Executor(store, budgeted, localizers, spending=spending).workers == 1


def test_a_run_resumed_with_its_budget_already_spent_asks_nothing(unbudgeted, server, tmp_path):
    settings, _, total_tokens, _ = unbudgeted
    with pytest.raises(BudgetReached):
        run_experiment(dataclasses.replace(settings, max_tokens_total=total_tokens // 3), tmp_path, backoff=FAST)
    calls = server.model.requests
    with pytest.raises(BudgetReached):
        run_experiment(dataclasses.replace(settings, max_tokens_total=total_tokens // 3), tmp_path, backoff=FAST)
    assert server.model.requests == calls


def _users(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return [row[0] for row in connection.execute("SELECT user FROM prompts")]


# -- the command line -----------------------------------------------------------------------------------


def _flipbench(server, folder: Path, *flags: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flipbench", "run", "--model", "openai/scripted", "--base-url", server.base_url,
               "--language", "python", "--fault", "operator_swap", "--spm", "dead_code", "--limit", "4",
               "--include-uncertified", "--prompt", "numbered", "--concurrency", "1", "--out", str(folder), *flags]
    return subprocess.run(command, env=os.environ | {"OPENAI_API_KEY": "", "TQDM_DISABLE": "1"},
                          capture_output=True, text=True, timeout=300)


def _config(folder: Path, text: str) -> str:
    path = folder / "budget.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_run_refuses_to_start_when_the_estimate_exceeds_the_budget(server, tmp_path):
    config = _config(tmp_path, 'max_cost = 0.000001\n[prices."openai/scripted"]\ninput = 2.0\noutput = 8.0\n')
    refused = _flipbench(server, tmp_path / "run", "--config", config)
    assert refused.returncode == ExitStatus.USAGE
    line, = refused.stderr.strip().splitlines()
    assert line.startswith("flipbench: error: the run's estimate (") and "exceeds its budget (max_cost US$1e-06)" in line
    assert "--force" in line
    assert not (tmp_path / "run").exists() and server.model.requests == 0


def test_force_starts_the_run_and_the_budget_ends_it_with_its_own_exit_status(server, tmp_path):
    config = _config(tmp_path, "max_tokens_total = 1\n")
    stopped = _flipbench(server, tmp_path / "run", "--config", config, "--force")
    assert stopped.returncode == ExitStatus.BUDGET, stopped.stderr
    last = stopped.stderr.strip().splitlines()[-1]
    assert last.startswith("flipbench: budget reached: the run spent its max_tokens_total 1 (")
    assert "stage 1: faulty programs: 3 not asked" in last and "run again with a higher budget to resume" in last
    assert len(statuses(tmp_path / "run")) == 1
    resumed = _flipbench(server, tmp_path / "run")
    assert resumed.returncode == 0, resumed.stderr
    assert len(statuses(tmp_path / "run")) == 4 + 8


def test_run_help_lists_the_budget_exit_status():
    shown = subprocess.run([sys.executable, "-m", "flipbench", "run", "--help"], capture_output=True, text=True)
    assert "    4  a budget was spent" in shown.stdout and "--force" in shown.stdout


@given(st.lists(st.tuples(st.integers(0, 10**9), st.floats(0, 1e4)), min_size=1, max_size=4),
       st.integers(1, 10**10), st.floats(0.01, 1e5))
def test_an_estimate_is_refused_exactly_when_it_exceeds_the_runs_bound(estimates, max_tokens, max_cost):
    budgets = Budgets(Budget(max_cost, max_tokens), {}, {})
    named = [(f"openai/m{index}", tokens, cost) for index, (tokens, cost) in enumerate(estimates)]
    over = sum(tokens for _, tokens, _ in named) > max_tokens or sum(cost for *_, cost in named) > max_cost
    assert (over_budget(budgets, named) is not None) == over
