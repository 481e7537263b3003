from spelling import SpellChecker, bounded_distance, edit_distance, edit_script, similarity

WORDS = ["apple", "Apply", "ample", "maple", "applet", "banana", "band", "bandana", "apple", "ox"]


def test_edit_distance_classic_pairs():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("sitting", "kitten") == 3
    assert edit_distance("flaw", "lawn") == 2
    assert edit_distance("saturday", "sunday") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("abc", "") == 3
    assert edit_distance("same", "same") == 0
    assert edit_distance("a", "b") == 1
    assert edit_distance("intention", "execution") == 5
    assert edit_distance("horse", "ros") == 3
    assert edit_distance("book", "back") == 2
    assert edit_distance("xa", "ay") == 2
    assert edit_distance("ca", "abc") == 3


def test_bounded_distance():
    assert bounded_distance("kitten", "sitting", 3) == 3
    assert bounded_distance("kitten", "sitting", 2) == 3
    assert bounded_distance("kitten", "sitting", 5) == 3
    assert bounded_distance("abc", "abcdef", 2) == 3
    assert bounded_distance("abc", "abcdefg", 2) == 3
    assert bounded_distance("abc", "abcde", 2) == 2
    assert bounded_distance("ab", "ac", 1) == 1
    assert bounded_distance("aaaa", "bbbb", 1) == 2
    assert bounded_distance("", "", 0) == 0


def test_edit_script_substitutions_and_insertions():
    assert edit_script("kitten", "sitting") == ["k>s", "i", "t", "t", "e>i", "n", "+g"]
    assert edit_script("sunday", "saturday") == ["s", "+a", "+t", "u", "n>r", "d", "a", "y"]
    assert edit_script("x", "ab") == ["+a", "x>b"]
    assert edit_script("ca", "abc") == ["+a", "c>b", "a>c"]
    assert edit_script("ab", "ba") == ["a>b", "b>a"]


def test_edit_script_deletions_and_edges():
    assert edit_script("flaw", "lawn") == ["-f", "l", "a", "w", "+n"]
    assert edit_script("abc", "") == ["-a", "-b", "-c"]
    assert edit_script("", "ab") == ["+a", "+b"]
    assert edit_script("", "") == []
    assert edit_script("a", "aaa") == ["+a", "+a", "a"]
    assert edit_script("abcd", "acd") == ["a", "-b", "c", "d"]
    assert edit_script("horse", "ros") == ["h>r", "o", "-r", "s", "-e"]
    assert edit_script("abcdef", "azced") == ["a", "b>z", "c", "-d", "e", "f>d"]


def test_similarity():
    assert similarity("kitten", "sitting") == 0.571
    assert similarity("", "") == 1.0
    assert similarity("abc", "xyz") == 0.0
    assert similarity("abcd", "abce") == 0.75
    assert similarity("a", "") == 0.0


def test_spellchecker_words_and_known():
    checker = SpellChecker(WORDS)
    assert checker.words == ["ample", "apple", "applet", "apply", "banana", "band", "bandana", "maple", "ox"]
    assert checker.known("APPLY")
    assert not checker.known("appl")


def test_suggest_orders_by_distance_then_alphabet():
    checker = SpellChecker(WORDS)
    assert checker.suggest("appel", 2, 3) == ["apple", "applet", "apply"]
    assert checker.suggest("appel", 2, 2) == ["apple", "applet"]
    assert checker.suggest("appel", 1, 5) == []
    assert checker.suggest("Bnd", 1, 5) == ["band"]
    assert checker.suggest("bandan", 1, 5) == ["bandana"]
    assert checker.suggest("banda", 2, 5) == ["band", "banana", "bandana"]
    assert checker.suggest("apple", 0, 5) == ["apple"]
    assert checker.suggest("apple", 3, 0) == []


def test_correct():
    checker = SpellChecker(WORDS)
    assert checker.correct("Appel") == "Apple"
    assert checker.correct("banan") == "banana"
    assert checker.correct("zzzz") == "zzzz"
    assert checker.correct("BAND") == "BAND"
    assert checker.correct("mapel") == "maple"
    assert checker.correct("apxxx") == "apxxx"
    assert checker.correct("") == "ox"
    assert checker.correct("X") == "Ox"
