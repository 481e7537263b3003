"""Benchmark the mutators on every parseable seed of the reference study.

    python scripts/bench_mutators.py [--data ../shared/corpora/llmcodeimpact] [--workers 2] [--limit N]
                                     [--part faults|spms|both]

Faults: enumerate and emit every fault variant of every seed; prints files/s, variants/s and the
slowest files. SPMs: give each seed one seeded fault, then apply every SPM at strength 1; prints
each SPM's applicability (share of seeds it applies to) and variants/s per language. A seed the
mutators reject (not Python 3, say) is counted as skipped with its reason; any other exception
is a crash and makes the script exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from flipbench.corpora.llmcodeimpact import read_seed_corpus
from flipbench.model import Program
from flipbench.mutators.faults import inject, sample_faults
from flipbench.mutators.source_text import UnparseableSource
from flipbench.mutators.spms import SPMS, NotApplicable, mutate

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "llmcodeimpact"


def enumerate_faults(program: Program) -> dict:
    started, cpu_started = time.perf_counter(), time.process_time()
    per_operator: Counter[str] = Counter()
    outcome = "ok"
    try:
        for faulty in inject(program):
            per_operator[faulty.fault] += 1
    except UnparseableSource as error:
        outcome = f"skipped: {error}"
    except Exception as error:  # noqa: BLE001 - a crash is what this benchmark exists to catch
        outcome = f"CRASH: {type(error).__name__}: {error}"
    return {"name": program.name, "language": program.language, "lines": program.line_count,
            "variants": sum(per_operator.values()), "per_operator": dict(per_operator),
            "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started,
            "outcome": outcome}


def apply_spms(program: Program) -> dict:
    """One seeded fault of the program, then every SPM once: (applied?, seconds) per SPM."""
    per_spm: dict[str, tuple[bool, float]] = {}
    outcome = "ok"
    try:
        faults = list(inject(program, ["boolean_logic", "operator_swap", "relational_flip", "off_by_one"]))
        if not faults:
            return {"name": program.name, "language": program.language, "per_spm": {}, "outcome": "skipped: no fault"}
        faulty = sample_faults(faults, seed=0, limit=1)[0]
        for name in SPMS:
            started = time.perf_counter()
            try:
                mutate(faulty, [name], strength=1, seed=0)
                applied = True
            except NotApplicable:
                applied = False
            per_spm[name] = (applied, time.perf_counter() - started)
    except UnparseableSource as error:
        outcome = f"skipped: {error}"
    except Exception as error:  # noqa: BLE001 - a crash is what this benchmark exists to catch
        outcome = f"CRASH: {type(error).__name__}: {error}"
    return {"name": program.name, "language": program.language, "lines": program.line_count, "per_spm": per_spm,
            "outcome": outcome}


def report_spms(results: list[dict], wall: float) -> None:
    for language in ("python", "java"):
        mine = [r for r in results if r["language"] == language and r["outcome"] == "ok"]
        print(f"\nSPMs on {language}: {len(mine)} seeds with a fault")
        print(f"  {'spm':20} {'applies':>8} {'variants/s':>11} {'slowest':>9}")
        for name in SPMS:
            timings = [r["per_spm"][name] for r in mine if name in r["per_spm"]]
            applied = [seconds for ok, seconds in timings if ok]
            rate = 100 * len(applied) / len(timings) if timings else 0.0
            speed = len(applied) / sum(applied) if applied else 0.0
            print(f"  {name:20} {rate:7.1f}% {speed:11.1f} {max((s for _, s in timings), default=0):8.2f}s")
    print(f"\nSPM part: {len(results)} seeds in {wall:.1f}s wall")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the study's artifact data")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N seeds per language (for a quick run)")
    parser.add_argument("--json", type=Path, help="also write the per-file results here")
    parser.add_argument("--part", choices=("faults", "spms", "both"), default="both")
    args = parser.parse_args()

    programs: list[Program] = []
    for language in ("python", "java"):
        corpus = read_seed_corpus(args.data / "Datasets" / f"{language}_dataset", language)
        usable = list(corpus.programs())
        print(f"{language}: {len(usable)} parseable seeds of {len(corpus.entries)}")
        programs.extend(usable[: args.limit])
    programs.sort(key=lambda program: -len(program.source))  # largest first (LPT): the 42K-line files never start last

    crashes: list[dict] = []
    everything: list[dict] = []
    with Pool(args.workers) as pool:
        if args.part in ("faults", "both"):
            started = time.perf_counter()
            results = list(pool.imap_unordered(enumerate_faults, programs, chunksize=1))
            report_faults(results, time.perf_counter() - started, args.workers)
            crashes += [r for r in results if r["outcome"].startswith("CRASH")]
            everything += results
        if args.part in ("spms", "both"):
            started = time.perf_counter()
            results = list(pool.imap_unordered(apply_spms, programs, chunksize=1))
            report_spms(results, time.perf_counter() - started)
            crashes += [r for r in results if r["outcome"].startswith("CRASH")]
            everything += results
    print(f"CPU time of the whole run (this process and its workers): {cpu_seconds():.1f}s")
    print(f"crashes: {len(crashes)}")
    for r in crashes[:20]:
        print(f"  {r['name']}: {r['outcome']}")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))
    return 1 if crashes else 0


def cpu_seconds() -> float:
    """User + system time of this process and its finished workers: wall time is noisy on a shared machine."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (resource.getrusage(resource.RUSAGE_SELF),
                                                             resource.getrusage(resource.RUSAGE_CHILDREN)))


def report_faults(results: list[dict], wall: float, workers: int) -> None:
    skipped = [r for r in results if r["outcome"].startswith("skipped")]
    for language in ("python", "java"):
        mine = [r for r in results if r["language"] == language]
        variants = sum(r["variants"] for r in mine)
        busy = sum(r["cpu_seconds"] for r in mine)
        print(f"\nfaults on {language}: {len(mine)} files, {variants} variants, {busy:.1f} CPU-s in workers "
              f"({len(mine) / busy:.1f} files/s, {variants / busy:.0f} variants/s per worker)")
        operators: Counter[str] = Counter()
        for r in mine:
            operators.update(r["per_operator"])
        print("  per operator: " + ", ".join(f"{name} {count}" for name, count in operators.most_common()))
        for r in sorted(mine, key=lambda r: -r["cpu_seconds"])[:3]:
            print(f"  slow: {r['name']} {r['lines']} lines, {r['variants']} variants, {r['cpu_seconds']:.2f} CPU-s "
                  f"({r['seconds']:.2f}s wall)")
    total_variants = sum(r["variants"] for r in results)
    print(f"\nfault part: {len(results)} files, {total_variants} variants in {wall:.1f}s wall with {workers} workers "
          f"= {len(results) / wall:.1f} files/s, {total_variants / wall:.0f} variants/s")
    print(f"skipped (unparseable for the mutators): {len(skipped)}")
    for r in skipped[:5]:
        print(f"  {r['name']}: {r['outcome']}")


if __name__ == "__main__":
    sys.exit(main())
