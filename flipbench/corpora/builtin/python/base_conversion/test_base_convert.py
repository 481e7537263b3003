from base_convert import convert, digit_sum, digit_value, from_base, is_valid, to_base, to_base_grouped, twos_complement


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_digit_value():
    assert digit_value("0") == 0
    assert digit_value("9") == 9
    assert digit_value("a") == 10
    assert digit_value("A") == 10
    assert digit_value("z") == 35
    assert digit_value("Z") == 35
    for ch in "@[/:`{ -":
        assert digit_value(ch) == -1


def test_to_base():
    assert to_base(255, 16) == "ff"
    assert to_base(-10, 2) == "-1010"
    assert to_base(0, 7) == "0"
    assert to_base(35, 36) == "z"
    assert to_base(36, 36) == "10"
    assert to_base(1295, 36) == "zz"
    assert to_base(1, 2) == "1"
    assert to_base(-1, 10) == "-1"
    assert to_base(8, 8) == "10"


def test_base_range_is_checked():
    assert _error(to_base, 5, 1) == "base must be in 2..36, got 1"
    assert _error(to_base, 5, 37) == "base must be in 2..36, got 37"
    assert _error(from_base, "1", 0) == "base must be in 2..36, got 0"
    assert to_base(5, 2) == "101"


def test_from_base():
    assert from_base("ff", 16) == 255
    assert from_base("FF", 16) == 255
    assert from_base("-1010", 2) == -10
    assert from_base(" +Zz ", 36) == 1295
    assert from_base("1_000", 10) == 1000
    assert from_base("1_0", 2) == 2
    assert from_base("0", 2) == 0
    assert from_base("-0", 10) == 0


def test_from_base_rejects_bad_input():
    assert _error(from_base, "2", 2) == "invalid digit 2 for base 2"
    assert _error(from_base, "g", 16) == "invalid digit g for base 16"
    assert _error(from_base, "1.5", 10) == "invalid digit . for base 10"
    assert _error(from_base, "", 10) == "no digits"
    assert _error(from_base, " - ", 10) == "no digits"
    assert _error(from_base, "_1", 10) == "misplaced underscore"
    assert _error(from_base, "1_", 10) == "misplaced underscore"
    assert _error(from_base, "1__0", 10) == "misplaced underscore"
    assert _error(from_base, "--1", 10) == "invalid digit - for base 10"


def test_is_valid_and_convert():
    assert is_valid("z", 36)
    assert is_valid("f", 16)
    assert is_valid("1", 2)
    assert is_valid("2", 2) is False
    assert not is_valid("", 2)
    assert not is_valid("10", 40)
    assert convert("777", 8, 2) == "111111111"
    assert convert("-ff", 16, 10) == "-255"
    assert convert("zz", 36, 16) == "50f"


def test_to_base_grouped():
    assert to_base_grouped(255, 2, 12, 4) == "0000_1111_1111"
    assert to_base_grouped(5, 10, 0, 3) == "5"
    assert to_base_grouped(1234567, 10, 0, 3) == "1_234_567"
    assert to_base_grouped(123456, 10, 0, 3) == "123_456"
    assert to_base_grouped(10, 16, 4, 0) == "000a"
    assert to_base_grouped(10, 16, 2, 1) == "0_a"
    assert to_base_grouped(99, 10, 2, 3) == "99"
    assert to_base_grouped(0, 2, 4, 2) == "00_00"
    assert _error(to_base_grouped, -1, 10, 0, 3) == "grouping needs a non-negative number"


def test_twos_complement():
    assert twos_complement(-1, 8) == "11111111"
    assert twos_complement(5, 8) == "00000101"
    assert twos_complement(-128, 8) == "10000000"
    assert twos_complement(127, 8) == "01111111"
    assert twos_complement(-3, 4) == "1101"
    assert twos_complement(0, 3) == "000"
    assert _error(twos_complement, 128, 8) == "128 does not fit in 8 bits"
    assert _error(twos_complement, -129, 8) == "-129 does not fit in 8 bits"


def test_digit_sum():
    assert digit_sum("999", 10) == 27
    assert digit_sum("-ff", 16) == 30
    assert digit_sum("0", 2) == 0
    assert digit_sum("1_0_1", 2) == 2
