/** A fixed-capacity circular queue of ints backed by an array. */
public class RingBuffer {
    private final int[] items;
    private int head; // slot of the oldest element
    private int count;
    private int overwritten;

    public RingBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        items = new int[capacity];
    }

    public int capacity() {
        return items.length;
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean isFull() {
        return count == items.length;
    }

    /** Adds a value at the tail; returns false and changes nothing when the buffer is full. */
    public boolean offer(int value) {
        if (isFull()) {
            return false;
        }
        items[slot(count)] = value;
        count++;
        return true;
    }

    /** Adds a value at the tail, dropping the oldest value when full; returns whether one was dropped. */
    public boolean offerOverwrite(int value) {
        if (!isFull()) {
            offer(value);
            return false;
        }
        items[head] = value;
        head = (head + 1) % items.length;
        overwritten++;
        return true;
    }

    /** Removes and returns the oldest value. */
    public int poll() {
        if (count == 0) {
            throw new IllegalStateException("buffer is empty");
        }
        int value = items[head];
        head = (head + 1) % items.length;
        count--;
        return value;
    }

    public int peekFirst() {
        if (count == 0) {
            throw new IllegalStateException("buffer is empty");
        }
        return items[head];
    }

    public int peekLast() {
        if (count == 0) {
            throw new IllegalStateException("buffer is empty");
        }
        return items[slot(count - 1)];
    }

    /** The value at position offset, counted from the oldest (0) to the newest (size - 1). */
    public int get(int offset) {
        if (offset < 0 || offset >= count) {
            throw new IndexOutOfBoundsException("offset " + offset + " for size " + count);
        }
        return items[slot(offset)];
    }

    /** Removes up to n of the oldest values and returns their sum. */
    public long drain(int n) {
        long sum = 0;
        int taken = 0;
        while (taken < n && count > 0) {
            sum += poll();
            taken++;
        }
        return sum;
    }

    /** Mean of the values currently held, 0.0 when empty. */
    public double average() {
        if (count == 0) {
            return 0.0;
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += items[slot(i)];
        }
        return (double) total / count;
    }

    /** Largest sum of any window of k consecutive values (oldest to newest); 0 if k is out of range. */
    public long maxWindowSum(int k) {
        if (k <= 0 || k > count) {
            return 0;
        }
        long window = 0;
        for (int i = 0; i < k; i++) {
            window += items[slot(i)];
        }
        long best = window;
        for (int i = k; i < count; i++) {
            window = window + items[slot(i)] - items[slot(i - k)];
            if (window > best) {
                best = window;
            }
        }
        return best;
    }

    public int overwrittenCount() {
        return overwritten;
    }

    public void clear() {
        head = 0;
        count = 0;
    }

    public int[] toArray() {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = items[slot(i)];
        }
        return result;
    }

    @Override
    public String toString() {
        String text = "[";
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text += " ";
            }
            text += items[slot(i)];
        }
        return text + "] " + count + "/" + items.length;
    }

    private int slot(int offset) {
        return (head + offset) % items.length;
    }
}
