"""Running programs' tests in a sandbox (suite runs with per-test coverage, the Python and Java
runners) and certifying faults (live) and SPM variants (preserving) by those runs."""

from flipbench.execution.certify import (
    FaultVerdict,
    Reference,
    VariantVerdict,
    reference_runs,
    verify_faults,
    verify_variants,
)
from flipbench.execution.programs import exec_program
from flipbench.execution.suites import SuiteRun, run_suites

__all__ = [
    "FaultVerdict", "Reference", "VariantVerdict", "SuiteRun", "exec_program", "reference_runs", "run_suites",
    "verify_faults", "verify_variants",
]
