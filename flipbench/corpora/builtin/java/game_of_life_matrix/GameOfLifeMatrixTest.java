import java.util.Arrays;
import java.util.Objects;

public class GameOfLifeMatrixTest {
    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** Builds a grid from rows of '#' (alive) and '.' (dead). */
    private static int[][] grid(String... rows) {
        int[][] cells = new int[rows.length][rows[0].length()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                cells[r][c] = rows[r].charAt(c) == '#' ? 1 : 0;
            }
        }
        return cells;
    }

    private static void checkGrid(int[][] actual, String... expectedRows) {
        checkEquals(String.join("\n", expectedRows), GameOfLifeMatrix.render(actual));
    }

    static void testLiveNeighboursBoundedAndWrapped() {
        int[][] cells = grid("#.#", "...", "#.#");
        checkEquals(4, GameOfLifeMatrix.liveNeighbours(cells, 1, 1, false));
        checkEquals(0, GameOfLifeMatrix.liveNeighbours(cells, 0, 0, false));
        checkEquals(2, GameOfLifeMatrix.liveNeighbours(cells, 0, 1, false));
        checkEquals(3, GameOfLifeMatrix.liveNeighbours(cells, 0, 0, true));
        checkEquals(4, GameOfLifeMatrix.liveNeighbours(cells, 0, 1, true));
        checkEquals(3, GameOfLifeMatrix.liveNeighbours(cells, 2, 2, true));
        int[][] wide = grid("#...#", ".....", ".....", "#...#");
        checkEquals(3, GameOfLifeMatrix.liveNeighbours(wide, 0, 0, true));
        checkEquals(0, GameOfLifeMatrix.liveNeighbours(wide, 0, 0, false));
        checkEquals(3, GameOfLifeMatrix.liveNeighbours(wide, 0, 4, true));
    }

    static void testBlinkerOscillates() {
        int[][] blinker = grid(".....", ".....", ".###.", ".....", ".....");
        checkGrid(GameOfLifeMatrix.step(blinker, false), ".....", "..#..", "..#..", "..#..", ".....");
        checkGrid(GameOfLifeMatrix.run(blinker, 2, false), ".....", ".....", ".###.", ".....", ".....");
        checkEquals(2, GameOfLifeMatrix.period(blinker, 10, false));
        checkEquals(-1, GameOfLifeMatrix.period(blinker, 1, false));
        checkEquals(3, GameOfLifeMatrix.population(GameOfLifeMatrix.run(blinker, 7, false)));
        checkGrid(GameOfLifeMatrix.run(blinker, 0, false), ".....", ".....", ".###.", ".....", ".....");
    }

    static void testGliderMovesAndBlockStays() {
        int[][] glider = grid(".#...", "..#..", "###..", ".....", ".....");
        checkGrid(GameOfLifeMatrix.step(glider, false), ".....", "#.#..", ".##..", ".#...", ".....");
        checkGrid(GameOfLifeMatrix.run(glider, 4, false), ".....", "..#..", "...#.", ".###.", ".....");
        checkEquals(-1, GameOfLifeMatrix.period(glider, 6, false));
        int[][] block = grid("....", ".##.", ".##.", "....");
        checkEquals(1, GameOfLifeMatrix.period(block, 5, false));
        checkEquals(4, GameOfLifeMatrix.population(block));
        checkEquals(1, GameOfLifeMatrix.period(grid("...", "..."), 3, false));
        int[][] blockAndLoner = grid("#....", ".....", "...##", "...##", ".....");
        checkEquals(5, GameOfLifeMatrix.population(blockAndLoner));
        checkEquals(4, GameOfLifeMatrix.population(GameOfLifeMatrix.step(blockAndLoner, false)));
        checkEquals(-1, GameOfLifeMatrix.period(blockAndLoner, 3, false));
        checkEquals(2, GameOfLifeMatrix.period(grid("...", "###", "..."), 2, false));
        int[][] lonerInTheCorner = grid(".....", "##...", "##...", ".....", "....#");
        checkEquals(5, GameOfLifeMatrix.population(lonerInTheCorner));
        checkEquals(-1, GameOfLifeMatrix.period(lonerInTheCorner, 3, false));
    }

    static void testWrappingChangesEdgeBehaviour() {
        int[][] edge = grid("##.#", "....", "....", "....");
        checkGrid(GameOfLifeMatrix.step(edge, true), "#...", "#...", "....", "#...");
        checkEquals(0, GameOfLifeMatrix.population(GameOfLifeMatrix.step(edge, false)));
        int[][] tiny = grid("...", "###", "...");
        checkGrid(GameOfLifeMatrix.step(tiny, true), "###", "###", "###");
        checkEquals(0, GameOfLifeMatrix.population(GameOfLifeMatrix.run(tiny, 2, true)));
        checkGrid(GameOfLifeMatrix.step(tiny, false), ".#.", ".#.", ".#.");
    }

    static void testSurvivalAndBirthRules() {
        checkGrid(GameOfLifeMatrix.step(grid("#.", ".."), false), "..", "..");
        checkGrid(GameOfLifeMatrix.step(grid("##", "#."), false), "##", "##");
        checkGrid(GameOfLifeMatrix.step(grid("###", "###"), false), "#.#", "#.#");
        checkGrid(GameOfLifeMatrix.step(grid("#.#", "...", "#.#"), false), "...", "...", "...");
    }

    static void testRotationsAndTranspose() {
        int[][] m = {{1, 2, 3}, {4, 5, 6}};
        checkEquals("[[4, 1], [5, 2], [6, 3]]", Arrays.deepToString(GameOfLifeMatrix.rotateClockwise(m)));
        checkEquals("[[3, 6], [2, 5], [1, 4]]", Arrays.deepToString(GameOfLifeMatrix.rotateCounterClockwise(m)));
        checkEquals("[[1, 4], [2, 5], [3, 6]]", Arrays.deepToString(GameOfLifeMatrix.transpose(m)));
        int[][] twice = GameOfLifeMatrix.rotateClockwise(GameOfLifeMatrix.rotateClockwise(m));
        checkEquals("[[6, 5, 4], [3, 2, 1]]", Arrays.deepToString(twice));
        checkEquals("[[1, 2, 3], [4, 5, 6]]", Arrays.deepToString(m));
    }

    static void testSpiralOrder() {
        int[][] wide = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
        checkEquals("[1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7]", Arrays.toString(GameOfLifeMatrix.spiralOrder(wide)));
        int[][] tall = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
        checkEquals("[1, 2, 3, 6, 9, 12, 11, 10, 7, 4, 5, 8]", Arrays.toString(GameOfLifeMatrix.spiralOrder(tall)));
        checkEquals("[1, 2, 3]", Arrays.toString(GameOfLifeMatrix.spiralOrder(new int[][] {{1, 2, 3}})));
        checkEquals("[1, 2, 3]", Arrays.toString(GameOfLifeMatrix.spiralOrder(new int[][] {{1}, {2}, {3}})));
        checkEquals("[]", Arrays.toString(GameOfLifeMatrix.spiralOrder(new int[0][])));
    }

    static void testSpiralFill() {
        checkEquals("[[1, 2, 3], [8, 9, 4], [7, 6, 5]]", Arrays.deepToString(GameOfLifeMatrix.spiralFill(3, 3)));
        checkEquals("[[1, 2, 3, 4], [8, 7, 6, 5]]", Arrays.deepToString(GameOfLifeMatrix.spiralFill(2, 4)));
        checkEquals("[[1, 2], [10, 3], [9, 4], [8, 5], [7, 6]]", Arrays.deepToString(GameOfLifeMatrix.spiralFill(5, 2)));
        checkEquals("[[1]]", Arrays.deepToString(GameOfLifeMatrix.spiralFill(1, 1)));
    }
}
