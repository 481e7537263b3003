"""Benchmark verification in the sandboxes: verified SPM variants per second and CPU per suite run, per
backend and language; and a profile of where a suite run's time goes.

    python scripts/bench_sandbox.py [--sandbox docker --sandbox bwrap] [--language python --language java]
                                    [--programs N] [--spm NAME ...]
    python scripts/bench_sandbox.py --part profile [--sandbox bwrap] [--programs N]

Verify (the default part): for each program of the built-in corpus (the first N per language), one
seeded fault, then every SPM at strength 1; the variants are verified against their faulty program
(reference runs are made first and not timed, and faulty programs whose tests hang are left out, see
:func:`ending_by_themselves`). Prints variants/s, the amortized seconds per suite run
(a Python program's whole test suite; a Java variant's compilation and whole test suite), and the CPU
time per suite run of everything involved (see scripts/cpu_meter.py: this process and all it starts,
sandboxes and docker's containers included; the docker engine's daemons apart, as "engine", since
other users of the engine share them): on a shared machine wall time depends on the neighbours, CPU
time much less. Exits 1 if a variant is not preserving.

Profile: the parts of a suite run, each measured on its own (wall and CPU per occurrence): starting
the sandbox (``true`` in it), starting the interpreter in it, the runner's imports, then whole batches
of the built-in programs' suites without and with coverage (per suite run), split into the host's share
(this process: staging files, test discovery, reading results, the sandbox client) and the rest.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from cpu_meter import CpuMeter

from flipbench.corpora.builtin import builtin_corpus
from flipbench.execution.certify import reference_runs, verify_variants
from flipbench.execution.suites import run_suites
from flipbench.mutators.faults import inject, sample_faults
from flipbench.mutators.spms import SPMS, NotApplicable, mutate
from flipbench.sandbox import Invocation, Limits, scratch_folders

TARGETS = {"python": 0.04, "java": 0.08}
"""CPU seconds per suite run every isolating backend should stay under (issue 19)."""


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


def verify_part(args: argparse.Namespace) -> int:
    corpus = builtin_corpus()
    changed = 0
    print(f"{'sandbox':8} {'language':8} {'variants':>8} {'suite runs':>10} {'wall s':>7} {'variants/s':>10} "
          f"{'s/run':>6} {'CPU s':>7} {'CPU s/run':>9} {'target':>6} {'engine CPU s/run':>16}")
    for language in args.language or ["python", "java"]:
        programs = [program for program in corpus.programs() if program.language == language][:args.programs]
        made = variants_of(programs, args.spm or list(SPMS))
        for name in args.sandbox or ["docker", "bwrap"]:
            variants = made
            with CpuMeter() as meter, meter.sandbox(name) as sandbox:
                references = reference_runs(programs, sandbox)
                variants, hanging = ending_by_themselves(variants, sandbox, references)
                runs = len(variants) + len({(v.faulty.program.id, v.faulty.source) for v in variants})
                cpu, engine, started = meter.seconds(), meter.engine_seconds(), time.perf_counter()
                verdicts = list(verify_variants(variants, sandbox, references=references))
                wall = time.perf_counter() - started
                cpu, engine = meter.seconds() - cpu, meter.engine_seconds() - engine
            for verdict in verdicts:
                if verdict.verdict != "preserving":
                    changed += 1
                    print(f"  {verdict.verdict}: {verdict.variant.faulty.program.name} {'+'.join(verdict.variant.chain)}: "
                          f"{'; '.join(verdict.differences)[:200] or verdict.reason}", file=sys.stderr)
            if hanging:
                print(f"  left out: {hanging} variants of faulty programs whose tests hang", file=sys.stderr)
            print(f"{name:8} {language:8} {len(variants):8} {runs:10} {wall:7.1f} {len(variants) / wall:10.1f} "
                  f"{wall / runs:6.3f} {cpu:7.1f} {cpu / runs:9.3f} {TARGETS[language]:6.2f} "
                  f"{engine / runs if name == 'docker' else 0:16.3f}", flush=True)
    if changed:
        print(f"{changed} variants were not preserving (or could not be verified)", file=sys.stderr)
    return 1 if changed else 0


def ending_by_themselves(variants: list, sandbox, references) -> tuple[list, int]:
    """The variants whose faulty program's tests all end by themselves (run once, untimed), and how many
    others: a fault that makes a test loop costs every run of it the time limit (and a second run at four
    times the limit, the check of a timeout), whatever the runner, which would hide the runner's cost."""
    bases = {(variant.faulty.program.id, variant.faulty.source): variant.faulty for variant in variants}
    hanging = {(program.id, source) for program, source, run in
               run_suites([(faulty.program, faulty.source) for faulty in bases.values()], sandbox=sandbox,
                          timeout_of=lambda program: references[program.id].timeout)
               if any(result.outcome == "timeout" for result in run.results)}
    kept = [variant for variant in variants if (variant.faulty.program.id, variant.faulty.source) not in hanging]
    return kept, len(variants) - len(kept)


def _measure(meter: CpuMeter, action, count: int) -> tuple[float, float, float]:
    """(wall, CPU, this process's own CPU) seconds per occurrence of ``action`` done ``count`` times."""
    cpu, own, started = meter.seconds(), time.process_time(), time.perf_counter()
    action()
    return ((time.perf_counter() - started) / count, (meter.seconds() - cpu) / count,
            (time.process_time() - own) / count)


def _start_repeatedly(sandbox, argv: tuple[str, ...], language: str, count: int) -> None:
    for _ in range(count):
        with tempfile.TemporaryDirectory() as scratch:
            inputs, outputs = scratch_folders(Path(scratch))
            sandbox.run(Invocation(argv, inputs, outputs, language, Limits()))


def profile_part(args: argparse.Namespace) -> int:
    corpus = builtin_corpus()
    starts = 10
    print(f"{'sandbox':8} {'part':46} {'wall ms':>8} {'CPU ms':>7} {'host CPU ms':>11}")
    for name in args.sandbox or ["docker", "bwrap"]:
        with CpuMeter() as meter, meter.sandbox(name) as sandbox:
            python = sandbox.python()
            rows = [("sandbox start (true)", ("true",), "python"),
                    ("+ interpreter start (python3 -I -S)", (python, "-I", "-S", "-c", "pass"), "python"),
                    ("+ runner imports (io json os signal traceback)",
                     (python, "-I", "-S", "-c", "import io, json, os, signal, sys, time, traceback, types"), "python"),
                    ("JVM start (java -version)", ("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-version"),
                     "java")]
            measured = [(part, _measure(meter, partial(_start_repeatedly, sandbox, argv, language, starts), starts))
                        for part, argv, language in rows]
            for language, size in (("python", 32), ("java", 128)):
                programs = [program for program in corpus.programs() if program.language == language]
                jobs = [(program, None) for program in (programs * (size // len(programs) + 1))[:size]]
                list(run_suites(jobs[:2], sandbox=sandbox, workers=1))  # warm: helpers compiled, images cached
                for coverage in (False, True):
                    label = f"{language} suite run, batch of {size}" + (", coverage" if coverage else "")
                    suites = partial(_drain, run_suites(jobs, sandbox=sandbox, workers=1, coverage=coverage))
                    measured.append((label, _measure(meter, suites, size)))
        for part, (wall, cpu, own) in measured:
            print(f"{name:8} {part:46} {1000 * wall:8.1f} {1000 * cpu:7.1f} {1000 * own:11.1f}", flush=True)
    return 0


def _drain(results) -> None:
    for _ in results:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("verify", "profile"), default="verify")
    parser.add_argument("--sandbox", action="append", choices=("docker", "bwrap", "local"), default=None)
    parser.add_argument("--language", action="append", choices=("python", "java"), default=None)
    parser.add_argument("--programs", type=int, default=40, metavar="N", help="programs per language (default: 40)")
    parser.add_argument("--spm", action="append", choices=tuple(SPMS), default=None, help="SPMs (default: all)")
    args = parser.parse_args()
    return profile_part(args) if args.part == "profile" else verify_part(args)


if __name__ == "__main__":
    sys.exit(main())
