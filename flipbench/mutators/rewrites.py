"""Applying a set of non-overlapping rewrites at once, and deriving where every line went.

A rewrite is either *intra-line* (no line break in the old or the new text: the line stays
where it is) or *line-aligned* (whole lines replaced by whole lines). A line-aligned rewrite
that changes the number of lines says, line by line, where its old lines went; insertions
and deletions need no such map. With that restriction the line map is exact by construction:
no diffing, no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from flipbench.model import LineMap, count_lines
from flipbench.mutators.source_text import SourceText, Splice


class RewriteError(ValueError):
    """Rewrites that overlap or whose shape the line map cannot follow (a bug in an SPM)."""


@dataclass(frozen=True)
class Rewrite:
    splice: Splice
    lines: tuple[tuple[int, ...], ...] | None = None
    """For a line-aligned rewrite that changes the line count: for each old line of the block, the
    0-based lines of the new block that hold it."""


def insert_above(text: SourceText, line: int, data: bytes) -> Rewrite:
    """A new line holding ``data`` (in the file's line ending) just above ``line``."""
    offset = text.line_starts[line - 1]
    return Rewrite(Splice(offset, offset, data + text.newline))


def apply_rewrites(text: SourceText, rewrites: list[Rewrite]) -> tuple[bytes, LineMap]:
    ordered = sorted(rewrites, key=lambda rewrite: (rewrite.splice.start, rewrite.splice.end))
    for first, second in zip(ordered, ordered[1:]):
        if first.splice.end > second.splice.start:
            raise RewriteError(f"overlapping rewrites at bytes {first.splice.start} and {second.splice.start}")
    pieces: list[bytes] = []
    cursor = 0
    targets: list[tuple[int, ...]] = []
    shift = 0  # new line number minus old line number for lines not yet rewritten
    for rewrite in ordered:
        splice = rewrite.splice
        pieces.append(text.data[cursor:splice.start])
        pieces.append(splice.text)
        cursor = splice.end
        old_text = text.data[splice.start:splice.end]
        if b"\n" not in old_text and b"\n" not in splice.text:
            continue  # intra-line: every line keeps its place
        first_line = text.line_of(splice.start)
        if not _line_aligned(text, splice):
            raise RewriteError(f"rewrite at line {first_line} is neither intra-line nor line-aligned")
        _map_untouched(targets, first_line - 1, shift)
        old_count, new_count = old_text.count(b"\n"), splice.text.count(b"\n")
        block = rewrite.lines
        if block is None:
            if old_count == new_count:
                block = tuple((index,) for index in range(old_count))
            elif old_count == 0 or new_count == 0:
                block = ((),) * old_count
            else:
                raise RewriteError(f"rewrite at line {first_line} changes {old_count} lines into {new_count} "
                                   "without saying where they went")
        if len(block) != old_count or any(not 0 <= line < new_count for lines in block for line in lines):
            raise RewriteError(f"rewrite at line {first_line}: its line map does not fit its text")
        new_first = first_line + shift
        targets.extend(tuple(new_first + line for line in lines) for lines in block)
        shift += new_count - old_count
    pieces.append(text.data[cursor:])
    data = b"".join(pieces)
    _map_untouched(targets, text.line_count, shift)
    return data, LineMap(tuple(targets), count_lines(data))


def _line_aligned(text: SourceText, splice: Splice) -> bool:
    def at_line_start(offset: int) -> bool:
        return offset == 0 or text.data[offset - 1:offset] == b"\n"

    starts_line = at_line_start(splice.start)
    ends_line = splice.end == len(text.data) or at_line_start(splice.end)
    text_whole = not splice.text or splice.text.endswith(b"\n")
    return starts_line and ends_line and text_whole


def _map_untouched(targets: list[tuple[int, ...]], up_to: int, shift: int) -> None:
    """Map old lines ``len(targets) + 1 .. up_to`` straight across, moved by ``shift``."""
    for line in range(len(targets) + 1, up_to + 1):
        targets.append((line + shift,))


def reorder_blocks(text: SourceText, blocks: list[tuple[int, int]], order: list[int]) -> Rewrite | None:
    """Put line blocks (first, last) into new slots: slot ``i`` receives block ``order[i]``.

    Lines between blocks stay where they are. None when the region does not end a line.
    """
    starts, data = text.line_starts, text.data

    def lines(first: int, last: int) -> bytes:
        return data[starts[first - 1]:starts[last] if last < len(starts) else len(data)]

    region_start, region_end = blocks[0][0], blocks[-1][1]
    if not lines(region_start, region_end).endswith(b"\n"):
        return None
    pieces: list[bytes] = []
    mapping: dict[int, int] = {}
    cursor, previous_end = 0, region_start - 1
    for slot, (first, last) in enumerate(blocks):
        for line in range(previous_end + 1, first):  # what lies between blocks stays in place
            pieces.append(lines(line, line))
            mapping[line] = cursor
            cursor += 1
        moved_first, moved_last = blocks[order[slot]]
        pieces.append(lines(moved_first, moved_last))
        for offset, line in enumerate(range(moved_first, moved_last + 1)):
            mapping[line] = cursor + offset
        cursor += moved_last - moved_first + 1
        previous_end = last
    end = starts[region_end] if region_end < len(starts) else len(data)
    return Rewrite(Splice(starts[region_start - 1], end, b"".join(pieces)),
                   tuple((mapping[line],) for line in range(region_start, region_end + 1)))
