"""A variant with its fault taken out again: the base of a review in which the SPMs are already merged.

A review of the change (``diff_base = "spm"``) shows the reviewer the fault's hunk alone, in
surroundings the SPMs changed, as a pull request would look if the noisy edits had landed before it.
That base is the variant with the fault's lines put back as the original program had them: each hunk
of the line diff from the original program to the faulty one is found in the variant through the
variant's line map and replaced by the original's lines (a pure deletion's lines go back after the
line before the gap). Lines an SPM also changed inside the fault's hunk come back as the original had
them, so the diff from this base to the variant is exactly the fault's hunk, as the variant shows it.
"""

from __future__ import annotations

import difflib

from flipbench.model import Variant


def revert_fault(variant: Variant) -> str:
    """``variant``'s source with the fault's hunks replaced by the original program's lines."""
    original, faulty = _lines(variant.faulty.program.source), _lines(variant.faulty.source)
    lines = _lines(variant.source)
    targets = variant.line_map.targets
    newline = "\r\n" if variant.source.endswith("\r\n") else "\n"
    splices: list[tuple[int, int, list[str]]] = []
    matcher = difflib.SequenceMatcher(None, original, faulty, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        images = sorted({line for old in range(new_start, new_end) for line in targets[old]})
        if images:
            start, end = images[0] - 1, images[-1]
        else:  # a pure deletion, or faulty lines an SPM removed: back in after the nearest line before them
            before = next((targets[old] for old in range(new_start - 1, -1, -1) if targets[old]), ())
            start = end = max(before, default=0)
        splices.append((start, end, original[old_start:old_end]))
    for start, end, replacement in sorted(splices, reverse=True):
        replacement = list(replacement)
        if replacement and not replacement[-1].endswith("\n") and end < len(lines):
            replacement[-1] += newline  # the original's unterminated last line, now in the middle
        if start > 0 and not lines[start - 1].endswith("\n") and replacement:
            lines[start - 1] += newline
        lines[start:end] = replacement
    return "".join(lines)


def _lines(source: str) -> list[str]:
    """Lines with their ends, split on ``\\n`` only (as line numbers and line maps count them)."""
    parts = source.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines
