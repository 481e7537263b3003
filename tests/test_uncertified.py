"""Programs without tests (the study's seeds) run as uncertified subjects, marked with the level they
reached -- compiled or parsed -- in the run database, the report and the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flipbench.analysis import notes, overview
from flipbench.execution import untested_levels
from flipbench.model import CheckLevel
from flipbench.runs import export, load_run
from flipbench.runs.experiment import Experiment
from flipbench.runs.run import run_experiment

from test_run import FAST

PYTHON = "def total(values):\n    result = 0\n    for value in values:\n        result = result + value * 2\n    return result\n"
JAVA_ALONE = ("public class Sums {\n    static int total(int[] values) {\n        int result = 0;\n"
              "        for (int i = 0; i < values.length; i++) {\n            result = result + values[i] * 2;\n"
              "        }\n        return result;\n    }\n}\n")
JAVA_NEEDS_MORE = JAVA_ALONE.replace("public class Sums {", "public class Sums extends org.example.Base {")


def _corpus(folder: Path) -> Path:
    entries = [("mine/total", "python", PYTHON), ("mine/Sums", "java", JAVA_ALONE),
               ("mine/SumsOfBase", "java", JAVA_NEEDS_MORE)]
    path = folder / "untested.jsonl"
    path.write_text("".join(json.dumps({"name": name, "language": language, "source": source, "spec": "Twice the sum."})
                            + "\n" for name, language, source in entries), encoding="utf-8")
    return path


def test_python_compiles_and_java_compiles_only_with_every_class_it_needs():
    assert untested_levels([("python", "program.py", PYTHON, PYTHON), ("java", "Sums.java", JAVA_ALONE, JAVA_ALONE),
                            ("java", "Sums.java", JAVA_NEEDS_MORE, JAVA_NEEDS_MORE)]) == [
        CheckLevel.COMPILED, CheckLevel.COMPILED, CheckLevel.PARSED]


def test_a_java_program_in_a_package_of_its_own_is_compiled_alone():
    packaged = "package org.example.sums;\n\n" + JAVA_ALONE
    assert untested_levels([("java", "Sums.java", packaged, packaged)]) == [CheckLevel.COMPILED]


def test_a_java_fault_that_breaks_compilation_stays_parsed_and_one_of_a_program_that_never_compiled_too():
    broken = JAVA_ALONE.replace("result = result + values[i] * 2;", "result = result + values * 2;")
    assert untested_levels([("java", "Sums.java", broken, JAVA_ALONE),
                            ("java", "Sums.java", JAVA_ALONE, JAVA_NEEDS_MORE)]) == [CheckLevel.PARSED] * 2


@pytest.fixture(scope="module")
def untested_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("untested")
    settings = Experiment(corpus=str(_corpus(folder)), faults=("operator_swap",), spms=(("misleading_comments",),),
                          models=("baseline/random",), sandbox="bwrap")
    run_experiment(settings, folder / "run", backoff=FAST)
    return folder / "run"


def test_a_corpus_without_tests_runs_its_programs_uncertified_even_when_only_certified_ones_are_wanted(untested_run):
    run = load_run(untested_run)
    levels = dict(zip(run.subjects["program"] + "/" + run.subjects["kind"], run.subjects["level"]))
    assert levels == {"mine/total/faulty": "compiled", "mine/total/variant": "compiled",
                      "mine/Sums/faulty": "compiled", "mine/Sums/variant": "compiled",
                      "mine/SumsOfBase/faulty": "parsed", "mine/SumsOfBase/variant": "parsed"}
    assert set(run.subjects["verdict"]) == {"unchecked"}
    assert set(run.tasks["role"]) == {"before", "variant", "control"}


def test_the_report_counts_and_names_uncertified_subjects(untested_run):
    run = load_run(untested_run)
    assert overview(run)["levels"] == {"faulty": {"compiled": 2, "parsed": 1}, "variant": {"compiled": 2, "parsed": 1}}
    said = " ".join(notes([run], run.tasks.iloc[0:0]))
    assert "uncertified subjects" in said and "3 faulty programs (2 compiled, 1 parsed)" in said


@pytest.mark.parametrize("table", ["tasks", "subjects"])
def test_exports_mark_each_row_with_its_level(untested_run, tmp_path, table):
    destination = tmp_path / f"{table}.jsonl"
    export(untested_run, destination, table=table)
    rows = [json.loads(line) for line in destination.read_text(encoding="utf-8").splitlines()]
    assert rows and {row["level"] for row in rows} == {"compiled", "parsed"}


def test_the_studys_seeds_import_in_one_step_both_languages(tmp_path):
    from conftest import STUDY_DATA

    from flipbench.cli import main

    if not (STUDY_DATA / "Datasets").is_dir():
        pytest.skip(f"the study's data is not at {STUDY_DATA}")
    out = tmp_path / "study.jsonl"
    assert main(["corpus", "import", str(STUDY_DATA / "Datasets"), "--out", str(out), "--format", "json"]) == 0
    languages = [json.loads(line)["language"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert (languages.count("python"), languages.count("java")) == (637, 670)
