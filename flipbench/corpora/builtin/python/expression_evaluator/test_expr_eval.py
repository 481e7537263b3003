from expr_eval import ParseError, evaluate, parse, to_string, tokenize


def _error_position(text):
    try:
        evaluate(text)
    except ParseError as error:
        return error.position
    return None


def test_tokenize():
    assert tokenize("3.25*(x_1 - 4)") == ["3.25", "*", "(", "x_1", "-", "4", ")"]
    assert tokenize("  ") == []
    assert tokenize("2^-a9") == ["2", "^", "-", "a9"]
    assert tokenize(".5+10") == [".5", "+", "10"]


def test_precedence_and_associativity():
    assert evaluate("1+2*3") == 7
    assert evaluate("(1+2)*3") == 9
    assert evaluate("10-4-3") == 3
    assert evaluate("12/4/3") == 1
    assert evaluate("2^3^2") == 512
    assert evaluate("2*3^2") == 18
    assert evaluate("(((3)))") == 3


def test_unary_signs():
    assert evaluate("-2^2") == -4
    assert evaluate("(-2)^2") == 4
    assert evaluate("2*-3") == -6
    assert evaluate("--4") == 4
    assert evaluate("+5") == 5
    assert evaluate("+-5") == -5
    assert evaluate("2^-1") == 0.5
    assert evaluate("1-(-1)") == 2


def test_division_stays_exact_when_possible():
    assert repr(evaluate("8/4")) == "2"
    assert repr(evaluate("-7/7")) == "-1"
    assert repr(evaluate("7/2")) == "3.5"
    assert repr(evaluate("1.5*2")) == "3.0"
    assert repr(evaluate("3.0/1")) == "3.0"
    assert evaluate("100/8*2") == 25.0


def test_division_by_zero():
    for text in ["1/0", "1/(2-2)", "0/0"]:
        try:
            evaluate(text)
        except ZeroDivisionError as error:
            assert str(error) == "division by zero"
            continue
        raise AssertionError(text)


def test_variables():
    assert evaluate("x*y+1", {"x": 3, "y": 4}) == 13
    assert evaluate("-x", {"x": 2.5}) == -2.5
    assert evaluate("rate_2 ^ 2", {"rate_2": 3}) == 9
    try:
        evaluate("y+1", {"x": 1})
    except NameError as error:
        assert str(error) == "unknown name y"
    else:
        raise AssertionError("unknown name accepted")


def test_syntax_errors_report_token_position():
    assert _error_position("1+") == 2
    assert _error_position("(1+2") == 4
    assert _error_position("1 2") == 1
    assert _error_position("2*)") == 2
    assert _error_position("3 # 4") == 1
    assert _error_position("1.2.3") == 0
    assert _error_position("4 + .") == 2
    assert _error_position("") == 0
    assert _error_position("(2)3") == 3
    assert _error_position("2^") == 2
    try:
        parse("(1")
    except ParseError as error:
        assert str(error) == "expected ) at token 2"


def test_to_string_parenthesises_fully():
    assert to_string(parse("1+2*3")) == "(1 + (2 * 3))"
    assert to_string(parse("-2^2")) == "(-(2 ^ 2))"
    assert to_string(parse("+5")) == "5"
    assert to_string(parse("a/(b-1.5)")) == "(a / (b - 1.5))"
    assert to_string(parse("2^3^2")) == "(2 ^ (3 ^ 2))"
