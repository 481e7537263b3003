from text_justify import align_right, center, justify, raggedness, wrap, wrap_paragraphs

TEXT = "This is an example of text justification."


def test_wrap_greedy():
    assert wrap(TEXT, 16) == ["This is an", "example of text", "justification."]
    assert wrap("ab cd", 5) == ["ab cd"]
    assert wrap("ab cd", 4) == ["ab", "cd"]
    assert wrap("ab c", 1) == ["a", "b", "c"]
    assert wrap("", 5) == []
    assert wrap("   \n ", 5) == []


def test_wrap_splits_long_words():
    assert wrap("abcdefgh xy", 3) == ["abc", "def", "gh", "xy"]
    assert wrap("abcdef", 3) == ["abc", "def"]
    assert wrap("abc", 3) == ["abc"]
    assert wrap("x abcdefg", 4) == ["x", "abcd", "efg"]


def test_wrap_rejects_bad_width():
    for width in [0, -3]:
        try:
            wrap("text", width)
        except ValueError:
            continue
        raise AssertionError(width)


def test_justify_spreads_spaces():
    assert justify(TEXT, 16) == ["This    is    an", "example  of text", "justification.  "]
    assert justify("What must be acknowledgment shall be", 16) == [
        "What   must   be", "acknowledgment  ", "shall be        ",
    ]
    assert justify("a b c d eeeee", 9) == ["a  b  c d", "eeeee    "]
    assert justify("aaaa bb c dd", 10) == ["aaaa  bb c", "dd        "]


def test_justify_single_word_lines_and_empty():
    assert justify("abcdefgh xy", 5) == ["abcde", "fgh  ", "xy   "]
    assert justify("a b c d e", 7) == ["a b c d", "e      "]
    assert justify("", 5) == []


def test_center_and_align_right():
    assert center("a bb ccc", 6) == [" a bb ", " ccc  "]
    assert center("abc", 3) == ["abc"]
    assert center("ab", 5) == [" ab  "]
    assert align_right("a bb ccc", 6) == ["  a bb", "   ccc"]
    assert align_right("x", 1) == ["x"]


def test_wrap_paragraphs():
    text = "one two\nthree\n\n\nfour five six\n   \nseven"
    assert wrap_paragraphs(text, 9) == ["one two", "three", "", "four five", "six", "", "seven"]
    assert wrap_paragraphs("\n\nsolo\n", 9) == ["solo"]
    assert wrap_paragraphs("a\n\nb", 5) == ["a", "", "b"]
    assert wrap_paragraphs("", 5) == []


def test_raggedness():
    assert raggedness(wrap(TEXT, 16), 16) == 37
    assert raggedness(["ab  ", "c"], 4) == 4
    assert raggedness(["only"], 9) == 0
    assert raggedness([], 5) == 0
    assert raggedness(["a", "bb", "c"], 3) == 5
