"""The one way a source is parsed for mutation: a ``PythonTree`` (libcst) or a ``JavaTree`` (tree-sitter).

Trees are never modified (edits are splices of the text), so faults and every SPM variant of one
source share a parse; the cache holds the few most recent.
"""

from __future__ import annotations

from functools import lru_cache

from flipbench.model import Language
from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.python_tree import PythonTree


@lru_cache(maxsize=16)
def parse_tree(language: Language, source: str) -> PythonTree | JavaTree:
    """Raises UnparseableSource with the reason."""
    return PythonTree.parse(source) if language == "python" else JavaTree.parse(source)
