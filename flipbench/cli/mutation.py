"""``flipbench faults|inject|spms|mutate``: the fault operators and SPMs, applied to a file or a corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flipbench import codec, console, corpora, exits, mutators
from flipbench.cli.options import format_option
from flipbench.errors import InputError
from flipbench.exits import ExitStatus
from flipbench.model import LANGUAGES, FaultyProgram, count_lines, position_percentile
from flipbench.version import __version__


def add_fault_commands(verbs: argparse._SubParsersAction) -> None:
    faults = verbs.add_parser("faults", help="list the fault operators",
                              description="List the fault operators (semantic-altering mutations).")
    format_option(faults)
    faults.set_defaults(handler=_faults)

    injecting = verbs.add_parser(
        "inject", help="inject faults into a file or a corpus",
        description="Enumerate the faults of a source file (or of a whole corpus with --corpus) with their "
                    "exact fault lines. Every variant parses; --seed and --max sample deterministically.")
    injecting.add_argument("file", nargs="?", type=Path, help="a .py or .java file (or use --corpus)")
    injecting.add_argument("--corpus", help="inject into every usable program of this corpus instead of FILE")
    injecting.add_argument("--language", choices=LANGUAGES, help="language of FILE (default: from its extension)")
    injecting.add_argument("--fault", action="append", metavar="NAME",
                        help="fault operator (repeatable; default: all, see 'flipbench faults')")
    injecting.add_argument("--seed", type=int, default=0, help="sampling seed (default: 0)")
    injecting.add_argument("--max", type=int, metavar="N", help="at most N faults per operator and program")
    injecting.add_argument("--stratify", action="store_true",
                        help="with --max, balance the sample over the four position quartiles of the file")
    injecting.add_argument("--out", type=Path, metavar="DIR", help="write <operator>.jsonl files here")
    format_option(injecting)
    injecting.set_defaults(handler=_inject)


def _faults(args: argparse.Namespace) -> int:
    rows = [{"name": op.name, "in_study": op.in_study, "description": op.description}
            for op in mutators.OPERATORS.values()]
    rows.append({"name": mutators.REAL, "in_study": False,
                 "description": "a real bug brought in a corpus (a faulty record: source is the fix, faulty_source the bug)"})
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
    operators = mutators.operator_names(args.fault)
    if args.file is not None:
        programs = [corpora.load_program_file(args.file, args.language)]
    else:
        programs = list(corpora.load_corpus(args.corpus).programs(args.language))
    records: dict[str, list[dict]] = {name: [] for name in operators}
    for program in console.progress(programs, desc="injecting", unit="program") if len(programs) > 1 else programs:
        by_operator: dict[str, list] = {name: [] for name in operators}
        for faulty in mutators.inject(program, operators):
            by_operator[faulty.fault].append(faulty)
        for name, found in by_operator.items():
            chosen = mutators.sample_faults(found, seed=args.seed, limit=args.max, stratify=args.stratify)
            records[name].extend(mutators.fault_record(faulty) for faulty in chosen)
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
                              (r["before"] or "").strip()[:40], (r["after"] or "").strip()[:40]] for r in every])
    return 0


def add_spm_commands(verbs: argparse._SubParsersAction) -> None:
    spms = verbs.add_parser("spms", help="list the semantic-preserving mutations",
                            description="List the semantic-preserving mutations (SPMs) and the languages they support.")
    format_option(spms)
    spms.set_defaults(handler=_spms)

    mutating = verbs.add_parser(
        "mutate", help="apply an SPM chain to a source file",
        description="Apply semantic-preserving mutations to a (faulty) source file and follow its fault lines. "
                    "Exit 3 when the SPM cannot apply (the reason is on stderr).",
        epilog=exits.epilog({ExitStatus.NOT_APPLICABLE: exits.MEANINGS[ExitStatus.NOT_APPLICABLE]}))
    mutating.add_argument("file", type=Path, nargs="?", help="a .py or .java file (or use --corpus and --program)")
    mutating.add_argument("--corpus", help="take the program from this corpus (its tests' names are never renamed)")
    mutating.add_argument("--program", metavar="NAME", help="with --corpus: the program")
    mutating.add_argument("--faulty-id", metavar="ID", help="with --corpus: start from this fault of the program "
                                                          "(an id from inject or verify --out; a unique prefix will do)")
    mutating.add_argument("--language", choices=LANGUAGES, help="language of FILE (default: from its extension)")
    mutating.add_argument("--spm", required=True, metavar="NAME[+NAME...]", help="an SPM or a chain (see 'flipbench spms')")
    mutating.add_argument("--strength", type=int, default=1, metavar="K", help="applications of each SPM (default: 1)")
    mutating.add_argument("--seed", type=int, default=0, help="seed for sites and content (default: 0)")
    mutating.add_argument("--fault-line", type=int, action="append", default=[], metavar="N",
                        help="a 1-based fault line of FILE (repeatable)")
    mutating.add_argument("--fault", help="the fault operator behind those lines (lets `decoy` imitate it)")
    mutating.add_argument("--placement", default="random",
                        help="random (default), near_fault[=N], before_fault, after_fault or quartile=Q")
    mutating.add_argument("--content", type=Path, help="JSON file of external content (comments, names, dead code)")
    format_option(mutating, "text", "json")
    mutating.set_defaults(handler=_mutate)


def _spms(args: argparse.Namespace) -> int:
    rows = [{"name": info.name, "in_study": info.in_study, "languages": [language for language in LANGUAGES
                                                                          if info.for_language(language)],
             "description": info.description} for info in mutators.SPMS.values()]
    if args.format == "json":
        console.print_json(rows)
    else:
        console.print_table(["name", "study", "languages", "description"],
                            [[r["name"], "yes" if r["in_study"] else "", ",".join(r["languages"]), r["description"]]
                             for r in rows])
    return 0


def _mutate(args: argparse.Namespace) -> int:
    chain = mutators.parse_chain(args.spm)
    faulty = _faulty_to_mutate(args)
    content = mutators.ExternalContent.load(args.content, args.seed) if args.content else None
    try:
        variant, rejections = mutators.mutate(faulty, chain, strength=args.strength, seed=args.seed,
                                     placement=args.placement, content=content)
    except mutators.NotApplicable as reason:
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
        program, where = corpora.load_program_file(args.file, args.language), str(args.file)
    else:
        entry = corpora.load_corpus(args.corpus).get(args.program)
        if entry.excluded:
            raise InputError(f"program {args.program!r} cannot be mutated: {entry.excluded}")
        program, where = entry.program, args.program
    if args.faulty_id is not None:
        if args.fault_line or args.fault:
            raise InputError("--faulty-id brings its own fault; drop --fault-line and --fault")
        matches = [faulty for faulty in mutators.inject(program) if faulty.id.startswith(args.faulty_id)]
        if len(matches) != 1:
            raise InputError(f"--faulty-id {args.faulty_id}: {'no' if not matches else len(matches)} faults of "
                             f"{args.program} match (ids come from 'flipbench inject' or 'verify --out')")
        return matches[0]
    count = count_lines(program.source)
    for line in args.fault_line:
        if not 1 <= line <= count:
            raise InputError(f"--fault-line {line} is outside {where} (1-{count})")
    if args.fault is not None:
        mutators.operator_names([args.fault])
    mutators.parse_tree(program.language, program.source)
    fault_lines = tuple(sorted(set(args.fault_line)))
    return FaultyProgram(program, args.fault or "", fault_lines, None,
                         position_percentile(fault_lines[0], count) if fault_lines else 0.0, program.source)
