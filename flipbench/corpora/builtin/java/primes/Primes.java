import java.util.ArrayList;
import java.util.List;

/** Prime numbers, factorization and divisor sums. */
public class Primes {
    /** All primes up to and including limit, by the sieve of Eratosthenes. */
    public static List<Integer> sieve(int limit) {
        List<Integer> primes = new ArrayList<>();
        if (limit < 2) {
            return primes;
        }
        boolean[] composite = new boolean[limit + 1];
        for (int i = 2; i * i <= limit; i++) {
            if (!composite[i]) {
                for (int j = i * i; j <= limit; j += i) {
                    composite[j] = true;
                }
            }
        }
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                primes.add(i);
            }
        }
        return primes;
    }

    /** Trial division by 2, 3 and numbers of the form 6k - 1 and 6k + 1. */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n < 4) {
            return true;
        }
        if (n % 2 == 0 || n % 3 == 0) {
            return false;
        }
        for (long d = 5; d * d <= n; d += 6) {
            if (n % d == 0 || n % (d + 2) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The n-th prime, counting 2 as the first. */
    public static long nthPrime(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        long candidate = 1;
        int found = 0;
        while (found < n) {
            candidate++;
            if (isPrime(candidate)) {
                found++;
            }
        }
        return candidate;
    }

    /** Prime factors in ascending order, repeated by multiplicity; 1 has none. */
    public static List<Long> factorize(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot factorize " + n);
        }
        List<Long> factors = new ArrayList<>();
        long rest = n;
        for (long d = 2; d * d <= rest; d++) {
            while (rest % d == 0) {
                factors.add(d);
                rest /= d;
            }
        }
        if (rest > 1) {
            factors.add(rest);
        }
        return factors;
    }

    /** Factorization written like "2^3 * 3^2 * 5". */
    public static String factorString(long n) {
        List<long[]> powers = primePowers(n);
        if (powers.isEmpty()) {
            return "1";
        }
        String out = "";
        for (int i = 0; i < powers.size(); i++) {
            long[] power = powers.get(i);
            if (i > 0) {
                out += " * ";
            }
            out += power[0];
            if (power[1] > 1) {
                out += "^" + power[1];
            }
        }
        return out;
    }

    public static long countDivisors(long n) {
        long count = 1;
        for (long[] power : primePowers(n)) {
            count *= power[1] + 1;
        }
        return count;
    }

    /** Sum of the divisors of n smaller than n. */
    public static long sumOfProperDivisors(long n) {
        if (n == 1) {
            return 0;
        }
        long sum = 1;
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                sum += d;
                long other = n / d;
                if (other != d) {
                    sum += other;
                }
            }
        }
        return sum;
    }

    public static String classify(long n) {
        long sum = sumOfProperDivisors(n);
        if (sum < n) {
            return "deficient";
        }
        if (sum == n) {
            return "perfect";
        }
        return "abundant";
    }

    public static List<Long> perfectNumbers(long limit) {
        List<Long> perfect = new ArrayList<>();
        for (long n = 2; n <= limit; n++) {
            if (sumOfProperDivisors(n) == n) {
                perfect.add(n);
            }
        }
        return perfect;
    }

    /** Euler's totient: how many of 1..n are coprime to n. */
    public static long totient(long n) {
        long result = n;
        long rest = n;
        for (long p = 2; p * p <= rest; p++) {
            if (rest % p == 0) {
                while (rest % p == 0) {
                    rest /= p;
                }
                result -= result / p;
            }
        }
        if (rest > 1) {
            result -= result / rest;
        }
        return result;
    }

    // pairs {prime, exponent} in ascending order of prime
    private static List<long[]> primePowers(long n) {
        List<Long> factors = factorize(n);
        List<long[]> powers = new ArrayList<>();
        int i = 0;
        while (i < factors.size()) {
            long p = factors.get(i);
            int count = 0;
            while (i < factors.size() && factors.get(i) == p) {
                count++;
                i++;
            }
            powers.add(new long[] {p, count});
        }
        return powers;
    }
}
