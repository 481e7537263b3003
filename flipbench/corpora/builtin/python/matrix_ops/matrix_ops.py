"""Matrix operations on lists of lists (rows) of numbers."""


def shape(matrix):
    """(rows, columns); raises ValueError for ragged or empty-row matrices."""
    if len(matrix) == 0:
        return (0, 0)
    columns = len(matrix[0])
    if columns == 0:
        raise ValueError("rows must not be empty")
    for i in range(1, len(matrix)):
        if len(matrix[i]) != columns:
            raise ValueError("ragged matrix: row " + str(i))
    return (len(matrix), columns)


def _square_size(matrix):
    rows, columns = shape(matrix)
    if rows != columns:
        raise ValueError("matrix is not square")
    return rows


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def is_identity(matrix):
    rows, columns = shape(matrix)
    if rows != columns:
        return False
    for i in range(rows):
        for j in range(columns):
            expected = 1 if i == j else 0
            if matrix[i][j] != expected:
                return False
    return True


def transpose(matrix):
    rows, columns = shape(matrix)
    return [[matrix[i][j] for i in range(rows)] for j in range(columns)]


def add(a, b):
    if shape(a) != shape(b):
        raise ValueError("shapes differ")
    return [[a[i][j] + b[i][j] for j in range(len(a[i]))] for i in range(len(a))]


def scale(matrix, factor):
    return [[value * factor for value in row] for row in matrix]


def multiply(a, b):
    """Matrix product; the columns of a must match the rows of b."""
    rows_a, cols_a = shape(a)
    rows_b, cols_b = shape(b)
    if cols_a != rows_b:
        raise ValueError("cannot multiply " + str(rows_a) + "x" + str(cols_a) + " by " + str(rows_b) + "x" + str(cols_b))
    product = [[0] * cols_b for _ in range(rows_a)]
    for i in range(rows_a):
        for j in range(cols_b):
            total = 0
            for k in range(cols_a):
                total += a[i][k] * b[k][j]
            product[i][j] = total
    return product


def minor(matrix, row, column):
    """The matrix without one row and one column."""
    return [
        [matrix[i][j] for j in range(len(matrix[i])) if j != column]
        for i in range(len(matrix))
        if i != row
    ]


def determinant(matrix):
    """Determinant by cofactor expansion along the first row."""
    n = _square_size(matrix)
    if n == 0:
        raise ValueError("empty matrix")
    if n == 1:
        return matrix[0][0]
    total = 0
    for j in range(n):
        sign = 1 if j % 2 == 0 else -1
        total += sign * matrix[0][j] * determinant(minor(matrix, 0, j))
    return total


def trace(matrix):
    n = _square_size(matrix)
    total = 0
    for i in range(n):
        total += matrix[i][i]
    return total


def is_symmetric(matrix):
    n = _square_size(matrix)
    for i in range(n):
        for j in range(i + 1, n):
            if matrix[i][j] != matrix[j][i]:
                return False
    return True


def power(matrix, exponent):
    """matrix raised to a non-negative integer power by repeated squaring."""
    n = _square_size(matrix)
    if exponent < 0:
        raise ValueError("negative exponent")
    result = identity(n)
    base = matrix
    while exponent > 0:
        if exponent % 2 == 1:
            result = multiply(result, base)
        base = multiply(base, base)
        exponent //= 2
    return result
