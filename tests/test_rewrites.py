"""Line maps derived from rewrites, checked against the texts they produce."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipbench.model import source_lines
from flipbench.mutators.rewrites import Rewrite, RewriteError, apply_rewrites
from flipbench.mutators.source_text import SourceText, Splice

SOURCE = SourceText("a = 1\nb = 2\nc = 3\nd = 4\n")


def at(line: int) -> int:
    return SOURCE.line_starts[line - 1]


def test_inserting_a_line_shifts_the_lines_below():
    data, line_map = apply_rewrites(SOURCE, [Rewrite(Splice(at(2), at(2), b"# note\n"))])
    assert data == b"a = 1\n# note\nb = 2\nc = 3\nd = 4\n"
    assert line_map.targets == ((1,), (3,), (4,), (5,))


def test_deleting_lines_leaves_them_without_an_image():
    _, line_map = apply_rewrites(SOURCE, [Rewrite(Splice(at(2), at(4), b""))])
    assert line_map.targets == ((1,), (), (), (2,))


def test_intra_line_edits_keep_every_line_in_place():
    _, line_map = apply_rewrites(SOURCE, [Rewrite(Splice(0, 1, b"alpha")), Rewrite(Splice(at(3), at(3) + 1, b"z"))])
    assert line_map.targets == ((1,), (2,), (3,), (4,))


def test_splitting_a_line_maps_it_to_every_piece():
    splice = Splice(at(2), at(3), b"b = (\n    2\n)\n")
    data, line_map = apply_rewrites(SOURCE, [Rewrite(splice, ((0, 1, 2),))])
    assert source_lines(data.decode())[1:4] == ["b = (", "    2", ")"]
    assert line_map.targets == ((1,), (2, 3, 4), (5,), (6,))


def test_moving_blocks_follows_each_line():
    swapped = Rewrite(Splice(at(2), at(4), b"c = 3\nb = 2\n"), ((1,), (0,)))
    _, line_map = apply_rewrites(SOURCE, [swapped])
    assert line_map.targets == ((1,), (3,), (2,), (4,))


def test_changing_the_line_count_without_a_map_is_an_error():
    with pytest.raises(RewriteError, match="without saying where"):
        apply_rewrites(SOURCE, [Rewrite(Splice(at(2), at(3), b"b\n=\n2\n"))])


def test_overlapping_rewrites_are_an_error():
    with pytest.raises(RewriteError, match="overlapping"):
        apply_rewrites(SOURCE, [Rewrite(Splice(0, 3, b"x")), Rewrite(Splice(2, 4, b"y"))])


def test_a_line_break_in_the_middle_of_a_line_is_an_error():
    with pytest.raises(RewriteError, match="neither intra-line nor line-aligned"):
        apply_rewrites(SOURCE, [Rewrite(Splice(2, 3, b"\n"))])


@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(["insert", "delete", "edit"])), max_size=6, unique_by=lambda t: t[0]))
def test_untouched_lines_keep_their_text_at_their_image(operations):
    rewrites = []
    for line, kind in operations:
        if kind == "insert":
            rewrites.append(Rewrite(Splice(at(line), at(line), b"# new\n")))
        elif kind == "delete":
            rewrites.append(Rewrite(Splice(at(line), at(line) + 6, b"")))
        else:
            rewrites.append(Rewrite(Splice(at(line), at(line) + 1, b"Q")))
    data, line_map = apply_rewrites(SOURCE, rewrites)
    old, new = source_lines(SOURCE.text), source_lines(data.decode())
    touched = {line for line, kind in operations if kind != "insert"}
    for line in range(1, 5):
        image = line_map.targets[line - 1]
        if line in touched:
            continue
        assert len(image) == 1 and new[image[0] - 1] == old[line - 1]
    assert line_map.new_line_count == len(new)
