from intervals import assign_rooms, common_free, gaps, merge_intervals, min_rooms, overlaps, total_covered


def test_merge_overlapping_and_touching():
    assert merge_intervals([(1, 3), (2, 6), (8, 10), (15, 18)]) == [(1, 6), (8, 10), (15, 18)]
    assert merge_intervals([(1, 2), (2, 3)]) == [(1, 3)]
    assert merge_intervals([(1, 2), (3, 4)]) == [(1, 2), (3, 4)]
    assert merge_intervals([(1, 10), (2, 3)]) == [(1, 10)]
    assert merge_intervals([(1, 2), (4, 6), (5, 8)]) == [(1, 2), (4, 8)]
    assert merge_intervals([(1, 2), (4, 10), (5, 6)]) == [(1, 2), (4, 10)]
    assert merge_intervals([(5, 7), (1, 2)]) == [(1, 2), (5, 7)]
    assert merge_intervals([(4, 4)]) == [(4, 4)]
    assert merge_intervals([]) == []


def test_merge_rejects_reversed_interval():
    try:
        merge_intervals([(1, 2), (3, 1)])
    except ValueError:
        return
    raise AssertionError("reversed interval accepted")


def test_total_covered():
    assert total_covered([(1, 3), (2, 6), (8, 10)]) == 7
    assert total_covered([(0, 4), (1, 2)]) == 4
    assert total_covered([]) == 0


def test_overlaps_half_open():
    assert overlaps((1, 3), (2, 4)) is True
    assert overlaps((1, 5), (2, 3)) is True
    assert overlaps((2, 3), (1, 5)) is True
    assert overlaps((1, 2), (2, 3)) is False
    assert overlaps((2, 3), (1, 2)) is False
    assert overlaps((1, 2), (3, 4)) is False


def test_gaps_inside_working_day():
    meetings = [(10, 11), (10, 12), (13, 14), (16, 18)]
    assert gaps(meetings, 9, 17) == [(9, 10), (12, 13), (14, 16)]
    assert gaps([(7, 8), (8, 9), (9, 10)], 9, 12) == [(10, 12)]
    assert gaps([(7, 9)], 9, 12) == [(9, 12)]
    assert gaps([(10, 11), (13, 14)], 9, 12) == [(9, 10), (11, 12)]
    assert gaps([], 9, 17) == [(9, 17)]
    assert gaps([(8, 18)], 9, 17) == []
    assert gaps([(9, 17)], 9, 17) == []


def test_common_free_with_minimum_length():
    calendars = [[(9, 10), (13, 14)], [(11, 12), (13, 15)]]
    assert common_free(calendars, 9, 17, 1) == [(10, 11), (12, 13), (15, 17)]
    assert common_free(calendars, 9, 17, 2) == [(15, 17)]
    assert common_free(calendars, 9, 17, 3) == []
    assert common_free([], 9, 12, 3) == [(9, 12)]


def test_min_rooms():
    assert min_rooms([(0, 30), (5, 10), (15, 20)]) == 2
    assert min_rooms([(1, 2), (2, 3), (3, 4)]) == 1
    assert min_rooms([(1, 5), (1, 5), (1, 5)]) == 3
    assert min_rooms([(1, 4), (2, 5), (3, 6), (4, 7)]) == 3
    assert min_rooms([(6, 8), (1, 3), (2, 7)]) == 2
    assert min_rooms([(1, 2), (2, 5), (3, 6)]) == 2
    assert min_rooms([(1, 3), (2, 4), (5, 6)]) == 2
    # an empty meeting [5, 5) needs no room
    assert min_rooms([(5, 5)]) == 0
    assert min_rooms([]) == 0


def test_assign_rooms_reuses_lowest_free_room():
    assert assign_rooms([(0, 30), (5, 10), (15, 20), (10, 15)]) == [0, 1, 1, 1]
    assert assign_rooms([(3, 5), (1, 2), (1, 4), (4, 6)]) == [0, 0, 1, 1]
    assert assign_rooms([(1, 3), (1, 3), (3, 4)]) == [0, 1, 0]
    assert assign_rooms([(1, 4), (1, 2), (2, 5)]) == [1, 0, 0]
    assert assign_rooms([]) == []
