"""Auditing fault-line labels of imported faulty programs.

The study's Python faults were written with ``ast.unparse`` (comments and blank lines dropped)
but labelled with the line of the fault in the *original* file. Re-printing the seed the same
way and diffing it with the faulty code recovers the line that really changed; comparing the
syntax trees recovers which line of the original seed the label was counted in.
"""

from __future__ import annotations

import ast
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from flipbench.corpora.line_diff import changed_lines
from flipbench.model import Language, source_lines

Verdict = Literal["exact", "near", "wrong", "outside_file", "blank_line", "comment_line", "no_change", "unverified"]
VERDICTS: tuple[Verdict, ...] = (
    "exact", "near", "wrong", "outside_file", "blank_line", "comment_line", "no_change", "unverified",
)
_COMMENT_STARTS = {"python": ("#",), "java": ("//", "/*", "*")}


@dataclass(frozen=True)
class LabelAudit:
    label: int
    line_count: int
    verdict: Verdict
    changed_lines: tuple[int, ...]
    """Lines where the faulty code differs from its seed as the study printed it; () if the seed is unknown."""
    distance: int | None
    """From the label to the nearest changed line."""
    seed_line: int | None
    """The fault's line in the original (un-reprinted) seed, where it can be recovered."""


def audit_label(
    language: Language, faulty_source: str, label: int, seed_source: str | None = None, tolerance: int = 2
) -> LabelAudit:
    lines = source_lines(faulty_source)
    reference = _as_printed_by_study(language, seed_source) if seed_source is not None else None
    changed = changed_lines(reference, faulty_source) if reference is not None else ()
    distance = min(abs(label - line) for line in changed) if changed else None
    seed_line = _seed_line(faulty_source, reference, seed_source) if language == "python" and changed else None
    if not 1 <= label <= len(lines):
        verdict: Verdict = "outside_file"
    elif reference is not None and not changed:
        verdict = "no_change"
    elif not lines[label - 1].strip():
        verdict = "blank_line"
    elif lines[label - 1].strip().startswith(_COMMENT_STARTS[language]):
        verdict = "comment_line"
    elif distance is None:
        verdict = "unverified"
    else:
        verdict = "exact" if distance == 0 else "near" if distance <= tolerance else "wrong"
    return LabelAudit(label, len(lines), verdict, changed, distance, seed_line)


def _as_printed_by_study(language: Language, seed_source: str) -> str | None:
    if language == "java":
        return seed_source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.unparse(ast.parse(seed_source))
    except (SyntaxError, ValueError, RecursionError):
        return None


def _shape(node: ast.AST) -> tuple:
    """A node's own content: its type and non-node fields (operators included), not its children."""
    parts: list[object] = [type(node).__name__]
    for _, value in ast.iter_fields(node):
        if isinstance(value, ast.AST) and not hasattr(value, "lineno"):
            parts.append(type(value).__name__)
        elif isinstance(value, list):
            parts.append(len(value))
        elif not isinstance(value, ast.AST):
            parts.append(repr(value))
    return tuple(parts)


def _seed_line(faulty_source: str, reference: str, seed_source: str) -> int | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            faulty_nodes = list(ast.walk(ast.parse(faulty_source)))
            reference_nodes = list(ast.walk(ast.parse(reference)))
            seed_nodes = list(ast.walk(ast.parse(seed_source)))
    except (SyntaxError, ValueError, RecursionError):
        return None
    if len(reference_nodes) != len(seed_nodes):
        return None
    for index, (faulty_node, reference_node) in enumerate(zip(faulty_nodes, reference_nodes)):
        if _shape(faulty_node) != _shape(reference_node):
            return getattr(seed_nodes[index], "lineno", None)
    return None


def summarize(audits: Iterable[LabelAudit]) -> dict[str, object]:
    """Counts per verdict, and how many labels are the fault's line in the original seed instead."""
    audits = list(audits)
    counts = Counter(audit.verdict for audit in audits)
    seed_coordinates = sum(
        1 for audit in audits if audit.seed_line is not None and audit.seed_line == audit.label and audit.distance
    )
    return {
        "faulty_programs": len(audits),
        "verdicts": {verdict: counts.get(verdict, 0) for verdict in VERDICTS},
        "within_tolerance": counts.get("exact", 0) + counts.get("near", 0),
        "label_is_original_seed_line": seed_coordinates,
    }
