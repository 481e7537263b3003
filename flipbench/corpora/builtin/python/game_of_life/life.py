"""Conway's Game of Life on a bounded grid; cells outside the grid count as dead."""

ALIVE = "#"
DEAD = "."


def parse(rows):
    """Turn strings of '#' and '.' into a grid of 1s and 0s."""
    grid = []
    for row in rows:
        if len(row) != len(rows[0]):
            raise ValueError("rows must have equal length")
        cells = []
        for ch in row:
            if ch != ALIVE and ch != DEAD:
                raise ValueError("unexpected character " + ch)
            cells.append(1 if ch == ALIVE else 0)
        grid.append(cells)
    return grid


def render(grid):
    return ["".join(ALIVE if cell else DEAD for cell in row) for row in grid]


def count_neighbours(grid, r, c):
    """Live cells among the up to eight cells around (r, c)."""
    count = 0
    for dr in range(-1, 2):
        for dc in range(-1, 2):
            if dr == 0 and dc == 0:
                continue
            nr = r + dr
            nc = c + dc
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]):
                count += grid[nr][nc]
    return count


def step(grid):
    """The next generation: live cells with 2 or 3 neighbours survive, dead cells
    with exactly 3 neighbours come alive, every other cell is dead."""
    result = []
    for r in range(len(grid)):
        row = []
        for c in range(len(grid[r])):
            n = count_neighbours(grid, r, c)
            if grid[r][c] == 1 and (n == 2 or n == 3):
                row.append(1)
            elif grid[r][c] == 0 and n == 3:
                row.append(1)
            else:
                row.append(0)
        result.append(row)
    return result


def run(grid, generations):
    current = grid
    for _ in range(generations):
        current = step(current)
    return current


def population(grid):
    total = 0
    for row in grid:
        total += sum(row)
    return total


def is_still_life(grid):
    """True for a non-empty pattern that the next step leaves unchanged."""
    return population(grid) > 0 and step(grid) == grid


def period(grid, max_period):
    """Smallest p (1..max_period) after which the pattern repeats, or 0 if none."""
    current = grid
    for p in range(1, max_period + 1):
        current = step(current)
        if current == grid:
            return p
    return 0


def bounding_box(grid):
    """(top, left, bottom, right) of the live cells, or None for an empty grid."""
    top = left = None
    bottom = right = -1
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] == 0:
                continue
            if top is None:
                top = r
            if left is None or c < left:
                left = c
            bottom = r
            right = max(right, c)
    if top is None:
        return None
    return top, left, bottom, right
