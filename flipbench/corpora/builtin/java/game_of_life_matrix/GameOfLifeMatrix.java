/** Conway's Game of Life on int grids (1 alive, 0 dead) and a few matrix transformations. */
public class GameOfLifeMatrix {
    /** Live cells among the 8 around (r, c); off-grid cells are dead, or wrap around when wrap is set. */
    public static int liveNeighbours(int[][] grid, int r, int c, boolean wrap) {
        int rows = grid.length;
        int cols = grid[0].length;
        int count = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if (dr == 0 && dc == 0) {
                    continue;
                }
                int nr = r + dr;
                int nc = c + dc;
                if (wrap) {
                    nr = (nr + rows) % rows;
                    nc = (nc + cols) % cols;
                } else if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) {
                    continue;
                }
                count += grid[nr][nc];
            }
        }
        return count;
    }

    /** One generation: live cells with 2 or 3 live neighbours survive, dead cells with exactly 3 are born. */
    public static int[][] step(int[][] grid, boolean wrap) {
        int[][] next = new int[grid.length][grid[0].length];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                int n = liveNeighbours(grid, r, c, wrap);
                boolean alive = grid[r][c] == 1;
                if (alive && (n == 2 || n == 3) || !alive && n == 3) {
                    next[r][c] = 1;
                }
            }
        }
        return next;
    }

    public static int[][] run(int[][] grid, int generations, boolean wrap) {
        int[][] current = grid;
        for (int i = 0; i < generations; i++) {
            current = step(current, wrap);
        }
        return current;
    }

    public static int population(int[][] grid) {
        int total = 0;
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                total += grid[r][c];
            }
        }
        return total;
    }

    /** The smallest p >= 1 after which the grid is back in its starting state, or -1 if not within limit. */
    public static int period(int[][] grid, int limit, boolean wrap) {
        int[][] current = grid;
        for (int p = 1; p <= limit; p++) {
            current = step(current, wrap);
            if (sameCells(current, grid)) {
                return p;
            }
        }
        return -1;
    }

    /** Rows become columns: the result is cols x rows and result[c][rows - 1 - r] = m[r][c]. */
    public static int[][] rotateClockwise(int[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        int[][] result = new int[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                result[c][rows - 1 - r] = m[r][c];
            }
        }
        return result;
    }

    public static int[][] rotateCounterClockwise(int[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        int[][] result = new int[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                result[cols - 1 - c][r] = m[r][c];
            }
        }
        return result;
    }

    public static int[][] transpose(int[][] m) {
        int[][] result = new int[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                result[c][r] = m[r][c];
            }
        }
        return result;
    }

    /** The values read clockwise from the top-left corner, spiralling inwards. */
    public static int[] spiralOrder(int[][] m) {
        if (m.length == 0) {
            return new int[0];
        }
        int[][] cells = spiralCells(m.length, m[0].length);
        int[] values = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = m[cells[i][0]][cells[i][1]];
        }
        return values;
    }

    /** A rows x cols matrix holding 1, 2, 3, ... along the clockwise spiral. */
    public static int[][] spiralFill(int rows, int cols) {
        int[][] result = new int[rows][cols];
        int[][] cells = spiralCells(rows, cols);
        for (int i = 0; i < cells.length; i++) {
            result[cells[i][0]][cells[i][1]] = i + 1;
        }
        return result;
    }

    /** Rows of '#' (alive) and '.' (dead) separated by newlines. */
    public static String render(int[][] grid) {
        String text = "";
        for (int r = 0; r < grid.length; r++) {
            if (r > 0) {
                text += "\n";
            }
            for (int c = 0; c < grid[r].length; c++) {
                text += grid[r][c] == 1 ? '#' : '.';
            }
        }
        return text;
    }

    private static int[][] spiralCells(int rows, int cols) {
        int[][] cells = new int[rows * cols][];
        int k = 0;
        int top = 0;
        int bottom = rows - 1;
        int left = 0;
        int right = cols - 1;
        while (top <= bottom && left <= right) {
            for (int c = left; c <= right; c++) {
                cells[k++] = new int[] {top, c};
            }
            top++;
            for (int r = top; r <= bottom; r++) {
                cells[k++] = new int[] {r, right};
            }
            right--;
            if (top <= bottom) {
                for (int c = right; c >= left; c--) {
                    cells[k++] = new int[] {bottom, c};
                }
                bottom--;
            }
            if (left <= right) {
                for (int r = bottom; r >= top; r--) {
                    cells[k++] = new int[] {r, left};
                }
                left++;
            }
        }
        return cells;
    }

    private static boolean sameCells(int[][] a, int[][] b) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                if (a[r][c] != b[r][c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
