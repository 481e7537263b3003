from rational import Rational


def _raises(error_type, func, *args):
    try:
        func(*args)
    except error_type:
        return True
    return False


def test_normalization():
    r = Rational(6, -8)
    assert (r.num, r.den) == (-3, 4)
    assert str(r) == "-3/4"
    assert (Rational(0, 5).num, Rational(0, 5).den) == (0, 1)
    assert repr(Rational(-10, 4)) == "Rational(-5, 2)"
    assert repr(Rational(-4, -6)) == "Rational(2, 3)"
    assert str(Rational(12, 4)) == "3"
    assert str(Rational(7)) == "7"
    assert repr(Rational(5, -1)) == "Rational(-5, 1)"
    assert _raises(ZeroDivisionError, Rational, 1, 0)


def test_parse():
    assert Rational.parse(" 6 / -8 ") == Rational(-3, 4)
    assert Rational.parse("-1.25") == Rational(-5, 4)
    assert Rational.parse("0.5") == Rational(1, 2)
    assert Rational.parse(".5") == Rational(1, 2)
    assert Rational.parse("3.") == Rational(3)
    assert Rational.parse("-0.05") == Rational(-1, 20)
    assert Rational.parse("2.75") == Rational(11, 4)
    assert Rational.parse("7") == Rational(7, 1)
    assert Rational.parse(" -1.5 ") == Rational(-3, 2)
    assert _raises(ZeroDivisionError, Rational.parse, "1/0")


def test_arithmetic():
    assert Rational(1, 2) + Rational(1, 3) == Rational(5, 6)
    assert Rational(1, 2) - Rational(3, 4) == Rational(-1, 4)
    assert Rational(2, 3) * Rational(9, 4) == Rational(3, 2)
    assert Rational(1, 2) / Rational(1, 4) == Rational(2)
    assert Rational(2, 5) / Rational(-4, 3) == Rational(-3, 10)
    assert Rational(1, 2) + 1 == Rational(3, 2)
    assert Rational(5, 2) - 3 == Rational(-1, 2)
    assert Rational(3, 4) * 4 == 3
    assert -Rational(1, 3) == Rational(-1, 3)
    assert Rational(3, 4) / 3 == Rational(1, 4)
    assert Rational(1, 2) / Rational(-1) == Rational(-1, 2)
    try:
        Rational(1, 2) / Rational(0)
    except ZeroDivisionError as error:
        assert str(error) == "division by zero"
    else:
        raise AssertionError("no error")
    try:
        Rational(1, 2) + 0.5
    except TypeError as error:
        assert str(error) == "cannot use 0.5 as a rational"
    else:
        raise AssertionError("no error")


def test_comparisons_and_hash():
    assert Rational(1, 3) < Rational(1, 2)
    assert not Rational(1, 2) < Rational(1, 3)
    assert not Rational(1, 2) < Rational(2, 4)
    assert Rational(-1, 2) < Rational(-1, 3)
    assert Rational(1, 2) < 1
    assert not Rational(3, 2) < 1
    assert Rational(1, 2) <= Rational(2, 4)
    assert Rational(1, 3) <= Rational(1, 2)
    assert not Rational(2, 3) <= Rational(1, 2)
    assert Rational(2, 4) == Rational(1, 2)
    assert Rational(2, 3) != Rational(2, 5)
    assert Rational(2, 3) != Rational(3, 3)
    assert len({Rational(1, 2), Rational(2, 4), Rational(3, 6)}) == 1


def test_reciprocal_and_power():
    assert Rational(-2, 3).reciprocal() == Rational(-3, 2)
    assert _raises(ZeroDivisionError, Rational(0).reciprocal)
    assert Rational(2, 3).power(3) == Rational(8, 27)
    assert Rational(2, 3).power(-2) == Rational(9, 4)
    assert Rational(2, 3).power(1) == Rational(2, 3)
    assert Rational(2, 3).power(-1) == Rational(3, 2)
    assert Rational(5).power(0) == Rational(1)


def test_floor_and_mixed():
    assert Rational(7, 2).floor() == 3
    assert Rational(-7, 2).floor() == -4
    assert Rational(6, 3).floor() == 2
    assert Rational(3, 2).to_mixed() == "1 1/2"
    assert Rational(-7, 2).to_mixed() == "-3 1/2"
    assert Rational(-1, 3).to_mixed() == "-1/3"
    assert Rational(4).to_mixed() == "4"
    assert Rational(-4).to_mixed() == "-4"
    assert Rational(0).to_mixed() == "0"


def test_to_decimal():
    assert Rational(1, 3).to_decimal(3) == "0.333"
    assert Rational(-7, 4).to_decimal(4) == "-1.7500"
    assert Rational(22, 7).to_decimal(5) == "3.14285"
    assert Rational(5, 2).to_decimal(0) == "2"
    assert Rational(-1, 8).to_decimal(2) == "-0.12"
    assert Rational(1, 8).to_decimal(1) == "0.1"
    assert Rational(0).to_decimal(2) == "0.00"


def test_continued_fraction():
    assert Rational(415, 93).continued_fraction() == [4, 2, 6, 7]
    assert Rational(-7, 3).continued_fraction() == [-3, 1, 2]
    assert Rational(3).continued_fraction() == [3]
    assert Rational(0).continued_fraction() == [0]
    assert Rational(1, 2).continued_fraction() == [0, 2]
