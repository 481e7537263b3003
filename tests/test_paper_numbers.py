"""The paper's published numbers shipped with flipbench, and the report's ``paper`` table: each cell a run
covers beside the paper's value, the run's value the study's way and net of the control."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import STUDY_DATA

from flipbench.analysis.frames import Run
from flipbench.analysis.paper import paper_cells, paper_numbers, paper_table
from flipbench.analysis.statistics import Bootstrap

STUDY = {"prompt": "paper", "tolerance": 2, "mode": "correct",
         "model_groups": {"openai/a": {"paper": "GPT-4o", "family": "multimodal"}}}
FAULT_LINE = 10


def test_the_shipped_numbers_are_the_papers_published_values_with_their_provenance():
    shared = STUDY_DATA.parent.parent / "docs" / "paper-numbers.json"
    if not shared.exists():
        pytest.skip(f"{shared} is not here")
    assert paper_numbers() == json.loads(shared.read_text(encoding="utf-8"))
    assert "vector" in paper_numbers()["_provenance"]


def test_each_table_ii_cell_is_one_row_per_model_and_a_mean_marked_as_computed():
    cells = [cell for cell in paper_cells() if cell.figure == "Table II"]
    assert len(cells) == 2 * 4 * (10 + 1)
    java_off_by_one_claude = next(cell for cell in cells if (cell.language, cell.fault, cell.model) == (
        "java", "off_by_one", "Claude 4.5 Sonnet"))
    assert java_off_by_one_claude.value == pytest.approx(0.8333) and java_off_by_one_claude.provenance == "paper"
    assert {cell.provenance for cell in cells if cell.model == "the ten models"} == {"mean"}


def test_figure_values_read_from_the_drawing_are_marked_so():
    figures = {cell.figure: cell.provenance for cell in paper_cells() if cell.figure in ("Fig. 6", "Fig. 8")}
    assert figures == {"Fig. 6": "vector", "Fig. 8": "vector"}
    fig8 = [cell for cell in paper_cells() if cell.figure == "Fig. 8" and cell.model == "Claude 3.7 Sonnet"]
    assert len(fig8) == 2 * 5 * 5  # the figure's "Claude 3.7" under Table II's name


def task(task_id, role, localizer, subject, faulty, predicted, status, *, condition="", spm="", strength=None,
         program="p1"):
    return {"task_id": task_id, "role": role, "localizer": localizer, "condition": condition, "draw": 0,
            "status": status, "predicted_line": predicted, "exact": predicted == FAULT_LINE,
            "within_tolerance": status == "correct", "top_k": status == "correct", "expected_correct": None,
            "input_tokens": 10, "output_tokens": 2, "subject_id": subject, "faulty_id": faulty, "program": program,
            "language": "python", "fault": "off_by_one", "spm": spm, "strength": strength, "placement":
            "random" if spm else "", "position": 12.0, "edit_distance": 1 if spm else None}


def subject(subject_id, faulty, program, fault_line, kind="faulty"):
    return {"subject_id": subject_id, "kind": kind, "faulty_id": faulty, "program": program, "language": "python",
            "fault": "off_by_one", "fault_lines": (fault_line,), "condition": "" if kind == "faulty" else "x",
            "verdict": "unchecked", "function_spans": ()}


def study_run(settings=STUDY) -> Run:
    """Four faulty programs of four seed programs; openai/a hits two (within 2 lines) in stage 1; of those, a
    misleading_names x1 variant keeps one and loses one, while both controls stay right. openai/b (no paper
    model) answers one program."""
    faulty = [f"f{k}" for k in range(1, 5)]
    subjects = [subject(name, name, f"p{k}", FAULT_LINE) for k, name in enumerate(faulty, 1)]
    subjects += [subject("v1", "f1", "p1", FAULT_LINE + 1, "variant"), subject("v2", "f2", "p2", FAULT_LINE + 1, "variant")]
    names = dict(condition="misleading_names x1", spm="misleading_names", strength=1)
    tasks = [task(f"b{k}", "before", "openai/a", name, name, line, status, program=f"p{k}")
             for k, (name, line, status) in enumerate(zip(faulty, (10, 11, 13, 30),
                                                          ("correct", "correct", "wrong", "wrong")), 1)]
    tasks += [task("v1", "variant", "openai/a", "v1", "f1", 11, "correct", program="p1", **names),
              task("v2", "variant", "openai/a", "v2", "f2", 40, "wrong", program="p2", **names),
              task("c1", "control", "openai/a", "f1", "f1", 10, "correct", program="p1", condition="control"),
              task("c2", "control", "openai/a", "f2", "f2", 10, "correct", program="p2", condition="control"),
              task("b5", "before", "openai/b", "f1", "f1", 10, "correct", program="p1")]
    frame = pd.DataFrame(tasks)
    for column in ("exact", "within_tolerance", "top_k"):
        frame[column] = frame[column].astype("boolean")
    frame["strength"] = frame["strength"].astype("Int64")
    return Run(tasks=frame, subjects=pd.DataFrame(subjects), settings=settings)


def rows_of(table: pd.DataFrame, figure: str, localizer: str) -> list[dict]:
    return [row for row in table.to_dict(orient="records") if row["figure"] == figure and row["localizer"] == localizer]


def test_a_table_ii_cell_beside_the_runs_stage_one_accuracy_for_the_localizer_matched_to_the_papers_model():
    table = paper_table(study_run(), Bootstrap(200, 0))
    [row] = rows_of(table, "Table II", "openai/a")
    assert (row["cell"], row["paper_model"], row["provenance"]) == ("Python, OffByOne", "GPT-4o", "printed")
    assert row["paper_value"] == pytest.approx(0.3265)
    assert (row["study_n"], row["study_value"], row["accuracy"]) == (4, 0.5, 0.5)
    assert row["study_low"] < 0.5 < row["study_high"] and pd.isna(row["net_effect"])


def test_a_localizer_without_a_paper_model_is_set_beside_the_ten_models_mean():
    [row] = rows_of(paper_table(study_run(), Bootstrap(200, 0)), "Table II", "openai/b")
    assert row["paper_model"] == "the ten models" and row["provenance"] == "mean of Table II"
    python_off_by_one = paper_numbers()["table2_baseline_FL_accuracy_pct_paper"]["Python"]["OffByOne"]
    assert row["paper_value"] == pytest.approx(sum(python_off_by_one) / 1000)
    assert row["study_value"] == 1.0


def test_a_fig_6_bar_and_a_fig_8_point_beside_the_runs_accuracy_after_and_its_net_effect():
    table = paper_table(study_run(), Bootstrap(200, 0))
    [bar] = [row for row in rows_of(table, "Fig. 6", "openai/a") if row["cell"] == "MisleadingVariableNames"]
    [point] = [row for row in rows_of(table, "Fig. 8", "openai/a") if row["cell"] == "Python, MV x1"]
    assert bar["paper_value"] == pytest.approx(0.3292) and point["paper_value"] == pytest.approx(0.6684)
    for row in (bar, point):
        assert row["provenance"] == "read from figure"
        # two pairs hit before: one kept after the SPM; both controls kept: net effect 1/2 - 0/2
        assert (row["study_n"], row["study_value"], row["n"], row["net_effect"]) == (2, 0.5, 2, 0.5)


def test_a_fig_9_quartile_and_a_fig_10_family_are_set_beside_the_runs():
    table = paper_table(study_run(), Bootstrap(200, 0))
    [quarter] = [row for row in rows_of(table, "Fig. 9", "openai/a") if row["cell"] == "OffByOne, 0-25%"]
    assert (quarter["paper_value"], quarter["study_value"]) == (0.65, 0.5)
    [family] = rows_of(table, "Fig. 10", "openai/a")
    assert family["cell"] == "family multimodal" and family["paper_value"] == pytest.approx(0.2578)
    assert family["study_value"] == 0.5 and family["net_effect"] == 0.5


def test_the_cells_a_run_does_not_cover_have_no_row():
    table = paper_table(study_run(), Bootstrap(200, 0))
    assert set(table["figure"]) == {"Table II", "Fig. 6", "Fig. 8", "Fig. 9", "Fig. 10"}  # GPT-4o is not in Fig. 11
    assert not any(row["cell"].startswith("Java") for row in table.to_dict(orient="records"))


def test_a_baseline_is_not_set_beside_the_papers_models():
    run = study_run()
    tasks = run.tasks.assign(localizer=run.tasks["localizer"].replace({"openai/b": "baseline/random"}))
    table = paper_table(Run(tasks=tasks, subjects=run.subjects, settings=run.settings), Bootstrap(200, 0))
    assert set(table["localizer"]) == {"openai/a"}


def test_a_run_without_the_studys_protocol_gets_no_paper_rows():
    assert paper_table(study_run({**STUDY, "tolerance": 0})).empty
