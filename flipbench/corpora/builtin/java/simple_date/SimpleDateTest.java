import java.util.Objects;

public class SimpleDateTest {
    private static SimpleDate d(int year, int month, int day) {
        return new SimpleDate(year, month, day);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void checkInvalid(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected rejection: " + what);
    }

    static void testLeapYears() {
        check(SimpleDate.isLeapYear(2024), "2024");
        check(!SimpleDate.isLeapYear(2023), "2023");
        check(!SimpleDate.isLeapYear(1900), "1900");
        check(SimpleDate.isLeapYear(2000), "2000");
        check(!SimpleDate.isLeapYear(2100), "2100");
        check(SimpleDate.isLeapYear(2400), "2400");
        check(SimpleDate.isLeapYear(4), "4");
        check(!SimpleDate.isLeapYear(1), "1");
    }

    static void testDaysInMonth() {
        checkEquals(29, SimpleDate.daysInMonth(2024, 2));
        checkEquals(28, SimpleDate.daysInMonth(2023, 2));
        checkEquals(28, SimpleDate.daysInMonth(1900, 2));
        checkEquals(30, SimpleDate.daysInMonth(2023, 4));
        checkEquals(30, SimpleDate.daysInMonth(2023, 6));
        checkEquals(30, SimpleDate.daysInMonth(2023, 9));
        checkEquals(30, SimpleDate.daysInMonth(2023, 11));
        checkEquals(31, SimpleDate.daysInMonth(2023, 1));
        checkEquals(31, SimpleDate.daysInMonth(2023, 7));
        checkEquals(31, SimpleDate.daysInMonth(2023, 8));
        checkEquals(31, SimpleDate.daysInMonth(2023, 12));
        checkInvalid(() -> SimpleDate.daysInMonth(2023, 0), "month 0");
        checkInvalid(() -> SimpleDate.daysInMonth(2023, 13), "month 13");
    }

    static void testConstructorValidates() {
        checkInvalid(() -> d(2023, 2, 29), "not a leap year");
        checkInvalid(() -> d(2023, 4, 31), "April 31");
        checkInvalid(() -> d(2023, 1, 0), "day 0");
        checkInvalid(() -> d(0, 1, 1), "year 0");
        checkInvalid(() -> d(2023, 13, 1), "month 13");
        checkInvalid(() -> d(2023, 0, 1), "month 0");
        checkEquals("2024-02-29", d(2024, 2, 29).toString());
        checkEquals("2023-12-31", d(2023, 12, 31).toString());
        checkEquals("0001-01-01", d(1, 1, 1).toString());
        checkEquals("0999-03-05", d(999, 3, 5).toString());
    }

    static void testDayOfYearAndEpochDay() {
        checkEquals(1, d(2023, 1, 1).dayOfYear());
        checkEquals(365, d(2023, 12, 31).dayOfYear());
        checkEquals(366, d(2024, 12, 31).dayOfYear());
        checkEquals(61, d(2024, 3, 1).dayOfYear());
        checkEquals(60, d(2023, 3, 1).dayOfYear());
        checkEquals(0L, d(1, 1, 1).toEpochDay());
        checkEquals(364L, d(1, 12, 31).toEpochDay());
        checkEquals(365L, d(2, 1, 1).toEpochDay());
        checkEquals(719162L, d(1970, 1, 1).toEpochDay());
        checkEquals(738885L, d(2024, 1, 1).toEpochDay());
        checkEquals(697247L, d(1910, 1, 1).toEpochDay());
        checkEquals(730485L, d(2001, 1, 1).toEpochDay());
    }

    static void testFromEpochDay() {
        checkEquals(d(1, 1, 1), SimpleDate.fromEpochDay(0));
        checkEquals(d(1, 12, 31), SimpleDate.fromEpochDay(364));
        checkEquals(d(2, 1, 1), SimpleDate.fromEpochDay(365));
        checkEquals(d(1970, 1, 1), SimpleDate.fromEpochDay(719162));
        checkEquals(d(2024, 2, 29), SimpleDate.fromEpochDay(738885 + 59));
        checkEquals(d(2024, 12, 31), SimpleDate.fromEpochDay(738885 + 365));
        checkEquals(d(2025, 1, 1), SimpleDate.fromEpochDay(738885 + 366));
        String message = "";
        try {
            SimpleDate.fromEpochDay(-1);
        } catch (IllegalArgumentException expected) {
            message = expected.getMessage();
        }
        checkEquals("before 0001-01-01: -1", message);
    }

    static void testDaysUntilAndPlusDays() {
        checkEquals(365L, d(2024, 1, 1).daysUntil(d(2024, 12, 31)));
        checkEquals(366L, d(2024, 1, 1).daysUntil(d(2025, 1, 1)));
        checkEquals(-366L, d(2025, 1, 1).daysUntil(d(2024, 1, 1)));
        checkEquals(0L, d(2024, 5, 5).daysUntil(d(2024, 5, 5)));
        checkEquals(36524L, d(1900, 1, 1).daysUntil(d(2000, 1, 1)));
        checkEquals(36525L, d(2000, 1, 1).daysUntil(d(2100, 1, 1)));
        checkEquals(d(2024, 1, 1), d(2023, 12, 31).plusDays(1));
        checkEquals(d(2024, 2, 29), d(2024, 2, 28).plusDays(1));
        checkEquals(d(2023, 3, 1), d(2023, 2, 28).plusDays(1));
        checkEquals(d(2024, 2, 29), d(2024, 3, 1).plusDays(-1));
        checkEquals(d(2024, 3, 1), d(2024, 1, 31).plusDays(30));
        checkEquals(d(2100, 1, 1), d(2000, 1, 1).plusDays(36525));
    }

    static void testDayOfWeek() {
        checkEquals("Monday", d(2024, 1, 1).dayOfWeek());
        checkEquals("Thursday", d(1970, 1, 1).dayOfWeek());
        checkEquals("Saturday", d(2000, 1, 1).dayOfWeek());
        checkEquals("Monday", d(1, 1, 1).dayOfWeek());
        checkEquals("Thursday", d(2024, 2, 29).dayOfWeek());
        checkEquals("Sunday", d(2023, 12, 31).dayOfWeek());
    }

    static void testParseCompareAndEquals() {
        checkEquals(d(2024, 3, 5), SimpleDate.parse("2024-03-05"));
        checkEquals(d(1999, 12, 31), SimpleDate.parse("1999-12-31"));
        checkInvalid(() -> SimpleDate.parse("2024-3-05"), "short month");
        checkInvalid(() -> SimpleDate.parse("2024-03-055"), "long day");
        checkInvalid(() -> SimpleDate.parse("2024/03/05"), "slashes");
        checkInvalid(() -> SimpleDate.parse("2024-03/05"), "one slash");
        checkInvalid(() -> SimpleDate.parse("2024-02-30"), "February 30");
        checkInvalid(() -> SimpleDate.parse("20a4-01-01"), "letter");
        checkInvalid(() -> SimpleDate.parse("2024-01-0:"), "colon");
        checkInvalid(() -> SimpleDate.parse("/024-01-01"), "slash digit");
        check(d(2024, 1, 1).compareTo(d(2023, 12, 31)) > 0, "later");
        check(d(2023, 12, 31).compareTo(d(2024, 1, 1)) < 0, "earlier");
        checkEquals(0, d(2024, 1, 1).compareTo(d(2024, 1, 1)));
        check(!d(2024, 1, 2).equals(d(2024, 2, 1)), "day and month swapped");
        check(!d(2024, 1, 1).equals(d(2023, 1, 1)), "year differs");
        check(!d(2024, 1, 1).equals("2024-01-01"), "not a date");
        checkEquals(d(2024, 1, 1).hashCode(), SimpleDate.parse("2024-01-01").hashCode());
    }
}
