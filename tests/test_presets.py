"""Presets: the named experiment files shipped with flipbench, listed, printed and run from."""

import json
import re
import subprocess
import sys
import tomllib

import pytest

from flipbench.cli import build_parser, main
from flipbench.cli.run import experiment_from
from flipbench.errors import InputError
from flipbench.mutators import SPMS, STUDY_OPERATORS
from flipbench.runs import load_preset, preset_names, read_preset
from flipbench.runs.experiment import Experiment, from_mapping

UNCOMMENT_MODELS = r"/^# \[models/,$ s/^# \([[a-z]\)/\1/"
"""The README's sed command that turns on the study preset's commented model and price tables."""


def args_of(*argv):
    return build_parser().parse_args(["run", *argv])


def test_flipbench_ships_the_default_study_and_robust_presets():
    assert {"default", "study", "robust"} <= set(preset_names())


def test_the_default_preset_is_the_built_in_default_experiment():
    assert load_preset("default") == Experiment()
    assert load_preset("default").semantic_key == Experiment().semantic_key


def test_running_the_default_preset_runs_what_a_plain_run_runs(monkeypatch):
    monkeypatch.setenv("FLIPBENCH_MODEL", "openai/gpt-4o")
    assert experiment_from(args_of("--preset", "default")) == experiment_from(args_of())


def test_the_default_experiment_keeps_its_key_and_so_its_run_directory():
    # settings added since (stratify, filter, content, ...) enter the key only when set away from their defaults
    assert Experiment().semantic_key == "900dac72dbf62762"


def test_the_study_preset_is_the_studys_protocol():
    study = load_preset("study")
    assert study.faults == STUDY_OPERATORS and study.faults_per_operator == "all" and study.stratify
    assert (study.prompt, study.tolerance, study.mode, study.filter, study.content) == (
        "paper", 2, "correct", "existential", "model")
    assert study.strengths == (1, 2, 4, 6, 8)
    assert study.spms == (("misleading_names",), ("misleading_comments",), ("misleading_names", "misleading_comments"),
                          ("dead_code",), ("misleading_names", "misleading_comments", "dead_code"),
                          ("function_shuffle",))


def test_the_study_presets_commented_models_are_the_papers_ten_with_families_and_versions():
    text = subprocess.run(["sed", UNCOMMENT_MODELS], input=read_preset("study").text, capture_output=True,
                          text=True, check=True).stdout
    study = from_mapping(tomllib.loads(text), Experiment())
    assert len(study.models) == 10
    families = {attributes["family"] for attributes in study.model_groups.values()}
    assert families == {"coder", "generic", "reasoning", "multimodal"}
    versions = {name: attributes["version_of"] for name, attributes in study.model_groups.items()
                if "version_of" in attributes}
    assert versions == {"anthropic/claude-sonnet-4-5": "anthropic/claude-3-7-sonnet-20250219",
                        "google/gemini-2.5-flash": "google/gemini-2.0-flash"}
    papers = json.loads(_paper_numbers())["table2_baseline_FL_accuracy_pct_paper"]["models"]
    assert sorted(attributes["paper"] for attributes in study.model_groups.values()) == sorted(papers)
    assert set(study.prices) <= set(study.models)


def _paper_numbers() -> str:
    from conftest import STUDY_DATA

    path = STUDY_DATA.parent.parent / "docs" / "paper-numbers.json"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path.read_text(encoding="utf-8")


def test_the_robust_preset_asks_every_spm_several_times_exactly_with_numbered_code_and_a_control():
    robust = load_preset("robust")
    assert robust.tolerance == 0 and robust.prompt == "numbered" and robust.samples > 1 and robust.control
    assert {chain[0] for chain in robust.spms if len(chain) == 1} == set(SPMS)
    assert robust.mode == "all" and robust.temperature > 0


def test_every_preset_says_why_in_its_first_line():
    for name in preset_names():
        assert read_preset(name).text.startswith(f"# {name}: ")
        assert read_preset(name).description


def test_a_config_file_overrides_the_preset_and_flags_override_both(tmp_path):
    config = tmp_path / "mine.toml"
    config.write_text('samples = 2\ntolerance = 1\nmodels = ["baseline/random"]\n', encoding="utf-8")
    experiment = experiment_from(args_of("--preset", "study", "--config", str(config), "--tolerance", "3"))
    assert (experiment.samples, experiment.tolerance, experiment.mode) == (2, 3, "correct")
    assert experiment.models == ("baseline/random",)


def test_an_unknown_preset_is_one_line_and_exit_status_two(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--preset", "nope"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "unknown preset 'nope'" in error and "study" in error
    assert not (tmp_path / "runs").exists()
    with pytest.raises(InputError, match="unknown preset"):
        read_preset("nope")


def test_presets_lists_each_with_its_description_as_json(capsys):
    assert main(["presets", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["name"] for entry in listed] == preset_names()
    assert all(entry["description"] for entry in listed)


def test_presets_show_prints_the_file_to_copy(tmp_path):
    shown = subprocess.run([sys.executable, "-m", "flipbench", "presets", "show", "robust"], capture_output=True,
                           text=True, check=True).stdout
    assert shown == read_preset("robust").text
    copy = tmp_path / "robust.toml"
    copy.write_text(re.sub(r"samples = \d+", "samples = 5", shown), encoding="utf-8")
    assert experiment_from(args_of("--config", str(copy))).samples == 5
