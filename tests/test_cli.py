"""The corpus commands, run as a user runs them: through the console script's entry point."""

import argparse
import json
from pathlib import Path

import pytest

from flipbench.cli import main


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_stats_json_reports_both_languages_of_the_builtin_corpus(capsys):
    stats = _json(capsys, "corpus", "stats", "--corpus", "builtin", "--format", "json")
    for language in ("python", "java"):
        numbers = stats["languages"][language]
        assert numbers["programs"] >= 40
        assert numbers["lines"]["min"] >= 40 and numbers["lines"]["max"] <= 250
        assert numbers["parse_failures"] == 0


def test_list_filters_by_language(capsys):
    rows = _json(capsys, "corpus", "list", "--language", "java", "--format", "json")
    assert rows and {row["language"] for row in rows} == {"java"}


def test_show_prints_numbered_source(capsys):
    assert main(["corpus", "show", "python/word_frequency"]) == 0
    out = capsys.readouterr().out
    assert "spec:" in out
    assert ' 1  """Word statistics' in out


def test_show_json_round_trips_the_program(capsys):
    record = _json(capsys, "corpus", "show", "java/bank_ledger", "--format", "json")
    assert record["filename"] == "BankLedger.java" and record["id"]


def test_unknown_program_is_a_usage_error_with_one_line(capsys):
    assert main(["corpus", "show", "python/nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no program 'python/nope'" in err


def test_unknown_corpus_is_a_usage_error(capsys):
    assert main(["corpus", "stats", "--corpus", "nowhere.jsonl"]) == 2
    assert "no corpus 'nowhere.jsonl'" in capsys.readouterr().err


def test_bad_option_exits_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", "stats", "--format", "yaml"])
    assert exit_info.value.code == 2


def test_check_passes_on_good_programs_and_reports_per_test(capsys):
    results = _json(capsys, "corpus", "check", "--program", "python/word_frequency", "--format", "json")
    assert results[0]["passed"] and len(results[0]["tests"]) >= 5


def test_check_fails_with_exit_1_when_a_test_fails(tmp_path, capsys):
    corpus = tmp_path / "broken.jsonl"
    corpus.write_text(json.dumps({
        "name": "bad", "language": "python", "source": "def one():\n    return 2\n",
        "filename": "one.py", "tests": {"source": "from one import one\n\ndef test_one():\n    assert one() == 1\n",
                                         "filename": "test_one.py"}}) + "\n")
    assert main(["corpus", "check", "--corpus", str(corpus)]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_import_round_trip_through_jsonl(tmp_path, capsys, builtin):
    out = tmp_path / "copy.jsonl"
    source = tmp_path / "source.jsonl"
    assert main(["corpus", "import", str(source)]) == 2
    from flipbench.corpora.jsonl import write_programs

    write_programs(builtin.programs("python"), source)
    assert main(["corpus", "import", str(source), "--out", str(out)]) == 0
    assert out.read_text() == source.read_text()


def test_import_study_seeds_flags_unparseable_programs(study_data, tmp_path, capsys):
    out = tmp_path / "python.jsonl"
    report = _json(capsys, "corpus", "import", str(study_data / "Datasets" / "python_dataset"), "--out", str(out),
                   "--format", "json")
    assert report["languages"]["python"]["programs"] == 637
    assert report["languages"]["python"]["parse_failures"] == len(report["excluded"]) > 0
    stats = _json(capsys, "corpus", "stats", "--corpus", str(out), "--format", "json")
    assert stats["languages"]["python"]["usable"] == 637 - len(report["excluded"])


def test_import_study_faults_prints_the_label_audit(study_data, capsys):
    assert main(["corpus", "import", str(study_data / "python_buggy_dataset_BooleanLogic")]) == 0
    out = capsys.readouterr().out
    assert "label audit" in out and "outside_file" in out and "622" in out


def _program_record(name, source, tests=None):
    record = {"name": name, "language": "python", "source": source, "filename": f"{name}.py"}
    if tests is not None:
        record["tests"] = {"source": tests}
    return json.dumps(record) + "\n"


@pytest.fixture
def half_broken(tmp_path):
    """One good program with a test and one that does not parse (Python 2)."""
    path = tmp_path / "two.jsonl"
    path.write_text(_program_record("good", "def one():\n    return 1\n",
                                    "from good import one\n\ndef test_one():\n    assert one() == 1\n")
                    + _program_record("old", "print 'hello'\n"))
    return path


def test_check_reports_programs_that_do_not_parse_as_skipped_and_counts_them(half_broken, capsys):
    assert main(["corpus", "check", "--corpus", str(half_broken), "--sandbox", "local"]) == 0
    out = capsys.readouterr().out
    assert "1/1 programs pass all tests (1 tests run); 1 skipped (1 does not parse)" in out
    assert [line.split()[:2] for line in out.splitlines() if line.startswith("old")] == [["old", "skipped"]]


def test_check_json_lists_skipped_programs_with_their_reason(half_broken, capsys):
    rows = _json(capsys, "corpus", "check", "--corpus", str(half_broken), "--sandbox", "local", "--format", "json")
    skipped = [row for row in rows if row.get("skipped")]
    assert [row["program"] for row in skipped] == ["old"] and "Python 3" in skipped[0]["skipped"]


def test_check_of_a_named_program_that_does_not_parse_says_why(half_broken, capsys):
    assert main(["corpus", "check", "--corpus", str(half_broken), "--program", "old"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'old'" in err and "cannot be checked" in err and "Python 3" in err


def test_stats_means_are_floats_in_every_language(capsys, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(_program_record("a", "x = 1\ny = 2\n") + _program_record("b", "x = 1\ny = 2\nz = 3\nw = 4\n"))
    stats = _json(capsys, "corpus", "stats", "--corpus", str(path), "--format", "json")
    lines = stats["languages"]["python"]["lines"]
    assert lines["mean"] == 3.0 and isinstance(lines["mean"], float) and isinstance(lines["median"], float)


def test_usage_errors_are_one_line_naming_the_verb(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", "stats", "--format", "yaml"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.count("\n") == 1 and err.startswith("flipbench corpus stats: error: argument --format")


def _verbs(parser, prefix=()):
    """Every parser of the command line with its words, e.g. ("corpus", "check")."""
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _verbs(child, (*prefix, name))


def test_every_verb_help_lists_its_exit_statuses():
    from flipbench.cli import build_parser

    for words, parser in _verbs(build_parser()):
        text = parser.format_help()
        assert "exit status:" in text, words
        for status in (0, 2, 70, 130):
            assert f"\n  {status:>3}  " in text, (words, status)
    helps = {words: parser.format_help() for words, parser in _verbs(build_parser())}
    assert "\n    1  a program failed its tests" in helps[("corpus", "check")]
    assert "\n    1  an SPM variant changed behaviour" in helps[("verify",)]
    assert "\n    3  the SPM cannot apply" in helps[("mutate",)]


def test_the_readme_table_lists_every_exit_status():
    from flipbench.exits import ExitStatus

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    table = readme[readme.index("### Exit status"):]
    for status in ExitStatus:
        assert f"\n| {int(status)} |" in table, status


def test_an_internal_error_is_one_line_with_status_70(monkeypatch, capsys):
    import flipbench.cli.mutation as verbs

    def broken(args):
        raise RuntimeError("line map\ndoes not fit")

    monkeypatch.setattr(verbs, "_faults", broken)
    monkeypatch.delenv("FLIPBENCH_DEBUG", raising=False)
    assert main(["faults"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error: RuntimeError: line map does not fit" in err and "FLIPBENCH_DEBUG=1" in err


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch):
    import flipbench.cli.mutation as verbs

    monkeypatch.setattr(verbs, "_faults", lambda args: 1 / 0)
    monkeypatch.setenv("FLIPBENCH_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["faults"])
