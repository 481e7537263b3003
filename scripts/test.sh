#!/usr/bin/env bash
# Install everything the tests need (system packages included) and run the whole test suite.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k corpus`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# the abuse tests fail (not skip) when a backend this script installed does not work
export FLIPBENCH_REQUIRE_SANDBOXES="${FLIPBENCH_REQUIRE_SANDBOXES-docker,bwrap}"
# the HTML report's browser test fails (not skips) when the chromium this script installed is missing
export FLIPBENCH_REQUIRE_BROWSER="${FLIPBENCH_REQUIRE_BROWSER-1}"
# the Slurm tests fail (not skip) when the slurmctld, slurmd and munge this script installed are missing
export FLIPBENCH_REQUIRE_SLURM="${FLIPBENCH_REQUIRE_SLURM-1}"
exec .venv/bin/python -m pytest "$@"
