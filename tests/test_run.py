"""``flipbench run`` end to end against a scripted OpenAI-compatible server: resume, kill -9, cache,
failures that end as retries or errors (never wrong answers), and the summary."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.localizers.base import Sampling
from flipbench.localizers.prompts import load_prompt
from flipbench.runs.executor import Executor, canonical_json, response_key
from flipbench.runs.experiment import Experiment, ProviderLimits
from flipbench.runs.pacing import Backoff
from flipbench.runs.run import localizers_for, run_experiment
from flipbench.runs.store import Store

from model_server import ScriptedModel, ServerThread

FAST = Backoff(base=0.01, cap=0.05)


def experiment(base_url: str, **changes) -> Experiment:
    settings = dict(languages=("python",), faults=("operator_swap", "off_by_one"), spms=(("dead_code",),),
                    models=("openai/scripted", "baseline/random"), base_url=base_url, certified_only=False,
                    limit=6, prompt="numbered", timeout=2.0, max_attempts=4)
    return Experiment(**(settings | changes))


def statuses(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return dict(connection.execute("SELECT id, status FROM tasks"))


def _recorded(folder: Path) -> int:
    """Tasks recorded so far by a run in another process (0 while it is still creating its database)."""
    try:
        return len(statuses(folder))
    except sqlite3.OperationalError:
        return 0


@pytest.fixture
def server():
    with ServerThread(ScriptedModel()) as running:
        yield running


def test_a_run_asks_every_task_once_and_summarizes_each_spm(server, tmp_path):
    result = run_experiment(experiment(server.base_url), tmp_path, backoff=FAST)
    tasks = statuses(tmp_path)
    # 6 faulty programs x 2 localizers, then 6 variants and 6 controls x 2 localizers
    assert len(tasks) == 12 + 24 and set(tasks.values()) <= {"correct", "wrong"}
    assert server.model.requests == 18
    assert {(row.localizer, row.condition) for row in result.summary} == {
        ("openai/scripted", "dead_code x1"), ("baseline/random", "dead_code x1")}


def test_rerunning_a_finished_run_makes_no_calls_and_changes_nothing(server, tmp_path):
    run_experiment(experiment(server.base_url), tmp_path, backoff=FAST)
    before, calls = statuses(tmp_path), server.model.requests
    run_experiment(experiment(server.base_url), tmp_path, backoff=FAST)
    assert server.model.requests == calls and statuses(tmp_path) == before


def test_the_response_cache_answers_a_new_run_directory_only_from_its_own_store(server, tmp_path):
    run_experiment(experiment(server.base_url), tmp_path / "a", backoff=FAST)
    calls = server.model.requests
    run_experiment(experiment(server.base_url), tmp_path / "b", backoff=FAST)
    assert server.model.requests == 2 * calls


def test_a_different_experiment_in_the_same_directory_is_refused(server, tmp_path):
    from flipbench.errors import InputError

    run_experiment(experiment(server.base_url), tmp_path, backoff=FAST)
    with pytest.raises(InputError, match="different experiment"):
        run_experiment(experiment(server.base_url, samples=2), tmp_path, backoff=FAST)


def oracle(user: str) -> str:
    """A model that knows the corpus: names the first line that differs from the original program --
    for every other program (by name), so that stage 1 is right about half of them."""
    shown = [line.split(": ", 1)[1] if ": " in line else "" for line in user.splitlines()
             if re.match(r"\s*\d+: ", line)]
    for program in builtin_corpus().programs("python"):
        original = program.source.splitlines()
        if len(original) == len(shown) and sum(a != b for a, b in zip(original, shown)) <= 2:
            changed = next(number for number, (a, b) in enumerate(zip(original, shown), 1) if a != b)
            knows = int(hashlib.sha256(program.name.encode()).hexdigest(), 16) % 2 == 0
            return json.dumps({"lines": [changed if knows else 1]})
    return json.dumps({"lines": [1]})


def test_the_studys_mode_asks_stage_two_only_where_stage_one_was_right(tmp_path):
    with ServerThread(ScriptedModel(answer=oracle)) as server:
        run_experiment(experiment(server.base_url, mode="correct", models=("openai/scripted",), limit=8), tmp_path,
                       backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        right = {row[0] for row in connection.execute(
            "SELECT faulty_id FROM tasks WHERE role = 'before' AND status = 'correct'")}
        wrong = {row[0] for row in connection.execute(
            "SELECT faulty_id FROM tasks WHERE role = 'before' AND status = 'wrong'")}
        asked_again = {row[0] for row in connection.execute("SELECT faulty_id FROM tasks WHERE role != 'before'")}
    assert right and wrong and asked_again == right


def test_an_api_key_never_reaches_the_run_directory(server, tmp_path, monkeypatch):
    secret = "sk-flipbench-test-0123456789abcdef"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    run_experiment(experiment(server.base_url, limit=2), tmp_path, backoff=FAST)
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert stored and secret.encode() not in stored


def test_rate_limits_429_and_server_errors_are_retried_not_scored(tmp_path):
    def script(user: str, seen: int):
        return ("429", "503", "malformed", "truncated", None)[min(seen, 4)]

    with ServerThread(ScriptedModel(script=script)) as server:
        run_experiment(experiment(server.base_url, max_attempts=6), tmp_path, backoff=FAST)
    tasks = statuses(tmp_path)
    assert set(tasks.values()) <= {"correct", "wrong"}
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        outcomes = dict(connection.execute("SELECT outcome, COUNT(*) FROM requests GROUP BY outcome"))
    assert outcomes["transient"] == 4 * outcomes["ok"]


def test_failures_that_outlast_the_retries_end_as_errors_never_wrong(tmp_path):
    def script(user: str, seen: int):
        return "503" if hashlib.sha256(user.encode()).digest()[0] % 3 == 0 else None  # always fails for a third

    with ServerThread(ScriptedModel(script=script)) as server:
        result = run_experiment(experiment(server.base_url, max_attempts=2), tmp_path, backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        rows = connection.execute(
            "SELECT t.status, t.error, (SELECT COUNT(*) FROM requests r WHERE r.task_id = t.id AND r.outcome = 'ok') "
            "FROM tasks t WHERE t.localizer = 'openai/scripted'").fetchall()
        variant_errors = connection.execute("SELECT COUNT(*) FROM tasks WHERE status = 'error' AND role = 'variant'"
                                            ).fetchone()[0]
    errors = [error for status, error, _ in rows if status == "error"]
    assert errors and all("gave up after 2 attempts" in error and "HTTP 503" in error for error in errors)
    assert all(answered == 1 for status, _, answered in rows if status != "error")
    assert sum(row.errors for row in result.summary) == variant_errors


def test_a_reply_without_a_line_number_is_asked_again_then_an_error(tmp_path):
    with ServerThread(ScriptedModel(script=lambda user, seen: "unparseable")) as server:
        run_experiment(experiment(server.base_url, parse_retries=1, limit=2, control=False), tmp_path, backoff=FAST)
        asked = server.model.requests
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        errors = [row[0] for row in connection.execute(
            "SELECT error FROM tasks WHERE localizer = 'openai/scripted' AND role = 'before'")]
    assert errors == ["unparseable: no line number in 2 replies"] * 2 and asked == (2 + 2) * 2  # faulty, variants


def test_a_timeout_is_retried_and_then_an_error(tmp_path):
    with ServerThread(ScriptedModel(script=lambda user, seen: "timeout")) as server:
        run_experiment(experiment(server.base_url, timeout=0.3, max_attempts=2, limit=1, control=False), tmp_path,
                       backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        [error] = [row[0] for row in connection.execute(
            "SELECT error FROM tasks WHERE localizer = 'openai/scripted' AND role = 'before'")]
    assert "gave up after 2 attempts" in error and "timeout" in error


def test_retry_errors_asks_again_only_the_tasks_that_ended_in_error(tmp_path):
    with ServerThread(ScriptedModel(script=lambda user, seen: "503" if seen == 0 else None)) as server:
        settings = experiment(server.base_url, max_attempts=1, control=False)
        run_experiment(settings, tmp_path, backoff=FAST)
        errors = [task for task, status in statuses(tmp_path).items() if status == "error"]
        calls = server.model.requests
        run_experiment(settings, tmp_path, backoff=FAST)
        assert server.model.requests == calls  # a plain re-run leaves errors alone
        run_experiment(settings, tmp_path, retry_errors=True, backoff=FAST)
        assert server.model.requests - calls == len(errors)
    assert errors and all(statuses(tmp_path)[task] in ("correct", "wrong") for task in errors)


@pytest.mark.parametrize("how, workers", [("kill -9", 1), ("kill -9", 2), ("Ctrl-C", 2)])
def test_a_killed_run_resumes_without_losing_or_repeating_anything(tmp_path, how, workers):
    """``kill -9`` hits the main process alone (its workers must die with it); Ctrl-C, like a terminal,
    the whole process group."""
    with ServerThread(ScriptedModel(latency=0.05)) as server:
        command = [sys.executable, "-m", "flipbench", "run", "--model", "openai/scripted", "--base-url",
                   server.base_url, "--language", "python", "--fault", "operator_swap", "--fault", "off_by_one",
                   "--spm", "dead_code", "--samples", "3", "--limit", "12", "--concurrency", "2",
                   "--workers", str(workers), "--include-uncertified", "--prompt", "numbered", "--out", str(tmp_path)]
        environment = os.environ | {"OPENAI_API_KEY": "", "TQDM_DISABLE": "1"}
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        database = tmp_path / "flipbench.sqlite"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if database.exists() and _recorded(tmp_path) >= 20:
                break
            time.sleep(0.05)
        if how == "kill -9":
            process.send_signal(signal.SIGKILL)
            process.wait()
        else:
            os.killpg(process.pid, signal.SIGINT)
            assert process.wait(timeout=30) == 130
            assert process.stderr.read().strip().endswith("flipbench: interrupted")
        assert _nobody_has_open(database), "a worker outlived the stopped run"
        recorded = len(statuses(tmp_path))
        calls_before = server.model.requests
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
        assert finished.returncode == 0, finished.stderr
        expected = 12 * 3 + 12 * 3 * 2  # stage 1, then a variant and a control per faulty program
        tasks = statuses(tmp_path)
        assert 20 <= recorded < expected
        assert len(tasks) == expected and set(tasks.values()) <= {"correct", "wrong"}
        assert server.model.requests - calls_before == expected - recorded


def _nobody_has_open(database: Path, seconds: float = 5.0) -> bool:
    """Whether, within ``seconds``, no other process holds ``database`` open (Linux; elsewhere: assumed)."""
    if not sys.platform.startswith("linux"):
        return True
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        holders = []
        for descriptor in Path("/proc").glob("[0-9]*/fd/*"):
            if descriptor.parts[2] == str(os.getpid()):
                continue
            try:
                if os.readlink(descriptor) == str(database):
                    holders.append(descriptor)
            except OSError:
                continue
        if not holders:
            return True
        time.sleep(0.1)
    return False


def test_worker_processes_record_the_same_results_as_one_process(tmp_path):
    with ServerThread(ScriptedModel(latency=0.01)) as server:
        settings = experiment(server.base_url, limit=8, samples=2,
                              limits={"openai": ProviderLimits(concurrency=8)})
        one = run_experiment(dataclasses.replace(settings, workers=1), tmp_path / "one", backoff=FAST)
        calls_one = server.model.requests
        several = run_experiment(dataclasses.replace(settings, workers=3), tmp_path / "three", backoff=FAST)
        assert server.model.requests == 2 * calls_one  # each run asked every question exactly once
    assert statuses(tmp_path / "one") == statuses(tmp_path / "three")
    assert [tally.tasks for _, tally in one.stages] == [tally.tasks for _, tally in several.stages]
    assert one.summary == several.summary


CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@pytest.mark.parametrize("concurrency, configured, expected", [
    (16, None, 1), (128, None, min(2, CPUS)), (1024, None, min(16, CPUS)), (3, 8, 3), (64, 2, 2)])
def test_calls_spread_over_one_process_per_64_open_requests_unless_configured(tmp_path, concurrency, configured,
                                                                              expected):
    settings = Experiment(models=("openai/m",), base_url="http://127.0.0.1:9/v1", workers=configured,
                          limits={"openai": ProviderLimits(concurrency=concurrency)})
    with Store(tmp_path) as store:
        executor = Executor(store, settings, localizers_for(settings, load_prompt("numbered")))
        assert executor.workers == expected


def test_no_arguments_runs_the_default_experiment_command_line(server, tmp_path):
    """The CLI's summary table, on a small slice of the default experiment (the full one is the README's)."""
    completed = subprocess.run(
        [sys.executable, "-m", "flipbench", "run", "--model", "openai/scripted", "--model", "baseline/random",
         "--base-url", server.base_url, "--limit", "2", "--include-uncertified", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300, env=os.environ | {"TQDM_DISABLE": "1"})
    assert completed.returncode == 0, completed.stderr
    assert "net effect [95% CI]" in completed.stdout and "control flip" in completed.stdout


SMALL_PROGRAMS = [
    ("clamp", "Clamp a value into the range [low, high].",
     "def clamp(value, low, high):\n    if value < low:\n        return low\n    if value > high:\n"
     "        return high\n    return value\n"),
    ("total", "Sum the even numbers of a list.",
     "def total(numbers):\n    result = 0\n    for number in numbers:\n        if number % 2 == 0:\n"
     "            result = result + number\n    return result\n"),
]


def small_corpus(folder: Path) -> Path:
    """Two short programs, so that a 135M-parameter model on one CPU thread answers in seconds."""
    path = folder / "small.jsonl"
    path.write_text("".join(json.dumps({"name": f"mine/{name}", "language": "python", "source": source, "spec": spec,
                                        "filename": f"{name}.py", "provenance": {"corpus": "mine", "origin": name,
                                                                                 "licence": "MIT"}}) + "\n"
                            for name, spec, source in SMALL_PROGRAMS))
    return path


def test_a_few_tasks_run_end_to_end_through_a_real_llamacpp_server(llamacpp_server, tmp_path):
    settings = experiment(llamacpp_server.base_url, models=(llamacpp_server.name,), corpus=str(small_corpus(tmp_path)),
                          faults=("relational_flip",), limit=2, control=False, max_tokens=24, timeout=120.0)
    result = run_experiment(settings, tmp_path / "run", backoff=FAST)
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        tasks = connection.execute("SELECT role, status, predicted FROM tasks").fetchall()
        dialects = {row[0] for row in connection.execute("SELECT dialect FROM responses")}
    assert len(tasks) == 4 and {role for role, _, _ in tasks} == {"before", "variant"}
    assert all(status in ("correct", "wrong") and predicted for _, status, predicted in tasks)
    assert dialects == {"json_object"}  # llama.cpp's own structured-output dialect, found by fallback
    assert [row.localizer for row in result.summary] == [llamacpp_server.name]


def test_response_keys_hash_the_canonical_settings_then_the_prompt():
    """The key's recipe is part of every stored cache: a faster encoding must give the same keys."""
    identity = {"provider": "openai", "model": "m", "base_url": "http://x/v1", "dialects": ["json_schema"]}
    query = load_prompt("numbered").render(source="x = 1\n", spec="adds", language="python",
                                           sampling=Sampling(0.7, 256, 12345))
    settings = json.dumps({"localizer": identity, "schema": query.answer_schema, "draw": "2:0",
                           "sampling": [0.7, 256, 12345]}, sort_keys=True, separators=(",", ":"))
    expected = hashlib.sha256(f"{settings}\x00{query.system}\x00{query.user}".encode()).hexdigest()[:32]
    assert response_key(canonical_json(identity), query, "2:0") == expected
