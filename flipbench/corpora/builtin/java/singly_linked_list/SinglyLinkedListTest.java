import java.util.Arrays;
import java.util.Objects;

public class SinglyLinkedListTest {
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

    private static SinglyLinkedList of(int... values) {
        SinglyLinkedList list = new SinglyLinkedList();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    static void testAddKeepsOrderAndSize() {
        SinglyLinkedList list = new SinglyLinkedList();
        check(list.isEmpty(), "new list is empty");
        checkEquals("[]", list.toString());
        list.add(4);
        list.add(8);
        list.add(15);
        check(!list.isEmpty(), "not empty after add");
        checkEquals(3, list.size());
        checkArray(new int[] {4, 8, 15}, list.toArray());
        checkEquals("[4, 8, 15]", list.toString());
        checkEquals(15, list.get(2));
        checkEquals(4, list.get(0));
    }

    static void testInsertAtFrontMiddleAndEnd() {
        SinglyLinkedList list = of(2, 4);
        check(list.insertAt(0, 1), "insert at head");
        check(list.insertAt(2, 3), "insert in the middle");
        check(list.insertAt(4, 5), "insert at size appends");
        check(!list.insertAt(6, 9), "past the end");
        check(!list.insertAt(-1, 9), "negative index");
        checkArray(new int[] {1, 2, 3, 4, 5}, list.toArray());
        checkEquals(5, list.size());
        SinglyLinkedList empty = new SinglyLinkedList();
        check(empty.insertAt(0, 7), "insert into empty list");
        checkArray(new int[] {7}, empty.toArray());
    }

    static void testRemoveAtHeadMiddleAndTail() {
        SinglyLinkedList list = of(10, 20, 30, 40, 50);
        checkEquals(50, list.removeAt(4));
        checkEquals(10, list.removeAt(0));
        checkEquals(30, list.removeAt(1));
        checkEquals(40, list.removeAt(1));
        checkArray(new int[] {20}, list.toArray());
        checkEquals(1, list.size());
        checkThrows(IndexOutOfBoundsException.class, () -> list.removeAt(1), "index equal to size");
        checkThrows(IndexOutOfBoundsException.class, () -> list.get(-1), "negative get");
        checkThrows(IndexOutOfBoundsException.class, () -> list.get(1), "get at size");
        checkEquals(20, list.removeAt(0));
        check(list.isEmpty(), "emptied");
    }

    static void testIndexOfAndRemoveValue() {
        SinglyLinkedList list = of(5, 6, 7, 6);
        checkEquals(0, list.indexOf(5));
        checkEquals(1, list.indexOf(6));
        checkEquals(2, list.indexOf(7));
        checkEquals(-1, list.indexOf(9));
        check(list.removeValue(6), "removes first 6");
        checkArray(new int[] {5, 7, 6}, list.toArray());
        check(!list.removeValue(42), "absent value");
        checkEquals(3, list.size());
        check(list.removeValue(5), "removes the head value");
        checkArray(new int[] {7, 6}, list.toArray());
    }

    static void testReverse() {
        SinglyLinkedList list = of(1, 2, 3, 4);
        list.reverse();
        checkArray(new int[] {4, 3, 2, 1}, list.toArray());
        list.add(0);
        checkEquals("[4, 3, 2, 1, 0]", list.toString());
        SinglyLinkedList single = of(9);
        single.reverse();
        checkArray(new int[] {9}, single.toArray());
        SinglyLinkedList empty = new SinglyLinkedList();
        empty.reverse();
        checkEquals(0, empty.toArray().length);
    }

    static void testMiddleForOddEvenAndSingle() {
        checkEquals(3, of(1, 2, 3, 4, 5).middle());
        checkEquals(3, of(1, 2, 3, 4).middle());
        checkEquals(8, of(7, 8).middle());
        checkEquals(7, of(7).middle());
        checkThrows(IllegalStateException.class, () -> new SinglyLinkedList().middle(), "empty middle");
    }

    static void testRemoveDuplicatesKeepsFirstOccurrences() {
        SinglyLinkedList list = of(3, 1, 3, 3, 2, 1, 4, 2);
        checkEquals(4, list.removeDuplicates());
        checkArray(new int[] {3, 1, 2, 4}, list.toArray());
        checkEquals(4, list.size());
        checkEquals(0, list.removeDuplicates());
        SinglyLinkedList same = of(5, 5, 5);
        checkEquals(2, same.removeDuplicates());
        checkEquals("[5]", same.toString());
    }
}
