import java.util.ArrayList;
import java.util.List;

/** A one-day calendar. Times are minutes after midnight; a meeting occupies [start, end). */
public class MeetingCalendar {
    public record Meeting(String title, int start, int end) {
    }

    private static final int DAY_END = 24 * 60;
    private final List<Meeting> meetings = new ArrayList<>(); // sorted by start time

    /** Books a meeting; false when the times are invalid or it overlaps a booked meeting. */
    public boolean book(String title, int start, int end) {
        if (start < 0 || end > DAY_END || start >= end) {
            return false;
        }
        if (!conflicts(start, end).isEmpty()) {
            return false;
        }
        int index = 0;
        while (index < meetings.size() && meetings.get(index).start() < start) {
            index++;
        }
        meetings.add(index, new Meeting(title, start, end));
        return true;
    }

    public boolean cancel(String title) {
        for (int i = 0; i < meetings.size(); i++) {
            if (meetings.get(i).title().equals(title)) {
                meetings.remove(i);
                return true;
            }
        }
        return false;
    }

    /** Titles of booked meetings overlapping [start, end), in time order; touching is no conflict. */
    public List<String> conflicts(int start, int end) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < meetings.size(); i++) {
            Meeting meeting = meetings.get(i);
            if (meeting.start() < end && start < meeting.end()) {
                titles.add(meeting.title());
            }
        }
        return titles;
    }

    /** Free gaps of at least minLength minutes (and never empty) within [from, to), as "09:00-10:30". */
    public List<String> freeSlots(int from, int to, int minLength) {
        List<String> slots = new ArrayList<>();
        int cursor = from;
        for (int i = 0; i < meetings.size(); i++) {
            Meeting meeting = meetings.get(i);
            if (meeting.end() <= cursor) {
                continue;
            }
            if (meeting.start() >= to) {
                break;
            }
            addSlot(slots, cursor, meeting.start(), minLength);
            cursor = meeting.end();
        }
        addSlot(slots, cursor, to, minLength);
        return slots;
    }

    /** Booked minutes inside [from, to), counting only the part of each meeting in the window. */
    public int busyMinutes(int from, int to) {
        int total = 0;
        for (int i = 0; i < meetings.size(); i++) {
            int start = Math.max(meetings.get(i).start(), from);
            int end = Math.min(meetings.get(i).end(), to);
            if (end > start) {
                total += end - start;
            }
        }
        return total;
    }

    /** Merges overlapping or touching intervals {start, end}; the result is sorted by start. */
    public static int[][] merge(int[][] intervals) {
        int[][] sorted = new int[intervals.length][];
        for (int i = 0; i < intervals.length; i++) {
            int[] current = intervals[i];
            int j = i - 1;
            while (j >= 0 && sorted[j][0] > current[0]) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = current;
        }
        List<int[]> merged = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && sorted[i][0] <= last[1]) {
                last[1] = Math.max(last[1], sorted[i][1]);
            } else {
                merged.add(new int[] {sorted[i][0], sorted[i][1]});
            }
        }
        return merged.toArray(new int[0][]);
    }

    /** The largest number of intervals {start, end} in progress at the same moment. */
    public static int roomsNeeded(int[][] intervals) {
        int best = 0;
        for (int i = 0; i < intervals.length; i++) {
            // at the start of interval i, count the intervals already running
            int running = 0;
            for (int j = 0; j < intervals.length; j++) {
                if (intervals[j][0] <= intervals[i][0] && intervals[i][0] < intervals[j][1]) {
                    running++;
                }
            }
            best = Math.max(best, running);
        }
        return best;
    }

    /** Formats minutes after midnight as "HH:MM". */
    public static String format(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        return (hours < 10 ? "0" : "") + hours + ":" + (rest < 10 ? "0" : "") + rest;
    }

    /** Parses "HH:MM" into minutes after midnight. */
    public static int parse(String time) {
        int colon = time.indexOf(':');
        return Integer.parseInt(time.substring(0, colon)) * 60 + Integer.parseInt(time.substring(colon + 1));
    }

    private static void addSlot(List<String> slots, int start, int end, int minLength) {
        if (end > start && end - start >= minLength) {
            slots.add(format(start) + "-" + format(end));
        }
    }
}
