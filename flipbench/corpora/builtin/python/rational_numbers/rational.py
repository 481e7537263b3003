"""Exact rational numbers, always stored in lowest terms with a positive denominator."""


def _gcd(a, b):
    a = abs(a)
    b = abs(b)
    while b != 0:
        a, b = b, a % b
    return a


def _coerce(value):
    if isinstance(value, Rational):
        return value
    if isinstance(value, int):
        return Rational(value, 1)
    raise TypeError("cannot use " + repr(value) + " as a rational")


class Rational:
    def __init__(self, numerator, denominator=1):
        if denominator == 0:
            raise ZeroDivisionError("zero denominator")
        if denominator < 0:
            numerator = -numerator
            denominator = -denominator
        g = _gcd(numerator, denominator)
        self.num = numerator // g
        self.den = denominator // g

    @staticmethod
    def parse(text):
        """Read '3/4', '-2', ' 6 / -8 ' or a decimal such as '-1.25'."""
        text = text.strip()
        if "/" in text:
            top, bottom = text.split("/", 1)
            return Rational(int(top.strip()), int(bottom.strip()))
        if "." in text:
            whole, frac = text.split(".", 1)
            negative = whole.startswith("-")
            scale = 10 ** len(frac)
            digits = int(whole.lstrip("-") or "0") * scale + int(frac or "0")
            return Rational(-digits if negative else digits, scale)
        return Rational(int(text), 1)

    def __add__(self, other):
        other = _coerce(other)
        return Rational(self.num * other.den + other.num * self.den, self.den * other.den)

    def __sub__(self, other):
        other = _coerce(other)
        return Rational(self.num * other.den - other.num * self.den, self.den * other.den)

    def __mul__(self, other):
        other = _coerce(other)
        return Rational(self.num * other.num, self.den * other.den)

    def __truediv__(self, other):
        other = _coerce(other)
        if other.num == 0:
            raise ZeroDivisionError("division by zero")
        return Rational(self.num * other.den, self.den * other.num)

    def __neg__(self):
        return Rational(-self.num, self.den)

    def __eq__(self, other):
        other = _coerce(other)
        return self.num == other.num and self.den == other.den

    def __lt__(self, other):
        other = _coerce(other)
        return self.num * other.den < other.num * self.den

    def __le__(self, other):
        return self < other or self == other

    def __hash__(self):
        return hash((self.num, self.den))

    def __repr__(self):
        return "Rational(" + str(self.num) + ", " + str(self.den) + ")"

    def __str__(self):
        if self.den == 1:
            return str(self.num)
        return str(self.num) + "/" + str(self.den)

    def reciprocal(self):
        return Rational(self.den, self.num)

    def power(self, exponent):
        """Integer powers; a negative exponent inverts first."""
        if exponent < 0:
            return self.reciprocal().power(-exponent)
        result = Rational(1)
        for _ in range(exponent):
            result = result * self
        return result

    def floor(self):
        return self.num // self.den

    def to_mixed(self):
        """'1 1/2' style text; the sign goes in front of the whole part."""
        whole = abs(self.num) // self.den
        rest = abs(self.num) % self.den
        sign = "-" if self.num < 0 else ""
        if rest == 0:
            return sign + str(whole)
        if whole == 0:
            return sign + str(rest) + "/" + str(self.den)
        return sign + str(whole) + " " + str(rest) + "/" + str(self.den)

    def to_decimal(self, places):
        """Decimal expansion truncated (toward zero) to the given number of places."""
        remainder = abs(self.num)
        text = str(remainder // self.den)
        remainder = remainder % self.den
        if places > 0:
            text += "."
        for _ in range(places):
            remainder *= 10
            text += str(remainder // self.den)
            remainder = remainder % self.den
        if self.num < 0:
            text = "-" + text
        return text

    def continued_fraction(self):
        """Terms [a0; a1, a2, ...] of the finite continued fraction."""
        terms = []
        num = self.num
        den = self.den
        while den != 0:
            whole = num // den
            terms.append(whole)
            num, den = den, num - whole * den
        return terms
