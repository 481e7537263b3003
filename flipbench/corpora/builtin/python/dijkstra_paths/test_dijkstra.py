from dijkstra import INF, WeightedGraph, dijkstra, farthest, path_cost, reachable_within, shortest_path


def _roads():
    graph = WeightedGraph()
    graph.add_edge("A", "B", 4, False)
    graph.add_edge("A", "C", 1, False)
    graph.add_edge("C", "B", 2, False)
    graph.add_edge("B", "D", 1, False)
    graph.add_edge("C", "D", 5, False)
    graph.add_edge("D", "E", 3, False)
    graph.add_node("F")
    return graph


def test_dijkstra_distances_and_previous():
    dist, previous = dijkstra(_roads(), "A")
    assert dist == {"A": 0, "B": 3, "C": 1, "D": 4, "E": 7, "F": INF}
    assert previous == {"A": None, "B": "C", "C": "A", "D": "B", "E": "D", "F": None}
    try:
        dijkstra(_roads(), "Z")
    except KeyError:
        return
    raise AssertionError("unknown source must raise KeyError")


def test_shortest_path_directed():
    graph = _roads()
    assert shortest_path(graph, "A", "E") == (7, ["A", "C", "B", "D", "E"])
    assert shortest_path(graph, "C", "E") == (6, ["C", "B", "D", "E"])
    assert shortest_path(graph, "A", "A") == (0, ["A"])
    assert shortest_path(graph, "A", "F") == (None, [])
    assert shortest_path(graph, "E", "A") == (None, [])


def test_both_ways_edges():
    graph = WeightedGraph()
    graph.add_edge("X", "Y", 2, True)
    graph.add_edge("Y", "Z", 2, True)
    graph.add_edge("X", "Z", 5, True)
    assert shortest_path(graph, "Z", "X") == (4, ["Z", "Y", "X"])
    assert shortest_path(graph, "X", "Z") == (4, ["X", "Y", "Z"])
    assert graph.nodes == ["X", "Y", "Z"]


def test_parallel_edges_keep_lightest_and_weights_validated():
    graph = WeightedGraph()
    graph.add_edge("A", "B", 4, False)
    graph.add_edge("A", "B", 2, False)
    graph.add_edge("A", "B", 6, False)
    graph.add_edge("A", "C", 0, False)
    assert graph.edges == {"A": [("B", 2), ("C", 0)], "B": [], "C": []}
    graph.add_edge("A", "B", 1, False)
    graph.add_edge("A", "C", 3, False)
    assert graph.edges == {"A": [("B", 1), ("C", 0)], "B": [], "C": []}
    try:
        graph.add_edge("A", "D", -1, False)
    except ValueError:
        assert "D" not in graph.edges
        return
    raise AssertionError("negative weight accepted")


def test_equal_cost_routes_keep_first_found():
    graph = WeightedGraph()
    graph.add_edge("P", "R", 1, False)
    graph.add_edge("P", "Q", 1, False)
    graph.add_edge("R", "S", 1, False)
    graph.add_edge("Q", "S", 1, False)
    assert shortest_path(graph, "P", "S") == (2, ["P", "R", "S"])


def test_path_cost():
    graph = _roads()
    assert path_cost(graph, ["A", "C", "B", "D"]) == 4
    assert path_cost(graph, ["A", "B", "D", "E"]) == 8
    assert path_cost(graph, ["A", "D"]) is None
    assert path_cost(graph, ["B", "A"]) is None
    assert path_cost(graph, ["A"]) == 0
    assert path_cost(graph, []) == 0


def test_reachable_within_budget():
    graph = _roads()
    assert reachable_within(graph, "A", 4) == ["A", "B", "C", "D"]
    assert reachable_within(graph, "A", 3) == ["A", "B", "C"]
    assert reachable_within(graph, "A", 0) == ["A"]
    assert reachable_within(graph, "D", 100) == ["D", "E"]


def test_farthest():
    assert farthest(_roads(), "A") == ("E", 7)
    assert farthest(_roads(), "F") == ("F", 0)
    graph = WeightedGraph()
    graph.add_edge("P", "R", 1, False)
    graph.add_edge("P", "Q", 1, False)
    assert farthest(graph, "P") == ("Q", 1)
