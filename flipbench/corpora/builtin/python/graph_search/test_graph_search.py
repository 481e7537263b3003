from graph_search import (
    bfs_order,
    build_graph,
    connected_components,
    dfs_order,
    distances,
    has_cycle,
    nodes_within,
    shortest_path,
)

EDGES = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (5, 6), (6, 5), (7, 7)]


def _graph():
    return build_graph(8, EDGES)


def test_build_graph_drops_loops_and_duplicates():
    assert _graph() == [[1, 2], [0, 3], [0, 3], [1, 2, 4], [3], [6], [5], []]
    assert build_graph(2, [(1, 0)]) == [[1], [0]]
    assert build_graph(0, []) == []
    assert build_graph(4, [(2, 3), (0, 3), (1, 3)]) == [[3], [3], [3], [0, 1, 2]]
    assert build_graph(4, [(1, 0), (0, 1), (2, 3), (3, 2), (1, 2)]) == [[1], [0, 2], [1, 3], [2]]
    for edge in [(0, 8), (8, 0), (-1, 0), (0, -1)]:
        try:
            build_graph(8, [edge])
        except ValueError:
            continue
        raise AssertionError("out-of-range edge accepted")


def test_bfs_order():
    adj = _graph()
    assert bfs_order(adj, 0) == [0, 1, 2, 3, 4]
    assert bfs_order(adj, 4) == [4, 3, 1, 2, 0]
    assert bfs_order(adj, 7) == [7]


def test_dfs_order():
    adj = _graph()
    assert dfs_order(adj, 0) == [0, 1, 3, 2, 4]
    assert dfs_order(adj, 4) == [4, 3, 1, 0, 2]
    assert dfs_order(adj, 6) == [6, 5]


def test_connected_components():
    assert connected_components(_graph()) == [[0, 1, 2, 3, 4], [5, 6], [7]]
    assert connected_components(build_graph(3, [(2, 0)])) == [[0, 2], [1]]
    assert connected_components([]) == []


def test_shortest_path():
    adj = _graph()
    assert shortest_path(adj, 0, 4) == [0, 1, 3, 4]
    assert shortest_path(adj, 4, 0) == [4, 3, 1, 0]
    assert shortest_path(adj, 2, 1) == [2, 0, 1]
    assert shortest_path(adj, 5, 6) == [5, 6]
    assert shortest_path(adj, 0, 0) == [0]
    assert shortest_path(adj, 0, 5) == []
    assert shortest_path(adj, 7, 3) == []


def test_distances():
    adj = _graph()
    assert distances(adj, 0) == [0, 1, 1, 2, 3, -1, -1, -1]
    assert distances(adj, 4) == [3, 2, 2, 1, 0, -1, -1, -1]
    assert distances(adj, 6) == [-1, -1, -1, -1, -1, 1, 0, -1]


def test_nodes_within():
    adj = _graph()
    assert nodes_within(adj, 0, 2) == [1, 2, 3]
    assert nodes_within(adj, 0, 3) == [1, 2, 3, 4]
    assert nodes_within(adj, 0, 1) == [1, 2]
    assert nodes_within(adj, 0, 0) == []
    assert nodes_within(adj, 7, 5) == []
    assert nodes_within(build_graph(3, [(0, 1), (1, 2)]), 0, 2) == [1, 2]


def test_has_cycle():
    assert has_cycle(_graph()) is True
    assert has_cycle(build_graph(4, [(0, 1), (1, 2), (1, 3)])) is False
    assert has_cycle(build_graph(5, [(0, 1), (2, 3), (3, 4), (4, 2)])) is True
    assert has_cycle(build_graph(3, [(0, 1), (1, 0), (2, 2)])) is False
    assert has_cycle(build_graph(3, [(0, 2)])) is False
    assert has_cycle([]) is False
