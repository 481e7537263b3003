/** A hash map from int keys to int values: open addressing, linear probing and tombstones. */
public class LinearProbingMap {
    private static final int EMPTY = 0;
    private static final int FULL = 1;
    private static final int DELETED = 2;

    private int[] keys;
    private int[] values;
    private int[] states;
    private int size;
    private int tombstones;

    public LinearProbingMap(int capacity) {
        allocate(Math.max(4, capacity));
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return keys.length;
    }

    /** Stores value under key; returns true when the key was not present before. */
    public boolean put(int key, int value) {
        int existing = findSlot(key);
        if (existing >= 0) {
            values[existing] = value;
            return false;
        }
        // keep used slots (live entries plus tombstones) at no more than 3/4 of the table
        if ((size + tombstones + 1) * 4 > keys.length * 3) {
            boolean crowded = (size + 1) * 4 > keys.length * 3;
            rehash(crowded ? keys.length * 2 : keys.length);
        }
        insertNew(key, value);
        return true;
    }

    public int get(int key, int fallback) {
        int slot = findSlot(key);
        return slot < 0 ? fallback : values[slot];
    }

    public boolean containsKey(int key) {
        return findSlot(key) >= 0;
    }

    /** Removes key, leaving a tombstone so that later probes continue past its slot. */
    public boolean remove(int key) {
        int slot = findSlot(key);
        if (slot < 0) {
            return false;
        }
        states[slot] = DELETED;
        size--;
        tombstones++;
        return true;
    }

    /** Adds delta to the value under key (a missing key counts as 0) and returns the new value. */
    public int increment(int key, int delta) {
        int slot = findSlot(key);
        if (slot >= 0) {
            values[slot] += delta;
            return values[slot];
        }
        put(key, delta);
        return delta;
    }

    /** The slot holding key, or -1. */
    public int slotOf(int key) {
        return findSlot(key);
    }

    /** Slots examined to reach key (1 when it sits in its home slot), or -1 when absent. */
    public int probeCount(int key) {
        int slot = findSlot(key);
        if (slot < 0) {
            return -1;
        }
        return Math.floorMod(slot - home(key), keys.length) + 1;
    }

    public int[] keysInSlotOrder() {
        int[] result = new int[size];
        int next = 0;
        for (int i = 0; i < keys.length; i++) {
            if (states[i] == FULL) {
                result[next++] = keys[i];
            }
        }
        return result;
    }

    /** The table slot by slot: a key, "-" for an empty slot, "x" for a tombstone. */
    public String describe() {
        String text = "[";
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                text += " ";
            }
            if (states[i] == FULL) {
                text += keys[i];
            } else {
                text += states[i] == DELETED ? "x" : "-";
            }
        }
        return text + "]";
    }

    private int home(int key) {
        return Math.floorMod(key, keys.length);
    }

    private int findSlot(int key) {
        int slot = home(key);
        // the load limit guarantees an empty slot, so the probe always ends
        while (states[slot] != EMPTY) {
            if (states[slot] == FULL && keys[slot] == key) {
                return slot;
            }
            slot = (slot + 1) % keys.length;
        }
        return -1;
    }

    private void insertNew(int key, int value) {
        int slot = home(key);
        while (states[slot] == FULL) {
            slot = (slot + 1) % keys.length;
        }
        if (states[slot] == DELETED) {
            tombstones--;
        }
        keys[slot] = key;
        values[slot] = value;
        states[slot] = FULL;
        size++;
    }

    private void rehash(int newCapacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        int[] oldStates = states;
        allocate(newCapacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStates[i] == FULL) {
                insertNew(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new int[capacity];
        states = new int[capacity];
        size = 0;
        tombstones = 0;
    }
}
