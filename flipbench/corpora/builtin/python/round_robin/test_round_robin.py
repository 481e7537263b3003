from round_robin import (
    average,
    completion_times,
    context_switches,
    simulate,
    turnaround_times,
    utilisation,
    waiting_times,
)

JOBS = [("P1", 0, 5), ("P2", 1, 3), ("P3", 2, 1)]


def test_timeline_without_switch_cost():
    assert simulate(JOBS, 2, 0) == [
        ("P1", 0, 2), ("P2", 2, 4), ("P3", 4, 5), ("P1", 5, 7), ("P2", 7, 8), ("P1", 8, 9),
    ]


def test_timeline_with_switch_cost():
    assert simulate(JOBS, 2, 1) == [
        ("P1", 0, 2), ("P2", 3, 5), ("P3", 6, 7), ("P1", 8, 10), ("P2", 11, 12), ("P1", 13, 14),
    ]
    # the same process continuing pays no switch cost
    assert simulate([("A", 0, 5)], 2, 1) == [("A", 0, 2), ("A", 2, 4), ("A", 4, 5)]
    assert simulate([("A", 3, 2)], 2, 1) == [("A", 3, 5)]


def test_idle_cpu_waits_for_next_arrival():
    assert simulate([("A", 0, 1), ("B", 5, 2)], 4, 0) == [("A", 0, 1), ("B", 5, 7)]
    assert simulate([("B", 5, 2), ("A", 0, 1)], 4, 1) == [("A", 0, 1), ("B", 6, 8)]
    assert simulate([("B", 0, 2), ("A", 1, 2)], 1, 0) == [("B", 0, 1), ("A", 1, 2), ("B", 2, 3), ("A", 3, 4)]


def test_large_quantum_is_first_come_first_served():
    assert simulate([("A", 0, 3), ("B", 0, 2)], 10, 0) == [("A", 0, 3), ("B", 3, 5)]
    assert simulate([("A", 0, 2), ("B", 0, 2)], 2, 0) == [("A", 0, 2), ("B", 2, 4)]
    assert simulate([("A", 0, 2)], 1, 0) == [("A", 0, 1), ("A", 1, 2)]
    assert simulate([], 3, 0) == []


def test_per_process_statistics():
    timeline = simulate(JOBS, 2, 0)
    assert completion_times(timeline) == {"P1": 9, "P2": 8, "P3": 5}
    assert turnaround_times(JOBS, timeline) == {"P1": 9, "P2": 7, "P3": 3}
    assert waiting_times(JOBS, timeline) == {"P1": 4, "P2": 4, "P3": 2}
    assert average(waiting_times(JOBS, timeline)) == 3.33
    assert average(turnaround_times(JOBS, timeline)) == 6.33
    assert average({}) == 0.0


def test_context_switches():
    assert context_switches(simulate(JOBS, 2, 0)) == 5
    assert context_switches(simulate([("A", 0, 5)], 2, 0)) == 0
    assert context_switches(simulate([("A", 0, 1), ("B", 5, 2)], 4, 0)) == 1
    assert context_switches([]) == 0


def test_utilisation():
    assert utilisation(simulate(JOBS, 2, 0)) == 100.0
    assert utilisation(simulate(JOBS, 2, 1)) == 64.3
    assert utilisation(simulate([("A", 0, 1), ("B", 5, 2)], 4, 0)) == 42.9
    assert utilisation([]) == 0.0


def test_invalid_input():
    for processes, quantum in [([("A", 0, 1)], 0), ([("A", 0, 0)], 2), ([("A", -1, 3)], 2)]:
        try:
            simulate(processes, quantum, 0)
        except ValueError:
            continue
        raise AssertionError("invalid input accepted")
