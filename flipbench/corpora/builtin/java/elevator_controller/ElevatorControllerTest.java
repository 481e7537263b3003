import java.util.List;
import java.util.Objects;

public class ElevatorControllerTest {
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

    static void testPassengersAreCarriedInScanOrder() {
        ElevatorController elevator = new ElevatorController(9, 0);
        check(elevator.call(3, 7), "call from 3");
        check(elevator.call(5, 1), "call from 5");
        checkEquals(4, elevator.run(4));
        checkEquals(3, elevator.floor());
        checkEquals(1, elevator.direction());
        checkEquals(1, elevator.ridersOnBoard());
        checkEquals(3, elevator.run(3));
        checkEquals(2, elevator.ridersOnBoard());
        checkEquals(10, elevator.run(100));
        checkEquals(List.of("open 3 +1", "open 5 +1", "open 7", "open 1"), elevator.log());
        checkEquals(1, elevator.floor());
        checkEquals(13, elevator.travelled());
        checkEquals(2, elevator.delivered());
        checkEquals(0, elevator.ridersOnBoard());
        checkEquals(0, elevator.direction());
    }

    static void testIdleElevatorHeadsForNearestRequest() {
        ElevatorController up = new ElevatorController(9, 5);
        up.request(2);
        up.request(7);
        checkEquals(9, up.run(50));
        checkEquals(List.of("open 7", "open 2"), up.log());
        checkEquals(7, up.travelled());
        ElevatorController tie = new ElevatorController(9, 5);
        tie.request(3);
        tie.request(7);
        tie.run(50);
        checkEquals(List.of("open 7", "open 3"), tie.log());
        ElevatorController down = new ElevatorController(9, 5);
        down.request(8);
        down.request(4);
        checkEquals(7, down.run(50));
        checkEquals(List.of("open 4", "open 8"), down.log());
        checkEquals(5, down.travelled());
    }

    static void testKeepsDirectionWhileRequestsLieAhead() {
        ElevatorController elevator = new ElevatorController(9, 0);
        elevator.request(5);
        checkEquals(2, elevator.run(2));
        checkEquals(2, elevator.floor());
        elevator.request(1);
        checkEquals(5, elevator.run(5));
        checkEquals(4, elevator.floor());
        checkEquals(-1, elevator.direction());
        elevator.request(8);
        checkEquals(12, elevator.run(100));
        checkEquals(List.of("open 5", "open 1", "open 8"), elevator.log());
        checkEquals(16, elevator.travelled());
        checkEquals(8, elevator.floor());
    }

    static void testRequestAtCurrentFloorOpensImmediately() {
        ElevatorController elevator = new ElevatorController(5, 4);
        check(elevator.request(4), "request here");
        check(elevator.step(), "doors open");
        checkEquals(List.of("open 4"), elevator.log());
        checkEquals(0, elevator.travelled());
        check(!elevator.step(), "then idle");
        checkEquals(0, elevator.run(10));
        checkEquals(0, elevator.direction());
    }

    static void testSeveralRidersBoardTogether() {
        ElevatorController elevator = new ElevatorController(6, 0);
        elevator.call(2, 6);
        elevator.call(2, 4);
        checkEquals(0, elevator.run(0));
        checkEquals(9, elevator.run(20));
        checkEquals(List.of("open 2 +2", "open 4", "open 6"), elevator.log());
        checkEquals(2, elevator.delivered());
        checkEquals(6, elevator.travelled());
        elevator.request(2);
        checkEquals(5, elevator.run(20));
        checkEquals("open 2", elevator.log().get(3));
        checkEquals(0, elevator.ridersOnBoard());
    }

    static void testTopAndBottomFloors() {
        ElevatorController elevator = new ElevatorController(3, 3);
        check(elevator.call(0, 3), "call from the bottom");
        checkEquals(4, elevator.run(4));
        checkEquals(1, elevator.ridersOnBoard());
        checkEquals(4, elevator.run(20));
        checkEquals(List.of("open 0 +1", "open 3"), elevator.log());
        checkEquals(6, elevator.travelled());
        checkEquals(1, elevator.delivered());
        ElevatorController downward = new ElevatorController(9, 3);
        downward.request(0);
        checkEquals(1, downward.run(1));
        downward.request(9);
        checkEquals(13, downward.run(50));
        checkEquals(List.of("open 0", "open 9"), downward.log());
        ElevatorController ground = new ElevatorController(9, 2);
        ground.request(5);
        ground.request(0);
        ground.run(50);
        checkEquals(List.of("open 0", "open 5"), ground.log());
    }

    static void testInvalidRequestsAndFloors() {
        ElevatorController elevator = new ElevatorController(9, 0);
        check(!elevator.request(-1), "below the ground floor");
        check(!elevator.request(10), "above the top floor");
        check(!elevator.call(2, 2), "same floor");
        check(!elevator.call(2, 10), "destination above the top");
        check(!elevator.call(2, -1), "destination below the ground floor");
        check(!elevator.call(-1, 3), "origin below the ground floor");
        checkEquals(0, elevator.run(10));
        check(elevator.request(9), "top floor");
        checkEquals(10, elevator.run(20));
        check(elevator.call(5, 0), "down to the ground floor");
        checkEquals(5, elevator.run(5));
        checkEquals(1, elevator.ridersOnBoard());
        checkEquals(6, elevator.run(20));
        checkEquals(1, elevator.delivered());
        int[][] bad = {{0, 0}, {3, 4}, {3, -1}};
        for (int i = 0; i < bad.length; i++) {
            try {
                new ElevatorController(bad[i][0], bad[i][1]);
                throw new AssertionError("accepted " + bad[i][0] + "/" + bad[i][1]);
            } catch (IllegalArgumentException expected) {
                checkEquals("bad floors " + bad[i][0] + "/" + bad[i][1], expected.getMessage());
            }
        }
        checkEquals(1, new ElevatorController(1, 1).floor());
    }
}
