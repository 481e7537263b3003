from task_scheduler import (
    TaskGraph,
    critical_path,
    earliest_starts,
    find_cycle,
    project_length,
    slack,
    topological_order,
)


def _project():
    graph = TaskGraph()
    graph.add_task("design", 3, [])
    graph.add_task("build", 5, ["design"])
    graph.add_task("docs", 2, ["design"])
    graph.add_task("test", 4, ["build"])
    graph.add_task("release", 1, ["test", "docs"])
    return graph


def _graph(tasks):
    graph = TaskGraph()
    for name, duration, prerequisites in tasks:
        graph.add_task(name, duration, prerequisites)
    return graph


def test_topological_order_respects_prerequisites():
    assert topological_order(_project()) == ["design", "build", "docs", "test", "release"]
    assert topological_order(_graph([])) == []


def test_topological_order_prefers_alphabetical_ready_tasks():
    assert topological_order(_graph([("c", 1, []), ("a", 1, []), ("b", 1, [])])) == ["a", "b", "c"]
    assert topological_order(_graph([("a", 1, []), ("m", 1, []), ("b", 1, ["a"])])) == ["a", "b", "m"]


def test_cycles_are_detected():
    loop = _graph([("a", 1, ["b"]), ("b", 1, ["c"]), ("c", 1, ["a"]), ("d", 1, [])])
    assert topological_order(loop) is None
    assert find_cycle(loop) == ["a", "b", "c"]
    tail = _graph([("a", 1, []), ("b", 1, ["c"]), ("c", 1, ["d"]), ("d", 1, ["c"])])
    assert topological_order(tail) is None
    assert find_cycle(tail) == ["c", "d"]
    assert find_cycle(_graph([("x", 1, ["x"])])) == ["x"]
    # a finished branch (e) must not show up inside the reported cycle
    side = _graph([("a", 1, ["c"]), ("c", 1, ["e", "d"]), ("e", 1, []), ("d", 1, ["c"])])
    assert find_cycle(side) == ["c", "d"]
    assert find_cycle(_project()) == []
    assert earliest_starts(loop) is None
    assert slack(loop) is None
    assert critical_path(loop) == []


def test_earliest_starts_and_length():
    graph = _project()
    assert earliest_starts(graph) == {"design": 0, "build": 3, "docs": 3, "test": 8, "release": 12}
    assert project_length(graph) == 13
    assert project_length(_graph([])) == 0
    assert project_length(_graph([("solo", 4, [])])) == 4


def test_slack():
    assert slack(_project()) == {"design": 0, "build": 0, "docs": 7, "test": 0, "release": 0}
    assert slack(_graph([("a", 5, []), ("b", 2, [])])) == {"a": 0, "b": 3}
    assert slack(_graph([])) == {}


def test_critical_path():
    assert critical_path(_project()) == ["design", "build", "test", "release"]
    assert critical_path(_graph([])) == []
    # two tasks finish last at time 5: the alphabetically first one wins
    assert critical_path(_graph([("a", 5, []), ("b", 2, []), ("c", 3, ["b"])])) == ["a"]
    # two prerequisites finish together: the alphabetically first one is followed
    assert critical_path(_graph([("y", 2, []), ("x", 2, []), ("z", 1, ["y", "x"])])) == ["x", "z"]


def test_invalid_tasks():
    graph = TaskGraph()
    graph.add_task("free", 0, [])
    assert earliest_starts(graph) == {"free": 0}
    try:
        graph.add_task("late", -1, [])
    except ValueError:
        assert "late" not in graph.deps
    else:
        raise AssertionError("negative duration accepted")
    graph.add_task("orphan", 1, ["ghost"])
    for check in [topological_order, find_cycle]:
        try:
            check(graph)
        except KeyError:
            continue
        raise AssertionError("unknown prerequisite must raise KeyError")
