from stats_summary import (mean, median, modes, moving_average, outliers, percentile, quartiles, std_dev, summary,
                           variance, weighted_mean)

DATA = [2, 4, 4, 4, 5, 5, 7, 9]


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_mean_and_median():
    assert mean(DATA) == 5.0
    assert mean([7]) == 7.0
    assert mean([1, 2]) == 1.5
    assert median(DATA) == 4.5
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median([5]) == 5
    assert median([9, 1]) == 5.0
    assert _error(mean, []) == "need at least 1 values"
    assert _error(median, []) == "need at least 1 values"


def test_modes_with_ties():
    assert modes(DATA) == [4]
    assert modes([1, 2, 2, 3, 3]) == [2, 3]
    assert modes([8, 7]) == [7, 8]
    assert modes([5]) == [5]
    assert modes([]) == []


def test_variance_and_std_dev():
    assert variance(DATA, False) == 4.0
    assert variance(DATA, True) == 32 / 7
    assert variance([3], False) == 0.0
    assert variance([1, 3], True) == 2.0
    assert std_dev(DATA, False) == 2.0
    assert std_dev(DATA, True) == 2.1381
    assert _error(variance, [3], True) == "need at least 2 values"
    assert _error(variance, [], False) == "need at least 1 values"


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4, 5], 25) == 2.0
    assert percentile([10, 20, 30, 40], 50) == 25.0
    assert percentile([40, 10, 30, 20], 90) == 37.0
    assert percentile([10, 20, 30, 40], 100) == 40
    assert percentile([10, 20, 30, 40], 0) == 10
    assert percentile([5], 50) == 5
    assert percentile([1, 3], 75) == 2.5
    assert _error(percentile, [1, 2], 101) == "percentile out of range"
    assert _error(percentile, [1, 2], -1) == "percentile out of range"
    assert _error(percentile, [], 50) == "need at least 1 values"


def test_quartiles_and_outliers():
    assert quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9]) == (3.0, 5.0, 7.0)
    assert quartiles([1, 2, 3, 4, 5, 6, 7, 8, 100, -50]) == (2.25, 4.5, 6.75)
    assert outliers([1, 2, 3, 4, 5, 6, 7, 8, 100, -50]) == [100, -50]
    assert outliers([0, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 8]) == []
    assert outliers([-0.25, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 8.25]) == [-0.25, 8.25]


def test_weighted_mean():
    assert weighted_mean([1, 2, 3], [3, 0, 1]) == 1.5
    assert weighted_mean([2, 4], [1, 1]) == 3.0
    assert _error(weighted_mean, [1, 2], [1]) == "values and weights differ in length"
    assert _error(weighted_mean, [1, 2], [1, -1]) == "weights sum to zero"


def test_moving_average():
    assert moving_average([1, 2, 3, 4, 5], 2) == [1.5, 2.5, 3.5, 4.5]
    assert moving_average([1, 2, 3], 3) == [2.0]
    assert moving_average([2, 4, 6, 8], 4) == [5.0]
    assert moving_average([1, 2], 3) == []
    assert moving_average([4, 8], 1) == [4.0, 8.0]
    assert moving_average([4, 8], 0) == []
    assert moving_average([1, 5, 3, 9], 3) == [3.0, 17 / 3]


def test_summary():
    assert summary([3, 1, 2]) == {"count": 3, "min": 1, "max": 3, "range": 2, "mean": 2.0, "median": 2}
    assert summary([-4]) == {"count": 1, "min": -4, "max": -4, "range": 0, "mean": -4.0, "median": -4}
    assert _error(summary, []) == "need at least 1 values"
