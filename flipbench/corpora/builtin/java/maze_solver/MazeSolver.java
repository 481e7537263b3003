import java.util.ArrayDeque;

/** Breadth-first search on a character maze: '#' is a wall, 'S' the start, 'E' the exit. */
public class MazeSolver {
    // neighbours are explored in this order: up, right, down, left
    private static final int[] DR = {-1, 0, 1, 0};
    private static final int[] DC = {0, 1, 0, -1};
    private static final char[] MOVES = {'U', 'R', 'D', 'L'};

    private final char[][] grid;
    private final int rows;
    private final int cols;

    public MazeSolver(String[] lines) {
        rows = lines.length;
        cols = rows == 0 ? 0 : lines[0].length();
        grid = new char[rows][];
        for (int r = 0; r < rows; r++) {
            if (lines[r].length() != cols) {
                throw new IllegalArgumentException("row " + r + " has length " + lines[r].length() + ", expected " + cols);
            }
            grid[r] = lines[r].toCharArray();
        }
    }

    /** {row, col} of the first cell holding symbol in reading order, or null. */
    public int[] find(char symbol) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (grid[r][c] == symbol) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** Steps from (row, col) to every cell; -1 for walls and unreachable cells. */
    public int[][] distancesFrom(int row, int col) {
        return search(row, col, null);
    }

    /** Steps on a shortest path from S to E, or -1 when there is none. */
    public int shortestPathLength() {
        int[] start = find('S');
        int[] exit = find('E');
        if (start == null || exit == null) {
            return -1;
        }
        return distancesFrom(start[0], start[1])[exit[0]][exit[1]];
    }

    /** The moves (U, R, D, L) of the shortest path that BFS finds first, or null when there is none. */
    public String shortestPathMoves() {
        int[] start = find('S');
        int[] exit = find('E');
        if (start == null || exit == null) {
            return null;
        }
        int[][] arrivedBy = new int[rows][cols];
        int[][] dist = search(start[0], start[1], arrivedBy);
        if (dist[exit[0]][exit[1]] < 0) {
            return null;
        }
        String moves = "";
        int r = exit[0];
        int c = exit[1];
        while (r != start[0] || c != start[1]) {
            int d = arrivedBy[r][c];
            moves = MOVES[d] + moves;
            r -= DR[d];
            c -= DC[d];
        }
        return moves;
    }

    /** The maze with the cells between S and E on the shortest path marked '*'. */
    public String[] markPath() {
        char[][] copy = new char[rows][];
        for (int r = 0; r < rows; r++) {
            copy[r] = grid[r].clone();
        }
        String moves = shortestPathMoves();
        if (moves != null) {
            int[] at = find('S');
            for (int i = 0; i < moves.length() - 1; i++) {
                int d = new String(MOVES).indexOf(moves.charAt(i));
                at[0] += DR[d];
                at[1] += DC[d];
                copy[at[0]][at[1]] = '*';
            }
        }
        String[] result = new String[rows];
        for (int r = 0; r < rows; r++) {
            result[r] = new String(copy[r]);
        }
        return result;
    }

    /** Open cells reachable from S, S included; 0 without a start. */
    public int reachableCount() {
        int[][] dist = distancesFromStart();
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (dist[r][c] >= 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The most steps needed to reach any reachable cell from S; -1 without a start. */
    public int farthestDistance() {
        int[][] dist = distancesFromStart();
        int farthest = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                farthest = Math.max(farthest, dist[r][c]);
            }
        }
        return farthest;
    }

    /** Open cells with exactly one open neighbour. */
    public int deadEnds() {
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!open(r, c)) {
                    continue;
                }
                int neighbours = 0;
                for (int d = 0; d < 4; d++) {
                    if (open(r + DR[d], c + DC[d])) {
                        neighbours++;
                    }
                }
                if (neighbours == 1) {
                    count++;
                }
            }
        }
        return count;
    }

    private int[][] distancesFromStart() {
        int[] start = find('S');
        return start == null ? search(-1, -1, null) : search(start[0], start[1], null);
    }

    private boolean open(int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] != '#';
    }

    private int[][] search(int row, int col, int[][] arrivedBy) {
        int[][] dist = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dist[r][c] = -1;
            }
        }
        if (!open(row, col)) {
            return dist;
        }
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        dist[row][col] = 0;
        queue.add(new int[] {row, col});
        while (!queue.isEmpty()) {
            int[] cell = queue.poll();
            for (int d = 0; d < 4; d++) {
                int r = cell[0] + DR[d];
                int c = cell[1] + DC[d];
                if (open(r, c) && dist[r][c] == -1) {
                    dist[r][c] = dist[cell[0]][cell[1]] + 1;
                    if (arrivedBy != null) {
                        arrivedBy[r][c] = d;
                    }
                    queue.add(new int[] {r, c});
                }
            }
        }
        return dist;
    }
}
