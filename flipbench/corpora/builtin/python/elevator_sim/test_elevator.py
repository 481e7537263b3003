from elevator import Elevator, average_wait, simulate


def test_serves_nearest_request_first():
    elevator = Elevator(10, 0)
    elevator.request(5)
    elevator.request(3)
    assert elevator.run(20) == ["up", "up", "up", "open", "up", "up", "open"]
    assert elevator.stops == [3, 5]
    assert elevator.moves == 5
    assert elevator.floor == 5
    assert elevator.step() == "idle"


def test_tie_goes_to_lower_floor():
    elevator = Elevator(10, 5)
    elevator.request(8)
    elevator.request(2)
    assert elevator.run(20) == ["down"] * 3 + ["open"] + ["up"] * 6 + ["open"]
    assert elevator.stops == [2, 8]
    assert elevator.moves == 9


def test_keeps_going_up_while_requests_above():
    elevator = Elevator(10, 5)
    elevator.request(9)
    assert elevator.step() == "up"
    elevator.request(5)
    assert elevator.run(20) == ["up", "up", "up", "open", "down", "down", "down", "down", "open"]
    assert elevator.stops == [9, 5]


def test_keeps_going_down_while_requests_below():
    elevator = Elevator(10, 5)
    elevator.request(0)
    assert elevator.step() == "down"
    elevator.request(6)
    assert elevator.run(20) == ["down"] * 4 + ["open"] + ["up"] * 6 + ["open"]
    assert elevator.stops == [0, 6]
    assert elevator.waits == [5, 11]


def test_nearest_request_may_be_above():
    elevator = Elevator(10, 5)
    elevator.request(0)
    elevator.request(7)
    assert elevator.run(20) == ["up", "up", "open"] + ["down"] * 7 + ["open"]
    assert elevator.moves == 9


def _steps(elevator, n):
    return [elevator.step() for _ in range(n)]


def test_direction_checks_neighbouring_floors():
    elevator = Elevator(10, 4)
    elevator.request(6)
    assert elevator.step() == "up"
    elevator.request(4)
    assert elevator.run(20) == ["up", "open", "down", "down", "open"]
    # after opening the doors the elevator still remembers its direction
    elevator = Elevator(10, 2)
    elevator.request(5)
    assert _steps(elevator, 4) == ["up", "up", "up", "open"]
    elevator.request(4)
    assert elevator.step() == "down"
    elevator = Elevator(10, 5)
    elevator.request(3)
    assert _steps(elevator, 3) == ["down", "down", "open"]
    elevator.request(4)
    assert elevator.step() == "up"
    elevator = Elevator(10, 5)
    elevator.request(3)
    assert _steps(elevator, 3) == ["down", "down", "open"]
    elevator.request(9)
    assert elevator.step() == "up"
    elevator = Elevator(10, 6)
    elevator.request(1)
    assert elevator.step() == "down"
    elevator.request(8)
    assert elevator.step() == "down"


def test_request_validation_and_pending():
    elevator = Elevator(10, 0)
    assert elevator.request(-1) is False
    assert elevator.request(10) is False
    assert elevator.request(9) is True
    assert elevator.request(0) is True
    assert elevator.pending() == [0, 9]
    assert elevator.step() == "open"
    assert elevator.run(3) == ["up", "up", "up"]
    assert elevator.floor == 3
    assert elevator.pending() == [9]
    assert elevator.waits == [0]


def test_repeated_request_keeps_first_time():
    elevator = Elevator(4, 0)
    elevator.request(3)
    elevator.step()
    elevator.request(3)
    assert elevator.run(10) == ["up", "up", "open"]
    assert elevator.waits == [3]
    # the final idle step also takes a time unit
    assert elevator.time == 5


def test_invalid_building():
    for floors, start in [(1, 0), (5, 5), (5, -1)]:
        try:
            Elevator(floors, start)
        except ValueError:
            continue
        raise AssertionError("invalid building accepted")
    assert Elevator(5, 4).floor == 4
    assert Elevator(2, 0).pending() == []


def test_simulate_with_timed_calls():
    calls = [(0, 4), (2, 1), (3, 9)]
    assert simulate(10, 0, calls, 20) == ([4, 9, 1], 17, 9.33)
    assert simulate(10, 0, calls, 19) == ([4, 9], 17, 5.5)
    assert simulate(10, 0, [], 5) == ([], 0, 0.0)


def test_average_wait():
    assert average_wait([1, 2, 4]) == 2.33
    assert average_wait([]) == 0.0
