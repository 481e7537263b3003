from run_length import compression_ratio, decode, encode, encode_compact, encode_limited, longest_run


def _raises(func, *args):
    try:
        func(*args)
    except ValueError:
        return True
    return False


def test_encode_full_form():
    assert encode("") == ""
    assert encode("a") == "1a"
    assert encode("aaabcc") == "3a1b2c"
    assert encode("aabaa") == "2a1b2a"
    assert encode("x" * 12) == "12x"
    assert encode("  !") == "2 1!"


def test_encode_rejects_digits():
    assert _raises(encode, "ab1")
    assert _raises(encode, "9")
    assert _raises(encode, "0zz")
    try:
        encode("ab7c")
    except ValueError as error:
        assert str(error) == "digits cannot be encoded: 7"
    assert encode("az:/") == "1a1z1:1/"


def test_encode_compact_threshold():
    assert encode_compact("aaabcc", 2) == "3ab2c"
    assert encode_compact("aaabcc", 3) == "3abcc"
    assert encode_compact("abc", 1) == "1a1b1c"
    assert encode_compact("", 2) == ""
    assert _raises(encode_compact, "aa5", 2)


def test_encode_limited_splits_long_runs():
    assert encode_limited("a" * 12, 9) == "9a3a"
    assert encode_limited("aaa", 3) == "3a"
    assert encode_limited("aab", 1) == "1a1a1b"
    assert encode_limited("aaab", 2) == "2a1a1b"
    assert encode_limited("abbbbbb", 3) == "1a3b3b"
    assert _raises(encode_limited, "aaa", 0)
    assert _raises(encode_limited, "a1", 3)


def test_decode_all_forms():
    assert decode("3a1b2c") == "aaabcc"
    assert decode("3ab2c") == "aaabcc"
    assert decode("12x") == "x" * 12
    assert decode("a10b") == "a" + "b" * 10
    assert decode("") == ""
    assert decode("9a3a") == "a" * 12


def test_decode_errors():
    assert _raises(decode, "3")
    assert _raises(decode, "2a4")
    assert _raises(decode, "0a")
    assert _raises(decode, "b00a")


def test_round_trips():
    for text in ["", "z", "hello  world", "aaaabbbcca", "mississippi"]:
        assert decode(encode(text)) == text
        assert decode(encode_compact(text, 2)) == text
        assert decode(encode_limited(text, 2)) == text


def test_compression_ratio():
    assert compression_ratio("") == 1.0
    assert compression_ratio("aaaa") == 0.5
    assert compression_ratio("abc") == 2.0
    assert compression_ratio("aaaaaab") == 0.571


def test_longest_run():
    assert longest_run("abbbcdddd") == ("d", 4)
    assert longest_run("aabb") == ("a", 2)
    assert longest_run("abccc") == ("c", 3)
    assert longest_run("") == ("", 0)
