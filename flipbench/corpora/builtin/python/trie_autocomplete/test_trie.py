from trie import Trie


def _sample():
    trie = Trie()
    for word in ["car", "card", "care", "cart", "cat", "dog", "do", "car", "cat", "cat"]:
        trie.insert(word)
    return trie


def test_insert_counts_distinct_words():
    trie = _sample()
    assert len(trie) == 7
    assert trie.frequency("cat") == 3
    assert trie.frequency("car") == 2
    assert trie.frequency("dog") == 1
    assert trie.frequency("ca") == 0
    assert trie.frequency("cats") == 0
    try:
        trie.insert("")
    except ValueError:
        assert len(trie) == 7
        return
    raise AssertionError("empty word accepted")


def test_search_needs_whole_word():
    trie = _sample()
    assert trie.search("car") is True
    assert trie.search("do") is True
    assert trie.search("ca") is False
    assert trie.search("cards") is False
    assert trie.search("d") is False
    assert trie.search("") is False


def test_starts_with():
    trie = _sample()
    assert trie.starts_with("ca") is True
    assert trie.starts_with("cart") is True
    assert trie.starts_with("cab") is False
    assert trie.starts_with("dogs") is False
    assert trie.starts_with("") is True


def test_count_prefix():
    trie = _sample()
    assert trie.count_prefix("car") == 4
    assert trie.count_prefix("ca") == 5
    assert trie.count_prefix("d") == 2
    assert trie.count_prefix("") == 7
    assert trie.count_prefix("x") == 0


def test_autocomplete_ranks_by_frequency_then_alphabet():
    trie = _sample()
    assert trie.autocomplete("ca", 3) == ["cat", "car", "card"]
    assert trie.autocomplete("ca", 10) == ["cat", "car", "card", "care", "cart"]
    assert trie.autocomplete("ca", 1) == ["cat"]
    assert trie.autocomplete("ca", 0) == []
    assert trie.autocomplete("ca", -1) == []
    assert trie.autocomplete("do", 5) == ["do", "dog"]
    assert trie.autocomplete("car", 2) == ["car", "card"]
    assert trie.autocomplete("z", 5) == []


def test_delete_keeps_longer_words():
    trie = _sample()
    assert trie.delete("car") is True
    assert trie.search("car") is False
    assert trie.search("card") is True
    assert trie.frequency("car") == 0
    assert len(trie) == 6
    assert trie.count_prefix("car") == 3
    assert trie.delete("car") is False
    assert trie.delete("ca") is False
    assert trie.delete("") is False
    assert trie.delete("cards") is False
    assert len(trie) == 6
    trie.insert("car")
    assert trie.frequency("car") == 1
    assert len(trie) == 7


def test_delete_prunes_empty_branches():
    trie = _sample()
    assert trie.delete("dog") is True
    assert trie.search("do") is True
    assert trie.starts_with("dog") is False
    assert trie.delete("do") is True
    assert trie.starts_with("d") is False
    assert sorted(trie.root.children) == ["c"]
    assert trie.delete("cart") is True
    assert trie.starts_with("cart") is False
    assert trie.starts_with("car") is True
    trie.insert("cart")
    assert trie.frequency("cart") == 1


def test_delete_prefix_word_keeps_branch():
    trie = Trie()
    trie.insert("ab")
    trie.insert("abcd")
    assert trie.delete("abcd") is True
    assert trie.starts_with("abc") is False
    assert trie.search("ab") is True
    assert trie.delete("ab") is True
    assert trie.root.children == {}
    assert len(trie) == 0


def test_longest_common_prefix():
    trie = Trie()
    assert trie.longest_common_prefix() == ""
    for word in ["flower", "flow", "flight"]:
        trie.insert(word)
    assert trie.longest_common_prefix() == "fl"
    single = Trie()
    single.insert("abc")
    assert single.longest_common_prefix() == "abc"
    nested = Trie()
    nested.insert("abc")
    nested.insert("ab")
    assert nested.longest_common_prefix() == "ab"
    assert _sample().longest_common_prefix() == ""
