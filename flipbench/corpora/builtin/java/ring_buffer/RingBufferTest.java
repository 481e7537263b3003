import java.util.Arrays;
import java.util.Objects;

public class RingBufferTest {
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

    private static void checkArray(int[] expected, int[] actual) {
        checkEquals(Arrays.toString(expected), Arrays.toString(actual));
    }

    private static void checkThrows(Class<? extends RuntimeException> type, Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException thrown) {
            if (type.isInstance(thrown)) {
                return;
            }
            throw new AssertionError(what + ": wrong exception " + thrown);
        }
        throw new AssertionError("no exception: " + what);
    }

    static void testOfferUntilFull() {
        RingBuffer buffer = new RingBuffer(2);
        checkEquals(2, buffer.capacity());
        check(buffer.isEmpty(), "starts empty");
        check(buffer.offer(7), "first offer");
        check(!buffer.isFull(), "one of two is not full");
        check(!buffer.isEmpty(), "not empty");
        check(buffer.offer(8), "second offer");
        check(buffer.isFull(), "two of two is full");
        check(!buffer.offer(9), "third offer refused");
        checkArray(new int[] {7, 8}, buffer.toArray());
        checkEquals(2, buffer.size());
        checkEquals("[7 8] 2/2", buffer.toString());
    }

    static void testPollWrapsAround() {
        RingBuffer buffer = new RingBuffer(3);
        buffer.offer(1);
        buffer.offer(2);
        buffer.offer(3);
        checkEquals(1, buffer.poll());
        check(buffer.offer(4), "offer into the freed slot");
        checkArray(new int[] {2, 3, 4}, buffer.toArray());
        checkEquals(2, buffer.peekFirst());
        checkEquals(4, buffer.peekLast());
        checkEquals(2, buffer.poll());
        checkEquals(3, buffer.poll());
        check(buffer.offer(5), "offer after wrap");
        checkEquals(4, buffer.poll());
        checkEquals(5, buffer.poll());
        check(buffer.isEmpty(), "drained by polls");
        checkThrows(IllegalStateException.class, buffer::poll, "poll on empty");
        checkThrows(IllegalStateException.class, buffer::peekFirst, "peekFirst on empty");
        checkThrows(IllegalStateException.class, buffer::peekLast, "peekLast on empty");
    }

    static void testOfferOverwriteDropsOldest() {
        RingBuffer buffer = new RingBuffer(3);
        check(!buffer.offerOverwrite(1), "room for 1");
        check(!buffer.offerOverwrite(2), "room for 2");
        check(!buffer.offerOverwrite(3), "room for 3");
        check(buffer.offerOverwrite(4), "drops 1");
        check(buffer.offerOverwrite(5), "drops 2");
        checkArray(new int[] {3, 4, 5}, buffer.toArray());
        checkEquals(2, buffer.overwrittenCount());
        checkEquals(3, buffer.peekFirst());
        checkEquals(5, buffer.peekLast());
        checkEquals(3, buffer.size());
    }

    static void testGetByOffset() {
        RingBuffer buffer = new RingBuffer(3);
        buffer.offer(10);
        buffer.offer(20);
        buffer.poll();
        buffer.offer(30);
        buffer.offer(40);
        checkEquals(20, buffer.get(0));
        checkEquals(30, buffer.get(1));
        checkEquals(40, buffer.get(2));
        checkThrows(IndexOutOfBoundsException.class, () -> buffer.get(3), "offset equal to size");
        checkThrows(IndexOutOfBoundsException.class, () -> buffer.get(-1), "negative offset");
    }

    static void testDrainAndAverage() {
        RingBuffer buffer = new RingBuffer(4);
        checkEquals(0.0, buffer.average());
        buffer.offer(3);
        buffer.offer(4);
        buffer.offer(5);
        checkEquals(4.0, buffer.average());
        checkEquals(0L, buffer.drain(0));
        checkEquals(7L, buffer.drain(2));
        checkArray(new int[] {5}, buffer.toArray());
        buffer.offer(6);
        checkEquals(5.5, buffer.average());
        checkEquals(11L, buffer.drain(5));
        checkEquals(0L, buffer.drain(1));
        check(buffer.isEmpty(), "drained");
    }

    static void testMaxWindowSumAcrossTheWrap() {
        RingBuffer buffer = new RingBuffer(4);
        buffer.offer(9);
        buffer.offer(1);
        buffer.offer(2);
        buffer.offer(3);
        buffer.poll();
        buffer.offer(8);
        checkArray(new int[] {1, 2, 3, 8}, buffer.toArray());
        checkEquals(3.5, buffer.average());
        checkEquals(8L, buffer.maxWindowSum(1));
        checkEquals(11L, buffer.maxWindowSum(2));
        checkEquals(13L, buffer.maxWindowSum(3));
        checkEquals(14L, buffer.maxWindowSum(4));
        checkEquals(0L, buffer.maxWindowSum(5));
        checkEquals(0L, buffer.maxWindowSum(0));
        RingBuffer front = new RingBuffer(3);
        front.offer(5);
        front.offer(1);
        front.offer(2);
        checkEquals(6L, front.maxWindowSum(2));
        checkEquals(8L, front.maxWindowSum(3));
    }

    static void testClearAndConstructor() {
        RingBuffer buffer = new RingBuffer(2);
        buffer.offer(1);
        buffer.offer(2);
        buffer.poll();
        buffer.clear();
        check(buffer.isEmpty(), "cleared");
        checkEquals("[] 0/2", buffer.toString());
        buffer.offer(6);
        buffer.offer(7);
        checkArray(new int[] {6, 7}, buffer.toArray());
        checkEquals("[6 7] 2/2", buffer.toString());
        checkThrows(IllegalArgumentException.class, () -> new RingBuffer(0), "zero capacity");
        RingBuffer one = new RingBuffer(1);
        check(one.offer(3), "capacity one holds one");
        check(one.offerOverwrite(4), "and overwrites");
        checkEquals(4, one.poll());
    }
}
