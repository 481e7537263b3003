import java.util.List;
import java.util.Objects;

public class BinarySearchTreeTest {
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

    /** 50 / (30: 20, 40: 35, 45) / (70: 60 with right 65, 80). */
    private static BinarySearchTree sample() {
        BinarySearchTree tree = new BinarySearchTree();
        int[] keys = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65};
        for (int i = 0; i < keys.length; i++) {
            check(tree.insert(keys[i]), "insert " + keys[i]);
        }
        return tree;
    }

    static void testInsertBuildsOrderedTree() {
        BinarySearchTree tree = sample();
        checkEquals(10, tree.size());
        checkEquals(List.of(20, 30, 35, 40, 45, 50, 60, 65, 70, 80), tree.inOrder());
        checkEquals(List.of(50, 30, 70, 20, 40, 60, 80, 35, 45, 65), tree.levelOrder());
        check(!tree.insert(40), "duplicate rejected");
        check(!tree.insert(50), "duplicate root rejected");
        checkEquals(10, tree.size());
        checkEquals(4, tree.height());
        checkEquals(20, tree.min());
    }

    static void testContains() {
        BinarySearchTree tree = sample();
        check(tree.contains(50), "root");
        check(tree.contains(35), "deep left");
        check(tree.contains(65), "deep right");
        check(tree.contains(80), "right leaf");
        check(!tree.contains(36), "absent between keys");
        check(!tree.contains(10), "absent below min");
        check(!tree.contains(90), "absent above max");
        check(!new BinarySearchTree().contains(0), "empty tree");
    }

    static void testDeleteLeafAndSingleChildNodes() {
        BinarySearchTree tree = sample();
        check(tree.delete(20), "delete leaf");
        checkEquals(List.of(50, 30, 70, 40, 60, 80, 35, 45, 65), tree.levelOrder());
        check(tree.delete(60), "delete node with a right child");
        checkEquals(List.of(50, 30, 70, 40, 65, 80, 35, 45), tree.levelOrder());
        check(!tree.delete(60), "already deleted");
        check(!tree.delete(99), "never present");
        checkEquals(8, tree.size());
        BinarySearchTree chain = new BinarySearchTree();
        chain.insert(10);
        chain.insert(5);
        chain.insert(3);
        check(chain.delete(5), "delete node with a left child");
        checkEquals(List.of(10, 3), chain.levelOrder());
        checkEquals(2, chain.height());
    }

    static void testDeleteNodeWithTwoChildrenUsesSuccessor() {
        BinarySearchTree tree = sample();
        check(tree.delete(30), "delete inner node");
        checkEquals(List.of(50, 35, 70, 20, 40, 60, 80, 45, 65), tree.levelOrder());
        BinarySearchTree other = sample();
        check(other.delete(50), "delete root");
        checkEquals(List.of(60, 30, 70, 20, 40, 65, 80, 35, 45), other.levelOrder());
        checkEquals(List.of(20, 30, 35, 40, 45, 60, 65, 70, 80), other.inOrder());
        checkEquals(9, other.size());
    }

    static void testDeleteEverything() {
        BinarySearchTree tree = sample();
        int[] keys = {50, 20, 80, 65, 30, 45, 70, 35, 60, 40};
        for (int i = 0; i < keys.length; i++) {
            check(tree.delete(keys[i]), "delete " + keys[i]);
            checkEquals(9 - i, tree.size());
        }
        checkEquals(0, tree.height());
        checkEquals(List.of(), tree.levelOrder());
        checkEquals(List.of(), tree.inOrder());
        checkEquals("", tree.searchPath(5));
        try {
            tree.min();
            throw new AssertionError("min of an empty tree");
        } catch (IllegalStateException expected) {
            // expected
        }
    }

    static void testHeightOfChainAndSingleNode() {
        BinarySearchTree tree = new BinarySearchTree();
        tree.insert(7);
        checkEquals(1, tree.height());
        for (int key = 8; key <= 10; key++) {
            tree.insert(key);
        }
        checkEquals(4, tree.height());
        tree.insert(1);
        checkEquals(4, tree.height());
        checkEquals(1, tree.min());
    }

    static void testSearchPath() {
        BinarySearchTree tree = sample();
        checkEquals("50 > 30 > 40 > 45", tree.searchPath(45));
        checkEquals("50 > 70 > 60 > 65", tree.searchPath(66));
        checkEquals("50 > 30 > 20", tree.searchPath(10));
        checkEquals("50", tree.searchPath(50));
    }

    static void testCountInRange() {
        BinarySearchTree tree = sample();
        checkEquals(6, tree.countInRange(30, 60));
        checkEquals(4, tree.countInRange(36, 64));
        checkEquals(1, tree.countInRange(20, 20));
        checkEquals(10, tree.countInRange(0, 100));
        checkEquals(0, tree.countInRange(81, 90));
        checkEquals(0, tree.countInRange(60, 50));
    }
}
