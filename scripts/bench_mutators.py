"""Benchmark: enumerate and emit every fault variant of every parseable seed of the reference study.

    python scripts/bench_mutators.py [--data ../shared/corpora/llmcodeimpact] [--workers 2] [--limit N]

Prints files/s, variants/s and the slowest files, per language and in total. A seed the
mutators reject (not Python 3, say) is counted as skipped with its reason; any other exception
is a crash and makes the script exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from flipbench.corpora.llmcodeimpact import read_seed_corpus
from flipbench.corpora.model import Program
from flipbench.mutators.faults import inject
from flipbench.mutators.source_text import UnparseableSource

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "llmcodeimpact"


def enumerate_faults(program: Program) -> dict:
    started = time.perf_counter()
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
            "seconds": time.perf_counter() - started, "outcome": outcome}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the study's artifact data")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N seeds per language (for a quick run)")
    parser.add_argument("--json", type=Path, help="also write the per-file results here")
    args = parser.parse_args()

    programs: list[Program] = []
    for language in ("python", "java"):
        corpus = read_seed_corpus(args.data / "Datasets" / f"{language}_dataset", language)
        usable = list(corpus.programs())
        print(f"{language}: {len(usable)} parseable seeds of {len(corpus.entries)}")
        programs.extend(usable[: args.limit])
    programs.sort(key=lambda program: -len(program.source))  # largest first: better load balance

    started = time.perf_counter()
    with Pool(args.workers) as pool:
        results = list(pool.imap_unordered(enumerate_faults, programs, chunksize=1))
    wall = time.perf_counter() - started

    crashes = [r for r in results if r["outcome"].startswith("CRASH")]
    skipped = [r for r in results if r["outcome"].startswith("skipped")]
    for language in ("python", "java"):
        mine = [r for r in results if r["language"] == language]
        variants = sum(r["variants"] for r in mine)
        busy = sum(r["seconds"] for r in mine)
        print(f"\n{language}: {len(mine)} files, {variants} variants, {busy:.1f} CPU-s in workers "
              f"({len(mine) / busy:.1f} files/s, {variants / busy:.0f} variants/s per worker)")
        operators = Counter()
        for r in mine:
            operators.update(r["per_operator"])
        print("  per operator: " + ", ".join(f"{name} {count}" for name, count in operators.most_common()))
        for r in sorted(mine, key=lambda r: -r["seconds"])[:3]:
            print(f"  slow: {r['name']} {r['lines']} lines, {r['variants']} variants, {r['seconds']:.2f}s")
    total_variants = sum(r["variants"] for r in results)
    print(f"\ntotal: {len(results)} files, {total_variants} variants in {wall:.1f}s wall with {args.workers} workers "
          f"= {len(results) / wall:.1f} files/s, {total_variants / wall:.0f} variants/s")
    print(f"skipped (unparseable for the mutators): {len(skipped)}; crashes: {len(crashes)}")
    for r in skipped[:5] + crashes[:20]:
        print(f"  {r['name']}: {r['outcome']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
