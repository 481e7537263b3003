"""A least-recently-used cache with a fixed capacity and hit/miss statistics."""


class _Node:
    """One entry of the recency list."""

    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None


class LRUCache:
    """Maps keys to values, evicting the least recently used key when full.

    Entries live in a doubly linked list between two sentinels: the most recently
    used entry sits right after the head, the least recently used right before the tail.
    """

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.hits = 0
        self.misses = 0
        self.evictions = 0
        self._index = {}
        self._head = _Node(None, None)
        self._tail = _Node(None, None)
        self._head.next = self._tail
        self._tail.prev = self._head

    def __len__(self):
        return len(self._index)

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node):
        node.prev = self._head
        node.next = self._head.next
        self._head.next.prev = node
        self._head.next = node

    def _evict_oldest(self):
        oldest = self._tail.prev
        self._unlink(oldest)
        del self._index[oldest.key]
        self.evictions += 1
        return oldest.key

    def get(self, key, default):
        """Value for key (marking it most recently used), or default on a miss."""
        node = self._index.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def peek(self, key):
        """Value for key without touching recency or statistics; None when absent."""
        node = self._index.get(key)
        return None if node is None else node.value

    def put(self, key, value):
        """Insert or update key; returns the evicted key, or None if nothing was evicted."""
        node = self._index.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return None
        evicted = None
        if len(self._index) >= self.capacity:
            evicted = self._evict_oldest()
        node = _Node(key, value)
        self._index[key] = node
        self._push_front(node)
        return evicted

    def delete(self, key):
        """Remove key; True if it was present."""
        node = self._index.pop(key, None)
        if node is None:
            return False
        self._unlink(node)
        return True

    def keys(self):
        """Keys from most to least recently used."""
        result = []
        node = self._head.next
        while node is not self._tail:
            result.append(node.key)
            node = node.next
        return result

    def resize(self, capacity):
        """Change the capacity, evicting old entries if needed; returns evicted keys."""
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        evicted = []
        while len(self._index) > capacity:
            evicted.append(self._evict_oldest())
        return evicted

    def hit_rate(self):
        """Percentage of lookups that were hits, rounded to one decimal."""
        total = self.hits + self.misses
        if total == 0:
            return 0.0
        return round(100 * self.hits / total, 1)


def replay(capacity, requests):
    """Run a sequence of lookups through a cache, loading each miss.

    Returns (hits, misses, evictions) for the whole sequence.
    """
    cache = LRUCache(capacity)
    for i in range(len(requests)):
        key = requests[i]
        if cache.get(key, None) is None:
            cache.put(key, i)
    return cache.hits, cache.misses, cache.evictions
