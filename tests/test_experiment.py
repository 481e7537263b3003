"""Experiment settings: defaults, TOML files, flags, and clear refusals."""

import pytest

from flipbench.cli import build_parser
from flipbench.cli.run import experiment_from
from flipbench.errors import InputError
from flipbench.mutators.faults import STUDY_OPERATORS
from flipbench.mutators.spms import STUDY_SPMS
from flipbench.runs.experiment import BASELINES, Experiment, ProviderLimits, load_experiment


def args_of(*argv):
    return build_parser().parse_args(["run", *argv])


def test_the_default_experiment_is_the_studys_faults_and_spms_at_strength_one_with_a_control():
    experiment = Experiment()
    assert experiment.faults == STUDY_OPERATORS and experiment.spms == tuple((s,) for s in STUDY_SPMS)
    assert experiment.strengths == (1,) and experiment.control and experiment.models == BASELINES


def test_a_toml_file_overrides_the_defaults(tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text('languages = ["python"]\nspms = ["misleading_names+misleading_comments"]\nsamples = 3\n'
                    'tolerance = 2\n[limits.openai]\nconcurrency = 64\nrequests_per_minute = 500\n')
    experiment = load_experiment(path)
    assert experiment.languages == ("python",) and experiment.samples == 3 and experiment.tolerance == 2
    assert experiment.spms == (("misleading_names", "misleading_comments"),)
    assert experiment.limits_for("openai") == ProviderLimits(64, 500, None)


def test_an_unknown_setting_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text("sample = 3\n")
    with pytest.raises(InputError, match=r"exp.toml: unknown settings sample"):
        load_experiment(path)


def test_broken_toml_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text("samples = \n")
    with pytest.raises(InputError, match="exp.toml: not valid TOML"):
        load_experiment(path)


@pytest.mark.parametrize("setting, message", [('faults = ["no_such"]', "unknown fault"),
                                              ('languages = ["rust"]', "unknown language"),
                                              ("samples = 0", "samples"),
                                              ('mode = "some"', "mode"),
                                              ('spms = ["nope"]', "nope"),
                                              ("workers = 0", "workers must be a positive integer")])
def test_impossible_settings_name_the_setting(tmp_path, setting, message):
    path = tmp_path / "exp.toml"
    path.write_text(setting + "\n")
    with pytest.raises(InputError, match=message):
        load_experiment(path)


def test_flags_override_the_config_file(tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text('models = ["baseline/random"]\nsamples = 3\n')
    experiment = experiment_from(args_of("--config", str(path), "--samples", "5", "--limit", "4"))
    assert experiment.samples == 5 and experiment.limit == 4 and experiment.models == ("baseline/random",)


def test_concurrency_applies_to_every_provider_in_the_run():
    experiment = experiment_from(args_of("--model", "openai/m", "--model", "baseline/random", "--concurrency", "128"))
    assert experiment.limits_for("openai").concurrency == 128


def test_without_models_the_run_uses_the_baselines_and_flipbench_model(monkeypatch):
    monkeypatch.setenv("FLIPBENCH_MODEL", "openai/gpt-4o")
    assert experiment_from(args_of()).models == (*BASELINES, "openai/gpt-4o")


def test_pacing_settings_do_not_change_the_experiment_key():
    assert Experiment().semantic_key == Experiment(limits={"openai": ProviderLimits(99)}, timeout=5,
                                                   workers=3).semantic_key
    assert Experiment().semantic_key != Experiment(samples=2).semantic_key


def test_workers_come_from_the_flag_or_the_config_file(tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text("workers = 3\n")
    assert experiment_from(args_of("--config", str(path))).workers == 3
    assert experiment_from(args_of("--config", str(path), "--workers", "2")).workers == 2


def test_worker_processes_split_every_limit_between_them():
    limits = ProviderLimits(concurrency=5, requests_per_minute=600, tokens_per_minute=90_000)
    shares = [limits.share(index, 2) for index in range(2)]
    assert [share.concurrency for share in shares] == [3, 2]
    assert all(share.requests_per_minute == 300 and share.tokens_per_minute == 45_000 for share in shares)
