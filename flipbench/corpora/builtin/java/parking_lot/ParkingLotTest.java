import java.util.List;
import java.util.Objects;

public class ParkingLotTest {
    private static final ParkingLot.VehicleType MOTORCYCLE = ParkingLot.VehicleType.MOTORCYCLE;
    private static final ParkingLot.VehicleType CAR = ParkingLot.VehicleType.CAR;
    private static final ParkingLot.VehicleType BUS = ParkingLot.VehicleType.BUS;

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

    static void testFitsBySize() {
        check(ParkingLot.fits(MOTORCYCLE, ParkingLot.SpotSize.SMALL), "motorcycle in small");
        check(ParkingLot.fits(MOTORCYCLE, ParkingLot.SpotSize.LARGE), "motorcycle in large");
        check(!ParkingLot.fits(CAR, ParkingLot.SpotSize.SMALL), "car not in small");
        check(ParkingLot.fits(CAR, ParkingLot.SpotSize.MEDIUM), "car in medium");
        check(ParkingLot.fits(CAR, ParkingLot.SpotSize.LARGE), "car in large");
        check(!ParkingLot.fits(BUS, ParkingLot.SpotSize.MEDIUM), "bus not in medium");
        check(ParkingLot.fits(BUS, ParkingLot.SpotSize.LARGE), "bus in large");
    }

    static void testParkChoosesSmallestFittingSpot() {
        ParkingLot lot = new ParkingLot("LMSMS");
        checkEquals(1, lot.park("car-a", CAR, 0));
        checkEquals(3, lot.park("car-b", CAR, 0));
        checkEquals(0, lot.park("car-c", CAR, 0));
        checkEquals(-1, lot.park("car-d", CAR, 0));
        checkEquals(2, lot.park("moto-a", MOTORCYCLE, 0));
        checkEquals(4, lot.park("moto-b", MOTORCYCLE, 0));
        checkEquals(-1, lot.park("moto-c", MOTORCYCLE, 0));
        checkEquals(List.of("car-c", "car-a", "moto-a", "car-b", "moto-b"), lot.parkedPlates());
    }

    static void testBusNeedsLargeAndPlatesAreUnique() {
        ParkingLot lot = new ParkingLot("SSMML");
        checkEquals(-1, new ParkingLot("SM").park("bus", BUS, 0));
        checkEquals(4, lot.park("bus", BUS, 0));
        checkEquals(-1, lot.park("bus", MOTORCYCLE, 5));
        checkEquals(4, lot.spotOf("bus"));
        checkEquals(-1, lot.spotOf("nobody"));
        checkEquals(0, lot.park("moto", MOTORCYCLE, 0));
        checkEquals(2, lot.park("car", CAR, 0));
        checkEquals("S:1/2 M:1/2 L:1/1", lot.occupancy());
        checkEquals(1, lot.freeSpots(ParkingLot.SpotSize.SMALL));
        checkEquals(0, lot.freeSpots(ParkingLot.SpotSize.LARGE));
    }

    static void testFeeByStartedHourWithGrace() {
        checkEquals(0, ParkingLot.fee(CAR, 0));
        checkEquals(0, ParkingLot.fee(CAR, 15));
        checkEquals(250, ParkingLot.fee(CAR, 16));
        checkEquals(250, ParkingLot.fee(CAR, 60));
        checkEquals(500, ParkingLot.fee(CAR, 61));
        checkEquals(300, ParkingLot.fee(MOTORCYCLE, 125));
        checkEquals(1600, ParkingLot.fee(BUS, 100));
    }

    static void testFeeIsCappedPerDay() {
        checkEquals(1750, ParkingLot.fee(CAR, 420));
        checkEquals(2000, ParkingLot.fee(CAR, 480));
        checkEquals(2000, ParkingLot.fee(CAR, 540));
        checkEquals(2000, ParkingLot.fee(CAR, 1440));
        checkEquals(2250, ParkingLot.fee(CAR, 1441));
        checkEquals(14400, ParkingLot.fee(BUS, 3000));
    }

    static void testLeaveChargesAndFreesTheSpot() {
        ParkingLot lot = new ParkingLot("SML");
        checkEquals(1, lot.park("car", CAR, 100));
        checkEquals(0, lot.park("moto", MOTORCYCLE, 100));
        checkEquals(-1, lot.leave("car", 99));
        checkEquals(1, lot.spotOf("car"));
        checkEquals(500, lot.leave("car", 190));
        checkEquals(-1, lot.spotOf("car"));
        checkEquals(-1, lot.leave("car", 200));
        checkEquals(-1, lot.leave("ghost", 200));
        checkEquals(0, lot.leave("moto", 100));
        checkEquals(1, lot.park("van", CAR, 300));
        checkEquals(250, lot.leave("van", 330));
        checkEquals(750L, lot.revenue());
        checkEquals("S:0/1 M:0/1 L:0/1", lot.occupancy());
        checkEquals(List.of(), lot.parkedPlates());
    }

    static void testBadLayoutIsRejected() {
        try {
            new ParkingLot("SMX");
            throw new AssertionError("bad layout accepted");
        } catch (IllegalArgumentException expected) {
            checkEquals("bad spot 'X' at 2", expected.getMessage());
        }
        ParkingLot empty = new ParkingLot("");
        checkEquals(-1, empty.park("car", CAR, 0));
        checkEquals("S:0/0 M:0/0 L:0/0", empty.occupancy());
    }
}
