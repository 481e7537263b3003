import java.util.Arrays;

/** A binary min-heap of ints stored in a growable array (children of i sit at 2i+1 and 2i+2). */
public class MinHeap {
    private int[] data;
    private int size;

    public MinHeap(int initialCapacity) {
        data = new int[Math.max(1, initialCapacity)];
    }

    /** Builds a heap from arbitrary values in linear time (bottom-up heapify). */
    public static MinHeap fromArray(int[] values) {
        MinHeap heap = new MinHeap(values.length);
        for (int i = 0; i < values.length; i++) {
            heap.data[i] = values[i];
        }
        heap.size = values.length;
        for (int i = heap.size / 2 - 1; i >= 0; i--) {
            heap.siftDown(i);
        }
        return heap;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int capacity() {
        return data.length;
    }

    public void push(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size] = value;
        siftUp(size);
        size++;
    }

    public int peek() {
        if (size == 0) {
            throw new IllegalStateException("heap is empty");
        }
        return data[0];
    }

    public int pop() {
        int top = peek();
        size--;
        data[0] = data[size];
        siftDown(0);
        return top;
    }

    /** Pops the minimum and pushes value in one sift; returns the old minimum. */
    public int replaceTop(int value) {
        int top = peek();
        data[0] = value;
        siftDown(0);
        return top;
    }

    /** The heap's array layout, level by level. */
    public int[] layout() {
        return Arrays.copyOf(data, size);
    }

    /** All values in ascending order; the heap itself is left unchanged. */
    public int[] sorted() {
        MinHeap copy = fromArray(layout());
        int[] result = new int[size];
        for (int i = 0; i < result.length; i++) {
            result[i] = copy.pop();
        }
        return result;
    }

    /** The k largest values in descending order, keeping a heap of at most k elements. */
    public static int[] topK(int[] values, int k) {
        MinHeap heap = new MinHeap(k);
        for (int i = 0; i < values.length; i++) {
            if (heap.size() < k) {
                heap.push(values[i]);
            } else if (k > 0 && values[i] > heap.peek()) {
                heap.replaceTop(values[i]);
            }
        }
        int[] result = new int[heap.size()];
        for (int i = result.length - 1; i >= 0; i--) {
            result[i] = heap.pop();
        }
        return result;
    }

    /** Whether an array already satisfies the heap property. */
    public static boolean isHeap(int[] values) {
        return checkSubtree(values, 0);
    }

    private static boolean checkSubtree(int[] values, int i) {
        int left = 2 * i + 1;
        int right = left + 1;
        if (left < values.length && values[left] < values[i]) {
            return false;
        }
        if (right < values.length && values[right] < values[i]) {
            return false;
        }
        if (left >= values.length) {
            return true;
        }
        return checkSubtree(values, left) && checkSubtree(values, right);
    }

    private void siftUp(int i) {
        while (i > 0 && data[parent(i)] > data[i]) {
            swap(i, parent(i));
            i = parent(i);
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int smallest = i;
            if (left < size && data[left] < data[smallest]) {
                smallest = left;
            }
            if (right < size && data[right] < data[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private static int parent(int i) {
        return (i - 1) / 2;
    }

    private void swap(int a, int b) {
        int temp = data[a];
        data[a] = data[b];
        data[b] = temp;
    }
}
