"""Polynomials as coefficient lists, lowest degree first: [1, 0, 3] means 3x^2 + 1.

All results are normalised: trailing zero coefficients are removed, so the zero
polynomial is the empty list.
"""


def normalize(poly):
    end = len(poly)
    while end > 0 and poly[end - 1] == 0:
        end -= 1
    return list(poly[:end])


def degree(poly):
    """Degree of the polynomial; -1 for the zero polynomial."""
    return len(normalize(poly)) - 1


def add(p, q):
    size = max(len(p), len(q))
    result = []
    for i in range(size):
        a = p[i] if i < len(p) else 0
        b = q[i] if i < len(q) else 0
        result.append(a + b)
    return normalize(result)


def scale(poly, factor):
    return normalize([c * factor for c in poly])


def subtract(p, q):
    return add(p, scale(q, -1))


def multiply(p, q):
    if len(p) == 0 or len(q) == 0:
        return []
    # Degrees add up: the product has len(p) + len(q) - 1 coefficients.
    result = [0] * (len(p) + len(q) - 1)
    for i in range(len(p)):
        for j in range(len(q)):
            result[i + j] += p[i] * q[j]
    return normalize(result)


def evaluate(poly, x):
    """Value at x by Horner's rule."""
    total = 0
    for i in range(len(poly) - 1, -1, -1):
        total = total * x + poly[i]
    return total


def derivative(poly):
    result = []
    for i in range(1, len(poly)):
        result.append(poly[i] * i)
    return normalize(result)


def compose(p, q):
    """The polynomial p(q(x))."""
    result = []
    for i in range(len(p) - 1, -1, -1):
        result = add(multiply(result, q), [p[i]])
    return result


def divide_linear(poly, root):
    """Divide by (x - root) with synthetic division: (quotient, remainder)."""
    poly = normalize(poly)
    if len(poly) == 0:
        return ([], 0)
    quotient = [0] * (len(poly) - 1)
    carry = 0
    for i in range(len(poly) - 1, 0, -1):
        carry = carry * root + poly[i]
        quotient[i - 1] = carry
    remainder = carry * root + poly[0]
    return (normalize(quotient), remainder)


def integer_roots(poly):
    """Distinct integer roots, ascending; candidates divide the lowest non-zero coefficient."""
    poly = normalize(poly)
    if len(poly) <= 1:
        return []
    roots = []
    start = 0
    while poly[start] == 0:
        start += 1
    if start > 0:
        roots.append(0)
    constant = abs(poly[start])
    for d in range(1, constant + 1):
        if constant % d == 0:
            for candidate in (d, -d):
                if evaluate(poly, candidate) == 0:
                    roots.append(candidate)
    return sorted(roots)


def _term(coefficient, power):
    """Text of one term with a non-negative coefficient."""
    if power == 0:
        return str(coefficient)
    text = "" if coefficient == 1 else str(coefficient)
    if power == 1:
        return text + "x"
    return text + "x^" + str(power)


def to_string(poly):
    """Like '3x^2 - x + 1'; '0' for the zero polynomial."""
    poly = normalize(poly)
    if len(poly) == 0:
        return "0"
    parts = []
    for power in range(len(poly) - 1, -1, -1):
        c = poly[power]
        if c == 0:
            continue
        if len(parts) == 0:
            parts.append(("-" if c < 0 else "") + _term(abs(c), power))
        else:
            parts.append((" - " if c < 0 else " + ") + _term(abs(c), power))
    return "".join(parts)
