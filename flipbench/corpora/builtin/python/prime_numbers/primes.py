"""Prime numbers: sieve, primality, factorization, divisors, gcd and lcm."""


def sieve(limit):
    """All primes p with 2 <= p <= limit, by the sieve of Eratosthenes."""
    if limit < 2:
        return []
    marks = [True] * (limit + 1)
    marks[0] = False
    marks[1] = False
    p = 2
    while p * p <= limit:
        if marks[p]:
            for multiple in range(p * p, limit + 1, p):
                marks[multiple] = False
        p += 1
    return [n for n in range(limit + 1) if marks[n]]


def is_prime(n):
    """Trial division by 2, 3 and numbers of the form 6k +/- 1."""
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    k = 5
    while k * k <= n:
        if n % k == 0 or n % (k + 2) == 0:
            return False
        k += 6
    return True


def next_prime(n):
    candidate = n + 1
    while not is_prime(candidate):
        candidate += 1
    return candidate


def factorize(n):
    """Prime factorization of n >= 1 as sorted (prime, exponent) pairs."""
    if n < 1:
        raise ValueError("n must be positive")
    factors = []
    d = 2
    while d * d <= n:
        exponent = 0
        while n % d == 0:
            n //= d
            exponent += 1
        if exponent > 0:
            factors.append((d, exponent))
        d += 1
    if n > 1:
        factors.append((n, 1))
    return factors


def format_factorization(n):
    """Like '2^3 * 3 * 5' for 120; '1' for 1."""
    parts = []
    for prime, exponent in factorize(n):
        if exponent == 1:
            parts.append(str(prime))
        else:
            parts.append(str(prime) + "^" + str(exponent))
    if len(parts) == 0:
        return "1"
    return " * ".join(parts)


def divisors(n):
    """All positive divisors of n in increasing order."""
    small = []
    large = []
    d = 1
    while d * d <= n:
        if n % d == 0:
            small.append(d)
            if d != n // d:
                large.append(n // d)
        d += 1
    return small + large[::-1]


def totient(n):
    """Euler's phi: how many of 1..n are coprime to n."""
    result = n
    for prime, _ in factorize(n):
        result = result // prime * (prime - 1)
    return result


def gcd(a, b):
    """Greatest common divisor by Euclid's algorithm; never negative."""
    a = abs(a)
    b = abs(b)
    if b == 0:
        return a
    return gcd(b, a % b)


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a * b) // gcd(a, b)


def gcd_list(numbers):
    result = 0
    for i in range(len(numbers)):
        result = gcd(result, numbers[i])
    return result


def lcm_list(numbers):
    if len(numbers) == 0:
        return 1
    result = numbers[0]
    for i in range(1, len(numbers)):
        result = lcm(result, numbers[i])
    return abs(result)
