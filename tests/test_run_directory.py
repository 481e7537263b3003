"""The run directory as a user meets it: refused commands leave nothing behind, a different experiment is
named setting by setting, --fresh starts over, a resumed run says what was already done, and a run
under CI or nohup is never silent."""

import json
import os
import subprocess
import sys

import pytest

from flipbench.cli import main

TWO_PROGRAMS = [
    {"name": "clamp", "language": "python", "filename": "clamp.py", "spec": "Clamp a value into [low, high].",
     "source": "def clamp(value, low, high):\n    if value < low:\n        return low\n"
               "    if value > high:\n        return high\n    return value + 0\n"},
    {"name": "total", "language": "python", "filename": "total.py", "spec": "Sum the even numbers of a list.",
     "source": "def total(numbers):\n    result = 0\n    for number in numbers:\n        if number % 2 == 0:\n"
               "            result = result + number\n    return result\n"},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in TWO_PROGRAMS))
    return path


def _run(*extra, corpus, out):
    return main(["run", "--corpus", str(corpus), "--model", "baseline/random", "--include-uncertified",
                 "--fault", "operator_swap", "--fault", "boolean_logic", "--spm", "dead_code", "--out", str(out),
                 *extra])


def test_a_run_refused_for_its_input_leaves_nothing_that_blocks_the_corrected_one(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert _run(corpus=tmp_path / "missing.jsonl", out=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no corpus" in err
    assert not out.exists()
    assert _run(corpus=corpus, out=out) == 0


def test_a_run_that_finds_no_fault_leaves_no_database(tmp_path, capsys):
    nothing = tmp_path / "flat.jsonl"
    nothing.write_text(json.dumps({"name": "flat", "language": "python", "source": "x = 'a'\n"}) + "\n")
    out = tmp_path / "run"
    assert _run(corpus=nothing, out=out) == 2
    err = capsys.readouterr().err
    assert "no faulty program to ask about: of 2 program x fault pairs, 2 have no site" in err
    assert not out.exists()


def test_a_different_experiment_names_each_differing_setting_and_the_way_out(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert _run(corpus=corpus, out=out) == 0
    capsys.readouterr()
    assert _run("--samples", "2", "--seed", "4", corpus=corpus, out=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "samples (was 1, now 2)" in err and "seed (was 0, now 4)" in err and "--fresh" in err


def test_fresh_discards_the_earlier_run_and_starts_again(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert _run(corpus=corpus, out=out) == 0
    capsys.readouterr()
    assert _run("--samples", "2", "--fresh", "--format", "json", corpus=corpus, out=out) == 0
    result = json.loads(capsys.readouterr().out)
    assert not result["resumed"] and result["stages"]["stage 1"]["already_done"] == 0
    assert result["stages"]["stage 1"]["tasks"] == 2 * result["faults"]["faulty"]


def test_a_resumed_run_says_it_resumed_and_what_was_already_done(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert _run(corpus=corpus, out=out) == 0
    first = capsys.readouterr().out
    assert "(resumed)" not in first
    assert _run(corpus=corpus, out=out) == 0
    again = capsys.readouterr().out
    assert f"run {out} (resumed)" in again
    assert "stage 1: all" in again and "tasks were already done" in again
    assert "stage 1: 0 tasks" not in again


def test_a_run_says_how_many_program_fault_pairs_gave_no_fault(corpus, tmp_path, capsys):
    assert _run(corpus=corpus, out=tmp_path / "run") == 0
    out = capsys.readouterr().out
    # clamp has no boolean operator; total has neither `and`/`or`: two of the four pairs have no site
    assert "faulty programs: 2 from 4 program x fault pairs; 2 pairs have no site for the fault" in out


def test_a_run_prints_progress_lines_when_stderr_is_not_a_terminal(corpus, tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "flipbench", "run", "--corpus", str(corpus), "--model", "baseline/random",
         "--include-uncertified", "--out", str(tmp_path / "run")],
        capture_output=True, text=True, timeout=300,
        env={key: value for key, value in os.environ.items() if key != "TQDM_DISABLE"}
        | {"FLIPBENCH_PROGRESS_SECONDS": "0"})
    assert completed.returncode == 0, completed.stderr
    lines = completed.stderr.splitlines()
    assert any(line.startswith("stage 1: faulty programs: ") and " task (" in line for line in lines)
    assert any(line.startswith(("stage 2: variants + control: ", "stage 2: variants + control (streamed): "))
               and "done, " in line for line in lines)
    assert "\r" not in completed.stderr  # no bar redrawn in a log file


def test_export_prints_json_when_asked(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert _run(corpus=corpus, out=out) == 0
    capsys.readouterr()
    assert main(["export", str(out), str(tmp_path / "tasks.csv"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["table"] == "tasks" and report["rows"] > 0 and report["version"]
