from matrix_ops import (add, determinant, identity, is_identity, is_symmetric, minor, multiply, power, scale, shape,
                        trace, transpose)

A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_shape_and_validation():
    assert shape([]) == (0, 0)
    assert shape([[1, 2]]) == (1, 2)
    assert shape(B) == (3, 2)
    assert _error(shape, [[1, 2], [3, 4], [5]]) == "ragged matrix: row 2"
    assert _error(shape, [[1], [2, 3]]) == "ragged matrix: row 1"
    assert _error(shape, [[]]) == "rows must not be empty"


def test_identity_and_is_identity():
    assert identity(0) == []
    assert identity(3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert is_identity(identity(3))
    assert is_identity([[1, 0], [0, 1.0]])
    assert is_identity([])
    assert is_identity([[1, 0], [0, 2]]) is False
    assert is_identity([[1, 0], [1, 1]]) is False
    assert is_identity([[0, 0], [0, 1]]) is False
    assert is_identity([[1, 0, 0], [0, 1, 0]]) is False


def test_transpose_add_scale():
    assert transpose(A) == [[1, 4], [2, 5], [3, 6]]
    assert transpose([]) == []
    assert transpose([[7]]) == [[7]]
    assert add(A, [[1, 1, 1], [0, 0, -6]]) == [[2, 3, 4], [4, 5, 0]]
    assert _error(add, A, B) == "shapes differ"
    assert scale(A, -2) == [[-2, -4, -6], [-8, -10, -12]]


def test_multiply():
    assert multiply(A, B) == [[58, 64], [139, 154]]
    assert multiply(identity(2), [[3, 4], [5, 6]]) == [[3, 4], [5, 6]]
    assert multiply([[1, 2, 3]], [[4], [5], [6]]) == [[32]]
    assert multiply([[1], [2]], [[3, 4]]) == [[3, 4], [6, 8]]
    assert _error(multiply, A, A) == "cannot multiply 2x3 by 2x3"


def test_minor():
    m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert minor(m, 0, 0) == [[5, 6], [8, 9]]
    assert minor(m, 1, 2) == [[1, 2], [7, 8]]
    assert minor(m, 2, 1) == [[1, 3], [4, 6]]


def test_determinant():
    assert _error(determinant, []) == "empty matrix"
    assert determinant([[5]]) == 5
    assert determinant([[1, 2], [3, 4]]) == -2
    assert determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]) == 0
    assert determinant([[6, 1, 1], [4, -2, 5], [2, 8, 7]]) == -306
    assert determinant([[1, 2, 3, 4], [5, 6, 7, 8], [2, 6, 4, 8], [3, 1, 1, 2]]) == 72
    assert determinant([[0, 2, 0], [1, 0, 0], [0, 0, 3]]) == -6
    assert _error(determinant, A) == "matrix is not square"


def test_trace_and_symmetry():
    assert trace([[1, 2], [3, 4]]) == 5
    assert trace([[2, 0, 0], [0, 3, 0], [0, 0, 4]]) == 9
    assert trace([]) == 0
    assert is_symmetric([[1, 2], [2, 1]])
    assert is_symmetric([[1, 2], [3, 1]]) is False
    assert is_symmetric([[1, 0, 5], [0, 1, 0], [4, 0, 1]]) is False
    assert is_symmetric([[1, 0, 0], [0, 1, 7], [0, 8, 1]]) is False
    assert _error(trace, B) == "matrix is not square"


def test_power():
    fib = [[1, 1], [1, 0]]
    assert power(fib, 10) == [[89, 55], [55, 34]]
    assert power(fib, 5) == [[8, 5], [5, 3]]
    assert power(fib, 1) == fib
    assert power([[2, 0], [0, 3]], 0) == [[1, 0], [0, 1]]
    assert power([[2, 0], [0, 3]], 3) == [[8, 0], [0, 27]]
    assert _error(power, fib, -1) == "negative exponent"
    assert _error(power, A, 2) == "matrix is not square"
