/** Arbitrary-size integer arithmetic on decimal strings such as "-12345678901234567890". */
public class BigDigits {
    /** Validates a number and removes leading zeros; "-0" becomes "0". */
    public static String normalize(String number) {
        boolean negative = number.startsWith("-");
        String digits = negative ? number.substring(1) : number;
        if (digits.isEmpty()) {
            throw new NumberFormatException("no digits: '" + number + "'");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("bad digit '" + c + "' in '" + number + "'");
            }
        }
        return signed(negative, stripZeros(digits));
    }

    public static int compare(String a, String b) {
        a = normalize(a);
        b = normalize(b);
        boolean negA = a.startsWith("-");
        boolean negB = b.startsWith("-");
        if (negA != negB) {
            return negA ? -1 : 1;
        }
        int c = compareMagnitudes(magnitude(a), magnitude(b));
        return negA ? -c : c;
    }

    public static String negate(String a) {
        a = normalize(a);
        return signed(!a.startsWith("-"), magnitude(a));
    }

    public static String add(String a, String b) {
        a = normalize(a);
        b = normalize(b);
        boolean negA = a.startsWith("-");
        boolean negB = b.startsWith("-");
        String ma = magnitude(a);
        String mb = magnitude(b);
        if (negA == negB) {
            return signed(negA, addMagnitudes(ma, mb));
        }
        // opposite signs: the larger magnitude decides the sign
        if (compareMagnitudes(ma, mb) >= 0) {
            return signed(negA, subtractMagnitudes(ma, mb));
        }
        return signed(negB, subtractMagnitudes(mb, ma));
    }

    public static String subtract(String a, String b) {
        return add(a, negate(b));
    }

    /** Schoolbook long multiplication. */
    public static String multiply(String a, String b) {
        a = normalize(a);
        b = normalize(b);
        String ma = magnitude(a);
        String mb = magnitude(b);
        int[] result = new int[ma.length() + mb.length()];
        for (int i = ma.length() - 1; i >= 0; i--) {
            for (int j = mb.length() - 1; j >= 0; j--) {
                int pos = i + j + 1;
                int sum = (ma.charAt(i) - '0') * (mb.charAt(j) - '0') + result[pos];
                result[pos] = sum % 10;
                result[pos - 1] += sum / 10;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            out.append((char) ('0' + result[i]));
        }
        return signed(a.startsWith("-") != b.startsWith("-"), stripZeros(out.toString()));
    }

    public static String power(String base, int exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("negative exponent");
        }
        if (exponent == 0) {
            return "1";
        }
        String half = power(base, exponent / 2);
        String result = multiply(half, half);
        if (exponent % 2 == 1) {
            result = multiply(result, base);
        }
        return result;
    }

    public static String factorial(int n) {
        String result = "1";
        for (int i = 2; i <= n; i++) {
            result = multiply(result, "" + i);
        }
        return result;
    }

    private static String addMagnitudes(String a, String b) {
        StringBuilder out = new StringBuilder();
        int i = a.length() - 1;
        int j = b.length() - 1;
        int carry = 0;
        while (i >= 0 || j >= 0 || carry > 0) {
            int sum = carry;
            if (i >= 0) {
                sum += a.charAt(i) - '0';
            }
            if (j >= 0) {
                sum += b.charAt(j) - '0';
            }
            out.append((char) ('0' + sum % 10));
            carry = sum / 10;
            i--;
            j--;
        }
        return out.reverse().toString();
    }

    // requires a >= b as magnitudes
    private static String subtractMagnitudes(String a, String b) {
        StringBuilder out = new StringBuilder();
        int borrow = 0;
        for (int k = 0; k < a.length(); k++) {
            int i = a.length() - 1 - k;
            int j = b.length() - 1 - k;
            int diff = (a.charAt(i) - '0') - borrow;
            if (j >= 0) {
                diff -= b.charAt(j) - '0';
            }
            if (diff < 0) {
                diff += 10;
                borrow = 1;
            } else {
                borrow = 0;
            }
            out.append((char) ('0' + diff));
        }
        return stripZeros(out.reverse().toString());
    }

    private static int compareMagnitudes(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? -1 : 1;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) < b.charAt(i) ? -1 : 1;
            }
        }
        return 0;
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static String magnitude(String number) {
        return number.startsWith("-") ? number.substring(1) : number;
    }

    private static String signed(boolean negative, String digits) {
        if (negative && !digits.equals("0")) {
            return "-" + digits;
        }
        return digits;
    }
}
