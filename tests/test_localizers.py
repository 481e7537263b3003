"""The one Localizer protocol: every provider builds one, the chat localizer owns prompts, parsing and
parse retries around its model, and a tool localizer (a program printing SARIF) runs through the registry and
the executor beside a chat model."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
from dataclasses import dataclass, field

import pytest

from flipbench.errors import InputError
from flipbench.localizers.base import ModelSpec, Query, Reply
from flipbench.localizers.baselines import Baseline, BaselineLocalizer
from flipbench.localizers.chat import ChatLocalizer, DialectLearningChatLocalizer, draw_seed
from flipbench.localizers.ollama_chat import OllamaChat
from flipbench.localizers.openai_chat import OpenAIChat
from flipbench.localizers.prompts import load_prompt
from flipbench.localizers.protocol import (
    Capabilities,
    Draw,
    LocalizerAnswer,
    LocalizerSettings,
    Response,
    TaskContext,
    Unanswered,
)
from flipbench.localizers.registry import localizer_for
from flipbench.localizers.tools import ToolConfig
from flipbench.model import Subject
from flipbench.runs.experiment import ProviderLimits
from flipbench.runs.run import run_experiment
from flipbench.scoring import Match

from model_server import ScriptedModel, ServerThread
from test_run import FAST, experiment

SETTINGS = LocalizerSettings(load_prompt("numbered"), seed=3, temperature=0.5, max_tokens=64, parse_retries=2,
                             match=Match(tolerance=1), base_url="http://127.0.0.1:9/v1")
SUBJECT = Subject("s1", "faulty", "s1", "demo/inc", "python", "Add one.", "def inc(x):\n    return x - 1\n",
                  "operator_swap", (2,))
FIRST = Draw("before", 0)


@dataclass
class ScriptedContext:
    """A task context that answers from a list of reply texts and keeps what the localizer did."""

    texts: list[str]
    asked: list[tuple[Query, str]] = field(default_factory=list)
    unparseable_tries: list[int] = field(default_factory=list)

    async def ask(self, model: object, query: Query, draw: str) -> Response:
        self.asked.append((query, draw))
        return Response(f"key{len(self.asked)}", Reply(self.texts.pop(0), "{}", 10, 2))

    def unparseable(self, response: Response, parse_try: int) -> None:
        self.unparseable_tries.append(parse_try)


def localize(localizer, context: TaskContext, draw: Draw = FIRST) -> LocalizerAnswer:
    return asyncio.run(localizer.localize(SUBJECT, draw, context))


def test_every_provider_builds_a_localizer_that_says_what_it_needs():
    built = {name: localizer_for(name, SETTINGS) for name in
             ("openai/m", "ollama/m", "baseline/ochiai", "baseline/tarantula", "baseline/dstar", "baseline/random")}
    assert {name: localizer.spec.name for name, localizer in built.items()} == {name: name for name in built}
    assert {name: localizer.capabilities for name, localizer in built.items()} == {
        "openai/m": Capabilities(remote=True, prompted=True, writes_content=True),
        "ollama/m": Capabilities(remote=True, prompted=True, writes_content=True),
        "baseline/ochiai": Capabilities(needs_coverage=True), "baseline/tarantula": Capabilities(needs_coverage=True),
        "baseline/dstar": Capabilities(needs_coverage=True), "baseline/random": Capabilities()}
    assert isinstance(built["openai/m"], DialectLearningChatLocalizer) and isinstance(built["openai/m"].model, OpenAIChat)
    assert type(built["ollama/m"]) is ChatLocalizer and isinstance(built["ollama/m"].model, OllamaChat)
    assert built["baseline/random"] == BaselineLocalizer(ModelSpec("baseline", "random"), Baseline("random", 3),
                                                         Match(tolerance=1))


def test_the_base_url_applies_to_chat_providers_only():
    assert localizer_for("openai/m", SETTINGS).spec.base_url == "http://127.0.0.1:9/v1"
    assert localizer_for("baseline/ochiai", SETTINGS).spec.base_url is None
    with pytest.raises(InputError, match="unknown baseline baseline/'ochai': use one of baseline/ochiai"):
        localizer_for("baseline/ochai", SETTINGS)


def test_a_chat_localizer_renders_the_prompt_with_the_draws_seed_and_reads_the_reply():
    context = ScriptedContext(['{"lines": [2]}'])
    answer = localize(localizer_for("openai/m", SETTINGS), context, Draw("after", 4))
    (query, draw), = context.asked
    assert answer == LocalizerAnswer((2,), "json", Response("key1", Reply('{"lines": [2]}', "{}", 10, 2)))
    assert draw == "4:0" and "return x - 1" in query.user
    assert (query.sampling.temperature, query.sampling.max_tokens) == (0.5, 64)
    assert query.sampling.seed == draw_seed(3, Draw("after", 4), 0) != draw_seed(3, Draw("before", 4), 0)


def test_a_reply_without_a_line_is_asked_again_then_the_task_is_unanswered():
    context = ScriptedContext(["no idea", "still none", "line 2"])
    answer = localize(localizer_for("openai/m", SETTINGS), context)
    assert (answer.lines, answer.parsed_from, answer.response.key) == ((2,), "text", "key3")
    assert [draw for _, draw in context.asked] == ["0:0", "0:1", "0:2"] and context.unparseable_tries == [0, 1]
    assert len({query.sampling.seed for query, _ in context.asked}) == 3  # each ask a fresh sample
    with pytest.raises(Unanswered, match="unparseable: no line number in 3 replies"):
        localize(localizer_for("openai/m", SETTINGS), ScriptedContext(["?", "?", "?"]))


def test_a_baseline_answers_its_ranking_with_its_expected_correctness_and_never_asks():
    answer = localize(localizer_for("baseline/random", SETTINGS), ScriptedContext([]))
    assert sorted(answer.lines) == [1, 2] and answer.parsed_from == "ranking" and answer.response is None
    assert answer.expected_correct == 1.0  # within one line of line 2, either line is right
    with pytest.raises(Unanswered, match="no coverage: demo/inc: no coverage"):
        localize(localizer_for("baseline/ochiai", SETTINGS), ScriptedContext([]))


# --- a kind of localizer besides chat models: a tool (flipbench.localizers.tools) -----------------------------

SARIF_TOOL = """
import json, sys
source = open(sys.argv[1]).read().splitlines()
results = [{"ruleId": "suspicious-return", "level": "warning",
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": sys.argv[1]}, "region": {"startLine": n}}}]}
           for n, line in enumerate(source, 1) if line.strip().startswith("return")]
print(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "returns"}}, "results": results}]}))
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_tool_localizer_runs_beside_a_chat_model_in_one_process_and_in_workers(tmp_path, workers):
    tools = {"returns": ToolConfig((sys.executable, "-c", SARIF_TOOL.replace("{", "{{").replace("}", "}}"), "{file}"))}
    with ServerThread(ScriptedModel()) as server:
        settings = experiment(server.base_url, models=("tool/returns", "openai/scripted"), limit=3, workers=workers,
                              limits={"openai": ProviderLimits(concurrency=8)}, tools=tools)
        result = run_experiment(settings, tmp_path, backoff=FAST)
    with sqlite3.connect(tmp_path / "flipbench.sqlite") as connection:
        rows = connection.execute("SELECT localizer, role, status, parsed_from, predicted, response_key, error "
                                  "FROM tasks").fetchall()
    tool = [row for row in rows if row[0] == "tool/returns"]
    assert len(tool) == 3 * 3 and all(row[2] in ("correct", "wrong") for row in tool)  # before, variant, control
    assert {row[3] for row in tool} == {"tool:sarif"} and all(json.loads(row[4]) and row[5] for row in tool)
    assert {row[3] for row in rows if row[0] == "openai/scripted"} == {"json"}
    assert {summary.localizer for summary in result.summary} == {"tool/returns", "openai/scripted"}
