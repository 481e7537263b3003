from calendar_math import (add_days, add_months, day_of_week, day_of_year, days_between, days_in_month, format_date,
                           from_ordinal, is_leap_year, is_valid_date, nth_weekday, parse_date, to_ordinal)


def _error(func, *args):
    try:
        func(*args)
    except ValueError as error:
        return str(error)
    return None


def test_leap_years_and_month_lengths():
    assert is_leap_year(2024)
    assert is_leap_year(2000)
    assert not is_leap_year(1900)
    assert not is_leap_year(2023)
    assert days_in_month(2024, 2) == 29
    assert days_in_month(2023, 2) == 28
    assert days_in_month(1900, 2) == 28
    assert days_in_month(2023, 1) == 31
    assert days_in_month(2023, 4) == 30
    assert days_in_month(2023, 12) == 31
    assert _error(days_in_month, 2023, 13) == "month out of range: 13"
    assert _error(days_in_month, 2023, 0) == "month out of range: 0"


def test_is_valid_date():
    assert is_valid_date(2024, 2, 29)
    assert is_valid_date(1, 1, 1)
    assert is_valid_date(2023, 12, 31)
    assert not is_valid_date(2023, 2, 29)
    assert not is_valid_date(2023, 4, 31)
    assert not is_valid_date(2023, 1, 0)
    assert is_valid_date(0, 1, 1) is False
    assert not is_valid_date(2023, 13, 1)
    assert not is_valid_date(2023, 0, 1)


def test_day_of_year_and_ordinals():
    assert day_of_year(2023, 1, 1) == 1
    assert day_of_year(2023, 12, 31) == 365
    assert day_of_year(2024, 12, 31) == 366
    assert day_of_year(2024, 3, 1) == 61
    assert to_ordinal(1, 1, 1) == 1
    assert to_ordinal(2000, 1, 1) == 730120
    assert to_ordinal(2001, 1, 1) == 730486
    assert from_ordinal(730120) == (2000, 1, 1)
    assert from_ordinal(1) == (1, 1, 1)
    assert from_ordinal(365) == (1, 12, 31)
    assert from_ordinal(366) == (2, 1, 1)
    assert from_ordinal(to_ordinal(2024, 12, 31)) == (2024, 12, 31)
    assert from_ordinal(to_ordinal(2100, 3, 1)) == (2100, 3, 1)
    assert _error(from_ordinal, 0) == "day number must be positive"
    assert _error(day_of_year, 2023, 2, 30) == "invalid date: 2023-02-30"


def test_day_of_week():
    assert day_of_week(2024, 2, 29) == "Thursday"
    assert day_of_week(1970, 1, 1) == "Thursday"
    assert day_of_week(2000, 1, 1) == "Saturday"
    assert day_of_week(1, 1, 1) == "Monday"
    assert day_of_week(2024, 6, 30) == "Sunday"


def test_days_between_and_add_days():
    assert days_between((2024, 1, 1), (2025, 1, 1)) == 366
    assert days_between((2023, 1, 1), (2024, 1, 1)) == 365
    assert days_between((2024, 3, 1), (2024, 2, 1)) == -29
    assert days_between((1999, 12, 31), (2000, 3, 1)) == 61
    assert add_days((2024, 2, 28), 1) == (2024, 2, 29)
    assert add_days((2023, 12, 31), 1) == (2024, 1, 1)
    assert add_days((2024, 3, 1), -1) == (2024, 2, 29)
    assert add_days((2023, 3, 1), -1) == (2023, 2, 28)
    assert add_days((2023, 5, 17), 0) == (2023, 5, 17)
    assert add_days((2000, 1, 1), 10000) == (2027, 5, 19)


def test_add_months_clamps():
    assert add_months((2024, 1, 31), 1) == (2024, 2, 29)
    assert add_months((2023, 1, 31), 1) == (2023, 2, 28)
    assert add_months((2024, 11, 15), 2) == (2025, 1, 15)
    assert add_months((2024, 3, 31), -1) == (2024, 2, 29)
    assert add_months((2024, 1, 15), -1) == (2023, 12, 15)
    assert add_months((2024, 2, 29), 12) == (2025, 2, 28)
    assert add_months((2024, 12, 10), 0) == (2024, 12, 10)
    assert _error(add_months, (2023, 2, 30), 1) == "invalid date: 2023-02-30"


def test_nth_weekday():
    assert nth_weekday(2024, 11, "Thursday", 4) == 28
    assert nth_weekday(2024, 5, "Monday", -1) == 27
    assert nth_weekday(2024, 9, "Monday", 1) == 2
    assert nth_weekday(2024, 2, "Thursday", 5) == 29
    assert nth_weekday(2024, 6, "Sunday", -1) == 30
    assert nth_weekday(2024, 5, "Saturday", -1) == 25
    assert nth_weekday(2024, 6, "Saturday", 1) == 1
    assert _error(nth_weekday, 2023, 2, "Thursday", 5) == "no such weekday in this month"


def test_format_and_parse():
    assert format_date(5, 3, 7) == "0005-03-07"
    assert format_date(2024, 12, 25) == "2024-12-25"
    assert parse_date(" 2024-02-29 ") == (2024, 2, 29)
    assert _error(parse_date, "2023-02-29") == "invalid date: 2023-02-29"
    assert _error(parse_date, "2024-2-29") == "expected YYYY-MM-DD: 2024-2-29"
    assert _error(parse_date, "2024-02-029") == "expected YYYY-MM-DD: 2024-02-029"
    assert _error(parse_date, "2024-02") == "expected YYYY-MM-DD: 2024-02"
    assert _error(parse_date, "2024-0a-01") == "expected digits: 2024-0a-01"
