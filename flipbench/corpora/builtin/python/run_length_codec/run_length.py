"""Run-length encoding of strings: "aaabcc" <-> "3a1b2c", with compact and limited forms."""


def _runs(text):
    """Split text into (char, count) pairs of maximal runs of one character."""
    runs = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        runs.append((text[i], j - i))
        i = j
    return runs


def _check_no_digits(text):
    for i in range(len(text)):
        if "0" <= text[i] <= "9":
            raise ValueError("digits cannot be encoded: " + text[i])


def encode(text):
    """Write every run as its count followed by its character: 'aaab' -> '3a1b'."""
    _check_no_digits(text)
    parts = []
    for ch, count in _runs(text):
        parts.append(str(count) + ch)
    return "".join(parts)


def encode_compact(text, min_run):
    """Only runs of at least min_run characters get a count; shorter runs are copied."""
    _check_no_digits(text)
    parts = []
    for ch, count in _runs(text):
        if count >= min_run:
            parts.append(str(count) + ch)
        else:
            parts.append(ch * count)
    return "".join(parts)


def encode_limited(text, limit):
    """Like encode, but no count exceeds limit: long runs are split into several groups."""
    if limit < 1:
        raise ValueError("limit must be positive")
    _check_no_digits(text)
    parts = []
    for ch, count in _runs(text):
        while count > limit:
            parts.append(str(limit) + ch)
            count -= limit
        parts.append(str(count) + ch)
    return "".join(parts)


def decode(encoded):
    """Inverse of all encodings: a number repeats the next character; a bare character counts once."""
    result = []
    count = 0
    has_count = False
    for i in range(len(encoded)):
        ch = encoded[i]
        if "0" <= ch <= "9":
            count = count * 10 + (ord(ch) - ord("0"))
            has_count = True
            continue
        if has_count and count == 0:
            raise ValueError("zero count before " + ch)
        if not has_count:
            count = 1
        result.append(ch * count)
        count = 0
        has_count = False
    if has_count:
        raise ValueError("count without a character")
    return "".join(result)


def compression_ratio(text):
    """Length of the full encoding divided by the original length (1.0 for empty text)."""
    if len(text) == 0:
        return 1.0
    return round(len(encode(text)) / len(text), 3)


def longest_run(text):
    """(character, length) of the first longest run, or ('', 0) for empty text."""
    best_char = ""
    best_count = 0
    for ch, count in _runs(text):
        if count > best_count:
            best_char = ch
            best_count = count
    return (best_char, best_count)
