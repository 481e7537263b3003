"""The sandbox verbs of the ``flipbench`` command: ``sandbox build|status``, ``exec`` and ``verify``."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from flipbench import codec, console, exits, mutators
from flipbench.cli.options import corpus_option, format_option, sandbox_option, selected
from flipbench.corpora import load_program_file
from flipbench.errors import InputError
from flipbench.execution import exec_program
from flipbench.exits import ExitStatus
from flipbench.model import LANGUAGES
from flipbench.runs import ochiai_ranks, verify_corpus
from flipbench.sandbox import BACKENDS, open_sandbox
from flipbench.version import __version__


def add_sandbox_commands(verbs: argparse._SubParsersAction) -> None:
    sandbox = verbs.add_parser("sandbox", help="build and inspect the sandboxes",
                               description="Build the docker backend's images and see which backends work here.")
    commands = sandbox.add_subparsers(title="sandbox commands", metavar="COMMAND")
    build = commands.add_parser("build", help="build the Python and Java runtime images",
                                description="Build the runtime images (skipped when an image with the recipe's "
                                            "content-hash tag exists).")
    build.add_argument("--method", choices=("offline", "dockerfile"), default="offline",
                       help="offline: debootstrap a Debian root and docker import it (no registry needed; default); "
                            "dockerfile: docker build from debian:bookworm-slim")
    build.add_argument("--mirror", default=None, help="Debian mirror for the offline build "
                                                      "(default: $FLIPBENCH_DEBIAN_MIRROR or deb.debian.org)")
    build.set_defaults(handler=_sandbox_build)
    status = commands.add_parser("status", help="which backends can run here", description="Which backends can run.")
    format_option(status)
    status.set_defaults(handler=_sandbox_status)

    execute = verbs.add_parser("exec", help="run one program in a sandbox",
                               description="Run one program (Python script, or Java class with a main method) "
                                           "in a sandbox and report how it ended.")
    execute.add_argument("file", type=Path)
    execute.add_argument("--language", choices=LANGUAGES, required=True)
    sandbox_option(execute)
    execute.add_argument("--timeout", type=float, default=10.0, metavar="S", help="wall-clock limit (default: 10)")
    execute.add_argument("--stdin", type=Path, default=None, metavar="F", help="file given as standard input")
    format_option(execute, "json", "text")
    execute.set_defaults(handler=_exec)

    verify = verbs.add_parser("verify", help="certify faults (live) and SPM variants (preserving) by running them",
                              description="Run each program, its faults and SPM variants of them in a sandbox: "
                                          "a fault is live if a test fails on it; a variant is preserving if every "
                                          "test ends the same way with the same output as on its faulty program. "
                                          "Exit 1 when any variant changed behaviour (listed as CHANGED).",
                              epilog=exits.epilog({ExitStatus.FAILED: "an SPM variant changed behaviour"}))
    corpus_option(verify)
    sandbox_option(verify)
    verify.add_argument("--fault", action="append", default=None, metavar="NAME", help="fault operators (default: all)")
    verify.add_argument("--spm", action="append", default=None, metavar="CHAIN", help="SPMs or chains (default: all)")
    verify.add_argument("--strength", action="append", type=int, default=None, metavar="K",
                        help="SPM strengths (default: 1 and 8)")
    verify.add_argument("--seed", type=int, default=0)
    verify.add_argument("--max", type=int, default=2, metavar="N", help="faults per program and operator (default: 2)")
    verify.add_argument("--out", type=Path, default=None, metavar="FILE.jsonl",
                        help="write every verdict with its evidence (test runs) here")
    format_option(verify)
    verify.set_defaults(handler=_verify)


def _sandbox_build(args: argparse.Namespace) -> int:
    from flipbench.sandbox import RECIPES, build_image, docker_client

    client = docker_client()
    for recipe in RECIPES.values():
        build_image(client, recipe, method=args.method, mirror=args.mirror,
                    log=lambda line: print(line, file=sys.stderr))
        print(recipe.tag)
    return 0


def _sandbox_status(args: argparse.Namespace) -> int:
    rows = []
    for name, backend in BACKENDS.items():
        problem = backend.problem()
        detail = problem or ("ready" if backend.isolating else "always available; UNSAFE: no isolation")
        rows.append({"sandbox": name, "available": problem is None, "detail": detail})
    if args.format == "json":
        console.print_json(rows)
    else:
        console.print_table(["sandbox", "available", "detail"], [list(row.values()) for row in rows])
    return 0


def _exec(args: argparse.Namespace) -> int:
    program = load_program_file(args.file, args.language)
    stdin = None
    if args.stdin is not None:
        try:
            stdin = args.stdin.read_bytes()
        except OSError as error:
            raise InputError(f"{args.stdin}: cannot read standard input file ({error.strerror})") from error
    with open_sandbox(args.sandbox) as sandbox:
        execution = exec_program(program, sandbox=sandbox, timeout=args.timeout, stdin=stdin)
    record = {"exit_code": execution.exit_code, "stdout": execution.stdout, "stderr": execution.stderr,
              "timed_out": execution.timed_out, "reason": execution.reason, "sandbox": execution.sandbox,
              "seconds": round(execution.seconds, 3)}
    if args.format == "json":
        console.print_json(record)
    else:
        sys.stdout.write(execution.stdout)
        sys.stderr.write(execution.stderr)
        print(f"[{execution.sandbox}: {execution.reason}]", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace) -> int:
    if args.out is not None and not args.out.parent.is_dir():
        raise InputError(f"--out {args.out}: folder {args.out.parent} does not exist")
    corpus = selected(args)
    programs = [program for program in corpus.programs() if program.tests is not None]
    if not programs:
        raise InputError(f"corpus {corpus.name!r} has no programs with tests to verify")
    operators = mutators.operator_names(args.fault)
    chains = [mutators.parse_chain(chain) for chain in (args.spm or list(mutators.SPMS))]
    strengths = args.strength or [1, 8]
    if min(strengths) < 1:
        raise InputError("--strength must be at least 1")
    with open_sandbox(args.sandbox) as sandbox:
        print(f"verifying {len(programs)} programs in sandbox {sandbox.name}", file=sys.stderr)
        result = verify_corpus(programs, sandbox, operators=operators, chains=chains, strengths=strengths,
                               seed=args.seed, faults_per_operator=args.max)
    references, fault_verdicts, variant_verdicts = result.references, result.faults, result.variants
    if args.out:
        _write_verdicts(args.out, args, sandbox.name, references, fault_verdicts, variant_verdicts)
    fault_rows, variant_rows, localization_rows = result.fault_table(), result.variant_table(), result.ochiai_table()
    excluded, broken = result.excluded(), result.changed()
    if args.format == "json":
        console.print_json({"sandbox": sandbox.name, "seed": args.seed, "version": __version__,
                            "excluded_programs": excluded, "faults": fault_rows, "spms": variant_rows,
                            "ochiai": localization_rows,
                            "changed_variants": [{"program": v.variant.faulty.program.name,
                                                  "spm": "+".join(v.variant.chain), "strength": v.variant.strength,
                                                  "differences": v.differences} for v in broken]})
    else:
        console.print_table(["fault", "language", "n", "live", "equivalent", "unverifiable", "live %"],
                            [list(row.values()) for row in fault_rows])
        print()
        console.print_table(["spm", "language", "strength", "n", "preserving", "changed", "not applicable",
                             "preserving %"], [list(row.values()) for row in variant_rows])
        print("\nOchiai on the live faults (top-n: share with a fault line among the first n lines; "
              "ties best / average / pessimistic; EXAM: share of the program read, average ties)")
        console.print_table(["fault", "language", "live", "fault line executed", "top-1 best %", "top-1 average %",
                             "top-1 pessimistic %", "top-5 average %", "EXAM %"],
                            [list(row.values()) for row in localization_rows])
        for program, problem in excluded.items():
            print(f"excluded {program}: {problem}")
        for verdict in broken[:20]:
            print(f"CHANGED {verdict.variant.faulty.program.name} {'+'.join(verdict.variant.chain)} "
                  f"x{verdict.variant.strength}: {'; '.join(verdict.differences)[:300]}")
    return ExitStatus.FAILED if broken else ExitStatus.OK


def _write_verdicts(path: Path, args: argparse.Namespace, sandbox: str, references, fault_verdicts,
                    variant_verdicts) -> None:
    """One JSON line per reference run, fault and variant, each variant with what rebuilds it: its faulty
    program (by id, in the corpus verified), chain, strength, placement and seed, and the one
    ``flipbench mutate`` command that makes it again."""
    with path.open("w", encoding="utf-8") as out:
        header = {"kind": "header", "version": __version__, "seed": args.seed, "corpus": args.corpus,
                  "language": args.language, "sandbox": sandbox}
        out.write(json.dumps(header) + "\n")
        for reference in references.values():
            out.write(json.dumps({"kind": "reference", "program": reference.program.name, "flaky": reference.flaky,
                                  "timeout": reference.timeout, "runs": codec.to_data(reference.runs)}) + "\n")
        for verdict in fault_verdicts:
            record = mutators.fault_record(verdict.faulty)
            out.write(json.dumps({"kind": "fault", **record, "verdict": verdict.verdict,
                                  "failing_tests": verdict.failing_tests, "reason": verdict.reason,
                                  "ochiai_rank": ochiai_ranks(verdict),
                                  "evidence": codec.to_data(verdict.evidence)}) + "\n")
        for verdict in variant_verdicts:
            variant = verdict.variant
            out.write(json.dumps({"kind": "variant", "program": variant.faulty.program.name,
                                  "variant_id": variant.id, "faulty_id": variant.faulty.id,
                                  "fault": variant.faulty.fault, "faulty_fault_lines": variant.faulty.fault_lines,
                                  "spm": "+".join(variant.chain), "strength": variant.strength,
                                  "placement": variant.placement, "seed": variant.seed,
                                  "content": dict(variant.parameters).get("content"),
                                  "fault_lines": variant.fault_lines, "edits": codec.to_data(variant.edits),
                                  "mutate": mutate_command(args.corpus, variant),
                                  "verdict": verdict.verdict, "differences": verdict.differences,
                                  "reason": verdict.reason, "source": variant.source,
                                  "evidence": codec.to_data(verdict.evidence)}) + "\n")


def mutate_command(corpus: str, variant) -> str:
    """The ``flipbench mutate`` call that rebuilds ``variant`` byte for byte from its corpus."""
    words = ["flipbench", "mutate", "--corpus", corpus, "--program", variant.faulty.program.name,
             "--faulty-id", variant.faulty.id, "--spm", "+".join(variant.chain), "--strength", str(variant.strength),
             "--seed", str(variant.seed), "--placement", variant.placement]
    return shlex.join(words)
