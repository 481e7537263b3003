from roman_numerals import compare_roman, diagnose, from_roman, is_valid_roman, parse_roman, roman_sum, to_roman


def _raises(func, *args):
    try:
        func(*args)
    except ValueError:
        return True
    return False


def test_to_roman_subtractive_pairs():
    assert to_roman(1) == "I"
    assert to_roman(3) == "III"
    assert to_roman(4) == "IV"
    assert to_roman(8) == "VIII"
    assert to_roman(9) == "IX"
    assert to_roman(14) == "XIV"
    assert to_roman(40) == "XL"
    assert to_roman(90) == "XC"
    assert to_roman(400) == "CD"
    assert to_roman(300) == "CCC"
    assert to_roman(1666) == "MDCLXVI"
    assert to_roman(1994) == "MCMXCIV"
    assert to_roman(2024) == "MMXXIV"


def test_to_roman_range_limits():
    assert to_roman(3999) == "MMMCMXCIX"
    assert _raises(to_roman, 4000)
    assert _raises(to_roman, 0)
    assert _raises(to_roman, -5)
    assert _raises(to_roman, 2.0)


def test_parse_roman_is_lenient():
    assert parse_roman("mcmxciv") == 1994
    assert parse_roman(" xiv ") == 14
    assert parse_roman("IIII") == 4
    assert parse_roman("IM") == 999
    assert parse_roman("V") == 5
    assert _raises(parse_roman, "")
    assert _raises(parse_roman, "XQ")


def test_diagnose_reasons():
    assert diagnose("  ") == "empty"
    assert diagnose("XIZ") == "bad symbol Z"
    assert diagnose("XXXX") == "too many repeats"
    assert diagnose("MMMM") == "too many repeats"
    assert diagnose("XXXIX") == "ok"
    assert diagnose("MMMCMM") == "too large"
    assert diagnose("IM") == "not canonical, expected CMXCIX"
    assert diagnose("mmxxiv") == "ok"
    assert diagnose("XIXIXIX") == "not canonical, expected XXXVII"


def test_is_valid_roman():
    assert is_valid_roman("IV")
    assert is_valid_roman("MMMCMXCIX")
    assert not is_valid_roman("IIV")
    assert not is_valid_roman("VX")
    assert not is_valid_roman("")


def test_from_roman_strict():
    assert from_roman("XLII") == 42
    assert from_roman("cdxliv") == 444
    assert _raises(from_roman, "IL")
    assert _raises(from_roman, "ABC")


def test_roman_sum_and_compare():
    assert roman_sum(["X", "IX", "I"]) == "XX"
    assert roman_sum(["MMM", "CMXCIX"]) == "MMMCMXCIX"
    assert _raises(roman_sum, ["MMM", "M"])
    assert compare_roman("IX", "XI") == -1
    assert compare_roman("XI", "IX") == 1
    assert compare_roman("xii", "XII") == 0


def test_round_trip_small_numbers():
    for number in range(1, 60):
        assert from_roman(to_roman(number)) == number
