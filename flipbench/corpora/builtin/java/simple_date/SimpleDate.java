/** A calendar date in the proleptic Gregorian calendar, written without java.time. */
public final class SimpleDate implements Comparable<SimpleDate> {
    private static final String[] WEEKDAYS = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private final int year;
    private final int month;
    private final int day;

    public SimpleDate(int year, int month, int day) {
        if (year < 1) {
            throw new IllegalArgumentException("invalid year: " + year);
        }
        // daysInMonth also rejects a bad month
        if (day < 1 || day > daysInMonth(year, month)) {
            throw new IllegalArgumentException("invalid day: " + day);
        }
        this.year = year;
        this.month = month;
        this.day = day;
    }

    /** Parses the strict form YYYY-MM-DD. */
    public static SimpleDate parse(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new IllegalArgumentException("expected YYYY-MM-DD: " + text);
        }
        return new SimpleDate(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    public static boolean isLeapYear(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    public static int daysInMonth(int year, int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("invalid month: " + month);
        }
        if (month == 2) {
            return isLeapYear(year) ? 29 : 28;
        }
        if (month == 4 || month == 6 || month == 9 || month == 11) {
            return 30;
        }
        return 31;
    }

    public int dayOfYear() {
        int total = day;
        for (int m = 1; m < month; m++) {
            total += daysInMonth(year, m);
        }
        return total;
    }

    /** Days since 0001-01-01, which is day 0. */
    public long toEpochDay() {
        return startOfYear(year) + dayOfYear() - 1;
    }

    public static SimpleDate fromEpochDay(long epochDay) {
        if (epochDay < 0) {
            throw new IllegalArgumentException("before 0001-01-01: " + epochDay);
        }
        // no year is longer than 366 days, so this guess is never too late
        int year = (int) (epochDay / 366) + 1;
        while (startOfYear(year + 1) <= epochDay) {
            year++;
        }
        int remaining = (int) (epochDay - startOfYear(year));
        int month = 1;
        while (remaining >= daysInMonth(year, month)) {
            remaining -= daysInMonth(year, month);
            month++;
        }
        return new SimpleDate(year, month, remaining + 1);
    }

    public SimpleDate plusDays(long days) {
        return fromEpochDay(toEpochDay() + days);
    }

    /** Days from this date to other; negative when other is earlier. */
    public long daysUntil(SimpleDate other) {
        return other.toEpochDay() - toEpochDay();
    }

    public String dayOfWeek() {
        return WEEKDAYS[(int) (toEpochDay() % 7)];
    }

    @Override
    public int compareTo(SimpleDate other) {
        return Long.compare(toEpochDay(), other.toEpochDay());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SimpleDate)) {
            return false;
        }
        SimpleDate that = (SimpleDate) other;
        return year == that.year && month == that.month && day == that.day;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(toEpochDay());
    }

    @Override
    public String toString() {
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
    }

    private static long startOfYear(int year) {
        long y = year - 1;
        return y * 365 + y / 4 - y / 100 + y / 400;
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(value);
        while (text.length() < width) {
            text = "0" + text;
        }
        return text;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
