"""Descriptive statistics for lists of numbers, written without the statistics module."""

import math


def _require(values, minimum):
    if len(values) < minimum:
        raise ValueError("need at least " + str(minimum) + " values")


def mean(values):
    _require(values, 1)
    total = 0
    for v in values:
        total += v
    return total / len(values)


def median(values):
    """Middle value; the average of the two middle values for an even count."""
    _require(values, 1)
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2 == 1:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def modes(values):
    """All most frequent values, ascending (every value when all are equally frequent)."""
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    best = 0
    for count in counts.values():
        if count > best:
            best = count
    return sorted(v for v in counts if counts[v] == best)


def variance(values, sample):
    """Population variance, or the sample variance (n - 1 divisor) when sample is true."""
    _require(values, 2 if sample else 1)
    centre = mean(values)
    squares = 0
    for v in values:
        squares += (v - centre) ** 2
    divisor = len(values) - 1 if sample else len(values)
    return squares / divisor


def std_dev(values, sample):
    return round(math.sqrt(variance(values, sample)), 4)


def percentile(values, p):
    """Linear interpolation between closest ranks; p is between 0 and 100."""
    _require(values, 1)
    if p < 0 or p > 100:
        raise ValueError("percentile out of range")
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    fraction = rank - low
    if low + 1 >= len(ordered):
        return ordered[low]
    return ordered[low] + (ordered[low + 1] - ordered[low]) * fraction


def quartiles(values):
    return (percentile(values, 25), percentile(values, 50), percentile(values, 75))


def outliers(values):
    """Values more than 1.5 interquartile ranges outside the quartiles, in input order."""
    q1, _, q3 = quartiles(values)
    spread = q3 - q1
    low = q1 - 1.5 * spread
    high = q3 + 1.5 * spread
    return [v for v in values if v < low or v > high]


def weighted_mean(values, weights):
    if len(values) != len(weights):
        raise ValueError("values and weights differ in length")
    total_weight = 0
    total = 0
    for i in range(len(values)):
        total += values[i] * weights[i]
        total_weight += weights[i]
    if total_weight == 0:
        raise ValueError("weights sum to zero")
    return total / total_weight


def moving_average(values, window):
    """Means of each run of window consecutive values."""
    if window < 1 or window > len(values):
        return []
    result = []
    running = 0
    for i in range(len(values)):
        running += values[i]
        if i >= window:
            running -= values[i - window]
        if i >= window - 1:
            result.append(running / window)
    return result


def summary(values):
    _require(values, 1)
    return {
        "count": len(values),
        "min": min(values),
        "max": max(values),
        "range": max(values) - min(values),
        "mean": mean(values),
        "median": median(values),
    }
