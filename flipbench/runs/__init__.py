"""An experiment from settings to run directory: planning tasks, the executor and its worker
processes, pacing, the SQLite store (which owns every SQL statement) and export."""

from flipbench.runs.experiment import Experiment, load_experiment
from flipbench.runs.export import FORMATS, TABLES, export
from flipbench.runs.run import RunResult, default_models, run_experiment
from flipbench.runs.run_data import load_run
from flipbench.runs.verification import CorpusVerification, ochiai_ranks, verify_corpus

__all__ = [
    "CorpusVerification", "Experiment", "FORMATS", "RunResult", "TABLES", "default_models", "export",
    "load_experiment", "load_run", "ochiai_ranks", "run_experiment", "verify_corpus",
]
