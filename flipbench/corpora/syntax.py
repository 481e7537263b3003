"""Parsing each corpus language, and saying precisely why a source does not parse.

Python validity is decided by the running interpreter's own ``compile()`` (the ground truth for
"is this Python 3"); Java by tree-sitter-java, which reports ERROR and MISSING nodes. The Java
parser lives here so that every part of flipbench parses Java the same way.
"""

from __future__ import annotations

import warnings
from functools import cache

import tree_sitter
import tree_sitter_java

from flipbench.corpora.model import Language


@cache
def java_parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_java.language()))


def parse_java(source: str | bytes) -> tree_sitter.Tree:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return java_parser().parse(data)


def first_java_error(tree: tree_sitter.Tree) -> tree_sitter.Node | None:
    """The first ERROR or MISSING node in document order, or None for a clean tree."""
    if not tree.root_node.has_error:
        return None
    cursor = [tree.root_node]
    while cursor:
        node = cursor.pop()
        if node.is_error or node.is_missing:
            return node
        if node.has_error:
            cursor.extend(reversed(node.children))
    return tree.root_node


def syntax_error(language: Language, source: str, filename: str = "<program>") -> str | None:
    """None if ``source`` parses, else a one-line reason with the line where parsing failed."""
    if not source.strip():
        return "empty source"
    if language == "python":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                compile(source, filename, "exec", dont_inherit=True)
            except SyntaxError as error:
                return f"line {error.lineno}: {error.msg} (not valid Python 3)"
            except (ValueError, RecursionError, MemoryError) as error:
                return f"does not compile: {type(error).__name__}: {error}"
        return None
    if language == "java":
        node = first_java_error(parse_java(source))
        if node is None:
            return None
        line, column = node.start_point
        what = f"missing {node.type}" if node.is_missing else "unexpected syntax"
        return f"line {line + 1}, column {column + 1}: {what}"
    raise ValueError(f"unknown language {language!r}")
