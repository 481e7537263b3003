"""Word statistics for short English texts."""

PUNCTUATION = ".,;:!?\"'()[]"


def _clean(word):
    """Strip punctuation from both ends of a word and lower-case it."""
    start = 0
    end = len(word)
    while start < end and word[start] in PUNCTUATION:
        start += 1
    while end > start and word[end - 1] in PUNCTUATION:
        end -= 1
    return word[start:end].lower()


def tokenize(text):
    """Split text into cleaned, non-empty words."""
    words = []
    for raw in text.split():
        word = _clean(raw)
        if word:
            words.append(word)
    return words


def count_words(text):
    counts = {}
    for word in tokenize(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(text, n):
    """The n most frequent words as (word, count) pairs; ties broken alphabetically."""
    if n <= 0:
        return []
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    result = []
    for i in range(min(n, len(ranked))):
        result.append(ranked[i])
    return result


def longest_words(text, min_length):
    """Distinct words with at least min_length letters, longest first."""
    seen = []
    for word in tokenize(text):
        if len(word) >= min_length and word not in seen:
            seen.append(word)
    return sorted(seen, key=lambda word: (-len(word), word))


def histogram(text, width):
    """One line per word, 'word | ***', with the most frequent word getting width stars."""
    counts = count_words(text)
    if not counts or width < 1:
        return []
    peak = max(counts.values())
    lines = []
    for word, count in top_words(text, len(counts)):
        stars = count * width // peak
        if stars == 0 and count > 0:
            stars = 1
        lines.append(word + " | " + "*" * stars)
    return lines


def average_length(text):
    words = tokenize(text)
    if len(words) == 0:
        return 0.0
    total = 0
    for word in words:
        total += len(word)
    return round(total / len(words), 2)
