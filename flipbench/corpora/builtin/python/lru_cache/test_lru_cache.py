from lru_cache import LRUCache, replay


def test_get_refreshes_and_put_evicts_oldest():
    cache = LRUCache(2)
    assert cache.put("a", 1) is None
    assert cache.put("b", 2) is None
    assert cache.get("a", -1) == 1
    assert cache.put("c", 3) == "b"
    assert cache.keys() == ["c", "a"]
    assert cache.get("b", -1) == -1
    assert (cache.hits, cache.misses, cache.evictions) == (1, 1, 1)


def test_update_existing_key_does_not_evict():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.put("a", 10) is None
    assert cache.keys() == ["a", "b"]
    assert len(cache) == 2
    assert cache.put("c", 3) == "b"
    assert cache.peek("a") == 10
    assert cache.evictions == 1


def test_peek_leaves_recency_and_statistics_alone():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.peek("a") == 1
    assert cache.peek("z") is None
    assert cache.put("c", 3) == "a"
    assert (cache.hits, cache.misses) == (0, 0)


def test_delete_unlinks_entry():
    cache = LRUCache(3)
    for key in ["a", "b", "c"]:
        cache.put(key, key.upper())
    cache.get("a", None)
    assert cache.keys() == ["a", "c", "b"]
    assert cache.delete("c") is True
    assert cache.delete("c") is False
    assert cache.keys() == ["a", "b"]
    assert len(cache) == 2
    assert cache.put("d", "D") is None
    assert cache.put("e", "E") == "b"
    assert cache.keys() == ["e", "d", "a"]
    assert cache.delete("a") is True
    assert cache.keys() == ["e", "d"]


def test_capacity_one_and_invalid_capacity():
    cache = LRUCache(1)
    cache.put("a", 1)
    assert cache.put("b", 2) == "a"
    assert cache.get("a", 0) == 0
    assert cache.get("b", 0) == 2
    assert len(cache) == 1
    try:
        LRUCache(0)
    except ValueError:
        return
    raise AssertionError("capacity 0 must be rejected")


def test_resize_evicts_least_recent():
    cache = LRUCache(4)
    for key in ["a", "b", "c", "d"]:
        cache.put(key, 0)
    cache.get("a", None)
    assert cache.keys() == ["a", "d", "c", "b"]
    assert cache.resize(2) == ["b", "c"]
    assert cache.keys() == ["a", "d"]
    assert cache.evictions == 2
    assert cache.resize(2) == []
    assert cache.resize(3) == []
    assert cache.put("x", 0) is None
    assert len(cache) == 3
    assert cache.resize(1) == ["d", "a"]
    assert cache.keys() == ["x"]
    try:
        cache.resize(0)
    except ValueError:
        assert cache.capacity == 1
        return
    raise AssertionError("capacity 0 must be rejected")


def test_hit_rate():
    cache = LRUCache(2)
    assert cache.hit_rate() == 0.0
    cache.put("a", 1)
    cache.get("x", None)
    cache.get("a", None)
    cache.get("y", None)
    assert cache.hit_rate() == 33.3
    cache.get("a", None)
    cache.get("a", None)
    cache.get("a", None)
    assert cache.hit_rate() == 66.7


def test_replay_counts():
    assert replay(2, [1, 2, 1, 3, 2, 1]) == (1, 5, 3)
    assert replay(3, [1, 2, 1, 3, 2, 1]) == (3, 3, 0)
    assert replay(1, [7, 7, 8, 7]) == (1, 3, 2)
    assert replay(2, []) == (0, 0, 0)
