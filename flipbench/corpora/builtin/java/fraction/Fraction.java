import java.util.Objects;

/** An immutable exact fraction, always stored in lowest terms with a positive denominator. */
public final class Fraction implements Comparable<Fraction> {
    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    private final long num;
    private final long den;

    public Fraction(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long g = gcd(Math.abs(numerator), denominator);
        num = numerator / g;
        den = denominator / g;
    }

    /** Parses "a/b", "-a/b", "a/-b" or a plain integer "a". */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Fraction(parseLong(text), 1);
        }
        return new Fraction(parseLong(text.substring(0, slash)), parseLong(text.substring(slash + 1)));
    }

    public long numerator() {
        return num;
    }

    public long denominator() {
        return den;
    }

    public Fraction add(Fraction other) {
        return new Fraction(num * other.den + other.num * den, den * other.den);
    }

    public Fraction subtract(Fraction other) {
        return new Fraction(num * other.den - other.num * den, den * other.den);
    }

    public Fraction multiply(Fraction other) {
        return new Fraction(num * other.num, den * other.den);
    }

    public Fraction divide(Fraction other) {
        if (other.num == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new Fraction(num * other.den, den * other.num);
    }

    public Fraction negate() {
        return new Fraction(-num, den);
    }

    public Fraction reciprocal() {
        return ONE.divide(this);
    }

    /** Integer powers; a negative exponent inverts the fraction first. */
    public Fraction pow(int exponent) {
        if (exponent < 0) {
            return reciprocal().pow(-exponent);
        }
        if (exponent == 0) {
            return ONE;
        }
        Fraction half = pow(exponent / 2);
        Fraction result = half.multiply(half);
        if (exponent % 2 == 1) {
            result = result.multiply(this);
        }
        return result;
    }

    /** The largest integer not greater than this fraction. */
    public long floor() {
        if (num >= 0) {
            return num / den;
        }
        return -((-num + den - 1) / den);
    }

    public double doubleValue() {
        return (double) num / den;
    }

    @Override
    public int compareTo(Fraction other) {
        return Long.compare(num * other.den, other.num * den);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Fraction)) {
            return false;
        }
        Fraction that = (Fraction) other;
        return num == that.num && den == that.den;
    }

    @Override
    public int hashCode() {
        return Objects.hash(num, den);
    }

    @Override
    public String toString() {
        if (den == 1) {
            return Long.toString(num);
        }
        return num + "/" + den;
    }

    /** Mixed-number form: 7/4 is "1 3/4", -7/4 is "-1 3/4". */
    public String toMixedString() {
        long whole = num / den;
        long rest = Math.abs(num % den);
        if (rest == 0) {
            return Long.toString(whole);
        }
        if (whole == 0) {
            return toString();
        }
        return whole + " " + rest + "/" + den;
    }

    private static long gcd(long a, long b) {
        if (b == 0) {
            return a;
        }
        return gcd(b, a % b);
    }

    private static long parseLong(String text) {
        int start = 0;
        if (text.startsWith("-")) {
            start = 1;
        }
        if (start == text.length()) {
            throw new NumberFormatException("missing digits in '" + text + "'");
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("bad digit '" + c + "' in '" + text + "'");
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }
}
