"""Sudoku: read a 9x9 grid, check it against the rules and solve easy puzzles.

A grid is a list of 9 rows of 9 ints; 0 marks an empty cell.
"""


def parse(text):
    """Read 81 cells from text; '.' or '0' is empty, whitespace is ignored."""
    cells = [ch for ch in text if not ch.isspace()]
    if len(cells) != 81:
        raise ValueError("a sudoku has 81 cells")
    grid = []
    for r in range(9):
        row = []
        for c in range(9):
            ch = cells[r * 9 + c]
            if ch == ".":
                row.append(0)
            elif "0" <= ch <= "9":
                row.append(int(ch))
            else:
                raise ValueError("bad cell " + ch)
        grid.append(row)
    return grid


def format_grid(grid):
    return ["".join(str(v) if v else "." for v in row) for row in grid]


def _peers(r, c):
    """Cells sharing a row, column or 3x3 box with (r, c), excluding (r, c) itself."""
    cells = set()
    for i in range(9):
        cells.add((r, i))
        cells.add((i, c))
    top = r - r % 3
    left = c - c % 3
    for i in range(top, top + 3):
        for j in range(left, left + 3):
            cells.add((i, j))
    cells.discard((r, c))
    return cells


def find_conflicts(grid):
    """Sorted filled cells whose digit also appears in a peer cell."""
    bad = []
    for r in range(9):
        for c in range(9):
            value = grid[r][c]
            if value == 0:
                continue
            for pr, pc in _peers(r, c):
                if grid[pr][pc] == value:
                    bad.append((r, c))
                    break
    return bad


def is_valid(grid):
    return not find_conflicts(grid)


def is_solved(grid):
    for row in grid:
        if 0 in row:
            return False
    return is_valid(grid)


def candidates(grid, r, c):
    """Digits that could go in an empty cell; [] for a filled cell."""
    if grid[r][c] != 0:
        return []
    used = set(grid[r])
    for i in range(9):
        used.add(grid[i][c])
    top = r - r % 3
    left = c - c % 3
    for i in range(top, top + 3):
        used.update(grid[i][left:left + 3])
    return [d for d in range(1, 10) if d not in used]


def most_constrained_cell(grid):
    """The empty cell with the fewest candidates (first in reading order), or None."""
    best = None
    best_count = 10
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                count = len(candidates(grid, r, c))
                if count < best_count:
                    best = (r, c)
                    best_count = count
    return best


def _search(grid, limit, found):
    """Backtracking: fill grid in place, appending copies of solutions to found."""
    cell = most_constrained_cell(grid)
    if cell is None:
        found.append([row[:] for row in grid])
        return
    r, c = cell
    for digit in candidates(grid, r, c):
        grid[r][c] = digit
        _search(grid, limit, found)
        if len(found) >= limit:
            break
    grid[r][c] = 0


def solve(grid):
    """A solved copy of the puzzle, or None if it is invalid or unsolvable."""
    if not is_valid(grid):
        return None
    found = []
    _search([row[:] for row in grid], 1, found)
    return found[0] if found else None


def count_solutions(grid, limit):
    """Number of solutions, counting no further than limit."""
    if not is_valid(grid):
        return 0
    found = []
    _search([row[:] for row in grid], limit, found)
    return len(found)
