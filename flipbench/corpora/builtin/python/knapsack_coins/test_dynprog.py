from dynprog import count_ways, knapsack, knapsack_table, knapsack_value, min_coins

WEIGHTS = [1, 3, 4, 5]
VALUES = [1, 4, 5, 7]


def test_knapsack_best_choice():
    assert knapsack(WEIGHTS, VALUES, 7) == (9, [1, 2])
    assert knapsack(WEIGHTS, VALUES, 6) == (8, [0, 3])
    assert knapsack(WEIGHTS, VALUES, 1) == (1, [0])
    assert knapsack(WEIGHTS, VALUES, 0) == (0, [])
    assert knapsack(WEIGHTS, VALUES, 100) == (17, [0, 1, 2, 3])
    assert knapsack([], [], 5) == (0, [])


def test_knapsack_exact_fit_and_ties():
    assert knapsack([5], [10], 5) == (10, [0])
    assert knapsack([5], [10], 4) == (0, [])
    assert knapsack([2, 2], [3, 3], 2) == (3, [0])
    assert knapsack([0, 2], [5, 3], 1) == (5, [0])
    assert knapsack([3, 2, 2], [5, 3, 3], 4) == (6, [1, 2])
    assert knapsack([4, 3], [8, 6], 6) == (8, [0])


def test_knapsack_table_rows():
    table = knapsack_table(WEIGHTS, VALUES, 7)
    assert len(table) == 5
    assert table[0] == [0] * 8
    assert table[1] == [0, 1, 1, 1, 1, 1, 1, 1]
    assert table[2] == [0, 1, 1, 4, 5, 5, 5, 5]
    assert table[4] == [0, 1, 1, 4, 5, 7, 8, 9]


def test_knapsack_value_recursive_agrees():
    for capacity in [0, 1, 6, 7, 100]:
        assert knapsack_value(WEIGHTS, VALUES, capacity) == knapsack(WEIGHTS, VALUES, capacity)[0]
    assert knapsack_value([3, 2, 2], [5, 3, 3], 4) == 6
    assert knapsack_value([4], [9], 3) == 0


def test_knapsack_validation():
    for weights, values, capacity in [([1, 2], [1], 3), ([1], [1], -1), ([-1], [1], 3)]:
        for solver in [knapsack, knapsack_value]:
            try:
                solver(weights, values, capacity)
            except ValueError:
                continue
            raise AssertionError("invalid knapsack accepted")


def test_min_coins():
    assert min_coins([1, 5, 10, 25], 63) == (6, [25, 25, 10, 1, 1, 1])
    assert min_coins([1, 3, 4], 6) == (2, [3, 3])
    assert min_coins([1], 4) == (4, [1, 1, 1, 1])
    assert min_coins([5, 10], 3) == (-1, [])
    assert min_coins([2], 3) == (-1, [])
    assert min_coins([7, 3], 0) == (0, [])
    assert min_coins([4, 3], 10) == (3, [4, 3, 3])
    # on ties the coin listed first is used
    assert min_coins([2, 3, 1], 4) == (2, [2, 2])
    assert min_coins([1, 3, 2], 4) == (2, [3, 1])


def test_min_coins_rejects_bad_coins():
    for coins in [[0, 1], [1, -2]]:
        try:
            min_coins(coins, 5)
        except ValueError:
            continue
        raise AssertionError("bad coin accepted")


def test_count_ways():
    assert count_ways([1, 2, 5], 5) == 4
    assert count_ways([1, 2, 3], 4) == 4
    assert count_ways([2, 3], 7) == 1
    assert count_ways([2], 3) == 0
    assert count_ways([3, 5], 0) == 1
    assert count_ways([5], 5) == 1
