"""Benchmark verification in the sandboxes: verified SPM variants per second, per backend and language.

    python scripts/bench_sandbox.py [--sandbox docker --sandbox bwrap] [--language python --language java]
                                    [--programs N] [--spm NAME ...]

For each program of the built-in corpus (the first N per language), one seeded fault, then every
SPM at strength 1; the variants are verified against their faulty program (reference runs are
made first and not timed). Prints variants/s, the amortized seconds per suite run (a Python
program's whole test suite; a Java variant's compilation and whole test suite), and the CPU time
spent per suite run by flipbench and the sandboxed programs (this process, its children, and for
docker the containers, read from the engine's cgroup; not measurable for bwrap): on a shared
machine wall time depends on the neighbours, CPU time much less. Exits 1 if a variant is not preserving.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from flipbench.corpora.builtin import builtin_corpus
from flipbench.execution.certify import reference_runs, verify_variants
from flipbench.mutators.faults import inject, sample_faults
from flipbench.mutators.spms import SPMS, NotApplicable, mutate
from flipbench.sandbox import open_sandbox

TARGETS = {"python": 0.2, "java": 0.3}
"""Seconds per suite run the docker backend should stay under."""


DOCKER_CGROUPS = (Path("/sys/fs/cgroup/cpuacct/docker/cpuacct.usage"),  # cgroup v1, cgroupfs driver
                  Path("/sys/fs/cgroup/system.slice/cpu.stat"))  # cgroup v2, systemd driver (all services)


def cpu_seconds(sandbox: str) -> float | None:
    """CPU seconds used so far by this process, its children and (docker) every container; None where the
    sandboxed programs' share cannot be read (bwrap's namespaced processes escape the children's rusage)."""
    times = os.times()
    own = times.user + times.system + times.children_user + times.children_system
    if sandbox != "docker":
        return None
    for path in DOCKER_CGROUPS:
        if path.exists():
            text = path.read_text()
            if path.name == "cpu.stat":
                return own + int(text.split("usage_usec")[1].split()[0]) / 1e6
            return own + int(text) / 1e9
    return None


def variants_of(programs, spms: list[str]) -> list:
    variants = []
    for program in programs:
        faults = sample_faults(list(inject(program)), seed=0, limit=1)
        for name in spms if faults else ():
            try:
                variants.append(mutate(faults[0], [name], strength=1, seed=0)[0])
            except NotApplicable:
                continue
    return variants


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sandbox", action="append", choices=("docker", "bwrap", "local"), default=None)
    parser.add_argument("--language", action="append", choices=("python", "java"), default=None)
    parser.add_argument("--programs", type=int, default=40, metavar="N", help="programs per language (default: 40)")
    parser.add_argument("--spm", action="append", choices=tuple(SPMS), default=None, help="SPMs (default: all)")
    args = parser.parse_args()
    corpus = builtin_corpus()
    changed = 0
    print(f"{'sandbox':8} {'language':8} {'variants':>8} {'suite runs':>10} {'wall s':>7} {'variants/s':>10} "
          f"{'s/run':>6} {'target':>6} {'CPU s':>7} {'CPU s/run':>9}")
    for language in args.language or ["python", "java"]:
        programs = [program for program in corpus.programs() if program.language == language][:args.programs]
        variants = variants_of(programs, args.spm or list(SPMS))
        runs = len(variants) + len({(v.faulty.program.id, v.faulty.source) for v in variants})
        for name in args.sandbox or ["docker", "bwrap"]:
            with open_sandbox(name) as sandbox:
                references = reference_runs(programs, sandbox)
                cpu, started = cpu_seconds(name), time.perf_counter()
                verdicts = list(verify_variants(variants, sandbox, references=references))
                wall = time.perf_counter() - started
                cpu = None if cpu is None else cpu_seconds(name) - cpu
            for verdict in verdicts:
                if verdict.verdict != "preserving":
                    changed += 1
                    print(f"  {verdict.verdict}: {verdict.variant.faulty.program.name} {'+'.join(verdict.variant.chain)}: "
                          f"{'; '.join(verdict.differences)[:200] or verdict.reason}", file=sys.stderr)
            target = f"{TARGETS[language]:.2f}" if name == "docker" else ""
            cpu_text = ("?", "?") if cpu is None else (f"{cpu:.1f}", f"{cpu / runs:.3f}")
            print(f"{name:8} {language:8} {len(variants):8} {runs:10} {wall:7.1f} {len(variants) / wall:10.1f} "
                  f"{wall / runs:6.3f} {target:>6} {cpu_text[0]:>7} {cpu_text[1]:>9}", flush=True)
    if changed:
        print(f"{changed} variants were not preserving (or could not be verified)", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
