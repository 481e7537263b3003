"""Running programs' tests in a sandbox (suite runs with per-test coverage, the Python and Java
runners) and certifying faults (live) and SPM variants (preserving) by those runs."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "certify": ("FaultVerdict", "Reference", "VariantVerdict", "reference_runs", "verify_faults", "verify_variants"),
    "levels": ("untested_levels",),
    "programs": ("exec_program",),
    "suites": ("SuiteRun", "run_suites"),
})
