"""Caesar and Vigenere ciphers over a configurable alphabet.

Characters outside the alphabet pass through unchanged; upper-case letters are shifted like
their lower-case form and stay upper-case.
"""

LOWER = "abcdefghijklmnopqrstuvwxyz"
COMMON = "etaoinshrdlu"


class Alphabet:
    """An ordered set of distinct letters; shifts wrap around its length."""

    def __init__(self, letters):
        if len(letters) < 2:
            raise ValueError("alphabet needs at least two letters")
        self.letters = letters
        self.index = {}
        for i in range(len(letters)):
            if letters[i] in self.index:
                raise ValueError("duplicate letter " + letters[i])
            self.index[letters[i]] = i

    def size(self):
        return len(self.letters)

    def position(self, ch):
        """Index of ch (or of its lower-case form), or -1 when it is not a letter here."""
        if ch in self.index:
            return self.index[ch]
        if ch.lower() in self.index:
            return self.index[ch.lower()]
        return -1

    def shift(self, ch, amount):
        pos = self.position(ch)
        if pos < 0:
            return ch
        moved = self.letters[(pos + amount) % self.size()]
        if ch not in self.index:
            return moved.upper()
        return moved


def caesar(text, shift, letters=LOWER):
    alphabet = Alphabet(letters)
    return "".join(alphabet.shift(ch, shift) for ch in text)


def rot13(text):
    return caesar(text, 13)


def _key_shifts(key, alphabet):
    if len(key) == 0:
        raise ValueError("empty key")
    shifts = []
    for ch in key:
        pos = alphabet.position(ch)
        if pos < 0:
            raise ValueError("key letter not in alphabet: " + ch)
        shifts.append(pos)
    return shifts


def _vigenere(text, key, letters, direction):
    alphabet = Alphabet(letters)
    shifts = _key_shifts(key, alphabet)
    out = []
    k = 0
    for ch in text:
        if alphabet.position(ch) < 0:
            out.append(ch)
            continue
        # The key only advances on characters that are actually enciphered.
        out.append(alphabet.shift(ch, direction * shifts[k % len(shifts)]))
        k += 1
    return "".join(out)


def vigenere_encrypt(text, key, letters=LOWER):
    return _vigenere(text, key, letters, 1)


def vigenere_decrypt(text, key, letters=LOWER):
    return _vigenere(text, key, letters, -1)


def _score(text):
    """Higher for texts rich in common English letters."""
    total = 0
    for ch in text.lower():
        pos = COMMON.find(ch)
        if pos >= 0:
            total += len(COMMON) - pos
    return total


def crack_caesar(ciphertext):
    """The shift that most likely produced ciphertext (smallest shift on ties)."""
    best_shift = 0
    best_score = -1
    for shift in range(len(LOWER)):
        score = _score(caesar(ciphertext, -shift))
        if score > best_score:
            best_score = score
            best_shift = shift
    return best_shift


def _shortest_period(text):
    """Shortest prefix p of text such that text is p repeated (possibly cut short)."""
    for p in range(1, len(text)):
        repeats = True
        for i in range(p, len(text)):
            if text[i] != text[i - p]:
                repeats = False
                break
        if repeats:
            return text[:p]
    return text


def recover_key(plain, cipher, letters=LOWER):
    """Recover the shortest Vigenere key that turns plain into cipher."""
    if len(plain) != len(cipher):
        raise ValueError("texts differ in length")
    alphabet = Alphabet(letters)
    key = []
    for i in range(len(plain)):
        p = alphabet.position(plain[i])
        c = alphabet.position(cipher[i])
        if p >= 0 and c >= 0:
            key.append(alphabet.letters[(c - p) % alphabet.size()])
        elif plain[i] != cipher[i]:
            raise ValueError("texts do not match at " + str(i))
    return _shortest_period("".join(key))
