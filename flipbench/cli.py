"""The ``flipbench`` command. Thin by design: parse arguments, call the library, print the result.

Exit statuses are defined in :mod:`flipbench.exits`; each verb's ``--help`` lists its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from flipbench import __version__, codec, console, exits
from flipbench.cli_report import add_report_command
from flipbench.cli_run import add_run_commands
from flipbench.cli_sandbox import add_sandbox_commands, sandbox_option
from flipbench.corpora.corpus import Corpus
from flipbench.corpora.jsonl import read_programs, write_programs
from flipbench.corpora.label_audit import summarize
from flipbench.corpora.llmcodeimpact import is_seed_directory, read_faults, read_seed_corpus
from flipbench.corpora.loading import load_corpus, load_program_file
from flipbench.corpora.model import LANGUAGES, FaultyProgram, position_percentile, source_lines
from flipbench.corpora.stats import corpus_stats
from flipbench.corpora.testformat import discover_test_cases
from flipbench.errors import InputError
from flipbench.exits import ExitStatus
from flipbench.harness.sandbox import open_sandbox
from flipbench.harness.testexec import run_suites
from flipbench.mutators.content import ExternalContent
from flipbench.mutators.faults import OPERATORS, fault_record, operator_names, sample_faults
from flipbench.mutators.faults import inject as inject_faults
from flipbench.mutators.faults import parse as parse_tree
from flipbench.mutators.spm import NotApplicable
from flipbench.mutators.spms import SPMS, mutate, parse_chain

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        return args.handler(args)
    except InputError as error:
        print(f"flipbench: error: {error}", file=sys.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("flipbench: interrupted", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except Exception as error:  # a bug: one line, not a traceback, unless asked for
        if os.environ.get("FLIPBENCH_DEBUG"):
            raise
        where = traceback.extract_tb(error.__traceback__)[-1]
        print(f"flipbench: internal error: {type(error).__name__}: {_one_line(str(error))} "
              f"(at {Path(where.filename).name}:{where.lineno}; FLIPBENCH_DEBUG=1 shows the traceback; "
              "please report it)", file=sys.stderr)
        return ExitStatus.INTERNAL


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, so exit-status tables keep their rows."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            indent + line if line.startswith(" ") or not line else
            textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines())


class Parser(argparse.ArgumentParser):
    """flipbench's parsers: usage errors in one line (naming the verb and where to get help), exit 2,
    and every verb's help ending in its exit statuses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("epilog", exits.epilog())
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(ExitStatus.USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="flipbench",
        description="Measure whether fault localization survives semantic-preserving code changes.",
        epilog=exits.epilog({ExitStatus.FAILED: "the thing a verb checks did not hold (corpus check, verify)",
                             ExitStatus.NOT_APPLICABLE: exits.MEANINGS[ExitStatus.NOT_APPLICABLE] + " (mutate)"}),
    )
    parser.add_argument("--version", action="version", version=f"flipbench {__version__}")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_corpus_commands(verbs)
    _add_fault_commands(verbs)
    _add_spm_commands(verbs)
    add_sandbox_commands(verbs, _format_option, _corpus_option, _selected)
    add_run_commands(verbs, sandbox_option)
    add_report_command(verbs)
    return parser


def _format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument("--format", choices=choices or ("table", "json"), default=(choices or ("table",))[0],
                        help="output format (default: %(default)s)")


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default="builtin",
                        help="'builtin' (default), a flipbench .jsonl corpus, or the study's seed directory")
    parser.add_argument("--language", choices=LANGUAGES, help="only programs in this language")


def _add_corpus_commands(verbs: argparse._SubParsersAction) -> None:
    corpus = verbs.add_parser("corpus", help="list, inspect, import and check corpora",
                              description="List, inspect, import and check corpora of programs.")
    commands = corpus.add_subparsers(title="corpus commands", metavar="COMMAND")
    corpus.set_defaults(handler=lambda args: corpus.print_help(sys.stderr) or 2)

    listing = commands.add_parser("list", help="one line per program", description="List a corpus's programs.")
    _corpus_option(listing)
    listing.add_argument("--all", action="store_true", help="include programs excluded from experiments")
    _format_option(listing)
    listing.set_defaults(handler=_corpus_list)

    show = commands.add_parser("show", help="one program in full", description="Show one program in full.")
    show.add_argument("name", help="program name, e.g. python/word_frequency")
    _corpus_option(show)
    _format_option(show, "text", "json")
    show.set_defaults(handler=_corpus_show)

    stats = commands.add_parser("stats", help="counts, line counts and parse failures per language",
                                description="Counts, line-count distribution and parse failures per language.")
    _corpus_option(stats)
    _format_option(stats)
    stats.set_defaults(handler=_corpus_stats)

    check = commands.add_parser("check", help="run every program's tests",
                                description="Run every usable program's tests; exit 1 if any test fails. "
                                            "Programs left out (they do not parse, or have no tests) are listed "
                                            "with the reason.",
                                epilog=exits.epilog({ExitStatus.FAILED: "a program failed its tests"}))
    _corpus_option(check)
    check.add_argument("--program", action="append", default=[], metavar="NAME", help="only this program (repeatable)")
    check.add_argument("--jobs", type=int, default=None, metavar="N", help="programs run at once (default: CPUs)")
    check.add_argument("--timeout", type=float, default=2.0, metavar="S", help="seconds per test (default: 2)")
    sandbox_option(check)
    _format_option(check)
    check.set_defaults(handler=_corpus_check)

    imports = commands.add_parser(
        "import", help="import the study's data or a JSONL corpus",
        description="Import the reference study's seeds or faulty programs, or validate a flipbench JSONL "
                    "corpus. Prints a summary (and, for faulty programs, the label audit); --out writes JSONL.")
    imports.add_argument("source", type=Path, help="a study directory of JSON files, or a .jsonl file")
    imports.add_argument("--kind", choices=("auto", "seeds", "faults", "jsonl"), default="auto",
                         help="what SOURCE holds (default: detect)")
    imports.add_argument("--language", choices=LANGUAGES, help="language of a study directory (default: from its name)")
    imports.add_argument("--seeds", type=Path, help="seed directory to audit faulty programs against (default: found "
                                                    "next to SOURCE as in the artifact)")
    imports.add_argument("--out", type=Path, help="write the imported records as JSONL here")
    _format_option(imports)
    imports.set_defaults(handler=_corpus_import)


def _add_fault_commands(verbs: argparse._SubParsersAction) -> None:
    faults = verbs.add_parser("faults", help="list the fault operators",
                              description="List the fault operators (semantic-altering mutations).")
    _format_option(faults)
    faults.set_defaults(handler=_faults)

    inject = verbs.add_parser(
        "inject", help="inject faults into a file or a corpus",
        description="Enumerate the faults of a source file (or of a whole corpus with --corpus) with their "
                    "exact fault lines. Every variant parses; --seed and --max sample deterministically.")
    inject.add_argument("file", nargs="?", type=Path, help="a .py or .java file (or use --corpus)")
    inject.add_argument("--corpus", help="inject into every usable program of this corpus instead of FILE")
    inject.add_argument("--language", choices=LANGUAGES, help="language of FILE (default: from its extension)")
    inject.add_argument("--fault", action="append", metavar="NAME",
                        help="fault operator (repeatable; default: all, see 'flipbench faults')")
    inject.add_argument("--seed", type=int, default=0, help="sampling seed (default: 0)")
    inject.add_argument("--max", type=int, metavar="N", help="at most N faults per operator and program")
    inject.add_argument("--stratify", action="store_true",
                        help="with --max, balance the sample over the four position quartiles of the file")
    inject.add_argument("--out", type=Path, metavar="DIR", help="write <operator>.jsonl files here")
    _format_option(inject)
    inject.set_defaults(handler=_inject)


def _faults(args: argparse.Namespace) -> int:
    rows = [{"name": op.name, "in_study": op.in_study, "description": op.description} for op in OPERATORS.values()]
    if args.format == "json":
        console.print_json(rows)
    else:
        console.print_table(["name", "study", "description"],
                            [[r["name"], "yes" if r["in_study"] else "", r["description"]] for r in rows])
    return 0


def _inject(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.corpus is None):
        raise InputError("give either FILE or --corpus")
    if args.max is not None and args.max < 1:
        raise InputError("--max must be at least 1")
    operators = operator_names(args.fault)
    if args.file is not None:
        programs = [load_program_file(args.file, args.language)]
    else:
        programs = list(load_corpus(args.corpus).programs(args.language))
    records: dict[str, list[dict]] = {name: [] for name in operators}
    for program in console.progress(programs, desc="injecting", unit="program") if len(programs) > 1 else programs:
        by_operator: dict[str, list] = {name: [] for name in operators}
        for faulty in inject_faults(program, operators):
            by_operator[faulty.fault].append(faulty)
        for name, found in by_operator.items():
            chosen = sample_faults(found, seed=args.seed, limit=args.max, stratify=args.stratify)
            records[name].extend(fault_record(faulty) for faulty in chosen)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, rows in records.items():
            (args.out / f"{name}.jsonl").write_text("".join(codec.dumps(row) + "\n" for row in rows), encoding="utf-8")
    every = [row for rows in records.values() for row in rows]
    if args.format == "json":
        console.print_json(every)
    elif args.out is not None:
        console.print_table(["fault", "variants", "programs"],
                            [[name, len(rows), len({r["program"] for r in rows})] for name, rows in records.items()])
        print(f"wrote {len(every)} variants to {args.out}/<fault>.jsonl")
    else:
        console.print_table(["fault", "lines", "position", "before", "after"],
                            [[r["fault"], ",".join(map(str, r["fault_lines"])), r["position"],
                              r["before"].strip()[:40], r["after"].strip()[:40]] for r in every])
    return 0


def _add_spm_commands(verbs: argparse._SubParsersAction) -> None:
    spms = verbs.add_parser("spms", help="list the semantic-preserving mutations",
                            description="List the semantic-preserving mutations (SPMs) and the languages they support.")
    _format_option(spms)
    spms.set_defaults(handler=_spms)

    mutate = verbs.add_parser(
        "mutate", help="apply an SPM chain to a source file",
        description="Apply semantic-preserving mutations to a (faulty) source file and follow its fault lines. "
                    "Exit 3 when the SPM cannot apply (the reason is on stderr).",
        epilog=exits.epilog({ExitStatus.NOT_APPLICABLE: exits.MEANINGS[ExitStatus.NOT_APPLICABLE]}))
    mutate.add_argument("file", type=Path, nargs="?", help="a .py or .java file (or use --corpus and --program)")
    mutate.add_argument("--corpus", help="take the program from this corpus (its tests' names are never renamed)")
    mutate.add_argument("--program", metavar="NAME", help="with --corpus: the program")
    mutate.add_argument("--faulty-id", metavar="ID", help="with --corpus: start from this fault of the program "
                                                          "(an id from inject or verify --out; a unique prefix will do)")
    mutate.add_argument("--language", choices=LANGUAGES, help="language of FILE (default: from its extension)")
    mutate.add_argument("--spm", required=True, metavar="NAME[+NAME...]", help="an SPM or a chain (see 'flipbench spms')")
    mutate.add_argument("--strength", type=int, default=1, metavar="K", help="applications of each SPM (default: 1)")
    mutate.add_argument("--seed", type=int, default=0, help="seed for sites and content (default: 0)")
    mutate.add_argument("--fault-line", type=int, action="append", default=[], metavar="N",
                        help="a 1-based fault line of FILE (repeatable)")
    mutate.add_argument("--fault", help="the fault operator behind those lines (lets `decoy` imitate it)")
    mutate.add_argument("--placement", default="random",
                        help="random (default), near_fault[=N], before_fault, after_fault or quartile=Q")
    mutate.add_argument("--content", type=Path, help="JSON file of external content (comments, names, dead code)")
    _format_option(mutate, "text", "json")
    mutate.set_defaults(handler=_mutate)


def _spms(args: argparse.Namespace) -> int:
    rows = [{"name": info.name, "in_study": info.in_study, "languages": [language for language in LANGUAGES
                                                                          if info.for_language(language)],
             "description": info.description} for info in SPMS.values()]
    if args.format == "json":
        console.print_json(rows)
    else:
        console.print_table(["name", "study", "languages", "description"],
                            [[r["name"], "yes" if r["in_study"] else "", ",".join(r["languages"]), r["description"]]
                             for r in rows])
    return 0


def _mutate(args: argparse.Namespace) -> int:
    chain = parse_chain(args.spm)
    faulty = _faulty_to_mutate(args)
    content = ExternalContent.load(args.content, args.seed) if args.content else None
    try:
        variant, rejections = mutate(faulty, chain, strength=args.strength, seed=args.seed,
                                     placement=args.placement, content=content)
    except NotApplicable as reason:
        print(f"flipbench: not applicable: {reason}", file=sys.stderr)
        return ExitStatus.NOT_APPLICABLE
    record = {
        "source": variant.source, "fault_lines": list(variant.fault_lines), "spm": "+".join(variant.chain),
        "strength": variant.strength, "seed": variant.seed, "placement": variant.placement,
        "edits": variant.edits, "line_map": [list(targets) for targets in variant.line_map.targets],
        "rejections": rejections, "content": dict(variant.parameters).get("content"),
        "flipbench_version": __version__,
    }
    if args.format == "json":
        console.print_json(record)
        return 0
    sys.stdout.write(variant.source)
    print(f"\n# fault lines: {list(variant.fault_lines)}", file=sys.stderr)
    for edit in variant.edits:
        print(f"# line {edit.line} ({edit.spm}, {edit.fault_distance} from the fault): {edit.description}",
              file=sys.stderr)
    for rejection in rejections:
        print(f"# skipped {rejection.site!r}: {rejection.reason}", file=sys.stderr)
    return 0


def _faulty_to_mutate(args: argparse.Namespace) -> FaultyProgram:
    """The faulty program ``mutate`` starts from: FILE with ``--fault-line``s, a corpus program likewise, or
    one of a corpus program's injected faults by id (how ``verify --out`` records point back)."""
    if (args.file is None) == (args.corpus is None):
        raise InputError("give either FILE or --corpus with --program")
    if args.corpus is not None and args.program is None:
        raise InputError("--corpus needs --program NAME")
    if args.faulty_id is not None and args.corpus is None:
        raise InputError("--faulty-id needs --corpus and --program")
    if args.file is not None:
        program, where = load_program_file(args.file, args.language), str(args.file)
    else:
        entry = load_corpus(args.corpus).get(args.program)
        if entry.excluded:
            raise InputError(f"program {args.program!r} cannot be mutated: {entry.excluded}")
        program, where = entry.program, args.program
    if args.faulty_id is not None:
        if args.fault_line or args.fault:
            raise InputError("--faulty-id brings its own fault; drop --fault-line and --fault")
        matches = [faulty for faulty in inject_faults(program) if faulty.id.startswith(args.faulty_id)]
        if len(matches) != 1:
            raise InputError(f"--faulty-id {args.faulty_id}: {'no' if not matches else len(matches)} faults of "
                             f"{args.program} match (ids come from 'flipbench inject' or 'verify --out')")
        return matches[0]
    count = len(source_lines(program.source))
    for line in args.fault_line:
        if not 1 <= line <= count:
            raise InputError(f"--fault-line {line} is outside {where} (1-{count})")
    if args.fault is not None:
        operator_names([args.fault])
    parse_tree(program.language, program.source)
    fault_lines = tuple(sorted(set(args.fault_line)))
    return FaultyProgram(program, args.fault or "", fault_lines, None,
                         position_percentile(fault_lines[0], count) if fault_lines else 0.0, program.source)


def _selected(args: argparse.Namespace) -> Corpus:
    return load_corpus(args.corpus).select(args.language, tuple(getattr(args, "program", ()) or ()))


def _corpus_list(args: argparse.Namespace) -> int:
    entries = [entry for entry in _selected(args).entries if args.all or entry.excluded is None]
    rows = [
        {"name": e.program.name, "language": e.program.language, "lines": e.program.line_count,
         "tests": len(discover_test_cases(e.program.language, e.program.tests)) if e.program.tests else 0,
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
    entry = load_corpus(args.corpus).get(args.name)
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
        print(f"tests:      {', '.join(discover_test_cases(program.language, program.tests))}")
    print(f"spec:       {program.spec}\n")
    width = len(str(program.line_count))
    for number, line in enumerate(source_lines(program.source), start=1):
        print(f"{number:>{width}}  {line}")
    return 0


def _corpus_stats(args: argparse.Namespace) -> int:
    stats = corpus_stats(_selected(args))
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
    corpus = _selected(args)
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
            kind = "seeds" if is_seed_directory(source) else "faults"
        else:
            raise InputError(f"{source}: no such file or directory")
    if kind == "faults":
        return _import_faults(args)
    corpus = read_seed_corpus(source, args.language) if kind == "seeds" else Corpus.of(source.stem, read_programs(source))
    if args.out:
        write_programs((entry.program for entry in corpus.entries), args.out)
    stats = corpus_stats(corpus)
    if args.format == "json":
        console.print_json({"kind": kind, "out": str(args.out) if args.out else None, **stats,
                            "excluded": {e.program.name: e.excluded for e in corpus.entries if e.excluded}})
        return 0
    print(f"imported {stats['programs']} programs from {source} ({kind})")
    for language, numbers in stats["languages"].items():
        print(f"  {language}: {numbers['usable']} usable, {numbers['parse_failures']} excluded (do not parse)")
        for reason, count in list(numbers["parse_failure_reasons"].items())[:5]:
            print(f"    {count} x {reason}")
    if args.out:
        print(f"wrote {args.out} (use it with --corpus {args.out})")
    return 0


def _import_faults(args: argparse.Namespace) -> int:
    faults = read_faults(args.source, args.language, args.seeds)
    if args.out:
        args.out.write_text("".join(codec.dumps(fault) + "\n" for fault in faults), encoding="utf-8")
    summary = summarize(fault.audit for fault in faults)
    verified = any(fault.audit.changed_lines for fault in faults)
    if args.format == "json":
        console.print_json({"kind": "faults", "fault": faults[0].faulty.fault if faults else None,
                            "seeds_found": verified, **summary,
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
        print(f"wrote {args.out} (fault lines corrected where the seed is known)")
    return 0
