"""Importing the reference study's data: synthetic fixtures always, the real artifact when present."""

import json

import pytest

from flipbench.corpora.llmcodeimpact import StudyFormatError, read_faults, read_seed_corpus, read_seeds


def _seed_dir(tmp_path, name="python_dataset", **files):
    directory = tmp_path / "Datasets" / name
    directory.mkdir(parents=True)
    for stem, record in files.items():
        (directory / f"{stem}.json").write_text(json.dumps(record))
    return directory


def test_seeds_become_programs_named_after_their_files(tmp_path):
    directory = _seed_dir(tmp_path, s1={"instruction": "Add two numbers", "output": "def add(a, b):\n    return a + b\n"})
    [program] = read_seeds(directory)
    assert program.name == "llmcodeimpact/python/s1"
    assert program.spec == "Add two numbers"
    assert program.tests is None


def test_python_2_seeds_are_kept_and_flagged(tmp_path):
    directory = _seed_dir(tmp_path, old={"instruction": "Print", "output": "print 'hello'\n"},
                          new={"instruction": "Print", "output": "print('hello')\n"})
    corpus = read_seed_corpus(directory)
    assert len(corpus.entries) == 2
    assert [p.name for p in corpus.programs()] == ["llmcodeimpact/python/new"]
    assert "not valid Python 3" in corpus.get("llmcodeimpact/python/old").excluded


def test_java_seeds_are_saved_under_their_public_class(tmp_path):
    directory = _seed_dir(tmp_path, "java_dataset",
                          r1={"instruction": "stack", "output": "package a.b;\npublic class Stack {}\n"})
    assert read_seeds(directory)[0].filename == "Stack.java"


def test_language_must_be_given_when_the_directory_name_does_not_tell(tmp_path):
    directory = tmp_path / "seeds"
    directory.mkdir()
    (directory / "1.json").write_text(json.dumps({"instruction": "x", "output": "x = 1"}))
    with pytest.raises(StudyFormatError, match="cannot tell the language"):
        read_seeds(directory)
    assert read_seeds(directory, "python")[0].language == "python"


def test_a_file_missing_fields_is_named(tmp_path):
    directory = _seed_dir(tmp_path, bad={"instruction": "x"})
    with pytest.raises(StudyFormatError, match=r"bad\.json: missing field\(s\) output"):
        read_seeds(directory)


def test_faults_are_audited_against_seeds_found_next_to_them(tmp_path):
    seed = "# comment\n\ndef both(a, b):\n    return a and b\n"
    _seed_dir(tmp_path, s7={"instruction": "Both true", "output": seed})
    faults = tmp_path / "python_buggy_dataset_BooleanLogic"
    faults.mkdir()
    (faults / "s7_1.json").write_text(json.dumps(
        {"instruction": "Both true", "buggy_code": "def both(a, b):\n    return a or b", "line_no": 4,
         "line_no_percent": "100%"}))
    [fault] = read_faults(faults)
    assert fault.faulty.fault == "boolean_logic"
    assert fault.faulty.fault_lines == (2,)
    assert fault.audit.verdict == "outside_file"
    assert fault.audit.seed_line == 4


def test_study_seed_directories_import_completely(study_data):
    python = read_seed_corpus(study_data / "Datasets" / "python_dataset")
    java = read_seed_corpus(study_data / "Datasets" / "java_dataset")
    assert len(python.entries) == 637
    assert len(java.entries) == 670
    unparseable = [entry for entry in python.entries if entry.excluded]
    assert 150 < len(unparseable) < 300  # "about a third are not Python 3"
    assert all(entry.excluded for entry in unparseable)


def test_study_boolean_logic_labels_are_mostly_not_on_the_fault(study_data):
    faults = read_faults(study_data / "python_buggy_dataset_BooleanLogic")
    assert len(faults) == 622
    assert all(len(fault.audit.changed_lines) == 1 for fault in faults)
    exact = sum(1 for fault in faults if fault.audit.verdict == "exact")
    assert exact / len(faults) < 0.1
