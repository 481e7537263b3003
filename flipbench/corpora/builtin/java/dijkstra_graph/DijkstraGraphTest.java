import java.util.Arrays;
import java.util.List;
import java.util.Objects;

public class DijkstraGraphTest {
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

    private static void checkDistances(long[] expected, long[] actual) {
        checkEquals(Arrays.toString(expected), Arrays.toString(actual));
    }

    /** Directed: 0->1 (4), 0->2 (1), 2->1 (2), 1->3 (1), 2->3 (5), 3->4 (3), 4->0 (7), 5->0 (1). */
    private static DijkstraGraph sample() {
        DijkstraGraph graph = new DijkstraGraph(6);
        graph.addEdge(0, 1, 4);
        graph.addEdge(0, 2, 1);
        graph.addEdge(2, 1, 2);
        graph.addEdge(1, 3, 1);
        graph.addEdge(2, 3, 5);
        graph.addEdge(3, 4, 3);
        graph.addEdge(4, 0, 7);
        graph.addEdge(5, 0, 1);
        return graph;
    }

    static void testDistancesFromSource() {
        DijkstraGraph graph = sample();
        checkDistances(new long[] {0, 3, 1, 4, 7, -1}, graph.distancesFrom(0));
        checkDistances(new long[] {1, 4, 2, 5, 8, 0}, graph.distancesFrom(5));
        checkDistances(new long[] {7, 10, 8, 11, 0, -1}, graph.distancesFrom(4));
        checkEquals(8, graph.edgeCount());
    }

    static void testShortestPathReconstruction() {
        DijkstraGraph graph = sample();
        checkEquals(List.of(0, 2, 1, 3, 4), graph.shortestPath(0, 4));
        checkEquals(List.of(0, 2, 1, 3), graph.shortestPath(0, 3));
        checkEquals(List.of(0, 2), graph.shortestPath(0, 2));
        checkEquals(List.of(0), graph.shortestPath(0, 0));
        checkEquals(List.of(), graph.shortestPath(0, 5));
        checkEquals(List.of(5, 0, 2, 1, 3, 4), graph.shortestPath(5, 4));
    }

    static void testDescribePath() {
        DijkstraGraph graph = sample();
        checkEquals("0 -> 2 -> 1 -> 3 -> 4 (7)", graph.describePath(0, 4));
        checkEquals("4 -> 0 -> 2 (8)", graph.describePath(4, 2));
        checkEquals("3 (0)", graph.describePath(3, 3));
        checkEquals("no path", graph.describePath(1, 5));
    }

    static void testTiesSettleLowerIndexAndKeepFirstRoute() {
        DijkstraGraph square = new DijkstraGraph(4);
        square.addUndirectedEdge(0, 1, 1);
        square.addUndirectedEdge(1, 3, 1);
        square.addUndirectedEdge(0, 2, 1);
        square.addUndirectedEdge(2, 3, 1);
        checkEquals(8, square.edgeCount());
        checkEquals(List.of(0, 1, 3), square.shortestPath(0, 3));
        checkEquals(List.of(3, 1, 0), square.shortestPath(3, 0));
        checkEquals(List.of(1, 0, 2), square.shortestPath(1, 2));
        checkEquals(2L, square.eccentricity(0));
    }

    static void testParallelEdgesKeepTheLightest() {
        DijkstraGraph graph = new DijkstraGraph(3);
        graph.addEdge(0, 1, 4);
        graph.addEdge(0, 1, 9);
        checkDistances(new long[] {0, 4, -1}, graph.distancesFrom(0));
        graph.addEdge(0, 1, 2);
        graph.addEdge(1, 2, 3);
        graph.addEdge(2, 2, 5);
        checkDistances(new long[] {0, 2, 5}, graph.distancesFrom(0));
        checkEquals(3, graph.edgeCount());
        checkEquals(List.of(0, 1, 2), graph.shortestPath(0, 2));
    }

    static void testZeroWeightEdges() {
        DijkstraGraph graph = new DijkstraGraph(4);
        graph.addEdge(0, 1, 0);
        graph.addEdge(1, 2, 0);
        graph.addEdge(0, 2, 1);
        graph.addEdge(2, 3, 2);
        checkDistances(new long[] {0, 0, 0, 2}, graph.distancesFrom(0));
        checkEquals("0 -> 1 -> 2 -> 3 (2)", graph.describePath(0, 3));
        checkEquals(3, graph.countWithin(0, 2));
        checkEquals(2, graph.countWithin(0, 0));
        graph.addEdge(0, 1, 5);
        checkDistances(new long[] {0, 0, 0, 2}, graph.distancesFrom(0));
    }

    static void testCountWithinAndEccentricity() {
        DijkstraGraph graph = sample();
        checkEquals(3, graph.countWithin(0, 4));
        checkEquals(2, graph.countWithin(0, 3));
        checkEquals(0, graph.countWithin(0, 0));
        checkEquals(4, graph.countWithin(0, 100));
        checkEquals(5, graph.countWithin(5, 8));
        checkEquals(7L, graph.eccentricity(0));
        checkEquals(8L, graph.eccentricity(5));
        DijkstraGraph pair = new DijkstraGraph(2);
        checkEquals(0L, pair.eccentricity(1));
        pair.addEdge(1, 0, 5);
        checkEquals(5L, pair.eccentricity(1));
    }

    static void testInvalidInputIsRejected() {
        DijkstraGraph graph = new DijkstraGraph(6);
        try {
            graph.addEdge(0, 1, -1);
            throw new AssertionError("negative weight accepted");
        } catch (IllegalArgumentException expected) {
            checkEquals("negative weight -1", expected.getMessage());
        }
        int[] bad = {6, -1};
        for (int i = 0; i < bad.length; i++) {
            try {
                graph.shortestPath(0, bad[i]);
                throw new AssertionError("vertex accepted: " + bad[i]);
            } catch (IndexOutOfBoundsException expected) {
                checkEquals("vertex " + bad[i] + " not in 0..5", expected.getMessage());
            }
        }
        try {
            graph.addEdge(6, 0, 1);
            throw new AssertionError("source vertex accepted");
        } catch (IndexOutOfBoundsException expected) {
            checkEquals("vertex 6 not in 0..5", expected.getMessage());
        }
        try {
            graph.addEdge(0, 6, 1);
            throw new AssertionError("target vertex accepted");
        } catch (IndexOutOfBoundsException expected) {
            checkEquals("vertex 6 not in 0..5", expected.getMessage());
        }
        try {
            graph.distancesFrom(-1);
            throw new AssertionError("source -1 accepted");
        } catch (IndexOutOfBoundsException expected) {
            checkEquals("vertex -1 not in 0..5", expected.getMessage());
        }
        graph.addEdge(5, 0, 0);
        checkEquals(1, graph.edgeCount());
    }
}
