"""Every fault operator and SPM over all of ConDefects-dev (faulty and correct programs) and the
study's parseable seeds, checked for what the built-in corpus guarantees (see tests/wildkit.py).

    python scripts/sweep_mutators.py [--shared ../shared] [--workers 2] [--limit N] [--match REGEX]
                                     [--compiled-spm-faults 2] [--no-compile] [--out findings.jsonl]
                                     [--reports reports.pickle]

Prints the programs, faults and variants checked, every finding, and the counts per check and
operator; exits 1 when anything was found. tests/test_mutators_in_the_wild.py runs a fixed
subset of the same checks in CI.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import asdict
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from wildkit import check_program, compilation_findings, shared_corpora, wild_programs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=None, help="the shared data (default: ../shared or "
                                                                  "$FLIPBENCH_SHARED)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N programs")
    parser.add_argument("--match", default=None, help="only programs whose name matches this regular expression")
    parser.add_argument("--compiled-spm-faults", type=int, default=2,
                        help="faults per Java program whose SPM variants are compiled (javac is the slow part)")
    parser.add_argument("--no-compile", action="store_true", help="skip javac")
    parser.add_argument("--out", type=Path, default=None, help="write every finding here as JSON lines")
    parser.add_argument("--reports", type=Path, default=None,
                        help="keep the mutators' reports in this file, or read them from it if it exists "
                             "(to compile again without mutating again)")
    arguments = parser.parse_args()
    shared = arguments.shared / "corpora" if arguments.shared else shared_corpora()
    programs = wild_programs(shared)
    if arguments.match:
        programs = [p for p in programs if re.search(arguments.match, p.name)]
    programs = programs[:arguments.limit]
    started = time.perf_counter()
    if arguments.reports and arguments.reports.exists():
        reports = pickle.loads(arguments.reports.read_bytes())
    else:
        with Pool(arguments.workers) as pool:
            reports = pool.map(_check, [(p, arguments.compiled_spm_faults) for p in programs], chunksize=1)
        if arguments.reports:
            arguments.reports.write_bytes(pickle.dumps(reports))
    mutated = time.perf_counter() - started
    findings = [finding for report in reports for finding in report.findings]
    compile_counts: Counter = Counter()
    if not arguments.no_compile:
        found, compile_counts = compilation_findings((u for r in reports for u in r.units), workers=arguments.workers)
        findings += found
    total = time.perf_counter() - started
    checked = [r for r in reports if r.skipped is None]
    print(f"programs: {len(programs)} ({len(checked)} checked, {len(programs) - len(checked)} skipped: do not parse)")
    print(f"faults: {sum(r.faults for r in checked)} (fault lines checked on {sum(r.fault_lines_checked for r in checked)})")
    print(f"SPM variants: {sum(r.variants for r in checked)}")
    print(f"javac: {dict(compile_counts)}")
    print(f"time: {mutated:.0f} s mutating ({arguments.workers} workers), {total:.0f} s in all")
    for finding in findings:
        print(f"FINDING {finding.check} | {finding.program} | {finding.what} | {finding.detail[:300]!r}")
    per_check = Counter((f.check, f.what.split("/")[0] if f.check != "spm crash" else f.what.split("/")[1])
                        for f in findings)
    for (check, what), count in sorted(per_check.items()):
        print(f"{count:6d}  {check}  {what}")
    print(f"findings: {len(findings)}")
    if arguments.out:
        arguments.out.write_text("".join(json.dumps(asdict(f)) + "\n" for f in findings), encoding="utf-8")
    return 1 if findings else 0


def _check(job):
    program, compiled_spm_faults = job
    return check_program(program, compiled_spm_faults=compiled_spm_faults)


if __name__ == "__main__":
    sys.exit(main())
