"""Which lines of a changed file a change touched: the one line diff behind imported fault lines (real
bugs and the study's faulty programs, each against its fixed version).

Its rule is the rule injected faults follow (``mutators.source_text.SourceText.changed_lines``), so
that a fault means the same lines whichever way it entered: the lines of the changed file that are
new or replaced, and for a pure deletion, which leaves no changed line behind, the two lines around
the gap (one at either end of the file).
"""

from __future__ import annotations

import difflib

from flipbench.model import source_lines


def changed_lines(reference: str, changed: str) -> tuple[int, ...]:
    """1-based lines of ``changed`` that differ from ``reference``; a pure deletion marks the two lines
    around the gap. Empty when the two have the same lines."""
    old, new = source_lines(reference), source_lines(changed)
    lines: set[int] = set()
    for tag, _, _, start, end in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            lines.update(range(start + 1, end + 1))
        elif tag == "delete":
            lines.update(line for line in (start, start + 1) if 1 <= line <= len(new))
    return tuple(sorted(lines))
