"""The engine that applies an SPM chain to a faulty program.

Rank, placement and strength are decided here once for every SPM; the SPMs themselves (one module
per idea, both languages side by side: :mod:`comments`, :mod:`dead_code`, :mod:`names`,
:mod:`control_flow`, :mod:`layout`) only say where they can apply and how.
"""

from __future__ import annotations

from collections.abc import Sequence

from flipbench.corpora import parse_java
from flipbench.errors import InputError
from flipbench.model import FaultyProgram, Language, LineMap, Program, SpmEdit, Variant
from flipbench.mutators.content import BuiltinContent, ContentSource
from flipbench.mutators.faults import OPERATORS
from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.python_tree import python_syntax_error
from flipbench.mutators.rewrites import apply_rewrites
from flipbench.mutators.sampling import rank
from flipbench.mutators.source_text import SourceText
from flipbench.mutators.spms.base import Application, Context, NotApplicable, Placement, Rejection
from flipbench.mutators.spms.catalogue import SPMS, parse_chain
from flipbench.mutators.trees import parse_tree
from flipbench.scoring import distance


def protected_names_of(program: Program) -> frozenset[str]:
    """Identifiers the program's tests use: the program's outside interface, never renamed."""
    if program.tests is None:
        return frozenset()
    if program.language == "python":
        return frozenset(_identifiers_python(program.tests.source))
    tree = JavaTree.parse(program.tests.source)
    return frozenset(tree.code(node) for node in tree.nodes("identifier"))


def _identifiers_python(source: str) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name)
            names.add(node.name.split(".")[0])
        elif isinstance(node, ast.keyword) and node.arg:
            names.add(node.arg)
    return names


def parses(language: Language, data: bytes) -> bool:
    if language == "python":
        return python_syntax_error(data) is None
    return not parse_java(data).root_node.has_error


def mutate(faulty: FaultyProgram, chain: Sequence[str], *, strength: int = 1, seed: int = 0,
           placement: Placement | str = "random", content: ContentSource | None = None,
           ) -> tuple[Variant, list[Rejection]]:
    """Apply an SPM chain to a faulty program, each SPM ``strength`` times.

    Raises NotApplicable when a step has nowhere to apply. Rejected content and skipped sites
    come back with the variant.
    """
    if strength < 1:
        raise InputError("strength must be at least 1")
    placement = Placement.parse(placement) if isinstance(placement, str) else placement
    names = parse_chain("+".join(chain)) if chain else ()
    if not names:
        raise InputError("an SPM chain needs at least one SPM")
    language = faulty.program.language
    content = content or BuiltinContent(seed)
    protected = protected_names_of(faulty.program)
    source, added_newline = _with_final_newline(faulty.source)
    fault_lines = faulty.fault_lines
    total_map = LineMap.identity(SourceText(source).line_count)
    origin_of = {line: line for line in range(1, total_map.old_line_count + 1)}
    recorded: list[tuple[str, str, int | None]] = []
    rejections: list[Rejection] = []
    for step, name in enumerate(names):
        spm = SPMS[name].for_language(language)
        if spm is None:
            raise NotApplicable(f"{name} is not available for {language}")
        tree = parse_tree(language, source)
        origins = dict(origin_of)
        context = Context(language, tree, fault_lines, faulty.fault if faulty.fault in OPERATORS else None, protected,
                          content,
                          lambda line, table=origins: str(table.get(line, f"+{line}")))
        sites = spm.sites(context)
        if not sites:
            raise NotApplicable(f"{name}: {spm.not_applicable}")
        line_count = tree.text.line_count
        if placement.kind != "random" and not fault_lines:
            raise InputError(f"placement {placement} needs fault lines")
        eligible = [site for site in sites if placement.admits(site.line, fault_lines, line_count)]
        if not eligible:
            raise NotApplicable(f"{name}: none of its {len(sites)} sites is {placement}")
        step_seed = f"{seed}\x00{step}\x00{name}"
        ranked = sorted(eligible, key=lambda site: rank(0, f"{step_seed}\x00{site.key}"))
        applications = spm.apply(context, ranked, strength)
        data, step_map = _apply_validated(language, tree.text, applications, context)
        rejections.extend(context.rejections)
        if not applications:
            raise NotApplicable(f"{name}: no site could be applied "
                                f"({'; '.join(sorted({r.reason for r in context.rejections})[:3]) or 'all overlap'})")
        mapped = step_map.image(fault_lines)
        if fault_lines and not mapped:
            raise AssertionError(f"{name} deleted the fault lines {fault_lines}: a bug in the SPM")
        recorded = [(spm_name, text, _forward(step_map, line)) for spm_name, text, line in recorded]
        landed = _landing_lines(applications, SourceText(data))
        recorded.extend((name, a.description, landed.get(id(a)) or _forward(step_map, a.line)) for a in applications)
        origin_of = {new: origin_of[old] for old, news in enumerate(step_map.targets, start=1)
                     for new in news if old in origin_of}
        total_map = total_map.then(step_map)
        fault_lines = mapped
        source = data.decode("utf-8")
    edits = tuple(SpmEdit(spm_name, text, line or 0, distance(line, fault_lines) if line and fault_lines else -1)
                  for spm_name, text, line in recorded)
    source = _without_added_newline(source, added_newline)
    variant = Variant(faulty, names, strength, str(placement), seed, source, total_map, fault_lines, edits,
                      (("content", content.label),))
    return variant, rejections


def _with_final_newline(source: str) -> tuple[str, str]:
    """The source with a final newline (the file's own kind) if it lacks one, and what was added.

    Rewrites work on whole lines, and a last line without its newline is not one: every SPM
    would need a special case for it. The engine adds the newline and takes it off again, so
    no SPM ever sees such a line and no line number changes (a final newline starts no line).
    """
    if not source or source.endswith("\n"):
        return source, ""
    added = SourceText(source).newline.decode()
    return source + added, added


def _without_added_newline(source: str, added: str) -> str:
    """Undo :func:`_with_final_newline`, unless the SPMs left a blank last line (whose newline then
    ends a line that the line map counts)."""
    if added and source.endswith(added) and not source[:-len(added)].endswith("\n"):
        return source[:-len(added)]
    return source


def _landing_lines(applications: list[Application], new_text: SourceText) -> dict[int, int]:
    """The line where each application's first rewrite starts in the new source."""
    rewrites = sorted((r.splice for a in applications for r in a.rewrites), key=lambda splice: splice.start)
    landed = {}
    for application in applications:
        if not application.rewrites:
            continue
        first = min(r.splice.start for r in application.rewrites)
        shift = sum(len(s.text) - (s.end - s.start) for s in rewrites if s.end <= first and s.start < first)
        landed[id(application)] = new_text.line_of(first + shift)
    return landed


def _forward(step_map: LineMap, line: int | None) -> int | None:
    if line is None:
        return None
    image = step_map.image((line,))
    return image[0] if image else None


def _apply_validated(language: Language, text: SourceText, applications: list[Application],
                     context: Context) -> tuple[bytes, LineMap]:
    """Apply every application; should the result not parse, drop applications from the lowest
    ranked until it does, recording each drop (each is a bug in an SPM to investigate)."""
    while True:
        rewrites = [rewrite for application in applications for rewrite in application.rewrites]
        data, line_map = apply_rewrites(text, rewrites)
        if parses(language, data) or not applications:
            return data, line_map
        dropped = applications.pop()
        context.rejections.append(Rejection(f"line {dropped.line}",
                                            f"produced code that does not parse: {dropped.description}"))
