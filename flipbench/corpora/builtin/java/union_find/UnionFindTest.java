import java.util.Arrays;
import java.util.List;
import java.util.Objects;

public class UnionFindTest {
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

    static void testUnionByRankChoosesRoots() {
        UnionFind sets = new UnionFind(6);
        checkEquals(6, sets.componentCount());
        check(sets.union(0, 1), "0-1");
        checkEquals(0, sets.find(1));
        checkEquals(1, sets.rankOf(0));
        checkEquals(0, sets.rankOf(1));
        check(sets.union(2, 3), "2-3");
        check(sets.union(1, 3), "join two rank-1 trees");
        checkEquals(0, sets.find(2));
        checkEquals(2, sets.rankOf(0));
        check(sets.union(4, 0), "single element joins the taller tree");
        checkEquals(0, sets.find(4));
        checkEquals(2, sets.rankOf(0));
        checkEquals(0, sets.rankOf(4));
        checkEquals(2, sets.componentCount());
        check(!sets.union(1, 2), "already together");
        checkEquals(2, sets.componentCount());
    }

    static void testSizesAndConnectivity() {
        UnionFind sets = new UnionFind(6);
        sets.union(0, 1);
        sets.union(2, 3);
        sets.union(1, 3);
        sets.union(4, 0);
        checkEquals(5, sets.componentSize(3));
        checkEquals(1, sets.componentSize(5));
        check(sets.connected(3, 4), "3 and 4 share a root");
        check(!sets.connected(5, 0), "5 is alone");
        check(sets.connected(5, 5), "an element is connected to itself");
        checkEquals(List.of(0, 1, 2, 3, 4), sets.members(3));
        checkEquals(List.of(5), sets.members(5));
        checkArray(new int[] {5, 1}, sets.componentSizes());
        sets.union(5, 2);
        checkEquals(0, sets.find(5));
        checkEquals(6, sets.componentSize(5));
        checkArray(new int[] {6}, sets.componentSizes());
    }

    static void testPathCompression() {
        UnionFind sets = new UnionFind(8);
        sets.union(0, 1);
        sets.union(2, 3);
        sets.union(4, 5);
        sets.union(6, 7);
        sets.union(0, 2);
        sets.union(4, 6);
        checkEquals(2, sets.depth(7));
        sets.union(0, 4);
        checkEquals(3, sets.rankOf(0));
        checkEquals(3, sets.depth(7));
        checkEquals(2, sets.depth(3));
        checkEquals(0, sets.depth(0));
        checkEquals(0, sets.find(7));
        checkEquals(1, sets.depth(7));
        checkEquals(1, sets.depth(6));
        checkEquals(2, sets.depth(5));
        checkEquals(8, sets.componentSize(5));
    }

    static void testComponentSizesSortedDescending() {
        UnionFind sets = new UnionFind(7);
        sets.union(0, 1);
        sets.union(1, 2);
        sets.union(3, 4);
        checkArray(new int[] {3, 2, 1, 1}, sets.componentSizes());
        sets.union(5, 6);
        checkArray(new int[] {3, 2, 2}, sets.componentSizes());
        checkArray(new int[0], new UnionFind(0).componentSizes());
    }

    static void testElementsOutsideTheRangeAreRejected() {
        UnionFind sets = new UnionFind(6);
        int[] bad = {6, -1};
        for (int i = 0; i < bad.length; i++) {
            try {
                sets.find(bad[i]);
                throw new AssertionError("accepted " + bad[i]);
            } catch (IndexOutOfBoundsException expected) {
                checkEquals("element " + bad[i] + " outside 0..5", expected.getMessage());
            }
        }
        try {
            sets.rankOf(6);
            throw new AssertionError("rankOf accepted 6");
        } catch (IndexOutOfBoundsException expected) {
            checkEquals("element 6 outside 0..5", expected.getMessage());
        }
        try {
            sets.depth(-1);
            throw new AssertionError("depth accepted -1");
        } catch (IndexOutOfBoundsException expected) {
            checkEquals("element -1 outside 0..5", expected.getMessage());
        }
        try {
            new UnionFind(-1);
            throw new AssertionError("negative size accepted");
        } catch (IllegalArgumentException expected) {
            // expected
        }
    }

    static void testCountComponentsAndRedundantEdges() {
        checkEquals(2, UnionFind.countComponents(5, new int[][] {{0, 1}, {1, 2}, {3, 4}}));
        checkEquals(4, UnionFind.countComponents(4, new int[0][]));
        checkEquals(1, UnionFind.countComponents(3, new int[][] {{0, 1}, {1, 0}, {2, 1}}));
        checkEquals(2, UnionFind.firstRedundantEdge(4, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}}));
        checkEquals(-1, UnionFind.firstRedundantEdge(4, new int[][] {{0, 1}, {1, 2}, {2, 3}}));
        checkEquals(0, UnionFind.firstRedundantEdge(2, new int[][] {{1, 1}}));
    }

    static void testMinimumSpanningWeight() {
        int[][] edges = {{0, 1, 4}, {1, 2, 2}, {0, 2, 5}, {2, 3, 7}, {1, 3, 6}, {0, 3, 1}};
        checkEquals(7L, UnionFind.minimumSpanningWeight(4, edges));
        checkEquals(10L, UnionFind.minimumSpanningWeight(3, new int[][] {{0, 1, 5}, {1, 2, 5}, {0, 2, 5}}));
        checkEquals(-1L, UnionFind.minimumSpanningWeight(4, new int[][] {{0, 1, 1}, {2, 3, 1}}));
        checkEquals(-1L, UnionFind.minimumSpanningWeight(2, new int[0][]));
        checkEquals(0L, UnionFind.minimumSpanningWeight(1, new int[0][]));
        checkEquals(9L, UnionFind.minimumSpanningWeight(3, new int[][] {{0, 2, 8}, {1, 2, 3}, {0, 1, 6}, {0, 2, 9}}));
        checkEquals(4, edges[0][2]);
        checkEquals(4L, UnionFind.minimumSpanningWeight(3, new int[][] {{0, 1, 2}, {0, 1, 1}, {1, 2, 3}}));
        checkEquals(5L, UnionFind.minimumSpanningWeight(2, new int[][] {{0, 1, 5}}));
    }
}
