import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable polynomial with long coefficients, stored lowest power first. */
public final class Polynomial {
    private final long[] coeffs;

    /** Coefficients from the constant term upwards; trailing zeros are dropped. */
    public Polynomial(long... coefficients) {
        int n = coefficients.length;
        while (n > 0 && coefficients[n - 1] == 0) {
            n--;
        }
        coeffs = new long[n];
        for (int i = 0; i < n; i++) {
            coeffs[i] = coefficients[i];
        }
    }

    /** The degree; -1 for the zero polynomial. */
    public int degree() {
        return coeffs.length - 1;
    }

    public long coefficient(int power) {
        if (power < 0 || power >= coeffs.length) {
            return 0;
        }
        return coeffs[power];
    }

    /** Value at x by Horner's rule. */
    public long evaluate(long x) {
        long result = 0;
        for (int i = coeffs.length - 1; i >= 0; i--) {
            result = result * x + coeffs[i];
        }
        return result;
    }

    public Polynomial derivative() {
        if (coeffs.length <= 1) {
            return new Polynomial();
        }
        long[] out = new long[coeffs.length - 1];
        for (int i = 1; i < coeffs.length; i++) {
            out[i - 1] = coeffs[i] * i;
        }
        return new Polynomial(out);
    }

    public Polynomial add(Polynomial other) {
        return combine(other, 1);
    }

    public Polynomial subtract(Polynomial other) {
        return combine(other, -1);
    }

    public Polynomial multiply(Polynomial other) {
        if (coeffs.length == 0 || other.coeffs.length == 0) {
            return new Polynomial();
        }
        long[] out = new long[coeffs.length + other.coeffs.length - 1];
        for (int i = 0; i < coeffs.length; i++) {
            for (int j = 0; j < other.coeffs.length; j++) {
                out[i + j] += coeffs[i] * other.coeffs[j];
            }
        }
        return new Polynomial(out);
    }

    /** This polynomial with inner substituted for x, again by Horner's rule. */
    public Polynomial compose(Polynomial inner) {
        Polynomial result = new Polynomial();
        for (int i = coeffs.length - 1; i >= 0; i--) {
            result = result.multiply(inner).add(new Polynomial(coeffs[i]));
        }
        return result;
    }

    /** Integer roots between from and to inclusive, ascending. */
    public List<Long> integerRoots(long from, long to) {
        if (coeffs.length == 0) {
            throw new IllegalStateException("every number is a root of the zero polynomial");
        }
        List<Long> roots = new ArrayList<>();
        for (long x = from; x <= to; x++) {
            if (evaluate(x) == 0) {
                roots.add(x);
            }
        }
        return roots;
    }

    @Override
    public String toString() {
        if (coeffs.length == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        for (int power = coeffs.length - 1; power >= 0; power--) {
            long c = coeffs[power];
            if (c == 0) {
                continue;
            }
            if (out.length() == 0) {
                out.append(c < 0 ? "-" : "");
            } else {
                out.append(c < 0 ? " - " : " + ");
            }
            long size = Math.abs(c);
            if (size != 1 || power == 0) {
                out.append(size);
            }
            if (power == 1) {
                out.append("x");
            } else if (power > 1) {
                out.append("x^").append(power);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Polynomial && Arrays.equals(coeffs, ((Polynomial) other).coeffs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coeffs);
    }

    private Polynomial combine(Polynomial other, long sign) {
        int n = Math.max(coeffs.length, other.coeffs.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = coefficient(i) + sign * other.coefficient(i);
        }
        return new Polynomial(out);
    }
}
