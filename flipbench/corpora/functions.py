"""The function or method that holds a line: what *function-level* accuracy checks an answer against.

Models often find the right function and miss the line; the report counts an answer as correct at
function level when its first predicted line lies in a function that holds a fault line. Spans are
computed when a subject is made (its source parses by then) and stored with it, so analysis never
parses code.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Iterator

from flipbench.corpora.syntax import parse_java
from flipbench.model import Language, Span

JAVA_CALLABLES = frozenset({"method_declaration", "constructor_declaration", "compact_constructor_declaration",
                            "static_initializer"})


def fault_function_spans(language: Language, source: str, lines: Iterable[int]) -> tuple[Span, ...]:
    """The innermost function (Python: ``def``, decorators included; Java: method, constructor or static
    initializer, annotations included) around each of ``lines``, sorted and without repeats. A line
    outside every function (module level, a field) contributes nothing; a source that does not parse
    gives no spans."""
    spans = _python_spans(source) if language == "python" else _java_spans(source)
    found = {_innermost(spans, line) for line in lines}
    return tuple(sorted(span for span in found if span is not None))


def _innermost(spans: list[Span], line: int) -> Span | None:
    holding = [span for span in spans if span[0] <= line <= span[1]]
    return min(holding, key=lambda span: span[1] - span[0]) if holding else None


def _python_spans(source: str) -> list[Span]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError):
            return []
    return [(min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)]), node.end_lineno or node.lineno)
            for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def _java_spans(source: str) -> list[Span]:
    return [(node.start_point[0] + 1, node.end_point[0] + 1) for node in _java_nodes(parse_java(source).root_node)]


def _java_nodes(root) -> Iterator:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in JAVA_CALLABLES:
            yield node
        stack.extend(node.children)
