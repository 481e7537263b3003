from polynomial import (add, compose, degree, derivative, divide_linear, evaluate, integer_roots, multiply, normalize,
                        scale, subtract, to_string)


def test_normalize_and_degree():
    assert normalize([1, 2, 0, 0]) == [1, 2]
    assert normalize([0, 0]) == []
    assert normalize([]) == []
    assert normalize([0, 3]) == [0, 3]
    assert degree([0, 0]) == -1
    assert degree([1, 0, 2, 0]) == 2
    assert degree([5]) == 0


def test_add_subtract_scale():
    assert add([1, 2, 3], [-1, -2, -3]) == []
    assert add([1], [0, 0, 4]) == [1, 0, 4]
    assert add([0, 0, 4], [1]) == [1, 0, 4]
    assert subtract([5], [1, 2]) == [4, -2]
    assert subtract([1, 2], [1, 2]) == []
    assert scale([1, 2], 0) == []
    assert scale([1, -2], 3) == [3, -6]


def test_multiply():
    assert multiply([1, 1], [-1, 1]) == [-1, 0, 1]
    assert multiply([1, 2, 3], [4, 5]) == [4, 13, 22, 15]
    assert multiply([], [1, 2]) == []
    assert multiply([1, 2], []) == []
    assert multiply([3], [0, 0, 2]) == [0, 0, 6]


def test_evaluate_and_derivative():
    assert evaluate([1, -1, 3], 2) == 11
    assert evaluate([], 5) == 0
    assert evaluate([2, 0, 0, 1], -2) == -6
    assert evaluate([7], 100) == 7
    assert derivative([5, 3, 0, 2]) == [3, 0, 6]
    assert derivative([7]) == []
    assert derivative([0, 4]) == [4]


def test_compose():
    assert compose([1, 0, 1], [1, 1]) == [2, 2, 1]
    assert compose([0, 0, 0, 1], [0, 2]) == [0, 0, 0, 8]
    assert compose([], [1, 1]) == []
    assert compose([4], [1, 1]) == [4]
    assert compose([1, 2], [3]) == [7]


def test_divide_linear():
    assert divide_linear([-6, 11, -6, 1], 1) == ([6, -5, 1], 0)
    assert divide_linear([1, 0, 1], 2) == ([2, 1], 5)
    assert divide_linear([5], 3) == ([], 5)
    assert divide_linear([-4, 0, 1], -2) == ([-2, 1], 0)
    assert divide_linear([0, 0], 4) == ([], 0)
    assert divide_linear([], 4) == ([], 0)
    assert divide_linear([3, 2, 0], 1) == ([2], 5)


def test_integer_roots():
    assert integer_roots([-6, 11, -6, 1]) == [1, 2, 3]
    assert integer_roots([0, 0, -4, 0, 1]) == [-2, 0, 2]
    assert integer_roots([1, 0, 1]) == []
    assert integer_roots([6, -5, 1]) == [2, 3]
    assert integer_roots([3]) == []
    assert integer_roots([]) == []
    assert integer_roots([0, 0]) == []
    assert integer_roots([0, 3]) == [0]
    assert integer_roots([-12, 1, 1]) == [-4, 3]
    assert integer_roots([-1, 1]) == [1]


def test_to_string():
    assert to_string([1, -1, 3]) == "3x^2 - x + 1"
    assert to_string([0, 1]) == "x"
    assert to_string([0, 0, 0, -1]) == "-x^3"
    assert to_string([-5, 2]) == "2x - 5"
    assert to_string([]) == "0"
    assert to_string([0, 0]) == "0"
    assert to_string([7]) == "7"
    assert to_string([-1]) == "-1"
    assert to_string([1, 1, 1]) == "x^2 + x + 1"
    assert to_string([0, -2, 0, 1]) == "x^3 - 2x"
    assert to_string([0, 0, 12]) == "12x^2"
