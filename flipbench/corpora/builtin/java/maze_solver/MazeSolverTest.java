import java.util.Arrays;
import java.util.Objects;

public class MazeSolverTest {
    private static final String[] MAZE = {
        "S..#...",
        "##.#.#.",
        ".....#.",
        ".###...",
        "...###E",
    };
    private static final String[] BLOCKED = {"S.#", "..#", "##E"};
    private static final String[] OPEN = {"S..", "...", "..E"};

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

    private static void checkRow(String expected, int[] actual) {
        checkEquals(expected, Arrays.toString(actual));
    }

    static void testFindSymbols() {
        MazeSolver solver = new MazeSolver(MAZE);
        checkRow("[0, 0]", solver.find('S'));
        checkRow("[4, 6]", solver.find('E'));
        checkRow("[0, 3]", solver.find('#'));
        checkEquals(null, solver.find('X'));
    }

    static void testShortestPathLength() {
        checkEquals(10, new MazeSolver(MAZE).shortestPathLength());
        checkEquals(-1, new MazeSolver(BLOCKED).shortestPathLength());
        checkEquals(4, new MazeSolver(OPEN).shortestPathLength());
        checkEquals(1, new MazeSolver(new String[] {"SE"}).shortestPathLength());
        checkEquals(-1, new MazeSolver(new String[] {"S.#.E"}).shortestPathLength());
        checkEquals(-1, new MazeSolver(new String[] {".E"}).shortestPathLength());
        checkEquals(-1, new MazeSolver(new String[] {"S."}).shortestPathLength());
    }

    static void testShortestPathMovesFollowExplorationOrder() {
        checkEquals("RRDDRRDRRD", new MazeSolver(MAZE).shortestPathMoves());
        checkEquals("RRDD", new MazeSolver(OPEN).shortestPathMoves());
        checkEquals("R", new MazeSolver(new String[] {"SE"}).shortestPathMoves());
        checkEquals("L", new MazeSolver(new String[] {"ES"}).shortestPathMoves());
        checkEquals("U", new MazeSolver(new String[] {"E", "S"}).shortestPathMoves());
        checkEquals(null, new MazeSolver(BLOCKED).shortestPathMoves());
        checkEquals(null, new MazeSolver(new String[] {"S."}).shortestPathMoves());
        checkEquals(null, new MazeSolver(new String[] {".E"}).shortestPathMoves());
    }

    static void testMarkPath() {
        checkEquals("[S**#..., ##*#.#., ..***#., .###***, ...###E]",
            Arrays.toString(new MazeSolver(MAZE).markPath()));
        checkEquals("[S**, ..*, ..E]", Arrays.toString(new MazeSolver(OPEN).markPath()));
        checkEquals("[S.#, ..#, ##E]", Arrays.toString(new MazeSolver(BLOCKED).markPath()));
        checkEquals("[SE]", Arrays.toString(new MazeSolver(new String[] {"SE"}).markPath()));
    }

    static void testDistancesFrom() {
        MazeSolver solver = new MazeSolver(MAZE);
        int[][] dist = solver.distancesFrom(0, 0);
        checkRow("[0, 1, 2, -1, 8, 9, 10]", dist[0]);
        checkRow("[-1, -1, 3, -1, 7, -1, 11]", dist[1]);
        checkRow("[6, 5, 4, 5, 6, -1, 10]", dist[2]);
        checkRow("[7, -1, -1, -1, 7, 8, 9]", dist[3]);
        checkRow("[8, 9, 10, -1, -1, -1, 10]", dist[4]);
        int[][] fromExit = solver.distancesFrom(4, 6);
        checkRow("[10, 9, 8, -1, 6, 5, 4]", fromExit[0]);
        checkEquals(-1, solver.distancesFrom(0, 3)[0][0]);
        checkEquals(-1, solver.distancesFrom(-1, 0)[0][0]);
        checkEquals(-1, solver.distancesFrom(0, 7)[0][6]);
        checkEquals(-1, solver.distancesFrom(5, 0)[4][0]);
    }

    static void testReachableCountAndFarthestDistance() {
        MazeSolver solver = new MazeSolver(MAZE);
        checkEquals(23, solver.reachableCount());
        checkEquals(11, solver.farthestDistance());
        MazeSolver blocked = new MazeSolver(BLOCKED);
        checkEquals(4, blocked.reachableCount());
        checkEquals(2, blocked.farthestDistance());
        MazeSolver noStart = new MazeSolver(new String[] {"..E"});
        checkEquals(0, noStart.reachableCount());
        checkEquals(-1, noStart.farthestDistance());
        checkEquals(0, new MazeSolver(new String[] {"S"}).farthestDistance());
    }

    static void testDeadEnds() {
        checkEquals(3, new MazeSolver(MAZE).deadEnds());
        checkEquals(0, new MazeSolver(OPEN).deadEnds());
        checkEquals(4, new MazeSolver(new String[] {"S.#.E"}).deadEnds());
        checkEquals(0, new MazeSolver(new String[] {"S"}).deadEnds());
        checkEquals(2, new MazeSolver(new String[] {"S", ".", "E"}).deadEnds());
    }

    static void testStartAwayFromTheCorner() {
        MazeSolver solver = new MazeSolver(new String[] {"#.E.", "S.#.", "...."});
        checkEquals(3, solver.shortestPathLength());
        checkEquals("RUR", solver.shortestPathMoves());
        checkEquals("[#*E., S*#., ....]", Arrays.toString(solver.markPath()));
        checkEquals(10, solver.reachableCount());
        checkEquals(5, solver.farthestDistance());
        checkRow("[1, 2, 3, 4]", solver.distancesFrom(1, 0)[2]);
    }

    static void testRaggedMazeIsRejected() {
        try {
            new MazeSolver(new String[] {"S..", "..", "..E"});
            throw new AssertionError("ragged maze accepted");
        } catch (IllegalArgumentException expected) {
            checkEquals("row 1 has length 2, expected 3", expected.getMessage());
        }
        check(new MazeSolver(new String[0]).find('S') == null, "empty maze has no start");
    }
}
