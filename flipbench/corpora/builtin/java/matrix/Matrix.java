import java.util.Arrays;

/** An immutable matrix of long integers. */
public class Matrix {
    private final long[][] data;

    public Matrix(long[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("matrix must not be empty");
        }
        data = new long[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " columns");
            }
            data[r] = rows[r].clone();
        }
    }

    public static Matrix identity(int n) {
        long[][] rows = new long[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1;
        }
        return new Matrix(rows);
    }

    public int rows() {
        return data.length;
    }

    public int cols() {
        return data[0].length;
    }

    public long get(int row, int col) {
        return data[row][col];
    }

    public Matrix add(Matrix other) {
        if (rows() != other.rows() || cols() != other.cols()) {
            throw new IllegalArgumentException("dimensions differ");
        }
        long[][] out = new long[rows()][cols()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                out[r][c] = data[r][c] + other.data[r][c];
            }
        }
        return new Matrix(out);
    }

    public Matrix multiply(Matrix other) {
        if (cols() != other.rows()) {
            throw new IllegalArgumentException(rows() + "x" + cols() + " times " + other.rows() + "x" + other.cols());
        }
        long[][] out = new long[rows()][other.cols()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < other.cols(); c++) {
                long sum = 0;
                for (int k = 0; k < cols(); k++) {
                    sum += data[r][k] * other.data[k][c];
                }
                out[r][c] = sum;
            }
        }
        return new Matrix(out);
    }

    public Matrix transpose() {
        long[][] out = new long[cols()][rows()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                out[c][r] = data[r][c];
            }
        }
        return new Matrix(out);
    }

    /** Raises a square matrix to a non-negative power by repeated squaring. */
    public Matrix power(int exponent) {
        requireSquare();
        if (exponent < 0) {
            throw new IllegalArgumentException("negative exponent");
        }
        if (exponent == 0) {
            return identity(rows());
        }
        Matrix half = power(exponent / 2);
        Matrix result = half.multiply(half);
        if (exponent % 2 == 1) {
            result = result.multiply(this);
        }
        return result;
    }

    public long trace() {
        requireSquare();
        long sum = 0;
        for (int i = 0; i < rows(); i++) {
            sum += data[i][i];
        }
        return sum;
    }

    public boolean isSymmetric() {
        if (rows() != cols()) {
            return false;
        }
        for (int r = 0; r < rows(); r++) {
            for (int c = r + 1; c < cols(); c++) {
                if (data[r][c] != data[c][r]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Determinant by cofactor expansion along the first row. */
    public long determinant() {
        requireSquare();
        return determinant(data);
    }

    private static long determinant(long[][] m) {
        int n = m.length;
        if (n == 1) {
            return m[0][0];
        }
        long total = 0;
        for (int col = 0; col < n; col++) {
            long term = m[0][col] * determinant(minor(m, col));
            if (col % 2 == 0) {
                total += term;
            } else {
                total -= term;
            }
        }
        return total;
    }

    // the matrix without its first row and the given column
    private static long[][] minor(long[][] m, int skipCol) {
        int n = m.length;
        long[][] out = new long[n - 1][n - 1];
        for (int r = 1; r < n; r++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != skipCol) {
                    out[r - 1][c] = m[r][j];
                    c++;
                }
            }
        }
        return out;
    }

    private void requireSquare() {
        if (rows() != cols()) {
            throw new IllegalStateException("not square: " + rows() + "x" + cols());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix && Arrays.deepEquals(data, ((Matrix) other).data);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < rows(); r++) {
            if (r > 0) {
                out.append(", ");
            }
            out.append(Arrays.toString(data[r]));
        }
        return out.append("]").toString();
    }
}
