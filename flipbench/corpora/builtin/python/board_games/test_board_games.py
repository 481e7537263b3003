from board_games import (
    connect_four_moves,
    drop,
    has_line,
    tic_tac_toe_moves,
    tic_tac_toe_status,
    winner,
    winning_moves,
)

DRAW = ["XOX", "XOO", "OXX"]
EMPTY_C4 = ["......."] * 6


def test_winner_in_every_direction():
    assert winner(["XXX", "OO.", "..."], 3) == "X"
    assert winner(["XO.", "XO.", "X.."], 3) == "X"
    assert winner(["X.O", "OX.", "..X"], 3) == "X"
    assert winner(["..O", "XO.", "OX."], 3) == "O"
    assert winner([".X.", "OOO", "X.X"], 3) == "O"
    assert winner(DRAW, 3) is None
    assert winner(["XX.", "...", "..."], 2) == "X"


def test_lines_do_not_run_off_the_board():
    assert has_line(["..X", "X..", "..."], "X", 3) is False
    assert has_line(["X..", "..X", "..."], "X", 2) is False
    assert has_line(["...", "...", "O.."], "O", 2) is False
    assert has_line(["..O", ".O.", "..."], "O", 2) is True
    assert has_line(["O.", ".O"], "X", 2) is False


def test_tic_tac_toe_status():
    assert tic_tac_toe_status(["XXX", "OO.", "..."]) == "X wins"
    assert tic_tac_toe_status(["OOO", "XX.", "X.."]) == "O wins"
    assert tic_tac_toe_status(DRAW) == "draw"
    assert tic_tac_toe_status(["...", "...", "..."]) == "X to move"
    assert tic_tac_toe_status(["X..", "...", "..."]) == "O to move"
    assert tic_tac_toe_status(["XO.", "X..", "..O"]) == "X to move"


def test_tic_tac_toe_invalid_positions():
    for board in [
        ["XX.", "...", "..."],
        ["O..", "...", "..."],
        ["XXX", "OOO", "..."],
        ["XXX", "OO.", "O.."],
        ["OOO", "XX.", "XX."],
    ]:
        assert tic_tac_toe_status(board) == "invalid"


def test_tic_tac_toe_moves():
    assert tic_tac_toe_moves(["X..", "...", ".O."]) == [(0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 2)]
    assert tic_tac_toe_moves(["XOX", "OXO", "OX."]) == [(2, 2)]
    assert tic_tac_toe_moves(["XXX", "OO.", "..."]) == []
    assert tic_tac_toe_moves(DRAW) == []


def test_drop_stacks_pieces():
    board = drop(EMPTY_C4, 3, "X")
    assert board[5] == "...X..."
    board = drop(board, 3, "O")
    assert board[4] == "...O..."
    board = drop(board, 0, "X")
    assert board[5] == "X..X..."
    board = drop(board, 6, "O")
    assert board[5] == "X..X..O"
    assert EMPTY_C4[5] == "......."
    full = ["X......", "O......", "X......", "O......", "X......", "O......"]
    for column in [0, 7, -1]:
        try:
            drop(full, column, "X")
        except ValueError:
            continue
        raise AssertionError("illegal drop accepted")
    assert drop(full, 1, "X")[5] == "OX....."


def test_connect_four_winner_and_moves():
    diagonal = [".......", ".......", "...X...", "..XO...", ".XOO...", "XOOX..."]
    assert winner(diagonal, 4) == "X"
    assert connect_four_moves(diagonal) == []
    three = [".......", ".......", "...X...", "..XO...", ".OOO...", "XOOX..."]
    assert winner(three, 4) is None
    assert connect_four_moves(EMPTY_C4) == [0, 1, 2, 3, 4, 5, 6]
    full_column = ["..X....", "..O....", "..X....", "..O....", "..X....", "..O...."]
    assert connect_four_moves(full_column) == [0, 1, 3, 4, 5, 6]


def test_winning_moves():
    board = [".......", ".......", ".......", "......X", "OOO...X", "XXX...X"]
    assert winning_moves(board, "X") == [3, 6]
    assert winning_moves(board, "O") == []
    stacked = [".......", ".......", ".......", ".......", "OOO....", "XXXO..."]
    assert winning_moves(stacked, "O") == [3]
    assert winning_moves(EMPTY_C4, "X") == []


def test_nearly_full_column_and_single_row_boards():
    five = [".......", "X......", "O......", "X......", "O......", "X......"]
    assert drop(five, 0, "O")[0] == "O......"
    assert connect_four_moves(five) == [0, 1, 2, 3, 4, 5, 6]
    assert drop([".X."], 0, "O") == ["OX."]
    assert connect_four_moves(["X.O...."]) == [1, 3, 4, 5, 6]
    assert has_line(["XXX"], "X", 3) is True
    try:
        drop([".X."], 1, "O")
    except ValueError:
        return
    raise AssertionError("drop into a full column accepted")
