"""Dynamic programming classics: the 0/1 knapsack and coin change, with reconstruction."""


def _check_items(weights, values, capacity):
    if len(weights) != len(values):
        raise ValueError("weights and values differ in length")
    if capacity < 0:
        raise ValueError("capacity must be non-negative")
    for w in weights:
        if w < 0:
            raise ValueError("weights must be non-negative")


def knapsack_table(weights, values, capacity):
    """table[i][c] = best value using the first i items with capacity c."""
    n = len(weights)
    table = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w = weights[i - 1]
        v = values[i - 1]
        for c in range(capacity + 1):
            table[i][c] = table[i - 1][c]
            # take item i-1 only when that is strictly better
            if w <= c and table[i - 1][c - w] + v > table[i][c]:
                table[i][c] = table[i - 1][c - w] + v
    return table


def knapsack(weights, values, capacity):
    """(best total value, ascending indices of the items taken)."""
    _check_items(weights, values, capacity)
    table = knapsack_table(weights, values, capacity)
    chosen = []
    c = capacity
    for i in range(len(weights), 0, -1):
        if table[i][c] != table[i - 1][c]:
            chosen.append(i - 1)
            c -= weights[i - 1]
    chosen.reverse()
    return table[len(weights)][capacity], chosen


def _best(i, capacity, weights, values, memo):
    """Best value from items i.. with the given capacity (top-down recursion)."""
    if i == len(weights):
        return 0
    key = (i, capacity)
    if key in memo:
        return memo[key]
    result = _best(i + 1, capacity, weights, values, memo)
    if weights[i] <= capacity:
        result = max(result, values[i] + _best(i + 1, capacity - weights[i], weights, values, memo))
    memo[key] = result
    return result


def knapsack_value(weights, values, capacity):
    """Best knapsack value computed recursively with memoisation."""
    _check_items(weights, values, capacity)
    return _best(0, capacity, weights, values, {})


def min_coins(coins, amount):
    """(fewest coins adding up to amount, those coins largest first), or (-1, []).

    On ties the coin that comes first in coins is used.
    """
    for coin in coins:
        if coin <= 0:
            raise ValueError("coins must be positive")
    impossible = amount + 1
    best = [0] + [impossible] * amount
    last = [0] * (amount + 1)
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a and best[a - coin] + 1 < best[a]:
                best[a] = best[a - coin] + 1
                last[a] = coin
    if best[amount] > amount:
        return -1, []
    used = []
    a = amount
    while a > 0:
        used.append(last[a])
        a -= last[a]
    return best[amount], sorted(used, reverse=True)


def count_ways(coins, amount):
    """Number of coin combinations (order ignored) that add up to amount."""
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]
