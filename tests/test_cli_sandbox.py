"""The ``exec`` and ``verify`` commands, run as a user runs them, in a real sandbox."""

import json
import shlex

import pytest

from flipbench.cli import main
from flipbench.sandbox.bwrap import bwrap_problem
from flipbench.sandbox.docker import docker_problem

EXEC_KEYS = {"exit_code", "stdout", "stderr", "timed_out", "reason", "sandbox", "seconds"}
TINY = {"name": "tiny/both", "language": "python", "filename": "both.py",
        "source": "def both(a, b):\n    if a and b:\n        return 1\n    return 0\n",
        "tests": {"filename": "test_both.py",
                  "source": "from both import both\n\n\ndef test_both_true():\n    assert both(1, 1) == 1\n\n\n"
                            "def test_one_false():\n    assert both(1, 0) == 0\n"}}


@pytest.fixture(scope="module")
def sandbox_name():
    for name, problem in (("docker", docker_problem), ("bwrap", bwrap_problem)):
        if problem() is None:
            return name
    pytest.skip("neither docker nor bwrap can run here")


@pytest.fixture
def tiny_corpus(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(TINY) + "\n", encoding="utf-8")
    return path


def _one_line_error(capsys, argv, *, says):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err, err


def test_exec_json_reports_how_the_program_ended(tmp_path, capsys, sandbox_name):
    program = tmp_path / "hello.py"
    program.write_text("import sys\nprint('hello')\nsys.exit(3)\n", encoding="utf-8")
    assert main(["exec", str(program), "--language", "python", "--sandbox", sandbox_name, "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) == EXEC_KEYS
    assert (record["exit_code"], record["stdout"], record["sandbox"]) == (3, "hello\n", sandbox_name)
    assert record["reason"] == "exited 3" and record["timed_out"] is False


def test_exec_text_passes_the_programs_output_through(tmp_path, capsys, sandbox_name):
    program = tmp_path / "echo.py"
    program.write_text("print(input()[::-1])\n", encoding="utf-8")
    stdin = tmp_path / "in.txt"
    stdin.write_text("abc\n", encoding="utf-8")
    assert main(["exec", str(program), "--language", "python", "--sandbox", sandbox_name, "--stdin", str(stdin),
                 "--format", "text"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "cba\n" and "exited 0" in captured.err


def test_exec_of_a_missing_file_is_a_usage_error(tmp_path, capsys):
    _one_line_error(capsys, ["exec", str(tmp_path / "absent.py"), "--language", "python"], says="cannot read")


def test_exec_with_a_missing_stdin_file_is_a_usage_error(tmp_path, capsys):
    program = tmp_path / "p.py"
    program.write_text("print(1)\n", encoding="utf-8")
    _one_line_error(capsys, ["exec", str(program), "--language", "python", "--stdin", str(tmp_path / "none")],
                    says="cannot read standard input file")


def test_verify_certifies_a_live_fault_and_a_preserving_variant(tiny_corpus, tmp_path, capsys, sandbox_name):
    out = tmp_path / "verdicts.jsonl"
    assert main(["verify", "--corpus", str(tiny_corpus), "--sandbox", sandbox_name, "--fault", "boolean_logic",
                 "--spm", "misleading_comments", "--strength", "1", "--out", str(out), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"sandbox", "seed", "version", "excluded_programs", "faults", "spms", "ochiai",
                           "changed_variants"}
    assert report["faults"] == [{"fault": "boolean_logic", "language": "python", "n": 1, "live": 1, "equivalent": 0,
                                 "unverifiable": 0, "live_percent": 100.0}]
    assert report["spms"] == [{"spm": "misleading_comments", "language": "python", "strength": 1, "n": 1,
                               "preserving": 1, "changed": 0, "not_applicable": 0, "preserving_percent": 100.0}]
    assert report["changed_variants"] == [] and report["excluded_programs"] == {}
    kinds = [json.loads(line)["kind"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kinds == ["header", "reference", "fault", "variant"]


def test_verify_ranks_the_fault_line_with_ochiai_under_each_tie_rule(tiny_corpus, tmp_path, capsys, sandbox_name):
    out = tmp_path / "verdicts.jsonl"
    assert main(["verify", "--corpus", str(tiny_corpus), "--sandbox", sandbox_name, "--fault", "boolean_logic",
                 "--spm", "reformat", "--out", str(out), "--format", "json"]) == 0
    overall = json.loads(capsys.readouterr().out)["ochiai"][-1]
    assert (overall["fault"], overall["language"], overall["live"], overall["located"]) == ("all", "all", 1, 1)
    fault = next(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"kind": "fault"' in line)
    assert fault["fault_lines"] == [2]
    # with `a or b` both tests run lines 2 and 3 and only one fails: the two lines tie
    assert fault["ochiai_rank"] == {"best": 1, "average": 1.5, "pessimistic": 2}


def test_verify_of_an_unknown_spm_is_a_usage_error(tiny_corpus, capsys):
    _one_line_error(capsys, ["verify", "--corpus", str(tiny_corpus), "--spm", "nonsense"], says="unknown SPM")


def test_verify_of_a_strength_below_one_is_a_usage_error(tiny_corpus, capsys):
    _one_line_error(capsys, ["verify", "--corpus", str(tiny_corpus), "--strength", "0"], says="strength")


def test_verify_of_a_corpus_without_tests_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "untested.jsonl"
    path.write_text(json.dumps({key: TINY[key] for key in ("name", "language", "source")}) + "\n", encoding="utf-8")
    _one_line_error(capsys, ["verify", "--corpus", str(path)], says="no programs with tests")


def test_every_variant_in_verify_out_is_rebuilt_by_its_recorded_mutate_command(tiny_corpus, tmp_path, capsys,
                                                                                  sandbox_name):
    out = tmp_path / "verdicts.jsonl"
    assert main(["verify", "--corpus", str(tiny_corpus), "--sandbox", sandbox_name, "--fault", "boolean_logic",
                 "--spm", "misleading_names+misleading_comments", "--spm", "dead_code", "--strength", "2",
                 "--seed", "3", "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    faults = {record["faulty_id"]: record for record in records if record["kind"] == "fault"}
    variants = [record for record in records if record["kind"] == "variant"]
    assert len(variants) == 2
    for variant in variants:
        fault = faults[variant["faulty_id"]]
        assert (variant["fault"], variant["faulty_fault_lines"]) == (fault["fault"], fault["fault_lines"])
        assert (variant["strength"], variant["seed"], variant["placement"]) == (2, 3, "random")
        words = shlex.split(variant["mutate"])
        assert words[:2] == ["flipbench", "mutate"]
        capsys.readouterr()
        assert main([*words[1:], "--format", "json"]) == 0
        rebuilt = json.loads(capsys.readouterr().out)
        assert rebuilt["source"] == variant["source"] and rebuilt["fault_lines"] == variant["fault_lines"]


def test_verify_refuses_an_out_file_in_a_missing_folder_before_running_anything(tiny_corpus, tmp_path, capsys):
    _one_line_error(capsys, ["verify", "--corpus", str(tiny_corpus), "--out", str(tmp_path / "no" / "v.jsonl")],
                    says="does not exist")


def test_mutate_of_an_unknown_faulty_id_is_a_usage_error(tiny_corpus, capsys):
    _one_line_error(capsys, ["mutate", "--corpus", str(tiny_corpus), "--program", "tiny/both", "--faulty-id", "zzz",
                             "--spm", "dead_code"], says="--faulty-id zzz: no faults")
