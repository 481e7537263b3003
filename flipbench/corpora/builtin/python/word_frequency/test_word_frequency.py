from word_frequency import average_length, count_words, histogram, longest_words, top_words, tokenize


def test_tokenize_strips_edge_punctuation_and_case():
    assert tokenize("Hello, World! (it's)") == ["hello", "world", "it's"]


def test_count_words_counts_repeats():
    assert count_words("a b a, A") == {"a": 3, "b": 1}


def test_top_words_breaks_ties_alphabetically():
    assert top_words("pear apple pear fig apple kiwi", 3) == [("apple", 2), ("pear", 2), ("fig", 1)]


def test_top_words_with_n_larger_than_vocabulary():
    assert top_words("one two", 5) == [("one", 1), ("two", 1)]


def test_top_words_with_zero():
    assert top_words("one two", 0) == []


def test_longest_words_are_distinct_and_sorted():
    assert longest_words("tree elephant tree giraffe ox", 4) == ["elephant", "giraffe", "tree"]


def test_histogram_scales_to_width():
    lines = histogram("a a a a b b c", 8)
    print("\n".join(lines))
    assert lines == ["a | ********", "b | ****", "c | **"]


def test_histogram_gives_rare_words_one_star():
    assert histogram("x x x x x x x x x y", 3) == ["x | ***", "y | *"]


def test_average_length():
    assert average_length("ab abcd") == 3.0
    assert average_length("") == 0.0
