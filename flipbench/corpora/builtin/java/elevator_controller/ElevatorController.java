import java.util.ArrayList;
import java.util.List;

/** One elevator serving floors 0..top, simulated tick by tick with the SCAN strategy. */
public class ElevatorController {
    private final int topFloor;
    private final boolean[] stopRequested;
    private final List<List<Integer>> waiting = new ArrayList<>(); // destinations of people waiting per floor
    private final int[] ridersTo; // riders on board, by destination floor
    private final List<String> log = new ArrayList<>();
    private int floor;
    private int direction; // +1 up, -1 down, 0 idle
    private int travelled;
    private int delivered;

    public ElevatorController(int topFloor, int startFloor) {
        if (topFloor < 1 || startFloor < 0 || startFloor > topFloor) {
            throw new IllegalArgumentException("bad floors " + topFloor + "/" + startFloor);
        }
        this.topFloor = topFloor;
        this.floor = startFloor;
        stopRequested = new boolean[topFloor + 1];
        ridersTo = new int[topFloor + 1];
        for (int f = 0; f <= topFloor; f++) {
            waiting.add(new ArrayList<>());
        }
    }

    /** A button press inside the car: stop at target. */
    public boolean request(int target) {
        if (target < 0 || target > topFloor) {
            return false;
        }
        stopRequested[target] = true;
        return true;
    }

    /** Someone at floor from wants to go to floor to; they board when the doors open at from. */
    public boolean call(int from, int to) {
        if (from == to || to < 0 || to > topFloor || !request(from)) {
            return false;
        }
        waiting.get(from).add(to);
        return true;
    }

    /** One tick: open the doors here if requested, else move one floor; false when there is nothing to do. */
    public boolean step() {
        if (stopRequested[floor]) {
            openDoors();
            return true;
        }
        direction = chooseDirection();
        if (direction == 0) {
            return false;
        }
        floor += direction;
        travelled++;
        return true;
    }

    /** Steps until idle or until maxTicks ticks were used; returns the ticks used. */
    public int run(int maxTicks) {
        int ticks = 0;
        while (ticks < maxTicks && step()) {
            ticks++;
        }
        return ticks;
    }

    public int floor() {
        return floor;
    }

    public int direction() {
        return direction;
    }

    public int travelled() {
        return travelled;
    }

    public int delivered() {
        return delivered;
    }

    public int ridersOnBoard() {
        int total = 0;
        for (int f = 0; f <= topFloor; f++) {
            total += ridersTo[f];
        }
        return total;
    }

    /** Door openings in order, e.g. "open 3". */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void openDoors() {
        stopRequested[floor] = false;
        delivered += ridersTo[floor];
        ridersTo[floor] = 0;
        List<Integer> boarding = waiting.get(floor);
        for (int i = 0; i < boarding.size(); i++) {
            int destination = boarding.get(i);
            ridersTo[destination]++;
            stopRequested[destination] = true;
        }
        log.add("open " + floor + (boarding.isEmpty() ? "" : " +" + boarding.size()));
        boarding.clear();
    }

    /** Keep going while requests lie ahead, else turn; from idle, take the nearer side (up on a tie). */
    private int chooseDirection() {
        int above = nearestAbove();
        int below = nearestBelow();
        if (above < 0 && below < 0) {
            return 0;
        }
        if (above < 0) {
            return -1;
        }
        if (below < 0) {
            return 1;
        }
        if (direction != 0) {
            return direction;
        }
        return above - floor <= floor - below ? 1 : -1;
    }

    private int nearestAbove() {
        for (int f = floor + 1; f <= topFloor; f++) {
            if (stopRequested[f]) {
                return f;
            }
        }
        return -1;
    }

    private int nearestBelow() {
        for (int f = floor - 1; f >= 0; f--) {
            if (stopRequested[f]) {
                return f;
            }
        }
        return -1;
    }
}
