from sudoku import (
    candidates,
    count_solutions,
    find_conflicts,
    format_grid,
    is_solved,
    is_valid,
    most_constrained_cell,
    parse,
    solve,
)

PUZZLE = """
..976.385
8.31.9...
.7.....2.
5..3....9
13..72...
.9...6813
.65.917..
.2.635.9.
9..2.....
"""

SOLUTION = [
    "219764385",
    "853129467",
    "674583921",
    "546318279",
    "138972654",
    "792456813",
    "365891742",
    "427635198",
    "981247536",
]


def _empty():
    return [[0] * 9 for _ in range(9)]


def test_parse_and_format():
    grid = parse(PUZZLE)
    assert grid[0] == [0, 0, 9, 7, 6, 0, 3, 8, 5]
    assert grid[8] == [9, 0, 0, 2, 0, 0, 0, 0, 0]
    assert format_grid(grid)[1] == "8.31.9..."
    assert parse(PUZZLE.replace(".", "0")) == grid
    assert format_grid(parse("".join(SOLUTION))) == SOLUTION
    for text in ["1" * 80, "1" * 82, "x" + "." * 80]:
        try:
            parse(text)
        except ValueError:
            continue
        raise AssertionError("bad sudoku text accepted")


def test_find_conflicts_in_rows_columns_and_boxes():
    grid = parse("".join(SOLUTION))
    grid[0][0] = 1
    assert find_conflicts(grid) == [(0, 0), (0, 1), (4, 0)]
    for cells in [[(0, 0), (1, 1)], [(0, 4), (8, 4)], [(5, 0), (5, 8)], [(3, 3), (5, 5)], [(6, 8), (8, 6)]]:
        grid = _empty()
        for r, c in cells:
            grid[r][c] = 5
        assert find_conflicts(grid) == cells
    grid = _empty()
    grid[2][2] = 4
    grid[3][3] = 4
    grid[5][6] = 4
    assert find_conflicts(grid) == []


def test_is_valid_and_is_solved():
    solution = parse("".join(SOLUTION))
    assert is_solved(solution) is True
    assert is_valid(parse(PUZZLE)) is True
    assert is_solved(parse(PUZZLE)) is False
    broken = parse("".join(SOLUTION))
    broken[8][8], broken[8][7] = broken[8][7], broken[8][8]
    assert is_valid(broken) is False
    assert is_solved(broken) is False
    assert is_valid(_empty()) is True


def test_candidates():
    grid = parse(PUZZLE)
    assert candidates(grid, 0, 0) == [2, 4]
    assert candidates(grid, 8, 8) == [1, 4, 6, 8]
    assert candidates(grid, 0, 2) == []
    assert candidates(_empty(), 4, 4) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    grid = _empty()
    grid[2][1] = 5
    grid[1][2] = 6
    grid[5][5] = 2
    grid[8][3] = 4
    assert candidates(grid, 0, 0) == [1, 2, 3, 4, 7, 8, 9]
    assert candidates(grid, 3, 3) == [1, 3, 5, 6, 7, 8, 9]
    # a cell whose peers are all filled has exactly one candidate
    almost = parse("".join(SOLUTION))
    almost[4][4] = 0
    assert candidates(almost, 4, 4) == [7]


def test_most_constrained_cell():
    assert most_constrained_cell(parse(PUZZLE)) == (0, 5)
    assert most_constrained_cell(_empty()) == (0, 0)
    grid = _empty()
    grid[4] = [1, 2, 3, 4, 5, 6, 7, 8, 0]
    assert most_constrained_cell(grid) == (4, 8)
    grid[8][8] = 9
    assert most_constrained_cell(grid) == (4, 8)
    assert most_constrained_cell(parse("".join(SOLUTION))) is None


def test_solve_easy_puzzle():
    grid = parse(PUZZLE)
    solved = solve(grid)
    assert format_grid(solved) == SOLUTION
    assert grid == parse(PUZZLE)
    assert solve(parse("".join(SOLUTION))) == parse("".join(SOLUTION))


def test_unsolvable_and_invalid_puzzles():
    stuck = _empty()
    stuck[0] = [1, 2, 3, 4, 5, 6, 7, 8, 0]
    stuck[1][8] = 9
    assert is_valid(stuck) is True
    assert solve(stuck) is None
    assert count_solutions(stuck, 3) == 0
    clash = parse(PUZZLE)
    clash[0][0] = 9
    assert solve(clash) is None
    assert count_solutions(clash, 3) == 0


def test_count_solutions():
    assert count_solutions(parse(PUZZLE), 5) == 1
    loose = parse(PUZZLE)
    loose[4][5] = 0
    assert count_solutions(loose, 5) == 2
    assert count_solutions(loose, 1) == 1
    assert count_solutions(_empty(), 3) == 3
    # digits are tried in ascending order, so the solution with the smaller digit comes first
    assert format_grid(solve(loose)) == SOLUTION
