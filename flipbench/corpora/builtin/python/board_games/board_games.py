"""Winner detection and legal moves for tic-tac-toe and connect four.

Boards are lists of equal-length strings, row 0 at the top; '.' marks an empty
cell and 'X' and 'O' are the two players (X always moves first).
"""

EMPTY = "."
DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))


def _line_owner(board, r, c, dr, dc, length):
    """The player holding `length` cells from (r, c) in direction (dr, dc), else None."""
    first = board[r][c]
    if first == EMPTY:
        return None
    for k in range(1, length):
        rr = r + k * dr
        cc = c + k * dc
        if rr < 0 or rr >= len(board) or cc < 0 or cc >= len(board[0]) or board[rr][cc] != first:
            return None
    return first


def has_line(board, player, length):
    """True when player has `length` pieces in a row in any direction."""
    for r in range(len(board)):
        for c in range(len(board[r])):
            for dr, dc in DIRECTIONS:
                if _line_owner(board, r, c, dr, dc, length) == player:
                    return True
    return False


def winner(board, length):
    if has_line(board, "X", length):
        return "X"
    if has_line(board, "O", length):
        return "O"
    return None


def _count(board, player):
    return sum(row.count(player) for row in board)


def tic_tac_toe_status(board):
    """'X wins', 'O wins', 'draw', 'X to move', 'O to move' or 'invalid'."""
    xs = _count(board, "X")
    os = _count(board, "O")
    if xs != os and xs != os + 1:
        return "invalid"
    x_won = has_line(board, "X", 3)
    o_won = has_line(board, "O", 3)
    if x_won and o_won:
        return "invalid"
    if x_won:
        return "X wins" if xs == os + 1 else "invalid"
    if o_won:
        return "O wins" if xs == os else "invalid"
    if xs + os == 9:
        return "draw"
    return "X to move" if xs == os else "O to move"


def tic_tac_toe_moves(board):
    """Empty cells (row, column) in reading order while the game is still going."""
    if not tic_tac_toe_status(board).endswith("to move"):
        return []
    moves = []
    for r in range(3):
        for c in range(3):
            if board[r][c] == EMPTY:
                moves.append((r, c))
    return moves


def drop(board, column, player):
    """Connect four: a new board with player's piece at the lowest empty cell of column."""
    if column < 0 or column >= len(board[0]) or board[0][column] != EMPTY:
        raise ValueError("column is full or outside the board")
    r = len(board) - 1
    while board[r][column] != EMPTY:
        r -= 1
    new_board = list(board)
    new_board[r] = board[r][:column] + player + board[r][column + 1:]
    return new_board


def connect_four_moves(board):
    """Columns that still have room, or [] once someone has four in a row."""
    if winner(board, 4) is not None:
        return []
    return [c for c in range(len(board[0])) if board[0][c] == EMPTY]


def winning_moves(board, player):
    """Connect four columns where dropping a piece gives player four in a row."""
    result = []
    for column in connect_four_moves(board):
        if has_line(drop(board, column, player), player, 4):
            result.append(column)
    return result
