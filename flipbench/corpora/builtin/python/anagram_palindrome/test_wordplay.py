from wordplay import (anagrams_in, group_anagrams, is_anagram, is_palindrome, longest_palindrome,
                      make_palindrome, palindrome_permutation, signature)


def test_signature_and_is_anagram():
    assert signature("Listen!") == "eilnst"
    assert signature("") == ""
    assert is_anagram("Dormitory", "dirty room")
    assert is_anagram("a", "A")
    assert is_anagram("abc", "abd") is False
    assert not is_anagram("aab", "abb")
    assert is_anagram("", "") is False
    assert not is_anagram("!!", "??")


def test_group_anagrams():
    words = ["listen", "Silent", "enlist", "google", "inlets", "banana", "gooegl", "Listen", "cat", "act"]
    assert group_anagrams(words, 2) == [["listen", "Silent", "enlist", "inlets"], ["google", "gooegl"], ["cat", "act"]]
    assert group_anagrams(words, 3) == [["listen", "Silent", "enlist", "inlets"]]
    assert group_anagrams(["a", "b", "a"], 1) == [["a"], ["b"]]
    assert group_anagrams([], 1) == []


def test_anagrams_in():
    assert anagrams_in("Listen", ["enlist", "LISTEN", "tinsel", "list", "Silent"]) == ["enlist", "tinsel", "Silent"]
    assert anagrams_in("x", ["x", "y"]) == []


def test_is_palindrome_phrases():
    assert is_palindrome("A man, a plan, a canal: Panama")
    assert is_palindrome("No 'x' in Nixon")
    assert is_palindrome("")
    assert is_palindrome("a")
    assert is_palindrome("!!")
    assert is_palindrome("ab,a")
    assert is_palindrome("Abba")
    assert not is_palindrome("race a car")
    assert is_palindrome("ab") is False
    assert not is_palindrome("ab!")
    assert not is_palindrome("0P")


def test_longest_palindrome():
    assert longest_palindrome("babad") == "bab"
    assert longest_palindrome("cbbd") == "bb"
    assert longest_palindrome("forgeeksskeegfor") == "geeksskeeg"
    assert longest_palindrome("abc") == "a"
    assert longest_palindrome("") == ""
    assert longest_palindrome("aaaa") == "aaaa"
    assert longest_palindrome("abcBa") == "a"
    assert longest_palindrome("abacdc") == "aba"


def test_make_palindrome():
    assert make_palindrome("abc") == "abcba"
    assert make_palindrome("abb") == "abba"
    assert make_palindrome("race") == "racecar"
    assert make_palindrome("aba") == "aba"
    assert make_palindrome("ab") == "aba"
    assert make_palindrome("") == ""
    assert make_palindrome("Aa") == "AaA"
    assert make_palindrome("xyzy") == "xyzyx"
    assert make_palindrome("abcdcb") == "abcdcba"


def test_palindrome_permutation():
    assert palindrome_permutation("carrace") == "acrerca"
    assert palindrome_permutation("Tact Coa") == "actotca"
    assert palindrome_permutation("aabbc") == "abcba"
    assert palindrome_permutation("aaa") == "aaa"
    assert palindrome_permutation("abc") is None
    assert palindrome_permutation("aabbcd") is None
    assert palindrome_permutation("") == ""
