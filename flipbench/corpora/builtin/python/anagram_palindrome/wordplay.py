"""Anagram and palindrome utilities for words and phrases.

Anagram checks ignore case and anything that is not a letter; palindrome checks on phrases
ignore case and anything that is not a letter or digit.
"""


def _letters(text):
    return [ch.lower() for ch in text if ch.isalpha()]


def _letter_counts(text):
    counts = {}
    for ch in _letters(text):
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def signature(word):
    """The word's letters in sorted order: equal signatures mean anagrams."""
    return "".join(sorted(_letters(word)))


def is_anagram(first, second):
    """True when both use the same letters the same number of times (and are not empty)."""
    if len(_letters(first)) == 0:
        return False
    return signature(first) == signature(second)


def group_anagrams(words, min_size):
    """Groups of words sharing a signature, in order of first appearance, keeping groups of
    at least min_size words; repeated words (ignoring case) are kept once."""
    groups = {}
    order = []
    for word in words:
        key = signature(word)
        if key not in groups:
            groups[key] = []
            order.append(key)
        if word.lower() not in [w.lower() for w in groups[key]]:
            groups[key].append(word)
    return [groups[key] for key in order if len(groups[key]) >= min_size]


def anagrams_in(word, candidates):
    """Candidates that are anagrams of word but not the same word."""
    found = []
    for candidate in candidates:
        if candidate.lower() != word.lower() and is_anagram(word, candidate):
            found.append(candidate)
    return found


def is_palindrome(text):
    """Phrase palindrome check with two pointers skipping punctuation and spaces."""
    i = 0
    j = len(text) - 1
    while i < j:
        if not text[i].isalnum():
            i += 1
        elif not text[j].isalnum():
            j -= 1
        elif text[i].lower() != text[j].lower():
            return False
        else:
            i += 1
            j -= 1
    return True


def _mirrored(text, i, j):
    """Exact (case-sensitive) palindrome check of text[i..j], recursively."""
    if i >= j:
        return True
    if text[i] != text[j]:
        return False
    return _mirrored(text, i + 1, j - 1)


def _expand(text, left, right):
    while left >= 0 and right < len(text) and text[left] == text[right]:
        left -= 1
        right += 1
    return left + 1, right


def longest_palindrome(text):
    """The first longest exact palindromic substring."""
    best_start = 0
    best_end = 0
    for center in range(len(text)):
        for right in (center, center + 1):
            start, end = _expand(text, center, right)
            if end - start > best_end - best_start:
                best_start = start
                best_end = end
    return text[best_start:best_end]


def make_palindrome(text):
    """Shortest palindrome that starts with text, made by appending characters."""
    for i in range(len(text)):
        if _mirrored(text, i, len(text) - 1):
            return text + text[:i][::-1]
    return text


def palindrome_permutation(text):
    """The alphabetically smallest palindrome made of all letters of text, or None."""
    counts = _letter_counts(text)
    middle = ""
    half = ""
    for ch in sorted(counts):
        if counts[ch] % 2 == 1:
            if middle != "":
                return None
            middle = ch
        half += ch * (counts[ch] // 2)
    return half + middle + half[::-1]
