"""Merge half-open time intervals [start, end) and allocate meeting rooms."""


def merge_intervals(intervals):
    """Sorted list of merged intervals; overlapping or touching intervals join."""
    merged = []
    for start, end in sorted(intervals):
        if start > end:
            raise ValueError("interval ends before it starts")
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def total_covered(intervals):
    """Length of time covered by at least one interval."""
    total = 0
    for start, end in merge_intervals(intervals):
        total += end - start
    return total


def overlaps(a, b):
    """True when two half-open intervals share some time (touching does not count)."""
    return a[0] < b[1] and b[0] < a[1]


def gaps(intervals, day_start, day_end):
    """Free windows inside [day_start, day_end) not covered by any interval."""
    free = []
    cursor = day_start
    for start, end in merge_intervals(intervals):
        if end <= cursor:
            continue
        if start >= day_end:
            break
        if start > cursor:
            free.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < day_end:
        free.append((cursor, day_end))
    return free


def common_free(calendars, day_start, day_end, min_length):
    """Windows of at least min_length where nobody in any calendar is busy."""
    busy = []
    for calendar in calendars:
        busy.extend(calendar)
    result = []
    for start, end in gaps(busy, day_start, day_end):
        if end - start >= min_length:
            result.append((start, end))
    return result


def min_rooms(meetings):
    """Fewest rooms needed so that no two overlapping meetings share a room.

    A meeting ending at time t frees its room for a meeting starting at t.
    """
    starts = sorted(start for start, _ in meetings)
    ends = sorted(end for _, end in meetings)
    rooms = 0
    best = 0
    j = 0
    for i in range(len(starts)):
        while j < len(ends) and ends[j] <= starts[i]:
            rooms -= 1
            j += 1
        rooms += 1
        best = max(best, rooms)
    return best


def _first_free(free_at, time):
    """Lowest-numbered room that is free at time, or a new room number."""
    for room in range(len(free_at)):
        if free_at[room] <= time:
            return room
    return len(free_at)


def assign_rooms(meetings):
    """Room number for each meeting (in input order), filling low numbers first.

    Meetings are placed in order of start time, then end time, then input position.
    """
    order = sorted(range(len(meetings)), key=lambda i: (meetings[i][0], meetings[i][1], i))
    free_at = []
    rooms = [0] * len(meetings)
    for i in order:
        start, end = meetings[i]
        room = _first_free(free_at, start)
        if room == len(free_at):
            free_at.append(end)
        else:
            free_at[room] = end
        rooms[i] = room
    return rooms
