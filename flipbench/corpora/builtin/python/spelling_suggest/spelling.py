"""Levenshtein edit distance, edit scripts and spelling suggestions from a word list."""


def edit_distance(a, b):
    """Minimum number of single-character insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return previous[len(b)]


def bounded_distance(a, b, limit):
    """The distance when it is at most limit, otherwise limit + 1 (computed with early exits)."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[len(b)], limit + 1)


def _table(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
    return table


def edit_script(a, b):
    """Steps turning a into b: 'x' keep, 'x>y' substitute, '-x' delete, '+y' insert."""
    table = _table(a, b)
    steps = []
    i = len(a)
    j = len(b)
    while i > 0 or j > 0:
        if i > 0 and j > 0 and a[i - 1] == b[j - 1] and table[i][j] == table[i - 1][j - 1]:
            steps.append(a[i - 1])
            i -= 1
            j -= 1
        elif i > 0 and j > 0 and table[i][j] == table[i - 1][j - 1] + 1:
            steps.append(a[i - 1] + ">" + b[j - 1])
            i -= 1
            j -= 1
        elif i > 0 and table[i][j] == table[i - 1][j] + 1:
            steps.append("-" + a[i - 1])
            i -= 1
        else:
            steps.append("+" + b[j - 1])
            j -= 1
    steps.reverse()
    return steps


def similarity(a, b):
    """1.0 for equal words, falling to 0.0 when every character must change."""
    longest = max(len(a), len(b))
    if longest == 0:
        return 1.0
    return round(1 - edit_distance(a, b) / longest, 3)


class SpellChecker:
    def __init__(self, words):
        self.words = sorted(set(word.lower() for word in words))

    def known(self, word):
        return word.lower() in self.words

    def suggest(self, word, max_distance, limit):
        """Up to limit known words within max_distance, closest first, ties alphabetical."""
        word = word.lower()
        scored = []
        for candidate in self.words:
            distance = bounded_distance(word, candidate, max_distance)
            if distance <= max_distance:
                scored.append((distance, candidate))
        scored.sort()
        return [candidate for _, candidate in scored[:limit]]

    def correct(self, word):
        """The word itself when known, else its best suggestion within two edits, else unchanged.

        A capitalised input gives a capitalised correction.
        """
        if self.known(word):
            return word
        found = self.suggest(word, 2, 1)
        if len(found) == 0:
            return word
        best = found[0]
        if len(word) > 0 and word[0].isupper():
            return best[0].upper() + best[1:]
        return best
