from checkout import Store, average_wait, closing_time, max_queue, service_time, simulate, utilisation, waiting_times

CUSTOMERS = [(0, 3), (1, 2), (2, 4), (6, 1), (6, 5)]


def test_service_time():
    assert service_time(3, 2, 5) == 11
    assert service_time(1, 1, 0) == 1


def test_shortest_queue_with_ties_to_lowest_lane():
    records = simulate(CUSTOMERS, 2, 1, 2, 0)
    assert records == [(0, 0, 0, 5), (1, 1, 1, 5), (0, 2, 5, 11), (1, 6, 6, 9), (0, 6, 11, 18)]
    assert waiting_times(records) == [0, 0, 3, 0, 5]
    assert average_wait(records) == 1.6
    assert closing_time(records) == 18


def test_customer_finishing_at_arrival_has_left():
    assert simulate([(0, 4), (4, 1), (4, 1)], 2, 1, 0, 0) == [(0, 0, 0, 4), (0, 4, 4, 5), (1, 4, 4, 5)]
    records = simulate([(0, 2), (2, 2)], 1, 1, 0, 0)
    assert records == [(0, 0, 0, 2), (0, 2, 2, 4)]
    assert max_queue(records, 1) == [1]


def test_express_lane():
    customers = [(0, 10), (0, 2), (1, 8), (2, 3), (2, 4)]
    records = simulate(customers, 3, 1, 1, 3)
    assert records == [(1, 0, 0, 11), (0, 0, 0, 3), (2, 1, 1, 10), (0, 2, 3, 7), (1, 2, 11, 16)]
    assert average_wait(records) == 2.0
    store = Store(2, 1, 0, 2)
    assert store.arrive(0, 3) == 1
    assert store.arrive(0, 2) == 0
    assert store.arrive(0, 3) == 1
    store = Store(2, 1, 0, 1)
    assert store.arrive(0, 2) == 1
    assert store.arrive(0, 1) == 0


def test_max_queue_per_lane():
    assert max_queue(simulate(CUSTOMERS, 2, 1, 2, 0), 2) == [2, 1]
    assert max_queue(simulate([(0, 5), (1, 1), (2, 1)], 1, 1, 0, 0), 1) == [3]
    assert max_queue(simulate([(0, 2), (1, 5), (3, 1), (4, 1)], 1, 1, 0, 0), 1) == [3]
    assert max_queue([], 2) == [0, 0]


def test_utilisation():
    records = simulate(CUSTOMERS, 2, 1, 2, 0)
    assert utilisation(records, 2, 20) == [90.0, 35.0]
    assert utilisation(records, 2, 10) == [100.0, 70.0]
    assert utilisation(simulate([(0, 1), (0, 1), (1, 1)], 1, 1, 0, 0), 1, 9) == [33.3]
    assert utilisation([], 3, 5) == [0.0, 0.0, 0.0]


def test_average_wait_rounds_to_two_decimals():
    records = simulate([(0, 1), (0, 1), (1, 1)], 1, 1, 0, 0)
    assert waiting_times(records) == [0, 1, 1]
    assert average_wait(records) == 0.67


def test_empty_day():
    assert simulate([], 2, 1, 1, 0) == []
    assert average_wait([]) == 0.0
    assert closing_time([]) == 0
    assert closing_time(simulate([(0, 3)], 1, 1, 0, 0)) == 3


def test_invalid_setups():
    for lanes, express in [(0, 0), (1, 2), (1, 1)]:
        try:
            Store(lanes, 1, 1, express)
        except ValueError:
            continue
        raise AssertionError("bad store accepted")
    assert len(Store(1, 1, 1, 0).finish) == 1
    for customers in [[(0, 0)], [(3, 1), (2, 1)]]:
        try:
            simulate(customers, 2, 1, 1, 0)
        except ValueError:
            continue
        raise AssertionError("bad customers accepted")
    assert simulate([(2, 1), (2, 1)], 2, 1, 1, 0) == [(0, 2, 2, 4), (1, 2, 2, 4)]
