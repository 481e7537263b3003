"""A small real run for the report's tests: the built-in corpus, certified in a sandbox, asked of the
spectrum baselines, the random baseline and a scripted chat model that finds some faults.

The scripted model reads the run's own database to know where each program's fault is (the prompt
holds the program verbatim), and answers the fault line or a nearby line by a hash of the prompt, so
that stage 1 is right about most programs and SPMs flip some answers: every table has rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from flipbench.runs.experiment import Experiment, Price
from flipbench.runs.pacing import Backoff
from flipbench.runs.run import run_experiment

from model_server import ScriptedModel, ServerThread

FAST = Backoff(base=0.01, cap=0.05)
CHAT = "openai/scripted"
MODELS = (CHAT, "baseline/ochiai", "baseline/random")
PRICES = {CHAT: Price(input=0.5, output=1.5)}


def fault_aware(folder: Path) -> Callable[[str], str]:
    """An answer function for ``ScriptedModel``: right about a prompt's program ~70% of the time before an
    SPM and ~50% after (a hash decides), else two lines off; line 1 when it does not know the program."""
    known: dict[str, tuple[str, int]] = {}

    def answer(user: str) -> str:
        if not any(source in user for source in known):
            with sqlite3.connect(folder / "flipbench.sqlite") as connection:
                for source, kind, lines in connection.execute("SELECT source, kind, fault_lines FROM subjects"):
                    known[source.rstrip("\n")] = (kind, json.loads(lines)[0])
        match = [(len(source), kind, line) for source, (kind, line) in known.items() if source in user]
        if not match:
            return json.dumps({"lines": [1]})
        _, kind, line = max(match)
        chance = int.from_bytes(hashlib.sha256(user.encode()).digest()[:2], "big") / 65536
        right = chance < (0.7 if kind == "faulty" else 0.5)
        return json.dumps({"lines": [line if right else max(1, line - 3)]})

    return answer


def report_experiment(base_url: str, **changes) -> Experiment:
    settings = dict(languages=("python", "java"), faults=("operator_swap", "off_by_one", "boolean_logic"),
                    spms=(("dead_code",), ("misleading_names",)), strengths=(1, 2), models=MODELS,
                    base_url=base_url, limit=14, prompt="paper", timeout=5.0, max_attempts=3, prices=PRICES,
                    model_groups={CHAT: {"family": "chat"}, "baseline/ochiai": {"family": "spectrum"},
                                  "baseline/random": {"family": "chance", "version_of": "baseline/ochiai"}})
    return Experiment(**(settings | changes))


def make_run(folder: Path, base_url: str, **changes) -> None:
    run_experiment(report_experiment(base_url, **changes), folder, backoff=FAST)


@pytest.fixture(scope="session")
def report_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small real run, made once per session (tests/conftest.py makes it every test's fixture)."""
    folder = tmp_path_factory.mktemp("report") / "run"
    with ServerThread(ScriptedModel(answer=fault_aware(folder))) as server:
        make_run(folder, server.base_url)
    return folder


def flipbench(*arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    """The command line, as a user runs it."""
    completed = subprocess.run([sys.executable, "-m", "flipbench", *arguments], capture_output=True, text=True,
                               timeout=600, env=os.environ | {"TQDM_DISABLE": "1"})
    if check:
        assert completed.returncode == 0, completed.stderr
    return completed
