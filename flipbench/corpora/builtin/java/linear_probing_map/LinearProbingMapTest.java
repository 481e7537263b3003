import java.util.Arrays;
import java.util.Objects;

public class LinearProbingMapTest {
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

    private static LinearProbingMap withKeys(int capacity, int... keys) {
        LinearProbingMap map = new LinearProbingMap(capacity);
        for (int i = 0; i < keys.length; i++) {
            check(map.put(keys[i], keys[i] * 10), "new key " + keys[i]);
        }
        return map;
    }

    static void testCollisionsProbeToTheNextFreeSlot() {
        LinearProbingMap map = withKeys(8, 3, 11, 19, 5);
        checkEquals("[- - - 3 11 19 5 -]", map.describe());
        checkEquals(4, map.size());
        checkEquals(6, map.slotOf(5));
        checkEquals(1, map.probeCount(3));
        checkEquals(2, map.probeCount(5));
        checkEquals(3, map.probeCount(19));
        checkEquals(-1, map.probeCount(27));
        checkEquals(-1, map.slotOf(27));
        checkEquals(110, map.get(11, -1));
        checkEquals(-1, map.get(27, -1));
        check(map.containsKey(19), "19 present");
        check(!map.containsKey(27), "27 absent");
    }

    static void testPutOnExistingKeyReplacesValue() {
        LinearProbingMap map = withKeys(8, 3, 11);
        check(!map.put(11, 7), "existing key");
        checkEquals(7, map.get(11, 0));
        checkEquals(30, map.get(3, 0));
        checkEquals(2, map.size());
        checkEquals("[- - - 3 11 - - -]", map.describe());
    }

    static void testRemoveLeavesTombstoneThatIsReused() {
        LinearProbingMap map = withKeys(8, 3, 11, 19, 5);
        check(map.remove(11), "remove 11");
        checkEquals("[- - - 3 x 19 5 -]", map.describe());
        checkEquals(190, map.get(19, 0));
        check(!map.containsKey(11), "11 gone");
        check(!map.remove(11), "second remove");
        check(!map.remove(4), "never present");
        checkEquals(3, map.size());
        check(map.put(27, 270), "27 is new");
        checkEquals("[- - - 3 27 19 5 -]", map.describe());
        checkEquals(2, map.probeCount(27));
        checkEquals(4, map.size());
    }

    static void testRehashClearsTombstonesWithoutGrowing() {
        LinearProbingMap map = withKeys(8, 1, 2, 3, 4, 5, 6);
        checkEquals("[- 1 2 3 4 5 6 -]", map.describe());
        map.remove(1);
        map.remove(2);
        map.remove(3);
        checkEquals(3, map.size());
        check(map.put(9, 90), "9 is new");
        checkEquals("[- 9 - - 4 5 6 -]", map.describe());
        checkEquals(8, map.capacity());
        checkEquals(4, map.size());
        checkEquals(60, map.get(6, 0));
        LinearProbingMap edge = withKeys(8, 1, 2, 3, 4, 5, 6);
        edge.remove(1);
        check(edge.put(9, 90), "9 is new");
        checkEquals("[- 9 2 3 4 5 6 -]", edge.describe());
        checkEquals(8, edge.capacity());
        LinearProbingMap wrapped = withKeys(8, 7, 15, 1, 2, 3, 4);
        wrapped.remove(1);
        wrapped.remove(2);
        check(wrapped.put(9, 90), "9 triggers a rebuild");
        checkEquals("[7 9 - 3 4 - - 15]", wrapped.describe());
        check(wrapped.put(10, 100), "10 fits without another rebuild");
        checkEquals("[7 9 10 3 4 - - 15]", wrapped.describe());
    }

    static void testKeyInSlotZero() {
        LinearProbingMap map = withKeys(8, 8, 16);
        checkEquals("[8 16 - - - - - -]", map.describe());
        checkEquals(0, map.slotOf(8));
        checkEquals(80, map.get(8, -1));
        check(map.containsKey(8), "8 present");
        check(!map.put(8, 1), "8 updated");
        checkEquals(2, map.size());
        checkEquals(5, map.increment(8, 4));
        checkEquals(5, map.get(8, -1));
        check(map.remove(8), "8 removed");
        checkEquals("[x 16 - - - - - -]", map.describe());
        check(!map.containsKey(8), "8 gone");
        checkEquals(160, map.get(16, -1));
        checkEquals(2, map.probeCount(16));
    }

    static void testReusedTombstoneNoLongerCounts() {
        LinearProbingMap map = withKeys(8, 7, 15, 1, 2, 3);
        checkEquals("[15 1 2 3 - - - 7]", map.describe());
        checkEquals(2, map.probeCount(15));
        map.remove(3);
        map.put(11, 1);
        map.put(4, 1);
        checkEquals("[15 1 2 11 4 - - 7]", map.describe());
        checkEquals(8, map.capacity());
        checkEquals(6, map.size());
    }

    static void testGrowsWhenThreeQuartersFull() {
        LinearProbingMap map = withKeys(8, 7, 15, 1, 2, 3, 4);
        checkEquals(8, map.capacity());
        checkEquals("[15, 1, 2, 3, 4, 7]", Arrays.toString(map.keysInSlotOrder()));
        check(map.put(5, 50), "seventh key");
        checkEquals(16, map.capacity());
        checkEquals("[- 1 2 3 4 5 - 7 - - - - - - - 15]", map.describe());
        checkEquals(1, map.probeCount(15));
        checkEquals(7, map.size());
        checkEquals("[1, 2, 3, 4, 5, 7, 15]", Arrays.toString(map.keysInSlotOrder()));
        checkEquals(150, map.get(15, 0));
    }

    static void testNegativeKeysAndIncrement() {
        LinearProbingMap map = new LinearProbingMap(1);
        checkEquals(4, map.capacity());
        checkEquals(5, map.increment(-3, 5));
        checkEquals(7, map.increment(-3, 2));
        checkEquals(1, map.increment(1, 1));
        checkEquals("[- -3 1 -]", map.describe());
        checkEquals(7, map.get(-3, 0));
        checkEquals(-4, map.increment(5, -4));
        checkEquals("[- -3 1 5]", map.describe());
        checkEquals(4, map.capacity());
        check(map.put(9, 0), "fourth key grows the table");
        checkEquals("[- 1 9 - - -3 5 -]", map.describe());
        checkEquals(4, map.size());
        checkEquals(-4, map.get(5, 0));
    }
}
