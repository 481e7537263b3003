"""The corpus commands, run as a user runs them: through the console script's entry point."""

import json

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
