import java.util.List;
import java.util.Objects;

public class TurnstileStateMachineTest {
    private static final TurnstileStateMachine.State LOCKED = TurnstileStateMachine.State.LOCKED;
    private static final TurnstileStateMachine.State UNLOCKED = TurnstileStateMachine.State.UNLOCKED;
    private static final TurnstileStateMachine.State BROKEN = TurnstileStateMachine.State.BROKEN;

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void checkRejected(Runnable action, String message) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            checkEquals(message, expected.getMessage());
            return;
        }
        throw new AssertionError("accepted, expected: " + message);
    }

    static void testCoinsUnlockOnceTheFareIsCovered() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        checkEquals(LOCKED, gate.state());
        checkEquals(LOCKED, gate.insertCoin(50));
        checkEquals(50, gate.credit());
        checkEquals(UNLOCKED, gate.insertCoin(50));
        checkEquals(0, gate.credit());
        checkEquals(UNLOCKED, gate.insertCoin(25));
        checkEquals(25, gate.credit());
        checkEquals(List.of("LOCKED -coin 50-> LOCKED", "LOCKED -coin 50-> UNLOCKED",
            "UNLOCKED -coin 25-> UNLOCKED"), gate.log());
        checkEquals("passes=0 alarms=0 collected=100 refunded=0", gate.summary());
        TurnstileStateMachine exact = new TurnstileStateMachine(100);
        checkEquals(LOCKED, exact.insertCoin(99));
        checkEquals(UNLOCKED, exact.insertCoin(1));
    }

    static void testPushPassesAndLeftoverCreditKeepsItOpen() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        gate.insertCoin(100);
        checkEquals(LOCKED, gate.push());
        checkEquals(UNLOCKED, gate.insertCoin(200));
        checkEquals(100, gate.credit());
        checkEquals(UNLOCKED, gate.push());
        checkEquals(0, gate.credit());
        checkEquals(LOCKED, gate.push());
        checkEquals("passes=3 alarms=0 collected=300 refunded=0", gate.summary());
        checkEquals(List.of("LOCKED -coin 100-> UNLOCKED", "UNLOCKED -push-> LOCKED",
            "LOCKED -coin 200-> UNLOCKED", "UNLOCKED -push-> UNLOCKED", "UNLOCKED -push-> LOCKED"), gate.log());
        checkEquals(4, gate.stateChanges());
    }

    static void testThreeAlarmsBreakIt() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        checkEquals(LOCKED, gate.push());
        checkEquals(LOCKED, gate.push());
        checkEquals(BROKEN, gate.push());
        checkEquals(List.of("LOCKED -alarm-> LOCKED", "LOCKED -alarm-> LOCKED", "LOCKED -alarm-> BROKEN"), gate.log());
        checkEquals(BROKEN, gate.insertCoin(50));
        checkEquals(0, gate.credit());
        checkEquals(BROKEN, gate.push());
        checkEquals("passes=0 alarms=3 collected=0 refunded=50", gate.summary());
        checkEquals(LOCKED, gate.repair());
        checkEquals(LOCKED, gate.repair());
        checkEquals(6, gate.log().size());
        checkEquals("BROKEN -coin 50-> BROKEN", gate.log().get(3));
        checkEquals("BROKEN -push-> BROKEN", gate.log().get(4));
        checkEquals("BROKEN -repair-> LOCKED", gate.log().get(5));
        checkEquals(LOCKED, gate.push());
        checkEquals(LOCKED, gate.push());
        checkEquals(BROKEN, gate.push());
        checkEquals(3, gate.stateChanges());
    }

    static void testOnlyAPassResetsTheAlarmCount() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        gate.push();
        gate.push();
        checkEquals(UNLOCKED, gate.insertCoin(100));
        checkEquals(LOCKED, gate.push());
        checkEquals(LOCKED, gate.push());
        checkEquals(LOCKED, gate.push());
        checkEquals(BROKEN, gate.push());
        TurnstileStateMachine other = new TurnstileStateMachine(100);
        other.push();
        other.push();
        checkEquals(LOCKED, other.insertCoin(50));
        checkEquals(BROKEN, other.push());
        checkEquals(LOCKED, gate.repair());
        checkEquals(UNLOCKED, gate.insertCoin(100));
    }

    static void testRefund() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        gate.insertCoin(60);
        checkEquals(60, gate.refund());
        checkEquals(0, gate.credit());
        checkEquals(0, gate.refund());
        checkEquals(List.of("LOCKED -coin 60-> LOCKED", "LOCKED -refund 60-> LOCKED"), gate.log());
        gate.insertCoin(150);
        checkEquals(0, gate.refund());
        checkEquals(50, gate.credit());
        gate.push();
        checkEquals(50, gate.refund());
        gate.insertCoin(30);
        gate.push();
        gate.push();
        gate.push();
        checkEquals(BROKEN, gate.state());
        checkEquals(30, gate.refund());
        checkEquals("passes=1 alarms=3 collected=100 refunded=140", gate.summary());
    }

    static void testReplay() {
        TurnstileStateMachine gate = new TurnstileStateMachine(100);
        checkEquals(UNLOCKED, gate.replay("c50 c50 p p p p r c100"));
        checkEquals("passes=1 alarms=3 collected=200 refunded=0", gate.summary());
        checkEquals(5, gate.stateChanges());
        checkEquals(8, gate.log().size());
        TurnstileStateMachine spaced = new TurnstileStateMachine(100);
        checkEquals(LOCKED, spaced.replay("  p   c40  f "));
        checkEquals("passes=0 alarms=1 collected=0 refunded=40", spaced.summary());
    }

    static void testBadInputIsRejected() {
        checkRejected(() -> new TurnstileStateMachine(0), "fare must be positive");
        TurnstileStateMachine gate = new TurnstileStateMachine(1);
        checkRejected(() -> gate.insertCoin(0), "bad coin 0");
        checkRejected(() -> gate.insertCoin(-5), "bad coin -5");
        checkRejected(() -> gate.replay("c"), "unknown event 'c' at 0");
        checkRejected(() -> gate.replay("p x"), "unknown event 'x' at 1");
        checkRejected(() -> gate.replay("pp"), "unknown event 'pp' at 0");
        checkRejected(() -> gate.replay("rr"), "unknown event 'rr' at 0");
        checkRejected(() -> gate.replay("ff"), "unknown event 'ff' at 0");
        checkRejected(() -> gate.replay("c0"), "bad coin 0");
        checkEquals(UNLOCKED, gate.insertCoin(1));
    }
}
