"""Properties of splices and line arithmetic, the ground the exactness invariant stands on."""

from hypothesis import given
from hypothesis import strategies as st

from flipbench.model import count_lines, source_lines
from flipbench.mutators.source_text import SourceText, Splice

from faultkit import diff_block

LINES = st.lists(st.sampled_from(["a = 1", "", "  b", "x = 'é'", "# c", "d(e)"]), min_size=1, max_size=12)


@given(LINES, st.data())
def test_line_count_agrees_with_source_lines(lines, data):
    text = "\n".join(lines) + data.draw(st.sampled_from(["", "\n"]))
    assert count_lines(text) == len(source_lines(text)) == SourceText(text).line_count


@given(LINES, st.integers(min_value=1), st.sampled_from(["    return x\n", "# note\n"]))
def test_inserting_a_line_marks_exactly_that_line(lines, where, inserted):
    source = SourceText("\n".join(lines) + "\n")
    line = (where % source.line_count) + 1
    offset = source.line_starts[line - 1]
    splice = Splice(offset, offset, inserted.encode())
    new = source.apply(splice).decode()
    prefix, removed, added = diff_block(source.text, new)
    assert removed == 0 and added == 1
    changed = source.changed_lines(splice.minimal(source.data))
    assert len(changed) == 1 and source_lines(new)[changed[0] - 1] == inserted.rstrip("\n")


@given(LINES, st.data())
def test_replacing_text_within_a_line_marks_that_line(lines, data):
    source = SourceText("\n".join(lines) + "\n")
    line = data.draw(st.integers(min_value=1, max_value=source.line_count))
    body = source.line_bytes(line).decode()
    start = data.draw(st.integers(min_value=0, max_value=len(body)))
    end = data.draw(st.integers(min_value=start, max_value=len(body)))
    text = data.draw(st.sampled_from([b"or", b"", b"x + 1", b"!"]))
    splice = Splice(source.offset(line, start), source.offset(line, end), text)
    new = source.apply(splice).decode()
    if new == source.text:
        return
    prefix, removed, added = diff_block(source.text, new)
    assert (removed, added) == (1, 1)
    assert source.changed_lines(splice.minimal(source.data)) == (prefix + 1,)


@given(LINES, st.data())
def test_deleting_whole_lines_marks_the_lines_around_the_gap(lines, data):
    source = SourceText("\n".join(lines) + "\n")
    first = data.draw(st.integers(min_value=1, max_value=source.line_count))
    last = data.draw(st.integers(min_value=first, max_value=source.line_count))
    end = source.line_starts[last] if last < source.line_count else len(source.data)
    splice = Splice(source.line_starts[first - 1], end, b"")
    remaining = source.line_count - (last - first + 1)
    assert source.changed_lines(splice) == tuple(line for line in (first - 1, first) if 1 <= line <= remaining)


def test_minimal_splice_trims_unchanged_text():
    source = SourceText("x = a and b\n")
    assert Splice(4, 11, b"a or b").minimal(source.data) == Splice(6, 9, b"or")


def test_offsets_use_characters_for_columns_and_bytes_for_positions():
    source = SourceText("s = 'éé' + t\n")
    assert source.offset(1, 9) == 11
    assert source.data[source.offset(1, 9):source.offset(1, 10)] == b"+"
