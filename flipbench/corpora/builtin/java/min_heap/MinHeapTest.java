import java.util.Arrays;
import java.util.Objects;

public class MinHeapTest {
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

    static void testPushSiftsUpAndGrows() {
        MinHeap heap = new MinHeap(2);
        check(heap.isEmpty(), "new heap is empty");
        heap.push(5);
        heap.push(3);
        checkEquals(2, heap.capacity());
        heap.push(8);
        checkEquals(4, heap.capacity());
        heap.push(1);
        heap.push(4);
        heap.push(7);
        checkEquals(8, heap.capacity());
        checkEquals(6, heap.size());
        check(!heap.isEmpty(), "not empty");
        checkArray(new int[] {1, 3, 7, 5, 4, 8}, heap.layout());
        checkEquals(1, heap.peek());
    }

    static void testPopSiftsDownThroughTheSmallerChild() {
        MinHeap heap = new MinHeap(8);
        int[] values = {5, 3, 8, 1, 4, 7};
        for (int i = 0; i < values.length; i++) {
            heap.push(values[i]);
        }
        checkEquals(1, heap.pop());
        checkArray(new int[] {3, 4, 7, 5, 8}, heap.layout());
        checkEquals(3, heap.pop());
        checkArray(new int[] {4, 5, 7, 8}, heap.layout());
        checkEquals(4, heap.pop());
        checkEquals(5, heap.pop());
        checkEquals(7, heap.pop());
        checkEquals(8, heap.pop());
        check(heap.isEmpty(), "popped everything");
    }

    static void testFromArrayHeapifiesBottomUp() {
        MinHeap heap = MinHeap.fromArray(new int[] {9, 4, 7, 1, 8, 2, 6});
        checkArray(new int[] {1, 4, 2, 9, 8, 7, 6}, heap.layout());
        checkEquals(7, heap.capacity());
        checkArray(new int[] {1, 2, 4, 6, 7, 8, 9}, heap.sorted());
        checkArray(new int[] {1, 4, 2, 9, 8, 7, 6}, heap.layout());
        checkArray(new int[] {3, 5}, MinHeap.fromArray(new int[] {5, 3}).layout());
        MinHeap twins = MinHeap.fromArray(new int[] {3, 3, 2, 2});
        checkArray(new int[] {2, 3, 2, 3}, twins.layout());
        checkArray(new int[] {2, 2, 3, 3}, twins.sorted());
        checkEquals(0, MinHeap.fromArray(new int[0]).size());
    }

    static void testReplaceTop() {
        MinHeap heap = MinHeap.fromArray(new int[] {9, 4, 7, 1, 8, 2, 6});
        checkEquals(1, heap.replaceTop(5));
        checkArray(new int[] {2, 4, 5, 9, 8, 7, 6}, heap.layout());
        checkEquals(2, heap.replaceTop(0));
        checkArray(new int[] {0, 4, 5, 9, 8, 7, 6}, heap.layout());
        checkEquals(7, heap.size());
        MinHeap small = new MinHeap(4);
        small.push(1);
        small.push(5);
        checkEquals(1, small.pop());
        checkEquals(5, small.replaceTop(9));
        checkEquals(9, small.peek());
        checkArray(new int[] {9}, small.layout());
    }

    static void testEmptyHeapRejectsPeekAndPop() {
        MinHeap heap = new MinHeap(0);
        checkEquals(1, heap.capacity());
        for (int i = 0; i < 2; i++) {
            try {
                if (i == 0) {
                    heap.peek();
                } else {
                    heap.pop();
                }
                throw new AssertionError("empty heap returned a value");
            } catch (IllegalStateException expected) {
                // expected
            }
        }
        heap.push(-4);
        checkEquals(-4, heap.pop());
        check(heap.isEmpty(), "empty again");
    }

    static void testTopK() {
        int[] values = {5, 1, 9, 3, 7, 9, 2};
        checkArray(new int[] {9, 9, 7}, MinHeap.topK(values, 3));
        checkArray(new int[] {9}, MinHeap.topK(values, 1));
        checkArray(new int[0], MinHeap.topK(values, 0));
        checkArray(new int[] {4, 2}, MinHeap.topK(new int[] {2, 4}, 5));
        checkArray(new int[] {3, 2, 1}, MinHeap.topK(new int[] {3, 1, 2}, 3));
        checkArray(new int[] {5, 4}, MinHeap.topK(new int[] {1, 2, 3, 4, 5}, 2));
    }

    static void testIsHeap() {
        check(MinHeap.isHeap(new int[0]), "empty");
        check(MinHeap.isHeap(new int[] {1}), "single");
        check(MinHeap.isHeap(new int[] {1, 2}), "two in order");
        check(!MinHeap.isHeap(new int[] {2, 1}), "left child smaller");
        check(!MinHeap.isHeap(new int[] {1, 2, 0}), "right child smaller");
        check(MinHeap.isHeap(new int[] {1, 1, 1}), "equal values");
        check(MinHeap.isHeap(new int[] {1, 5, 2, 6, 7, 3, 4}), "full valid tree");
        check(!MinHeap.isHeap(new int[] {1, 3, 2, 0}), "violation under the left child");
        check(!MinHeap.isHeap(new int[] {1, 3, 2, 4, 5, 1}), "violation under the right child");
    }
}
