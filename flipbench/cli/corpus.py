"""``flipbench corpus list|show|stats|check|import``: inspect, check and import corpora."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flipbench import codec, console, corpora, exits
from flipbench.cli.options import corpus_option, format_option, sandbox_option, selected
from flipbench.errors import InputError
from flipbench.execution import run_suites
from flipbench.exits import ExitStatus
from flipbench.model import LANGUAGES, source_lines
from flipbench.sandbox import open_sandbox


def add_corpus_commands(verbs: argparse._SubParsersAction) -> None:
    corpus = verbs.add_parser("corpus", help="list, inspect, import and check corpora",
                              description="List, inspect, import and check corpora of programs.")
    commands = corpus.add_subparsers(title="corpus commands", metavar="COMMAND")
    corpus.set_defaults(handler=lambda args: corpus.print_help(sys.stderr) or 2)

    listing = commands.add_parser("list", help="one line per program", description="List a corpus's programs.")
    corpus_option(listing)
    listing.add_argument("--all", action="store_true", help="include programs excluded from experiments")
    format_option(listing)
    listing.set_defaults(handler=_corpus_list)

    show = commands.add_parser("show", help="one program in full", description="Show one program in full.")
    show.add_argument("name", help="program name, e.g. python/word_frequency")
    corpus_option(show)
    format_option(show, "text", "json")
    show.set_defaults(handler=_corpus_show)

    stats = commands.add_parser("stats", help="counts, line counts and parse failures per language",
                                description="Counts, line-count distribution and parse failures per language.")
    corpus_option(stats)
    format_option(stats)
    stats.set_defaults(handler=_corpus_stats)

    check = commands.add_parser("check", help="run every program's tests",
                                description="Run every usable program's tests; exit 1 if any test fails. "
                                            "Programs left out (they do not parse, or have no tests) are listed "
                                            "with the reason.",
                                epilog=exits.epilog({ExitStatus.FAILED: "a program failed its tests"}))
    corpus_option(check)
    check.add_argument("--program", action="append", default=[], metavar="NAME", help="only this program (repeatable)")
    check.add_argument("--jobs", type=int, default=None, metavar="N", help="programs run at once (default: CPUs)")
    check.add_argument("--timeout", type=float, default=2.0, metavar="S", help="seconds per test (default: 2)")
    sandbox_option(check)
    format_option(check)
    check.set_defaults(handler=_corpus_check)

    imports = commands.add_parser(
        "import", help="import the study's data, a ConDefects tree or a JSONL corpus",
        description="Import the reference study's seeds or faulty programs, a ConDefects tree (real bugs), or "
                    "validate a flipbench JSONL corpus. Prints a summary (for the study's faulty programs the label "
                    "audit, for real bugs where the dataset's fault location and the diff disagree); --out writes "
                    "flipbench's JSONL format (faults as faulty records), which --corpus reads.")
    imports.add_argument("source", type=Path, help="a study directory of JSON files, a ConDefects tree (its root or "
                                                   "its Code folder), or a .jsonl file")
    imports.add_argument("--kind", choices=("auto", "seeds", "faults", "condefects", "jsonl"), default="auto",
                         help="what SOURCE holds (default: detect)")
    imports.add_argument("--language", choices=LANGUAGES, help="language of a study directory (default: from its name)")
    imports.add_argument("--seeds", type=Path, help="seed directory to audit faulty programs against (default: found "
                                                    "next to SOURCE as in the artifact)")
    imports.add_argument("--out", type=Path, help="write the imported records as JSONL here")
    format_option(imports)
    imports.set_defaults(handler=_corpus_import)


def _corpus_list(args: argparse.Namespace) -> int:
    entries = [entry for entry in selected(args).entries if args.all or entry.excluded is None]
    rows = [
        {"name": e.program.name, "language": e.program.language, "lines": e.program.line_count,
         "tests": len(corpora.discover_test_cases(e.program.language, e.program.tests)) if e.program.tests else 0,
         "id": e.program.id, "excluded": e.excluded}
        for e in entries
    ]
    if args.format == "json":
        console.print_json(rows)
    else:
        console.print_table(["name", "language", "lines", "tests", "id", "excluded"],
                            [list(row.values()) for row in rows])
    return 0


def _corpus_show(args: argparse.Namespace) -> int:
    entry = corpora.load_corpus(args.corpus).get(args.name)
    program = entry.program
    if args.format == "json":
        console.print_json({"id": program.id, "excluded": entry.excluded, **codec.to_data(program)})
        return 0
    print(f"{program.name}  ({program.language}, {program.line_count} lines, id {program.id})")
    print(f"file:       {program.filename}")
    print(f"provenance: {program.provenance.corpus} / {program.provenance.origin} ({program.provenance.licence})")
    if entry.excluded:
        print(f"excluded:   {entry.excluded}")
    if program.tests:
        print(f"tests:      {', '.join(corpora.discover_test_cases(program.language, program.tests))}")
    fault = program.real_fault
    if fault is not None:
        print(f"real fault: lines {', '.join(map(str, fault.fault_lines))} of the faulty version (marked >)"
              + (f"; the dataset says {', '.join(map(str, fault.dataset_lines))}" if fault.dataset_lines else ""))
    print(f"spec:       {program.spec}\n")
    if fault is not None:
        print("fixed version (source):")
    _print_numbered(program.source)
    if fault is not None:
        print("\nfaulty version (faulty_source):")
        _print_numbered(fault.source, set(fault.fault_lines))
    return 0


def _print_numbered(source: str, marked: set[int] = frozenset()) -> None:
    lines = source_lines(source)
    width = len(str(len(lines)))
    for number, line in enumerate(lines, start=1):
        print(f"{'>' if number in marked else ' '}{number:>{width}}  {line}" if marked else f"{number:>{width}}  {line}")


def _corpus_stats(args: argparse.Namespace) -> int:
    stats = corpora.corpus_stats(selected(args))
    if args.format == "json":
        console.print_json(stats)
        return 0
    rows = []
    for language, numbers in stats["languages"].items():
        lines = numbers["lines"]
        rows.append([language, numbers["programs"], numbers["usable"], numbers["with_tests"], lines["min"],
                     lines["median"], lines["mean"], lines["max"], numbers["parse_failures"]])
    print(f"corpus {stats['corpus']}: {stats['programs']} programs")
    console.print_table(["language", "programs", "usable", "with tests", "min lines", "median", "mean", "max",
                         "parse failures"], rows)
    for language, numbers in stats["languages"].items():
        for reason, count in list(numbers["parse_failure_reasons"].items())[:5]:
            print(f"  {language}: {count} x {reason}")
    return 0


def _corpus_check(args: argparse.Namespace) -> int:
    corpus = selected(args)
    skipped = {entry.program.name: entry.excluded or "no tests" for entry in corpus.entries
               if entry.excluded or entry.program.tests is None}
    for name in args.program:
        if name in skipped:
            raise InputError(f"program {name!r} in corpus {corpus.name!r} cannot be checked: {skipped[name]}")
    programs = [program for program in corpus.programs() if program.tests is not None]
    if not programs:
        raise InputError(f"corpus {corpus.name!r} has no usable programs with tests to check"
                         + (f" ({_skip_summary(skipped)})" if skipped else ""))
    runs = {}
    progress = console.progress(total=len(programs), desc="checking", unit="program")
    with open_sandbox(args.sandbox) as sandbox:
        outcomes = list(_checked(programs, sandbox, args, progress))
    for program, run in outcomes:
        runs[program.name] = run
    progress.close()
    ordered = [(program, runs[program.name]) for program in programs]
    failed = [program.name for program, run in ordered if not run.passed]
    if args.format == "json":
        console.print_json([{"program": program.name, "passed": run.passed, "error": run.error,
                             "tests": run.results} for program, run in ordered]
                           + [{"program": name, "passed": None, "skipped": reason} for name, reason in skipped.items()])
    else:
        console.print_table(
            ["program", "result", "tests", "failed", "seconds", "detail"],
            [[program.name, "pass" if run.passed else "FAIL", len(run.results), len(run.failures), run.seconds,
              run.error or "; ".join(f"{r.test}: {r.outcome} {r.message}"[:120] for r in run.failures[:2])]
             for program, run in ordered]
            + [[name, "skipped", None, None, None, reason[:160]] for name, reason in skipped.items()])
        tests = sum(len(run.results) for _, run in ordered)
        print(f"\n{len(ordered) - len(failed)}/{len(ordered)} programs pass all tests ({tests} tests run)"
              + (f"; {len(skipped)} skipped ({_skip_summary(skipped)})" if skipped else ""))
    return ExitStatus.FAILED if failed else ExitStatus.OK


def _skip_summary(skipped: dict[str, str]) -> str:
    """``2 do not parse, 1 has no tests``: why programs were left out, counted."""
    no_tests = sum(1 for reason in skipped.values() if reason == "no tests")
    parts = [f"{len(skipped) - no_tests} {'does' if len(skipped) - no_tests == 1 else 'do'} not parse"] \
        if len(skipped) > no_tests else []
    if no_tests:
        parts.append(f"{no_tests} {'has' if no_tests == 1 else 'have'} no tests")
    return ", ".join(parts)


def _checked(programs, sandbox, args, progress):
    for program, _, run in run_suites(((program, None) for program in programs), sandbox=sandbox,
                                      workers=args.jobs, timeout=args.timeout):
        progress.update()
        yield program, run


def _corpus_import(args: argparse.Namespace) -> int:
    source: Path = args.source
    kind = args.kind
    if kind == "auto":
        if source.is_file():
            kind = "jsonl"
        elif source.is_dir():
            kind = ("seeds" if corpora.is_seed_directory(source)
                    else "condefects" if corpora.is_condefects_tree(source) else "faults")
        else:
            raise InputError(f"{source}: no such file or directory")
    if kind == "faults":
        return _import_faults(args)
    if kind == "condefects":
        return _import_condefects(args)
    if kind == "seeds":
        corpus = corpora.read_seed_corpus(source, args.language)
    else:
        corpus = corpora.Corpus.of(source.stem, corpora.read_programs(source))
    if args.out:
        corpora.write_programs((entry.program for entry in corpus.entries), args.out)
    stats = corpora.corpus_stats(corpus)
    if args.format == "json":
        console.print_json({"kind": kind, "out": str(args.out) if args.out else None, **stats,
                            "excluded": {e.program.name: e.excluded for e in corpus.entries if e.excluded}})
        return 0
    _print_import_summary(source, kind, stats)
    if kind == "seeds":
        print("  the seeds have no tests: in a run they are uncertified subjects, marked with the level they reach "
              "(compiled, parsed)")
    if args.out:
        print(f"wrote {args.out} (use it with --corpus {args.out})")
    return 0


def _print_import_summary(source: Path, kind: str, stats: dict) -> None:
    print(f"imported {stats['programs']} programs from {source} ({kind})")
    for language, numbers in stats["languages"].items():
        print(f"  {language}: {numbers['usable']} usable, {numbers['parse_failures']} excluded (do not parse)")
        for reason, count in list(numbers["parse_failure_reasons"].items())[:5]:
            print(f"    {count} x {reason}")


def _import_condefects(args: argparse.Namespace) -> int:
    imported = corpora.read_condefects(args.source)
    corpus = corpora.Corpus.of(corpora.CONDEFECTS, imported.programs)
    if args.out:
        corpora.write_programs(imported.programs, args.out)
    stats = corpora.corpus_stats(corpus)
    counts, differing = corpora.disagreements(imported.programs)
    tested = sum(program.tests is not None for program in imported.programs)
    locations = {agreement.value: counts.get(agreement, 0) for agreement in corpora.Agreement}
    if args.format == "json":
        console.print_json({"kind": "condefects", "out": str(args.out) if args.out else None, **stats,
                            "excluded": {e.program.name: e.excluded for e in corpus.entries if e.excluded},
                            "skipped": imported.skipped, "tests_found": imported.tests_found,
                            "with_tests": tested, "cases_left_out": imported.cases_left_out,
                            "fault_locations": locations, "disagreements": differing})
        return 0
    _print_import_summary(args.source, "condefects", stats)
    if imported.tests_found:
        print(f"  {tested} of {len(imported.programs)} real bugs have ConDefects' test cases ("
              f"{imported.cases_left_out} cases over {corpora.MAX_CASE_BYTES} bytes left out); the others run "
              f"uncertified")
    else:
        print(f"  {len(imported.programs)} real bugs, no tests (ConDefects ships them separately, as Test.zip: "
              f"unpack it beside Code to certify them): they run uncertified")
    for skip in imported.skipped[:10]:
        print(f"  skipped {skip.path}: {skip.reason}")
    if len(imported.skipped) > 10:
        print(f"  ... {len(imported.skipped) - 10} more skipped (see --format json)")
    print("fault lines, the dataset's location against the diff-derived lines:")
    console.print_table(["agreement", "count"], [[name, count] for name, count in locations.items()])
    if differing:
        print("where they disagree (flipbench scores the diff-derived lines):")
        console.print_table(["program", "agreement", "dataset lines", "diff lines", "distance"],
                            [[d.program, d.agreement, ",".join(map(str, d.dataset_lines)),
                              ",".join(map(str, d.fault_lines)), d.distance] for d in differing])
    if args.out:
        print(f"wrote {args.out} (use it with --corpus {args.out} and faults = [\"real\"])")
    return 0


def _import_faults(args: argparse.Namespace) -> int:
    faults = corpora.read_faults(args.source, args.language, args.seeds)
    verified = any(fault.seed_found for fault in faults)
    records = [record for record in (fault.as_faulty_record() for fault in faults) if record is not None]
    if args.out:
        if not verified:
            raise InputError(f"{args.source}: cannot write faulty records without the seeds they were made from "
                             f"(the fixed versions): pass --seeds DIR")
        corpora.write_programs(records, args.out)
    summary = corpora.summarize(fault.audit for fault in faults)
    if args.format == "json":
        console.print_json({"kind": "faults", "fault": faults[0].faulty.fault if faults else None,
                            "seeds_found": verified, **summary, "out": str(args.out) if args.out else None,
                            "records": len(records) if verified else 0,
                            "audits": {fault.file: fault.audit for fault in faults}})
        return 0
    total = summary["faulty_programs"]
    print(f"imported {total} faulty programs from {args.source}")
    print(f"label audit (labels checked against {'the re-printed seeds' if verified else 'the code only: no seeds found'}):")
    console.print_table(["verdict", "count", "share %"],
                        [[verdict, count, 100 * count / total if total else 0.0]
                         for verdict, count in summary["verdicts"].items() if count])
    print(f"  labels within +-2 lines of the real fault: {summary['within_tolerance']}/{total}")
    if summary["label_is_original_seed_line"]:
        print(f"  misplaced labels that are the fault's line in the original seed (before comments and blank lines "
              f"were dropped): {summary['label_is_original_seed_line']}")
    if args.out:
        print(f"wrote {len(records)} faulty records to {args.out} (fault lines corrected against the seeds; the "
              f"study's label kept as dataset_fault_lines; {len(faults) - len(records)} left out: they changed "
              f"nothing or have no seed); use it with --corpus {args.out} and faults = [\"real\"]")
    return 0
