import java.util.List;
import java.util.Objects;

public class PrimesTest {
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void testSieve() {
        checkEquals(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29), Primes.sieve(30));
        checkEquals(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23), Primes.sieve(25));
        checkEquals(15, Primes.sieve(49).size());
        check(!Primes.sieve(49).contains(49), "49 is composite");
        checkEquals(List.of(2, 3), Primes.sieve(3));
        checkEquals(List.of(2), Primes.sieve(2));
        checkEquals(List.of(), Primes.sieve(1));
        checkEquals(List.of(), Primes.sieve(-5));
    }

    static void testIsPrime() {
        check(!Primes.isPrime(-7), "-7");
        check(!Primes.isPrime(0), "0");
        check(!Primes.isPrime(1), "1");
        check(Primes.isPrime(2), "2");
        check(Primes.isPrime(3), "3");
        check(!Primes.isPrime(4), "4");
        check(Primes.isPrime(5), "5");
        check(!Primes.isPrime(9), "9");
        check(!Primes.isPrime(25), "25");
        check(!Primes.isPrime(35), "35");
        check(!Primes.isPrime(49), "49");
        check(!Primes.isPrime(121), "121");
        check(Primes.isPrime(97), "97");
        check(Primes.isPrime(7919), "7919");
        check(Primes.isPrime(1_000_000_007L), "1e9+7");
    }

    static void testNthPrime() {
        checkEquals(2L, Primes.nthPrime(1));
        checkEquals(3L, Primes.nthPrime(2));
        checkEquals(29L, Primes.nthPrime(10));
        checkEquals(7919L, Primes.nthPrime(1000));
        boolean thrown = false;
        try {
            Primes.nthPrime(0);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "nthPrime(0)");
    }

    static void testFactorize() {
        checkEquals(List.of(2L, 2L, 2L, 3L, 3L, 5L), Primes.factorize(360));
        checkEquals(List.of(7L, 7L), Primes.factorize(49));
        checkEquals(List.of(97L), Primes.factorize(97));
        checkEquals(List.of(2L), Primes.factorize(2));
        checkEquals(List.of(), Primes.factorize(1));
        checkEquals(List.of(71L, 839L, 1471L, 6857L), Primes.factorize(600851475143L));
        boolean thrown = false;
        try {
            Primes.factorize(0);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "factorize(0)");
    }

    static void testFactorStringAndDivisorCount() {
        checkEquals("2^3 * 3^2 * 5", Primes.factorString(360));
        checkEquals("2 * 3 * 5", Primes.factorString(30));
        checkEquals("2^10", Primes.factorString(1024));
        checkEquals("97", Primes.factorString(97));
        checkEquals("1", Primes.factorString(1));
        checkEquals(24L, Primes.countDivisors(360));
        checkEquals(9L, Primes.countDivisors(36));
        checkEquals(2L, Primes.countDivisors(97));
        checkEquals(1L, Primes.countDivisors(1));
    }

    static void testProperDivisorsAndClassification() {
        checkEquals(28L, Primes.sumOfProperDivisors(28));
        checkEquals(16L, Primes.sumOfProperDivisors(12));
        checkEquals(55L, Primes.sumOfProperDivisors(36));
        checkEquals(4L, Primes.sumOfProperDivisors(9));
        checkEquals(1L, Primes.sumOfProperDivisors(2));
        checkEquals(0L, Primes.sumOfProperDivisors(1));
        checkEquals("perfect", Primes.classify(6));
        checkEquals("deficient", Primes.classify(8));
        checkEquals("abundant", Primes.classify(12));
        checkEquals("abundant", Primes.classify(945));
        checkEquals("deficient", Primes.classify(1));
    }

    static void testPerfectNumbers() {
        checkEquals(List.of(6L, 28L, 496L, 8128L), Primes.perfectNumbers(10000));
        checkEquals(List.of(6L, 28L), Primes.perfectNumbers(28));
        checkEquals(List.of(6L), Primes.perfectNumbers(27));
        checkEquals(List.of(), Primes.perfectNumbers(5));
    }

    static void testTotient() {
        checkEquals(1L, Primes.totient(1));
        checkEquals(1L, Primes.totient(2));
        checkEquals(6L, Primes.totient(9));
        checkEquals(4L, Primes.totient(10));
        checkEquals(12L, Primes.totient(36));
        checkEquals(42L, Primes.totient(49));
        checkEquals(96L, Primes.totient(97));
        checkEquals(40L, Primes.totient(100));
    }
}
