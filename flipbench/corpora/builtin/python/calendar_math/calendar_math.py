"""Calendar arithmetic on (year, month, day) tuples in the proleptic Gregorian calendar.

Day numbers ("ordinals") count from 1 for 1 January of year 1, which was a Monday.
"""

MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def is_leap_year(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def days_in_month(year, month):
    if month < 1 or month > 12:
        raise ValueError("month out of range: " + str(month))
    if month == 2 and is_leap_year(year):
        return 29
    return MONTH_DAYS[month - 1]


def is_valid_date(year, month, day):
    if year < 1 or month < 1 or month > 12:
        return False
    return 1 <= day <= days_in_month(year, month)


def _check(year, month, day):
    if not is_valid_date(year, month, day):
        raise ValueError("invalid date: " + format_date(year, month, day))


def day_of_year(year, month, day):
    """1 for 1 January, up to 365 or 366."""
    _check(year, month, day)
    total = day
    for m in range(1, month):
        total += days_in_month(year, m)
    return total


def _days_before_year(year):
    previous = year - 1
    return previous * 365 + previous // 4 - previous // 100 + previous // 400


def to_ordinal(year, month, day):
    return _days_before_year(year) + day_of_year(year, month, day)


def from_ordinal(number):
    """The (year, month, day) of a day number >= 1."""
    if number < 1:
        raise ValueError("day number must be positive")
    year = max(1, number // 366)
    while _days_before_year(year + 1) < number:
        year += 1
    remaining = number - _days_before_year(year)
    month = 1
    while remaining > days_in_month(year, month):
        remaining -= days_in_month(year, month)
        month += 1
    return (year, month, remaining)


def day_of_week(year, month, day):
    return WEEKDAYS[(to_ordinal(year, month, day) - 1) % 7]


def days_between(first, second):
    """Signed number of days from the first date to the second."""
    return to_ordinal(second[0], second[1], second[2]) - to_ordinal(first[0], first[1], first[2])


def add_days(date, days):
    return from_ordinal(to_ordinal(date[0], date[1], date[2]) + days)


def add_months(date, months):
    """Move by whole months, clamping the day to the end of a shorter month."""
    year, month, day = date
    _check(year, month, day)
    index = year * 12 + (month - 1) + months
    new_year = index // 12
    new_month = index % 12 + 1
    return (new_year, new_month, min(day, days_in_month(new_year, new_month)))


def nth_weekday(year, month, weekday, n):
    """Day of the month of the n-th given weekday (n = -1 for the last one)."""
    target = WEEKDAYS.index(weekday)
    first = (to_ordinal(year, month, 1) - 1) % 7
    day = 1 + (target - first) % 7
    if n > 0:
        day += 7 * (n - 1)
    else:
        while day + 7 <= days_in_month(year, month):
            day += 7
    if day > days_in_month(year, month):
        raise ValueError("no such weekday in this month")
    return day


def format_date(year, month, day):
    return str(year).rjust(4, "0") + "-" + str(month).rjust(2, "0") + "-" + str(day).rjust(2, "0")


def parse_date(text):
    """Read 'YYYY-MM-DD' into a validated (year, month, day) tuple."""
    parts = text.strip().split("-")
    if len(parts) != 3 or len(parts[1]) != 2 or len(parts[2]) != 2:
        raise ValueError("expected YYYY-MM-DD: " + text)
    for part in parts:
        if not part.isdigit():
            raise ValueError("expected digits: " + text)
    year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
    _check(year, month, day)
    return (year, month, day)
