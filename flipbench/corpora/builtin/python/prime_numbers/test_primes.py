from primes import (divisors, factorize, format_factorization, gcd, gcd_list, is_prime, lcm, lcm_list, next_prime,
                    sieve, totient)

SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]


def test_sieve():
    assert sieve(47) == SMALL_PRIMES
    assert sieve(49) == SMALL_PRIMES
    assert sieve(25) == [2, 3, 5, 7, 11, 13, 17, 19, 23]
    assert sieve(4) == [2, 3]
    assert sieve(2) == [2]
    assert sieve(1) == []
    assert sieve(-5) == []
    assert len(sieve(100)) == 25


def test_is_prime():
    assert [n for n in range(-3, 50) if is_prime(n)] == SMALL_PRIMES
    assert is_prime(121) is False
    assert is_prime(1) is False
    assert is_prime(0) is False
    assert is_prime(169) is False
    assert is_prime(143) is False
    assert is_prime(7919)
    assert is_prime(7917) is False


def test_next_prime():
    assert next_prime(13) == 17
    assert next_prime(0) == 2
    assert next_prime(2) == 3
    assert next_prime(24) == 29
    assert next_prime(89) == 97


def test_factorize():
    assert factorize(360) == [(2, 3), (3, 2), (5, 1)]
    assert factorize(97) == [(97, 1)]
    assert factorize(1) == []
    assert factorize(2) == [(2, 1)]
    assert factorize(2 * 2 * 7 * 7 * 13) == [(2, 2), (7, 2), (13, 1)]
    assert factorize(1001) == [(7, 1), (11, 1), (13, 1)]
    assert factorize(49) == [(7, 2)]
    assert factorize(6) == [(2, 1), (3, 1)]
    for bad in [0, -4]:
        try:
            factorize(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_format_factorization():
    assert format_factorization(120) == "2^3 * 3 * 5"
    assert format_factorization(1) == "1"
    assert format_factorization(17) == "17"
    assert format_factorization(1024) == "2^10"
    assert format_factorization(90) == "2 * 3^2 * 5"


def test_divisors_and_totient():
    assert divisors(36) == [1, 2, 3, 4, 6, 9, 12, 18, 36]
    assert divisors(28) == [1, 2, 4, 7, 14, 28]
    assert divisors(13) == [1, 13]
    assert divisors(1) == [1]
    assert divisors(4) == [1, 2, 4]
    assert repr(divisors(12)) == "[1, 2, 3, 4, 6, 12]"
    assert totient(1) == 1
    assert totient(9) == 6
    assert totient(36) == 12
    assert totient(97) == 96
    assert totient(10) == 4
    assert repr(totient(100)) == "40"


def test_gcd_and_lcm():
    assert gcd(48, 18) == 6
    assert gcd(18, 48) == 6
    assert gcd(-12, 8) == 4
    assert gcd(12, -8) == 4
    assert gcd(0, 0) == 0
    assert gcd(0, 5) == 5
    assert gcd(5, 0) == 5
    assert gcd(-5, 0) == 5
    assert gcd(17, 5) == 1
    assert lcm(4, 6) == 12
    assert lcm(-3, 5) == 15
    assert lcm(0, 5) == 0
    assert lcm(5, 0) == 0
    assert lcm(7, 7) == 7
    assert lcm(0, 0) == 0
    assert lcm(1, 5) == 5
    assert lcm(5, 1) == 5
    assert lcm(-1, 4) == 4
    assert lcm(4, -1) == 4
    assert repr(lcm(4, 10)) == "20"


def test_gcd_and_lcm_of_lists():
    assert gcd_list([12, 18, 24]) == 6
    assert gcd_list([]) == 0
    assert gcd_list([-9]) == 9
    assert gcd_list([7, 14, 5]) == 1
    assert lcm_list([2, 3, 4]) == 12
    assert lcm_list([]) == 1
    assert lcm_list([-4, 6]) == 12
    assert lcm_list([-5]) == 5
    assert lcm_list([3, 5, 0]) == 0
