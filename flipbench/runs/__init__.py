"""An experiment from settings to run directory: planning tasks, the executor and its worker
processes, pacing, the SQLite store (which owns every SQL statement) and export."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "batching": ("batch_progress",),
    "budget": ("BudgetReached", "refuse_over_budget"),
    "cluster": ("ClusterOptions", "ExecutorName", "ShardState", "SlurmOptions", "merge_run", "merged_result",
                "refuse_unsharded", "run_sharded", "shard_statuses"),
    "dry_run": ("Plan", "plan_experiment"),
    "experiment": ("Experiment", "load_experiment"),
    "exporting": ("FORMATS", "TABLES", "export"),
    "preset": ("Preset", "load_preset", "preset_names", "read_preset"),
    "run": ("RunResult", "default_models", "run_experiment"),
    "run_data": ("load_run",),
    "verification": ("CorpusVerification", "ochiai_ranks", "verify_corpus"),
    "written_content": ("CONTENT_STAGE",),
})
