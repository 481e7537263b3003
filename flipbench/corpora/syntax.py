"""Parsing each corpus language, and saying precisely why a source does not parse.

Python validity is decided by the running interpreter's own ``compile()`` (the ground truth for
"is this Python 3"); Java by tree-sitter-java, which reports ERROR and MISSING nodes. The Java
parser lives here so that every part of flipbench parses Java the same way.
"""

from __future__ import annotations

import warnings
from functools import cache, lru_cache

import tree_sitter
import tree_sitter_java

from flipbench.model import Language


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
        return _java_facts(source)[0]
    raise ValueError(f"unknown language {language!r}")


def default_filename(language: Language, source: str) -> str:
    """The file a source must be saved as: Java needs its public type's name, Python any module name."""
    if language == "python":
        return "program.py"
    return f"{_java_facts(source)[1] or 'Main'}.java"


@lru_cache(maxsize=4096)
def _java_facts(source: str) -> tuple[str | None, str | None]:
    """(syntax error, primary type name) from one parse: importing a corpus needs both of every file."""
    tree = parse_java(source)
    node = first_java_error(tree)
    error = None
    if node is not None:
        line, column = node.start_point
        what = f"missing {node.type}" if node.is_missing else "unexpected syntax"
        error = f"line {line + 1}, column {column + 1}: {what}"
    declarations = [
        node for node in tree.root_node.named_children
        if node.type in ("class_declaration", "interface_declaration", "enum_declaration", "record_declaration")
    ]
    public = [node for node in declarations if "public" in modifier_words(node)]
    primary = (public or declarations or [None])[0]
    return error, primary.child_by_field_name("name").text.decode("utf-8") if primary is not None else None


def modifier_words(node: tree_sitter.Node) -> set[str]:
    """A declaration's modifiers (``public``, ``static``, ``final``, ...) as a set of words."""
    modifiers = next((child for child in node.children if child.type == "modifiers"), None)
    return {child.type for child in modifiers.children} if modifiers is not None else set()
