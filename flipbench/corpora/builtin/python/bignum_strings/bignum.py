"""Arbitrary-size integer arithmetic on decimal digit strings, done digit by digit.

Numbers are strings such as "-12045"; results are normalised (no leading zeros, no "-0").
"""


def _digit(ch):
    return ord(ch) - ord("0")


def _split(text):
    """(negative, digits) of a validated, normalised number."""
    text = text.strip()
    negative = False
    if len(text) > 0 and (text[0] == "-" or text[0] == "+"):
        negative = text[0] == "-"
        text = text[1:]
    if len(text) == 0:
        raise ValueError("no digits")
    for ch in text:
        if ch < "0" or ch > "9":
            raise ValueError("not a digit: " + ch)
    start = 0
    while start < len(text) - 1 and text[start] == "0":
        start += 1
    digits = text[start:]
    return (negative and digits != "0", digits)


def _join(negative, digits):
    return ("-" if negative else "") + digits


def normalize(text):
    negative, digits = _split(text)
    return _join(negative, digits)


def _compare_magnitude(a, b):
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    for i in range(len(a)):
        if a[i] != b[i]:
            return -1 if a[i] < b[i] else 1
    return 0


def compare(a, b):
    """-1, 0 or 1 as a is less than, equal to or greater than b."""
    neg_a, da = _split(a)
    neg_b, db = _split(b)
    if neg_a != neg_b:
        return -1 if neg_a else 1
    result = _compare_magnitude(da, db)
    return -result if neg_a else result


def _add_magnitude(a, b):
    result = []
    carry = 0
    i = len(a) - 1
    j = len(b) - 1
    while i >= 0 or j >= 0 or carry > 0:
        total = carry
        if i >= 0:
            total += _digit(a[i])
        if j >= 0:
            total += _digit(b[j])
        result.append(str(total % 10))
        carry = total // 10
        i -= 1
        j -= 1
    return "".join(reversed(result))


def _subtract_magnitude(a, b):
    """a - b for magnitudes with a >= b."""
    result = []
    borrow = 0
    j = len(b) - 1
    for i in range(len(a) - 1, -1, -1):
        value = _digit(a[i]) - borrow
        if j >= 0:
            value -= _digit(b[j])
        j -= 1
        if value < 0:
            value += 10
            borrow = 1
        else:
            borrow = 0
        result.append(str(value))
    return normalize("".join(reversed(result)))


def add(a, b):
    neg_a, da = _split(a)
    neg_b, db = _split(b)
    if neg_a == neg_b:
        return normalize(_join(neg_a, _add_magnitude(da, db)))
    # Signs differ: subtract the smaller magnitude from the larger one.
    order = _compare_magnitude(da, db)
    if order == 0:
        return "0"
    if order > 0:
        return _join(neg_a, _subtract_magnitude(da, db))
    return _join(neg_b, _subtract_magnitude(db, da))


def negate(a):
    negative, digits = _split(a)
    return normalize(_join(not negative, digits))


def subtract(a, b):
    return add(a, negate(b))


def multiply(a, b):
    """Schoolbook multiplication with one slot per result digit."""
    neg_a, da = _split(a)
    neg_b, db = _split(b)
    slots = [0] * (len(da) + len(db))
    for i in range(len(da) - 1, -1, -1):
        for j in range(len(db) - 1, -1, -1):
            position = i + j + 1
            total = slots[position] + _digit(da[i]) * _digit(db[j])
            slots[position] = total % 10
            slots[position - 1] += total // 10
    digits = "".join(str(d) for d in slots)
    return normalize(_join(neg_a != neg_b, digits))


def divide_small(a, divisor):
    """Long division by a positive int: (quotient, remainder) for a non-negative a."""
    negative, digits = _split(a)
    if negative or divisor <= 0:
        raise ValueError("needs a non-negative number and a positive divisor")
    quotient = []
    remainder = 0
    for ch in digits:
        remainder = remainder * 10 + _digit(ch)
        quotient.append(str(remainder // divisor))
        remainder = remainder % divisor
    return (normalize("".join(quotient)), remainder)


def factorial(n):
    result = "1"
    for k in range(2, n + 1):
        result = multiply(result, str(k))
    return result
