import java.util.List;
import java.util.Objects;

public class LruCacheTest {
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

    static void testGetRefreshesRecencyBeforeEviction() {
        LruCache cache = new LruCache(2);
        checkEquals(null, cache.put("a", 1));
        checkEquals(null, cache.put("b", 2));
        checkEquals(1, cache.get("a"));
        checkEquals("b", cache.put("c", 3));
        checkEquals(List.of("c", "a"), cache.keysMostRecentFirst());
        checkEquals(List.of("a", "c"), cache.keysLeastRecentFirst());
        checkEquals(-1, cache.get("b"));
        checkEquals(3, cache.get("c"));
        checkEquals(2, cache.size());
    }

    static void testPutOnExistingKeyUpdatesWithoutEvicting() {
        LruCache cache = new LruCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        checkEquals(null, cache.put("a", 10));
        checkEquals(2, cache.size());
        checkEquals(List.of("a", "b"), cache.keysMostRecentFirst());
        checkEquals("b", cache.put("c", 3));
        checkEquals(10, cache.get("a"));
        checkEquals(List.of("a", "c"), cache.keysMostRecentFirst());
    }

    static void testPeekLeavesRecencyAndStatsAlone() {
        LruCache cache = new LruCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        checkEquals(1, cache.peek("a"));
        checkEquals(-1, cache.peek("zz"));
        checkEquals("a", cache.put("c", 3));
        checkEquals(-1, cache.peek("a"));
        checkEquals("hits=0 misses=0 evictions=1", cache.stats());
        checkEquals(0, cache.hitRatePercent());
    }

    static void testRemoveRelinksNeighbours() {
        LruCache cache = new LruCache(3);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        check(cache.remove("b"), "remove middle");
        check(!cache.remove("b"), "already removed");
        checkEquals(List.of("c", "a"), cache.keysMostRecentFirst());
        checkEquals(List.of("a", "c"), cache.keysLeastRecentFirst());
        checkEquals(2, cache.size());
        checkEquals(null, cache.put("d", 4));
        checkEquals("a", cache.put("e", 5));
        check(cache.remove("e"), "remove most recent");
        check(cache.remove("c"), "remove least recent");
        checkEquals(List.of("d"), cache.keysMostRecentFirst());
        checkEquals(List.of("d"), cache.keysLeastRecentFirst());
        checkEquals(-1, cache.get("c"));
    }

    static void testResizeEvictsLeastRecent() {
        LruCache cache = new LruCache(4);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        cache.put("d", 4);
        cache.get("b");
        checkEquals(2, cache.resize(2));
        checkEquals(List.of("b", "d"), cache.keysMostRecentFirst());
        checkEquals(0, cache.resize(2));
        checkEquals(0, cache.resize(5));
        checkEquals(null, cache.put("e", 5));
        checkEquals("hits=1 misses=0 evictions=2", cache.stats());
        checkEquals(2, cache.resize(1));
        checkEquals(List.of("e"), cache.keysMostRecentFirst());
        try {
            cache.resize(0);
            throw new AssertionError("resize to zero accepted");
        } catch (IllegalArgumentException expected) {
            // expected
        }
    }

    static void testHitRateRoundsDown() {
        LruCache cache = new LruCache(2);
        cache.put("a", 1);
        checkEquals(1, cache.get("a"));
        checkEquals(100, cache.hitRatePercent());
        checkEquals(1, cache.get("a"));
        checkEquals(-1, cache.get("z"));
        checkEquals(66, cache.hitRatePercent());
        checkEquals(-1, cache.get("y"));
        checkEquals(50, cache.hitRatePercent());
        checkEquals("hits=2 misses=2 evictions=0", cache.stats());
    }

    static void testCapacityOne() {
        LruCache cache = new LruCache(1);
        checkEquals(null, cache.put("a", 1));
        checkEquals("a", cache.put("b", 2));
        checkEquals(-1, cache.get("a"));
        checkEquals(List.of("b"), cache.keysMostRecentFirst());
        checkEquals(1, cache.size());
        try {
            new LruCache(0);
            throw new AssertionError("zero capacity accepted");
        } catch (IllegalArgumentException expected) {
            // expected
        }
    }
}
