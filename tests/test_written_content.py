"""Model-written SPM content (``content = "model"``) end to end against a scripted OpenAI-compatible server:
three requests per faulty program and strength, their items reused by every SPM condition of that program and
strength, each item checked in place, rejections stored with their reason and replaced by built-in content (or
the variant dropped), and the report's counts."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from flipbench.analysis.tables import all_tables
from flipbench.runs.experiment import Experiment
from flipbench.runs.pacing import Backoff
from flipbench.runs.run import run_experiment
from flipbench.runs.run_data import load_run

from model_server import ScriptedModel, ServerThread, hashed_line_answer

FAST = Backoff(base=0.01, cap=0.05)
# One variable per function, so that misleading_names only renames (a swap of two names asks for no content)
# and every name site asks the model's list in turn.
PROGRAMS = {
    "scale": "def double(n):\n    return n * 2\n\n\ndef triple(m):\n    return m * 3\n\n\n"
             "def square(k):\n    return k * k\n\n\ndef negate(v):\n    return 0 - v\n",
    "money": "def with_tax(price):\n    return price * 1.2\n\n\ndef halve(amount):\n    return amount / 2\n\n\n"
             "def plus_fee(cost):\n    return cost + 3\n\n\ndef rounded(value):\n    return value - value % 1\n",
}
VALID_COMMENT = "adds the two values together"
LINES = "spans\ntwo lines"
VALID_NAME = "zebra"
RESERVED = "class"
UNPARSEABLE = "n = = 1"
ASKS = ("misleading_comments", "misleading_variable_names", "dead_code_blocks")


def count_asked(user: str) -> int:
    return int(re.search(r"a list of (\d+) strings", user).group(1))


def writer(user: str) -> str:
    """A model that writes, for N items: one good comment then comments spanning two lines; a reserved word then
    good names; an unparseable statement then good ones; and names a line of the program otherwise."""
    if "misleading_comments" in user:
        return json.dumps({"misleading_comments": [f"# {VALID_COMMENT}"] + [LINES] * (count_asked(user) - 1)})
    if "misleading_variable_names" in user:
        return json.dumps({"misleading_variable_names": [RESERVED] + [VALID_NAME] * (count_asked(user) - 1)})
    if "dead_code_blocks" in user:
        return json.dumps({"dead_code_blocks": [UNPARSEABLE] + ["print('never')"] * (count_asked(user) - 1)})
    return hashed_line_answer(user)


def corpus(folder: Path) -> Path:
    path = folder / "small.jsonl"
    path.write_text("".join(json.dumps({"name": f"mine/{name}", "language": "python", "source": source,
                                        "spec": f"{name} numbers", "filename": f"{name}.py"}) + "\n"
                            for name, source in PROGRAMS.items()))
    return path


def experiment(base_url: str, folder: Path, **changes) -> Experiment:
    settings = dict(corpus=str(corpus(folder)), languages=("python",), faults=("operator_swap",), limit=2,
                    spms=(("misleading_names",), ("misleading_comments",), ("misleading_names", "misleading_comments")),
                    strengths=(1, 2), models=("openai/scripted", "baseline/random"), base_url=base_url,
                    certified_only=False, prompt="numbered", timeout=5.0, max_attempts=3, content="model")
    return Experiment(**(settings | changes))


class Counting(ScriptedModel):
    """The scripted server, counting the content requests by kind."""

    def __init__(self) -> None:
        super().__init__(answer=self.answer_and_count)
        self.content_requests = {ask: 0 for ask in ASKS}

    def answer_and_count(self, user: str) -> str:
        for ask in ASKS:
            if ask in user:
                self.content_requests[ask] += 1
        return writer(user)


@pytest.fixture
def server():
    with ServerThread(Counting()) as running:
        yield running


def rows(folder: Path, query: str) -> list[tuple]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        return connection.execute(query).fetchall()


def variant_sources(folder: Path, localizer: str) -> dict[str, str]:
    """Condition -> source of each variant asked of ``localizer``, for the first faulty program."""
    found = rows(folder, "SELECT s.faulty_id, s.condition, s.source FROM tasks t JOIN subjects s ON s.id = t.subject_id "
                         f"WHERE t.role = 'variant' AND t.localizer = '{localizer}' ORDER BY s.faulty_id")
    first = found[0][0]
    return {condition: source for faulty_id, condition, source in found if faulty_id == first}


def test_the_model_is_asked_three_times_per_faulty_program_and_strength_whatever_the_conditions(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    # 2 faulty programs x 2 strengths, one request of each kind, for 3 SPM conditions per strength
    assert server.model.content_requests == {ask: 4 for ask in ASKS}
    written = rows(tmp_path / "run", "SELECT localizer, strength, ask, status, items FROM content")
    assert len(written) == 12 and {row[0] for row in written} == {"openai/scripted"}
    assert all(status == "written" and len(json.loads(items)) == strength for _, strength, _, status, items in written)


def test_one_program_and_strengths_items_are_reused_by_its_single_and_composite_spms(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    sources = variant_sources(tmp_path / "run", "openai/scripted")
    for strength in (1, 2):
        assert f"# {VALID_COMMENT}" in sources[f"misleading_comments x{strength}"]
        assert f"# {VALID_COMMENT}" in sources[f"misleading_names+misleading_comments x{strength}"]
    assert VALID_NAME in sources["misleading_names x2"]
    assert VALID_NAME in sources["misleading_names+misleading_comments x2"]
    assert not any(re.search(rf"\b{RESERVED}\b", source) or "two lines" in source for source in sources.values())


def test_rejected_items_are_stored_with_their_reason_and_replaced_by_builtin_content(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    rejected = rows(tmp_path / "run", "SELECT kind, item, reason, fallback, condition FROM content_rejections")
    # per faulty program: the reserved name in each of the 4 variants renaming (x1, x2, alone and composite) and
    # the two-line comment in the 2 variants with 2 comments
    names = [row for row in rejected if row[0] == "name"]
    comments = [row for row in rejected if row[0] == "comment"]
    assert len(names) == 8 and {row[1:4] for row in names} == {
        (RESERVED, f"{RESERVED!r} is reserved (keyword or builtin)", "builtin")}
    assert len(comments) == 4 and {row[1:4] for row in comments} == {(LINES, "comment is not a single line", "builtin")}
    assert {row[4] for row in comments} == {"misleading_comments x2", "misleading_names+misleading_comments x2"}
    sources = variant_sources(tmp_path / "run", "openai/scripted")
    assert len(sources) == 6  # none dropped: built-in content took each rejected item's place


def test_with_drop_a_variant_whose_item_was_rejected_is_left_out(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path, content_fallback="drop"), tmp_path / "run", backoff=FAST)
    assert set(variant_sources(tmp_path / "run", "openai/scripted")) == {"misleading_comments x1"}
    fallbacks = {row[0] for row in rows(tmp_path / "run", "SELECT fallback FROM content_rejections")}
    assert fallbacks == {"dropped"}
    assert len(variant_sources(tmp_path / "run", "baseline/random")) == 6  # built-in content has nothing to drop


def test_a_writer_is_asked_about_its_own_variants_and_a_baseline_about_builtin_ones(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    asked = rows(tmp_path / "run", "SELECT t.localizer, o.localizer FROM tasks t LEFT JOIN variant_owners o "
                                   "ON o.subject_id = t.subject_id WHERE t.role = 'variant'")
    assert {owner for localizer, owner in asked if localizer == "openai/scripted"} == {"openai/scripted"}
    assert {owner for localizer, owner in asked if localizer == "baseline/random"} == {None}
    assert len(asked) == 2 * 2 * 6


def test_a_rerun_asks_for_no_content_again(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    requests = server.model.requests
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    assert server.model.requests == requests


def test_dead_code_written_by_the_model_is_checked_in_place(server, tmp_path):
    settings = experiment(server.base_url, tmp_path, spms=(("dead_code",),), strengths=(2,))
    run_experiment(settings, tmp_path / "run", backoff=FAST)
    rejected = rows(tmp_path / "run", "SELECT kind, item, reason, fallback FROM content_rejections")
    assert rejected == [("dead_code", UNPARSEABLE, "does not parse: invalid syntax", "builtin")] * 2
    assert all("print('never')" in source for source in variant_sources(tmp_path / "run", "openai/scripted").values())


def test_the_report_counts_requests_items_rejections_by_reason_and_fallbacks(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path), tmp_path / "run", backoff=FAST)
    tables = all_tables(load_run(tmp_path / "run"))
    content = tables["content"].to_dict(orient="records")
    assert len(content) == 1
    assert {key: content[0][key] for key in ("localizer", "requests", "written", "errors", "calls", "items", "rejected",
                                             "fallback_builtin", "dropped_variants", "skipped_sites")} == {
        "localizer": "openai/scripted", "requests": 12, "written": 12, "errors": 0, "calls": 12,
        "items": 2 * 3 * (1 + 2), "rejected": 12, "fallback_builtin": 12, "dropped_variants": 0, "skipped_sites": 0}
    reasons = tables["content_rejections"][["kind", "reason", "rejected", "fallback_builtin"]].values.tolist()
    assert reasons == [["name", "… is reserved (keyword or builtin)", 8, 8],
                       ["comment", "comment is not a single line", 4, 4]]


def test_a_run_with_builtin_content_asks_for_none_and_its_report_counts_none(server, tmp_path):
    run_experiment(experiment(server.base_url, tmp_path, content="builtin"), tmp_path / "run", backoff=FAST)
    assert server.model.content_requests == {ask: 0 for ask in ASKS}
    tables = all_tables(load_run(tmp_path / "run"))
    assert tables["content"].empty and tables["content_rejections"].empty


def test_the_report_shows_the_content_tables_only_for_a_run_whose_localizers_wrote_content(server, tmp_path):
    from flipbench.report import build_report, render_text

    titles = ("Content written by the localizers", "Written content rejected, by reason")
    for content, shown in (("model", True), ("builtin", False)):
        run_experiment(experiment(server.base_url, tmp_path, content=content), tmp_path / content, backoff=FAST)
        report = build_report([load_run(tmp_path / content)], resamples=50)
        text = render_text(report.tables, report.overviews, report.notes)
        assert all((title in text) == shown for title in titles), content
        assert "Content written by the localizers" in render_text(report.tables, [], [], ["content"])
