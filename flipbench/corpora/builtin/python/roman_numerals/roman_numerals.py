"""Convert integers to Roman numerals and back, rejecting malformed numerals."""

_SYMBOLS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
MAX_VALUE = 3999
MAX_REPEAT = 3


def to_roman(number):
    """Write an integer in 1..3999 as a Roman numeral; raise ValueError otherwise."""
    if not isinstance(number, int) or number < 1 or number > MAX_VALUE:
        raise ValueError("out of range: " + str(number))
    parts = []
    remaining = number
    for i in range(len(_SYMBOLS)):
        value, symbol = _SYMBOLS[i]
        while remaining >= value:
            parts.append(symbol)
            remaining -= value
    return "".join(parts)


def _value_of(ch):
    if ch not in _VALUES:
        raise ValueError("bad symbol: " + ch)
    return _VALUES[ch]


def parse_roman(text):
    """Read a numeral in any case leniently: a symbol smaller than its successor is subtracted."""
    text = text.strip().upper()
    if len(text) == 0:
        raise ValueError("empty numeral")
    total = 0
    for i in range(len(text)):
        value = _value_of(text[i])
        if i + 1 < len(text) and value < _value_of(text[i + 1]):
            total -= value
        else:
            total += value
    return total


def _max_repeat(text):
    """Length of the longest run of one repeated symbol."""
    best = 0
    run = 0
    for i in range(len(text)):
        if i > 0 and text[i] == text[i - 1]:
            run += 1
        else:
            run = 1
        if run > best:
            best = run
    return best


def diagnose(text):
    """Explain why a numeral would be rejected, or return 'ok' for a canonical one."""
    cleaned = text.strip().upper()
    if cleaned == "":
        return "empty"
    for ch in cleaned:
        if ch not in _VALUES:
            return "bad symbol " + ch
    if _max_repeat(cleaned) > MAX_REPEAT:
        return "too many repeats"
    value = parse_roman(cleaned)
    if value > MAX_VALUE:
        return "too large"
    expected = to_roman(value)
    if expected != cleaned:
        return "not canonical, expected " + expected
    return "ok"


def is_valid_roman(text):
    return diagnose(text) == "ok"


def from_roman(text):
    """Strictly parse a canonical numeral; raise ValueError for anything else."""
    problem = diagnose(text)
    if problem != "ok":
        raise ValueError(problem)
    return parse_roman(text)


def roman_sum(numerals):
    """Add canonical numerals and return the total as a numeral."""
    total = 0
    for numeral in numerals:
        total += from_roman(numeral)
    return to_roman(total)


def compare_roman(left, right):
    """-1, 0 or 1 as the first numeral is smaller than, equal to or larger than the second."""
    a = from_roman(left)
    b = from_roman(right)
    if a < b:
        return -1
    if a > b:
        return 1
    return 0
