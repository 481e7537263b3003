from life import bounding_box, count_neighbours, is_still_life, parse, period, population, render, run, step

BLINKER = [".....", "..#..", "..#..", "..#..", "....."]
GLIDER = [".#....", "..#...", "###...", "......", "......", "......"]


def test_parse_and_render_round_trip():
    grid = parse(["#.", ".#"])
    assert grid == [[1, 0], [0, 1]]
    assert render(grid) == ["#.", ".#"]
    assert parse([]) == []
    for rows in [["##", "#"], ["#x"]]:
        try:
            parse(rows)
        except ValueError:
            continue
        raise AssertionError("bad grid accepted")


def test_count_neighbours_respects_edges():
    full = parse(["###", "###", "###"])
    assert count_neighbours(full, 0, 0) == 3
    assert count_neighbours(full, 0, 1) == 5
    assert count_neighbours(full, 2, 2) == 3
    assert count_neighbours(full, 1, 2) == 5
    assert count_neighbours(full, 1, 1) == 8
    blinker = parse(BLINKER)
    assert count_neighbours(blinker, 2, 2) == 2
    assert count_neighbours(blinker, 2, 1) == 3
    assert count_neighbours(blinker, 0, 0) == 0
    assert count_neighbours(blinker, 4, 3) == 1


def test_step_blinker_and_full_square():
    assert render(step(parse(BLINKER))) == [".....", ".....", ".###.", ".....", "....."]
    assert render(step(parse(["###", "###", "###"]))) == ["#.#", "...", "#.#"]
    assert render(step(parse(["###", "...", "..."]))) == [".#.", ".#.", "..."]
    assert render(step(parse(["###"]))) == [".#."]


def test_run_moves_glider():
    assert render(run(parse(GLIDER), 4)) == ["......", "..#...", "...#..", ".###..", "......", "......"]
    assert run(parse(GLIDER), 0) == parse(GLIDER)


def test_population_and_bounding_box():
    glider = parse(GLIDER)
    assert population(glider) == 5
    assert bounding_box(glider) == (0, 0, 2, 2)
    assert bounding_box(run(glider, 4)) == (1, 1, 3, 3)
    assert bounding_box(parse(["....", "..#.", ".#..", "...."])) == (1, 1, 2, 2)
    assert bounding_box(parse(["...", "..#"])) == (1, 2, 1, 2)
    assert bounding_box(parse(["..#.", "#...", "...."])) == (0, 0, 1, 2)
    assert bounding_box(parse(["...", "..."])) is None
    assert population(parse(["...", "..."])) == 0


def test_still_life():
    assert is_still_life(parse(["....", ".##.", ".##.", "...."])) is True
    assert is_still_life(parse(["##", "##"])) is True
    assert is_still_life(parse(BLINKER)) is False
    assert is_still_life(parse(["...", "..."])) is False


def test_period():
    assert period(parse(BLINKER), 5) == 2
    assert period(parse(BLINKER), 2) == 2
    assert period(parse(BLINKER), 1) == 0
    assert period(parse(["##", "##"]), 3) == 1
    assert period(parse(GLIDER), 4) == 0
    assert period(parse(["#..", "...", "..."]), 3) == 0
