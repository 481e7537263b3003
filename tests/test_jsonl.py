import json

import pytest

from flipbench.corpora.jsonl import CorpusFormatError, read_programs, write_programs
from flipbench.model import Program, Provenance


def _write(tmp_path, *records) -> object:
    path = tmp_path / "mine.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


def test_minimal_record_gets_documented_defaults(tmp_path):
    [program] = read_programs(_write(tmp_path, {"name": "a", "language": "python", "source": "x = 1\n"}))
    assert program.spec == ""
    assert program.filename == "program.py"
    assert program.provenance == Provenance("mine", "mine.jsonl:1", "unknown")
    assert program.tests is None


def test_java_file_name_comes_from_the_public_class(tmp_path):
    source = "class Helper {}\npublic final class Shapes { }\n"
    [program] = read_programs(_write(tmp_path, {"name": "s", "language": "java", "source": source}))
    assert program.filename == "Shapes.java"


def test_written_corpus_reads_back_identically(tmp_path, builtin):
    path = tmp_path / "copy.jsonl"
    programs = list(builtin.programs())
    write_programs(programs, path)
    assert read_programs(path) == programs


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"mine.jsonl:2: not JSON"),
        ('["a list"]', r"mine.jsonl:2: expected a JSON object"),
        ('{"name": "b", "language": "python"}', r"mine.jsonl:2: field 'source' must be a non-empty string"),
        ('{"name": "b", "language": "cobol", "source": "x"}', r"mine.jsonl:2: language 'cobol'"),
        ('{"name": "b", "language": "python", "source": "x", "colour": 1}', r"mine.jsonl:2: unknown field\(s\) colour"),
        ('{"name": "b", "language": "python", "source": "x", "tests": {"source": 1}}',
         r"mine.jsonl:2: field 'tests.source' must be a non-empty string"),
        ('{"name": "b", "language": "python", "source": "x", "tests": "t.py"}', r"mine.jsonl:2: field 'tests' must be"),
        ('{"name": "a", "language": "python", "source": "y = 2"}', r"mine.jsonl:2: duplicate program name 'a' "
                                                                   r"\(first on line 1\)"),
        ('{"name": "b", "language": "python", "source": "x", "provenance": {"corpus": "c"}}',
         r"mine.jsonl:2: field provenance: missing field 'origin'"),
    ],
)
def test_bad_lines_are_reported_with_file_and_line(tmp_path, line, message):
    path = _write(tmp_path, {"name": "a", "language": "python", "source": "x = 1\n"}, line)
    with pytest.raises(CorpusFormatError, match=message):
        read_programs(path)


def test_a_failed_write_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("previous\n")

    def broken():
        yield Program("a", "python", "x = 1\n", "", "a.py", Provenance("c", "o", "MIT"))
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_programs(broken(), path)
    assert path.read_text() == "previous\n"


def test_an_empty_corpus_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    with pytest.raises(CorpusFormatError, match=r"empty.jsonl: no programs"):
        read_programs(path)


def test_a_test_suite_without_filename_gets_the_conventional_one(tmp_path):
    python = {"name": "p", "language": "python", "source": "x = 1\n", "filename": "thing.py",
              "tests": {"source": "from thing import x\n\ndef test_x():\n    assert x == 1\n"}}
    java = {"name": "j", "language": "java", "source": "public class Box { }\n",
            "tests": {"source": "public class BoxTest { static void testNothing() { } }\n"}}
    first, second = read_programs(_write(tmp_path, python, json.dumps(java)))
    assert first.tests.filename == "test_thing.py"
    assert second.tests.filename == "BoxTest.java"
