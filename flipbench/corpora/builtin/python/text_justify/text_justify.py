"""Greedy word wrapping, full justification and alignment of text to a fixed width."""


def _split_long(word, width):
    """Cut a word longer than width into width-sized pieces."""
    pieces = []
    start = 0
    while len(word) - start > width:
        pieces.append(word[start:start + width])
        start += width
    pieces.append(word[start:])
    return pieces


def _pad(line, width):
    return line + " " * (width - len(line))


def wrap(text, width):
    """Greedy wrap: each line takes as many words as fit, joined by single spaces."""
    if width < 1:
        raise ValueError("width must be positive")
    lines = []
    current = ""
    for word in text.split():
        for piece in _split_long(word, width):
            if current == "":
                current = piece
            elif len(current) + 1 + len(piece) <= width:
                current = current + " " + piece
            else:
                lines.append(current)
                current = piece
    if current != "":
        lines.append(current)
    return lines


def _justify_line(words, width):
    """Spread the spare spaces over the gaps; the leftmost gaps get one more if uneven."""
    if len(words) == 1:
        return _pad(words[0], width)
    letters = 0
    for word in words:
        letters += len(word)
    gaps = len(words) - 1
    spaces = width - letters
    base = spaces // gaps
    extra = spaces % gaps
    line = words[0]
    for i in range(1, len(words)):
        count = base
        if i <= extra:
            count += 1
        line += " " * count + words[i]
    return line


def justify(text, width):
    """Wrap, then justify every line but the last, which is left-aligned and padded."""
    lines = wrap(text, width)
    result = []
    for i in range(len(lines)):
        if i == len(lines) - 1:
            result.append(_pad(lines[i], width))
        else:
            result.append(_justify_line(lines[i].split(" "), width))
    return result


def center(text, width):
    """Wrap and center each line; an odd leftover space goes to the right."""
    result = []
    for line in wrap(text, width):
        left = (width - len(line)) // 2
        result.append(_pad(" " * left + line, width))
    return result


def align_right(text, width):
    return [" " * (width - len(line)) + line for line in wrap(text, width)]


def wrap_paragraphs(text, width):
    """Wrap each blank-line separated paragraph; paragraphs are separated by one empty line."""
    result = []
    paragraph = []
    for line in text.split("\n") + [""]:
        if line.strip() == "":
            if len(paragraph) > 0:
                if len(result) > 0:
                    result.append("")
                result.extend(wrap(" ".join(paragraph), width))
                paragraph = []
        else:
            paragraph.append(line)
    return result


def raggedness(lines, width):
    """Sum of squared trailing gaps of all lines except the last (lower is more even)."""
    total = 0
    for i in range(len(lines) - 1):
        gap = width - len(lines[i].rstrip())
        total += gap * gap
    return total
