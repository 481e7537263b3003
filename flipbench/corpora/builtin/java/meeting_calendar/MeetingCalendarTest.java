import java.util.Arrays;
import java.util.List;
import java.util.Objects;

public class MeetingCalendarTest {
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

    private static int at(String time) {
        return MeetingCalendar.parse(time);
    }

    /** Booked out of order on purpose. */
    private static MeetingCalendar sampleDay() {
        MeetingCalendar calendar = new MeetingCalendar();
        check(calendar.book("lunch", at("12:00"), at("13:00")), "lunch");
        check(calendar.book("standup", at("09:00"), at("09:15")), "standup");
        check(calendar.book("1:1", at("15:30"), at("16:00")), "1:1");
        check(calendar.book("review", at("10:00"), at("11:00")), "review");
        return calendar;
    }

    static void testBookRejectsOverlapsButAllowsTouching() {
        MeetingCalendar calendar = new MeetingCalendar();
        check(calendar.book("a", 600, 660), "first meeting");
        check(!calendar.book("b", 630, 700), "overlaps the end");
        check(calendar.book("c", 660, 700), "touches the end");
        check(calendar.book("d", 540, 600), "touches the start");
        check(!calendar.book("e", 590, 610), "straddles a boundary");
        check(!calendar.book("f", 700, 700), "empty meeting");
        check(!calendar.book("g", 720, 710), "ends before it starts");
        check(!calendar.book("h", -10, 30), "starts before midnight");
        check(!calendar.book("j", 1300, 1441), "runs past midnight");
        check(calendar.book("i", 1380, 1440), "ends exactly at midnight");
        check(calendar.book("k", 0, 10), "starts at midnight");
        checkEquals(List.of("k", "d", "a", "c", "i"), calendar.conflicts(0, 1440));
    }

    static void testConflictsInTimeOrder() {
        MeetingCalendar calendar = sampleDay();
        checkEquals(List.of("standup", "review", "lunch", "1:1"), calendar.conflicts(0, 1440));
        checkEquals(List.of("review"), calendar.conflicts(at("09:15"), at("10:01")));
        checkEquals(List.of("standup"), calendar.conflicts(at("09:14"), at("09:15")));
        checkEquals(List.of(), calendar.conflicts(at("09:15"), at("10:00")));
        checkEquals(List.of("review", "lunch"), calendar.conflicts(at("10:59"), at("12:01")));
    }

    static void testFreeSlotsHonourMinimumLength() {
        MeetingCalendar calendar = sampleDay();
        checkEquals(List.of("08:00-09:00", "09:15-10:00", "11:00-12:00", "13:00-15:30", "16:00-17:00"),
            calendar.freeSlots(at("08:00"), at("17:00"), 30));
        checkEquals(List.of("08:00-09:00", "11:00-12:00", "13:00-15:30", "16:00-17:00"),
            calendar.freeSlots(at("08:00"), at("17:00"), 60));
        checkEquals(List.of("13:00-15:30"), calendar.freeSlots(at("08:00"), at("17:00"), 61));
        checkEquals(List.of("00:00-24:00"), new MeetingCalendar().freeSlots(0, 1440, 1));
    }

    static void testFreeSlotsAtWindowEdges() {
        MeetingCalendar calendar = sampleDay();
        checkEquals(List.of("11:00-12:00"), calendar.freeSlots(at("10:30"), at("12:30"), 1));
        checkEquals(List.of("15:00-15:30"), calendar.freeSlots(at("15:00"), at("15:30"), 1));
        checkEquals(List.of("16:00-18:00"), calendar.freeSlots(at("15:45"), at("18:00"), 1));
        MeetingCalendar packed = new MeetingCalendar();
        packed.book("a", 600, 660);
        packed.book("b", 660, 700);
        checkEquals(List.of(), packed.freeSlots(600, 700, 0));
    }

    static void testBusyMinutesClipsToTheWindow() {
        MeetingCalendar calendar = sampleDay();
        checkEquals(165, calendar.busyMinutes(0, 1440));
        checkEquals(60, calendar.busyMinutes(at("10:30"), at("12:30")));
        checkEquals(0, calendar.busyMinutes(at("09:15"), at("10:00")));
        checkEquals(160, calendar.busyMinutes(at("09:05"), at("16:40")));
    }

    static void testCancelFreesTheSlot() {
        MeetingCalendar calendar = sampleDay();
        check(!calendar.book("retro", at("10:30"), at("11:30")), "clashes with review");
        check(calendar.cancel("review"), "cancel review");
        check(!calendar.cancel("review"), "already cancelled");
        check(calendar.cancel("standup"), "cancel the first meeting");
        check(calendar.book("retro", at("10:30"), at("11:30")), "now free");
        checkEquals(List.of("retro", "lunch", "1:1"), calendar.conflicts(0, 1440));
        check(calendar.cancel("1:1"), "cancel the last meeting");
        checkEquals(List.of("retro", "lunch"), calendar.conflicts(0, 1440));
        check(calendar.book("early", 599, 600), "one minute before ten");
        check(calendar.book("ten", 600, 630), "starts right after it");
        checkEquals(List.of("early", "ten", "retro", "lunch"), calendar.conflicts(0, 1440));
    }

    static void testMergeIntervals() {
        int[][] input = {{5, 8}, {1, 3}, {2, 4}, {8, 10}, {12, 13}};
        checkEquals("[[1, 4], [5, 10], [12, 13]]", Arrays.deepToString(MeetingCalendar.merge(input)));
        checkEquals("[[5, 8], [1, 3], [2, 4], [8, 10], [12, 13]]", Arrays.deepToString(input));
        checkEquals("[[1, 10]]", Arrays.deepToString(MeetingCalendar.merge(new int[][] {{2, 3}, {1, 10}})));
        checkEquals("[[1, 2], [3, 4]]", Arrays.deepToString(MeetingCalendar.merge(new int[][] {{3, 4}, {1, 2}})));
        checkEquals("[]", Arrays.deepToString(MeetingCalendar.merge(new int[0][])));
    }

    static void testRoomsNeeded() {
        checkEquals(2, MeetingCalendar.roomsNeeded(new int[][] {{0, 30}, {5, 10}, {15, 20}}));
        checkEquals(1, MeetingCalendar.roomsNeeded(new int[][] {{1, 5}, {5, 9}}));
        checkEquals(3, MeetingCalendar.roomsNeeded(new int[][] {{1, 5}, {2, 6}, {3, 7}, {6, 8}}));
        checkEquals(2, MeetingCalendar.roomsNeeded(new int[][] {{4, 6}, {4, 9}}));
        checkEquals(1, MeetingCalendar.roomsNeeded(new int[][] {{7, 8}}));
        checkEquals(0, MeetingCalendar.roomsNeeded(new int[0][]));
    }

    static void testFormatAndParse() {
        checkEquals("00:00", MeetingCalendar.format(0));
        checkEquals("09:05", MeetingCalendar.format(545));
        checkEquals("10:00", MeetingCalendar.format(600));
        checkEquals("10:10", MeetingCalendar.format(610));
        checkEquals("13:45", MeetingCalendar.format(825));
        checkEquals("24:00", MeetingCalendar.format(1440));
        checkEquals(450, MeetingCalendar.parse("07:30"));
        checkEquals(1439, MeetingCalendar.parse("23:59"));
    }
}
