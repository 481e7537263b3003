/** A singly linked list of ints with positional access, reversal and a fast/slow middle search. */
public class SinglyLinkedList {
    private static final class Node {
        int value;
        Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    private Node head;
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a value at the tail. */
    public void add(int value) {
        Node node = new Node(value, null);
        if (head == null) {
            head = node;
        } else {
            Node current = head;
            while (current.next != null) {
                current = current.next;
            }
            current.next = node;
        }
        size++;
    }

    /** Inserts a value so that it ends up at position index; false when index is out of range. */
    public boolean insertAt(int index, int value) {
        if (index < 0 || index > size) {
            return false;
        }
        if (index == 0) {
            head = new Node(value, head);
        } else {
            Node before = nodeAt(index - 1);
            before.next = new Node(value, before.next);
        }
        size++;
        return true;
    }

    public int get(int index) {
        checkIndex(index);
        return nodeAt(index).value;
    }

    /** Removes the element at index and returns its value. */
    public int removeAt(int index) {
        checkIndex(index);
        int removed;
        if (index == 0) {
            removed = head.value;
            head = head.next;
        } else {
            Node before = nodeAt(index - 1);
            removed = before.next.value;
            before.next = before.next.next;
        }
        size--;
        return removed;
    }

    /** Removes the first occurrence of value; returns whether there was one. */
    public boolean removeValue(int value) {
        int index = indexOf(value);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    public int indexOf(int value) {
        Node current = head;
        int index = 0;
        while (current != null) {
            if (current.value == value) {
                return index;
            }
            current = current.next;
            index++;
        }
        return -1;
    }

    /** Reverses the list in place by relinking its nodes. */
    public void reverse() {
        Node previous = null;
        Node current = head;
        while (current != null) {
            Node next = current.next;
            current.next = previous;
            previous = current;
            current = next;
        }
        head = previous;
    }

    /** The middle value; for an even size, the second of the two middle values. */
    public int middle() {
        if (head == null) {
            throw new IllegalStateException("middle of an empty list");
        }
        Node slow = head;
        Node fast = head;
        while (fast != null && fast.next != null) {
            slow = slow.next;
            fast = fast.next.next;
        }
        return slow.value;
    }

    /** Drops every repeat of a value after its first occurrence; returns how many nodes were dropped. */
    public int removeDuplicates() {
        int removed = 0;
        Node outer = head;
        while (outer != null) {
            Node runner = outer;
            while (runner.next != null) {
                if (runner.next.value == outer.value) {
                    runner.next = runner.next.next;
                    removed++;
                } else {
                    runner = runner.next;
                }
            }
            outer = outer.next;
        }
        size -= removed;
        return removed;
    }

    public int[] toArray() {
        int[] result = new int[size];
        Node current = head;
        for (int i = 0; i < size; i++) {
            result[i] = current.value;
            current = current.next;
        }
        return result;
    }

    @Override
    public String toString() {
        String text = "[";
        Node current = head;
        while (current != null) {
            text += current.value;
            if (current.next != null) {
                text += ", ";
            }
            current = current.next;
        }
        return text + "]";
    }

    private Node nodeAt(int index) {
        Node current = head;
        for (int i = 0; i < index; i++) {
            current = current.next;
        }
        return current;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " for size " + size);
        }
    }
}
