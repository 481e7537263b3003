"""Source text as UTF-8 bytes: line lookup, offset conversion and splices.

Both engines edit text, never re-print trees: libcst and tree-sitter only locate what to
change, and a :class:`Splice` replaces exactly those bytes. Untouched bytes therefore never
move, and the lines an edit touches follow from the splice alone. Lines are split on ``\\n``
only, as editors and line-numbered prompts count them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from flipbench.errors import InputError
from flipbench.model import count_lines


class UnparseableSource(InputError):
    """A source the mutators cannot work on, with the parser's reason."""


@dataclass(frozen=True, order=True)
class Splice:
    """Replace ``data[start:end]`` with ``text`` (byte offsets into the UTF-8 source)."""

    start: int
    end: int
    text: bytes

    def minimal(self, data: bytes) -> Splice:
        """The same change with the text it leaves unchanged trimmed from both ends."""
        before = data[self.start:self.end]
        prefix = 0
        limit = min(len(before), len(self.text))
        while prefix < limit and before[prefix] == self.text[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < limit - prefix
               and before[len(before) - 1 - suffix] == self.text[len(self.text) - 1 - suffix]):
            suffix += 1
        return Splice(self.start + prefix, self.end - suffix, self.text[prefix:len(self.text) - suffix])


class SourceText:
    """An immutable source with its line index, shared by every edit made on it."""

    def __init__(self, source: str | bytes) -> None:
        self.data = source.encode("utf-8") if isinstance(source, str) else source

    @cached_property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        starts = [0]
        find = self.data.find
        position = find(b"\n")
        while position != -1:
            starts.append(position + 1)
            position = find(b"\n", position + 1)
        return tuple(starts)

    @cached_property
    def _line_start_set(self) -> frozenset[int]:
        return frozenset(self.line_starts)

    @cached_property
    def newline(self) -> bytes:
        """The file's line ending, for lines an edit inserts."""
        return b"\r\n" if b"\r\n" in self.data else b"\n"

    @cached_property
    def line_count(self) -> int:
        return count_lines(self.data)

    def line_count_after(self, splice: Splice) -> int:
        """Lines once ``splice`` is applied, without building the new source (big files, many edits)."""
        if splice.end >= len(self.data):  # the final newline may come or go: count for real
            return count_lines(self.apply(splice))
        removed = self.data.count(b"\n", splice.start, splice.end)
        return self.line_count + splice.text.count(b"\n") - removed

    def line_of(self, offset: int) -> int:
        """1-based line holding byte ``offset``."""
        return bisect_right(self.line_starts, offset)

    def line_bytes(self, line: int) -> bytes:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.data)
        return self.data[start:end]

    def line_end(self, line: int) -> int:
        """Offset of the end of a line's text (before its newline, ``\r`` included)."""
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.data)
        return end - 1 if end > 0 and self.data[end - 1:end] == b"\r" else end

    def line_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of lines ``first`` to ``last`` as a block: from the first's start to the start of the line
        after the last (or the end of the file)."""
        starts = self.line_starts
        return starts[first - 1], starts[last] if last < len(starts) else len(self.data)

    def offset(self, line: int, column: int) -> int:
        """Byte offset of a 1-based line and a 0-based *character* column (libcst's positions)."""
        start = self.line_starts[line - 1]
        if self.data.isascii():
            return start + column
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.data)
        return start + len(self.data[start:end].decode("utf-8")[:column].encode("utf-8"))

    def indentation(self, line: int) -> bytes:
        text = self.line_bytes(line)
        return text[: len(text) - len(text.lstrip(b" \t"))]

    def apply(self, splice: Splice) -> bytes:
        view = memoryview(self.data)  # one copy of the result, not three: files reach 1.5 MB
        return b"".join((view[:splice.start], splice.text, view[splice.end:]))

    def changed_lines(self, splice: Splice) -> tuple[int, ...]:
        """Lines of the *new* source that hold the spliced text.

        Deleting whole lines leaves a gap rather than a changed line: the two lines around the gap
        are recorded. Deleting part of a line marks the line it happened in.
        """
        first = self.line_of(splice.start)
        if not splice.text:
            at_line_starts = splice.start in self._line_start_set and (
                splice.end in self._line_start_set or splice.end == len(self.data))
            if not at_line_starts or splice.start == splice.end:
                return (first,)
            remaining = self.line_count - (self.line_of(max(splice.end - 1, splice.start)) - first + 1)
            return tuple(line for line in (first - 1, first) if 1 <= line <= remaining)
        last = first + splice.text.count(b"\n", 0, len(splice.text) - 1)
        ends_mid_line = 0 < splice.end < len(self.data) and self.data[splice.end - 1:splice.end] != b"\n"
        if splice.text.endswith(b"\n") and ends_mid_line:
            last += 1  # the rest of the old line now starts a new, changed line
        return tuple(range(first, last + 1))
