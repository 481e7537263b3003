from bignum import add, compare, divide_small, factorial, multiply, negate, normalize, subtract


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_normalize():
    assert normalize(" -007 ") == "-7"
    assert normalize("-0") == "0"
    assert normalize("+000") == "0"
    assert normalize("120") == "120"
    assert normalize("0") == "0"
    assert normalize("-0100") == "-100"


def test_validation():
    assert _error(normalize, "") == "no digits"
    assert _error(normalize, "-") == "no digits"
    assert _error(normalize, "12a") == "not a digit: a"
    assert _error(normalize, "1-2") == "not a digit: -"
    assert _error(normalize, "/") == "not a digit: /"
    assert _error(normalize, "9:") == "not a digit: :"


def test_compare():
    assert compare("10", "9") == 1
    assert compare("9", "10") == -1
    assert compare("-10", "-9") == -1
    assert compare("-9", "-10") == 1
    assert compare("-1", "1") == -1
    assert compare("5", "-6") == 1
    assert compare("007", "7") == 0
    assert compare("123", "124") == -1
    assert compare("124", "123") == 1
    assert compare("-0", "0") == 0


def test_add_with_carries_and_signs():
    assert add("999", "1") == "1000"
    assert add("1", "999") == "1000"
    assert add("123456789123456789", "987654321987654321") == "1111111111111111110"
    assert add("0", "0") == "0"
    assert add("5", "123") == "128"
    assert add("123", "5") == "128"
    assert add("45", "54") == "99"
    assert add("-5", "3") == "-2"
    assert add("5", "-3") == "2"
    assert add("-5", "-7") == "-12"
    assert add("3", "-5") == "-2"
    assert add("12", "-12") == "0"
    assert add("-3", "5") == "2"


def test_subtract_and_negate():
    assert subtract("1000", "1") == "999"
    assert subtract("1", "1000") == "-999"
    assert subtract("-3", "-3") == "0"
    assert subtract("0", "0") == "0"
    assert subtract("100000", "99999") == "1"
    assert subtract("5023", "1999") == "3024"
    assert subtract("5030", "1019") == "4011"
    assert subtract("-20", "5") == "-25"
    assert negate("5") == "-5"
    assert negate("-5") == "5"
    assert negate("0") == "0"


def test_multiply():
    assert multiply("12", "34") == "408"
    assert multiply("-12", "34") == "-408"
    assert multiply("12", "-34") == "-408"
    assert multiply("-5", "-5") == "25"
    assert multiply("0", "-99") == "0"
    assert multiply("99999", "99999") == "9999800001"
    assert multiply("123456789", "987654321") == "121932631112635269"
    assert multiply("7", "1") == "7"


def test_divide_small():
    assert divide_small("1000", 7) == ("142", 6)
    assert divide_small("0", 3) == ("0", 0)
    assert divide_small("123456789123", 1000) == ("123456789", 123)
    assert divide_small("5", 1) == ("5", 0)
    assert divide_small("99", 100) == ("0", 99)
    assert _error(divide_small, "-10", 3) == "needs a non-negative number and a positive divisor"
    assert _error(divide_small, "10", 0) == "needs a non-negative number and a positive divisor"


def test_factorial():
    assert factorial(0) == "1"
    assert factorial(1) == "1"
    assert factorial(2) == "2"
    assert factorial(10) == "3628800"
    assert factorial(25) == "15511210043330985984000000"
