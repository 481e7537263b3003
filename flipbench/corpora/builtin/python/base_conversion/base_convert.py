"""Convert integers between bases 2 to 36, with validation of digits and bases."""

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
MIN_BASE = 2
MAX_BASE = 36


def _check_base(base):
    if base < MIN_BASE or base > MAX_BASE:
        raise ValueError("base must be in 2..36, got " + str(base))


def digit_value(ch):
    """Value of one digit character (case-insensitive), or -1 when it is not a digit."""
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    lower = ch.lower()
    if "a" <= lower <= "z":
        return ord(lower) - ord("a") + 10
    return -1


def to_base(number, base):
    """Lower-case digits of number in base; negative numbers get a leading '-'."""
    _check_base(base)
    if number == 0:
        return "0"
    negative = number < 0
    number = abs(number)
    digits = []
    while number > 0:
        digits.append(DIGITS[number % base])
        number //= base
    if negative:
        digits.append("-")
    return "".join(reversed(digits))


def from_base(text, base):
    """Parse digits in base with an optional sign; single underscores may separate digits."""
    _check_base(base)
    text = text.strip()
    sign = 1
    if len(text) > 0 and (text[0] == "-" or text[0] == "+"):
        if text[0] == "-":
            sign = -1
        text = text[1:]
    if len(text) == 0:
        raise ValueError("no digits")
    if text[0] == "_" or text[-1] == "_" or "__" in text:
        raise ValueError("misplaced underscore")
    value = 0
    for ch in text:
        if ch == "_":
            continue
        d = digit_value(ch)
        if d < 0 or d >= base:
            raise ValueError("invalid digit " + ch + " for base " + str(base))
        value = value * base + d
    return sign * value


def is_valid(text, base):
    try:
        from_base(text, base)
    except ValueError:
        return False
    return True


def convert(text, source_base, target_base):
    return to_base(from_base(text, source_base), target_base)


def to_base_grouped(number, base, width, group):
    """Digits zero-padded on the left to width, then split by '_' every group digits from the right."""
    if number < 0:
        raise ValueError("grouping needs a non-negative number")
    digits = to_base(number, base)
    while len(digits) < width:
        digits = "0" + digits
    if group <= 0:
        return digits
    parts = []
    end = len(digits)
    while end > 0:
        start = max(0, end - group)
        parts.append(digits[start:end])
        end = start
    return "_".join(reversed(parts))


def twos_complement(number, bits):
    """Two's complement bit string of number in the given width; rejects values that do not fit."""
    low = -(2 ** (bits - 1))
    high = 2 ** (bits - 1) - 1
    if number < low or number > high:
        raise ValueError(str(number) + " does not fit in " + str(bits) + " bits")
    if number < 0:
        number += 2 ** bits
    text = to_base(number, 2)
    return "0" * (bits - len(text)) + text


def digit_sum(text, base):
    """Sum of the digit values of a number written in base (sign ignored)."""
    total = 0
    for ch in to_base(abs(from_base(text, base)), base):
        total += digit_value(ch)
    return total
