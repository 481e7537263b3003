from shift_ciphers import Alphabet, caesar, crack_caesar, recover_key, rot13, vigenere_decrypt, vigenere_encrypt


def _raises(func, *args):
    try:
        func(*args)
    except ValueError:
        return True
    return False


def test_alphabet_construction_and_positions():
    assert _raises(Alphabet, "a")
    assert _raises(Alphabet, "abca")
    try:
        Alphabet("abcb")
    except ValueError as error:
        assert str(error) == "duplicate letter b"
    small = Alphabet("ab")
    assert small.size() == 2
    full = Alphabet("abcdefghijklmnopqrstuvwxyz")
    assert full.position("a") == 0
    assert full.position("B") == 1
    assert full.position("!") == -1
    assert full.shift("Z", 1) == "A"
    assert full.shift("y", 3) == "b"
    assert full.shift("?", 5) == "?"
    upper = Alphabet("XYZ")
    assert upper.position("X") == 0
    assert upper.shift("Z", 1) == "X"


def test_caesar_shifts_and_wraps():
    assert caesar("Hello, World", 3) == "Khoor, Zruog"
    assert caesar("xyz", 3) == "abc"
    assert caesar("abc", -1) == "zab"
    assert caesar("abc", 28) == "cde"
    assert caesar("abc", 26) == "abc"
    assert caesar("0129", 3, "0123456789") == "3452"


def test_rot13_is_its_own_inverse():
    assert rot13("Hello") == "Uryyb"
    assert rot13(rot13("Why, not?")) == "Why, not?"


def test_vigenere_classic_example():
    assert vigenere_encrypt("Attack at dawn!", "lemon") == "Lxfopv ef rnhr!"
    assert vigenere_decrypt("Lxfopv ef rnhr!", "LEMON") == "Attack at dawn!"
    assert vigenere_encrypt("hello", "AB") == "hflmo"


def test_vigenere_key_skips_non_letters():
    assert vigenere_encrypt("ab ab", "ab") == "ac ac"
    assert vigenere_encrypt("a-b-c", "bc") == "b-d-d"
    assert vigenere_encrypt("0123", "1", "0123456789") == "1234"


def test_vigenere_rejects_bad_keys():
    assert _raises(vigenere_encrypt, "text", "")
    assert _raises(vigenere_encrypt, "text", "k3y")
    assert _raises(vigenere_decrypt, "text", "a b")


def test_crack_caesar_finds_shift():
    sentence = "the quick brown fox jumps over the lazy dog"
    assert crack_caesar(caesar(sentence, 7)) == 7
    assert crack_caesar(caesar(sentence, 25)) == 25
    assert crack_caesar(caesar("meet me at noon", 20)) == 20
    assert crack_caesar(caesar("It is a nice and sunny day", 1)) == 1
    assert crack_caesar("") == 0
    assert crack_caesar("three") == 0


def test_recover_key_shortest_period():
    assert recover_key("attackatdawn", "lxfopvefrnhr") == "lemon"
    assert recover_key("Hi, you", "Ij, zpv") == "b"
    assert recover_key("abcabc", "abcabc") == "a"
    assert recover_key("aaaa", "bcbd") == "bcbd"
    assert recover_key("aaaaa", "bcbcb") == "bc"
    assert recover_key("aaaa", "bcdb") == "bcd"
    assert recover_key("zz", "ab") == "bc"
    assert recover_key("", "") == ""


def test_recover_key_rejects_mismatches():
    assert _raises(recover_key, "a!", "b?")
    assert _raises(recover_key, "abc", "ab")
    assert _raises(recover_key, "a b", "b_c")
    assert _raises(recover_key, "ab", "b!")
    assert _raises(recover_key, "a?", "bc")
