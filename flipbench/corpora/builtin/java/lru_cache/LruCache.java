import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A least-recently-used cache from String keys to int values. */
public class LruCache {
    /** A node of the recency list; head.next is the most recent entry, tail.prev the least recent. */
    private static final class Entry {
        final String key;
        int value;
        Entry prev;
        Entry next;

        Entry(String key, int value) {
            this.key = key;
            this.value = value;
        }
    }

    private final Map<String, Entry> index = new HashMap<>();
    private final Entry head = new Entry("<head>", 0);
    private final Entry tail = new Entry("<tail>", 0);
    private int capacity;
    private int hits;
    private int misses;
    private int evictions;

    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        head.next = tail;
        tail.prev = head;
    }

    public int size() {
        return index.size();
    }

    /** The value under key, which becomes the most recently used; -1 when absent. */
    public int get(String key) {
        Entry entry = index.get(key);
        if (entry == null) {
            misses++;
            return -1;
        }
        hits++;
        moveToFront(entry);
        return entry.value;
    }

    /** The value under key without touching recency or statistics; -1 when absent. */
    public int peek(String key) {
        Entry entry = index.get(key);
        return entry == null ? -1 : entry.value;
    }

    /** Stores value under key as the most recent entry; returns the evicted key, or null. */
    public String put(String key, int value) {
        Entry entry = index.get(key);
        if (entry != null) {
            entry.value = value;
            moveToFront(entry);
            return null;
        }
        entry = new Entry(key, value);
        index.put(key, entry);
        linkFront(entry);
        if (index.size() > capacity) {
            return evictOldest();
        }
        return null;
    }

    public boolean remove(String key) {
        Entry entry = index.remove(key);
        if (entry == null) {
            return false;
        }
        unlink(entry);
        return true;
    }

    /** Sets a new capacity, evicting the least recent entries that no longer fit; returns how many. */
    public int resize(int newCapacity) {
        if (newCapacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + newCapacity);
        }
        capacity = newCapacity;
        int evicted = 0;
        while (index.size() > capacity) {
            evictOldest();
            evicted++;
        }
        return evicted;
    }

    public List<String> keysMostRecentFirst() {
        List<String> keys = new ArrayList<>();
        for (Entry e = head.next; e != tail; e = e.next) {
            keys.add(e.key);
        }
        return keys;
    }

    public List<String> keysLeastRecentFirst() {
        List<String> keys = new ArrayList<>();
        Entry e = tail.prev;
        while (e != head) {
            keys.add(e.key);
            e = e.prev;
        }
        return keys;
    }

    /** Percentage of get calls that found their key, rounded down; 0 before any get. */
    public int hitRatePercent() {
        int lookups = hits + misses;
        if (lookups == 0) {
            return 0;
        }
        return hits * 100 / lookups;
    }

    public String stats() {
        return "hits=" + hits + " misses=" + misses + " evictions=" + evictions;
    }

    private String evictOldest() {
        Entry oldest = tail.prev;
        unlink(oldest);
        index.remove(oldest.key);
        evictions++;
        return oldest.key;
    }

    private void moveToFront(Entry entry) {
        unlink(entry);
        linkFront(entry);
    }

    private void unlink(Entry entry) {
        entry.prev.next = entry.next;
        entry.next.prev = entry.prev;
    }

    private void linkFront(Entry entry) {
        entry.next = head.next;
        entry.prev = head;
        head.next.prev = entry;
        head.next = entry;
    }
}
