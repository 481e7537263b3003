"""A trie (prefix tree) of words with frequency-ranked autocomplete and deletion."""


class _Node:
    def __init__(self):
        self.children = {}
        self.terminal = False
        self.count = 0


class Trie:
    def __init__(self):
        self.root = _Node()
        self.size = 0

    def __len__(self):
        return self.size

    def insert(self, word):
        """Add a word; inserting it again raises its frequency."""
        if not word:
            raise ValueError("cannot insert an empty word")
        node = self.root
        for ch in word:
            if ch not in node.children:
                node.children[ch] = _Node()
            node = node.children[ch]
        if not node.terminal:
            node.terminal = True
            self.size += 1
        node.count += 1

    def _find(self, prefix):
        node = self.root
        i = 0
        while i < len(prefix):
            node = node.children.get(prefix[i])
            if node is None:
                return None
            i += 1
        return node

    def search(self, word):
        node = self._find(word)
        return node is not None and node.terminal

    def starts_with(self, prefix):
        return self._find(prefix) is not None

    def frequency(self, word):
        node = self._find(word)
        if node is None or not node.terminal:
            return 0
        return node.count

    def _collect(self, node, path, out):
        """Append (word, count) for every word below node, in alphabetical order."""
        if node.terminal:
            out.append((path, node.count))
        for ch in sorted(node.children):
            self._collect(node.children[ch], path + ch, out)

    def count_prefix(self, prefix):
        node = self._find(prefix)
        if node is None:
            return 0
        found = []
        self._collect(node, prefix, found)
        return len(found)

    def autocomplete(self, prefix, limit):
        """Up to limit words starting with prefix, most frequent first, then alphabetical."""
        node = self._find(prefix)
        if node is None or limit <= 0:
            return []
        found = []
        self._collect(node, prefix, found)
        found.sort(key=lambda item: (-item[1], item[0]))
        return [word for word, _ in found[:limit]]

    def _delete(self, node, word, i):
        """Remove word[i:] below node; True when node itself can be pruned."""
        if i == len(word):
            node.terminal = False
            node.count = 0
            return len(node.children) == 0
        child = node.children[word[i]]
        if self._delete(child, word, i + 1):
            del node.children[word[i]]
        return not node.terminal and len(node.children) == 0

    def delete(self, word):
        """Remove a word and any branches left without words; False if absent."""
        if not word or not self.search(word):
            return False
        self._delete(self.root, word, 0)
        self.size -= 1
        return True

    def longest_common_prefix(self):
        """The prefix shared by all words."""
        prefix = ""
        node = self.root
        while len(node.children) == 1 and not node.terminal:
            ch = next(iter(node.children))
            prefix += ch
            node = node.children[ch]
        return prefix
