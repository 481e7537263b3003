import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parking lot with spots of three sizes; vehicles pay by type and by started hour. */
public class ParkingLot {
    public enum SpotSize { SMALL, MEDIUM, LARGE }

    public enum VehicleType { MOTORCYCLE, CAR, BUS }

    private record Ticket(VehicleType type, int spot, int entryMinute) {
    }

    public static final int GRACE_MINUTES = 15;
    public static final int DAY_MINUTES = 24 * 60;
    public static final int CAP_HOURS = 8; // a day never costs more than 8 hours

    private final SpotSize[] spots;
    private final String[] occupant; // plate parked in each spot, or null
    private final Map<String, Ticket> tickets = new HashMap<>();
    private long revenue;

    /** Builds the lot from a layout such as "SSML": one letter per spot (S, M or L). */
    public ParkingLot(String layout) {
        spots = new SpotSize[layout.length()];
        occupant = new String[layout.length()];
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            if (c == 'S') {
                spots[i] = SpotSize.SMALL;
            } else if (c == 'M') {
                spots[i] = SpotSize.MEDIUM;
            } else if (c == 'L') {
                spots[i] = SpotSize.LARGE;
            } else {
                throw new IllegalArgumentException("bad spot '" + c + "' at " + i);
            }
        }
    }

    /** Motorcycles fit anywhere, cars need a medium or large spot, buses a large one. */
    public static boolean fits(VehicleType type, SpotSize size) {
        if (type == VehicleType.MOTORCYCLE) {
            return true;
        }
        if (type == VehicleType.CAR) {
            return size == SpotSize.MEDIUM || size == SpotSize.LARGE;
        }
        return size == SpotSize.LARGE;
    }

    /** Parks in the smallest free spot that fits (lowest index first); -1 if none or already parked. */
    public int park(String plate, VehicleType type, int minute) {
        if (tickets.containsKey(plate)) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < spots.length; i++) {
            if (occupant[i] != null || !fits(type, spots[i])) {
                continue;
            }
            if (best == -1 || spots[i].ordinal() < spots[best].ordinal()) {
                best = i;
            }
        }
        if (best >= 0) {
            occupant[best] = plate;
            tickets.put(plate, new Ticket(type, best, minute));
        }
        return best;
    }

    /** Frees the vehicle's spot and returns the fee in cents; -1 if it is not parked or minute is too early. */
    public int leave(String plate, int minute) {
        Ticket ticket = tickets.get(plate);
        if (ticket == null || minute < ticket.entryMinute()) {
            return -1;
        }
        tickets.remove(plate);
        occupant[ticket.spot()] = null;
        int fee = fee(ticket.type(), minute - ticket.entryMinute());
        revenue += fee;
        return fee;
    }

    /** Cents per started hour, after a free grace period; each full or partial day is capped. */
    public static int fee(VehicleType type, int minutes) {
        if (minutes <= GRACE_MINUTES) {
            return 0;
        }
        int rate = hourlyRate(type);
        int days = minutes / DAY_MINUTES;
        int restHours = (minutes % DAY_MINUTES + 59) / 60;
        return days * CAP_HOURS * rate + Math.min(restHours, CAP_HOURS) * rate;
    }

    public int spotOf(String plate) {
        Ticket ticket = tickets.get(plate);
        return ticket == null ? -1 : ticket.spot();
    }

    public int freeSpots(SpotSize size) {
        int free = 0;
        for (int i = 0; i < spots.length; i++) {
            if (spots[i] == size && occupant[i] == null) {
                free++;
            }
        }
        return free;
    }

    /** Used/total per size, e.g. "S:1/2 M:0/2 L:1/1". */
    public String occupancy() {
        String text = "";
        SpotSize[] sizes = SpotSize.values();
        for (int s = 0; s < sizes.length; s++) {
            int total = 0;
            for (int i = 0; i < spots.length; i++) {
                if (spots[i] == sizes[s]) {
                    total++;
                }
            }
            if (s > 0) {
                text += " ";
            }
            text += sizes[s].name().charAt(0) + ":" + (total - freeSpots(sizes[s])) + "/" + total;
        }
        return text;
    }

    /** Plates of parked vehicles in spot order. */
    public List<String> parkedPlates() {
        List<String> plates = new ArrayList<>();
        for (int i = 0; i < occupant.length; i++) {
            if (occupant[i] != null) {
                plates.add(occupant[i]);
            }
        }
        return plates;
    }

    public long revenue() {
        return revenue;
    }

    private static int hourlyRate(VehicleType type) {
        switch (type) {
            case MOTORCYCLE:
                return 100;
            case CAR:
                return 250;
            default:
                return 800;
        }
    }
}
