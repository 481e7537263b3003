"""A parsed Python source for mutators: the libcst tree plus byte spans of its nodes.

libcst finds *what* to change (with scope and parent metadata); edits are then spliced into
the original bytes, so formatting, comments and every untouched line stay exactly as they were.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cached_property

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from flipbench.mutators.source_text import SourceText, Splice, UnparseableSource


def python_syntax_error(source: str | bytes) -> str | None:
    """None if the interpreter compiles ``source``, else the reason (the gate every Python edit passes)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(source, "<variant>", "exec", dont_inherit=True)
        except SyntaxError as error:
            return f"line {error.lineno}: {error.msg}"
        except (ValueError, RecursionError, MemoryError) as error:
            return f"{type(error).__name__}: {error}"
    return None


@dataclass(frozen=True)
class PythonTree:
    text: SourceText
    wrapper: MetadataWrapper

    @classmethod
    def parse(cls, source: str) -> PythonTree:
        reason = python_syntax_error(source)
        if reason is None:
            try:
                module = cst.parse_module(source)
            except cst.ParserSyntaxError as error:
                reason = f"line {error.raw_line}: {error.message}"
            else:
                return cls(SourceText(source), MetadataWrapper(module, unsafe_skip_copy=True))
        raise UnparseableSource(f"not valid Python 3: {reason}")

    @property
    def module(self) -> cst.Module:
        return self.wrapper.module

    @cached_property
    def positions(self):
        return self.wrapper.resolve(PositionProvider)

    @cached_property
    def parents(self) -> dict[cst.CSTNode, cst.CSTNode]:
        """Each node's parent (a plain walk: several times faster than libcst's ParentNodeProvider)."""
        parents: dict[cst.CSTNode, cst.CSTNode] = {}
        stack: list[cst.CSTNode] = [self.module]
        while stack:
            node = stack.pop()
            for child in node.children:
                parents[child] = node
                stack.append(child)
        return parents

    def span(self, node: cst.CSTNode) -> tuple[int, int]:
        """Byte offsets of a node's own text (no surrounding whitespace or comments)."""
        code_range = self.positions[node]
        return (self.text.offset(code_range.start.line, code_range.start.column),
                self.text.offset(code_range.end.line, code_range.end.column))

    def outer_span(self, node: cst.CSTNode) -> tuple[int, int]:
        """Byte offsets of a node *with* its own parentheses, which libcst's positions leave out."""
        start, end = self.span(node)
        data = self.text.data
        for _ in getattr(node, "lpar", ()):
            start = data.rindex(b"(", 0, start)
        for _ in getattr(node, "rpar", ()):
            end = data.index(b")", end) + 1
        return start, end

    def code(self, node: cst.CSTNode, *, outer: bool = False) -> str:
        """The node's source text; with ``outer``, including its own parentheses."""
        start, end = self.outer_span(node) if outer else self.span(node)
        return self.text.data[start:end].decode("utf-8")

    def line(self, node: cst.CSTNode) -> int:
        return self.positions[node].start.line

    def replace(self, node: cst.CSTNode, text: str, *, outer: bool = False) -> Splice:
        """Replace the node's text (with ``outer``, its parentheses too)."""
        start, end = self.outer_span(node) if outer else self.span(node)
        return Splice(start, end, text.encode("utf-8"))

    def starts_line(self, node: cst.CSTNode) -> bool:
        """Whether only indentation precedes the node on its first line (so a line can go above it)."""
        start = self.positions[node].start
        return start.column == len(self.text.indentation(start.line).decode("utf-8"))

    def insert_line_before(self, node: cst.CSTNode, statement: str) -> Splice:
        """A new line holding ``statement`` above ``node``, at ``node``'s indentation."""
        line = self.positions[node].start.line
        offset = self.text.line_starts[line - 1]
        return Splice(offset, offset, self.text.indentation(line) + statement.encode("utf-8") + self.text.newline)

    @cached_property
    def _compile_units(self) -> list[tuple[int, int]]:
        """Line ranges that compile on their own: top-level statements and the outermost ``def``s in them,
        smallest first (an inner function needs its outer one for ``nonlocal``)."""
        units = [(self.positions[statement].start.line, self.positions[statement].end.line)
                 for statement in self.module.body]
        pending: list[cst.CSTNode] = [node for node in self.module.body if not isinstance(node, cst.FunctionDef)]
        while pending:
            node = pending.pop()
            for child in node.children:
                if isinstance(child, cst.FunctionDef):
                    units.append((self.positions[child].start.line, self.positions[child].end.line))
                elif not isinstance(child, cst.Lambda):
                    pending.append(child)
        return sorted(units, key=lambda unit: unit[1] - unit[0])

    @cached_property
    def _future_imports(self) -> bytes:
        lines = [self.code(statement) for statement in self.module.body
                 if isinstance(statement, cst.SimpleStatementLine)
                 and any(isinstance(small, cst.ImportFrom) and isinstance(small.module, cst.Name)
                         and small.module.value == "__future__" for small in statement.body)]
        return "".join(line + "\n" for line in lines).encode("utf-8")

    def accepts(self, splice: Splice) -> bool:
        """Whether the source still compiles with ``splice`` applied.

        Compiles only the smallest self-contained unit around the edit (an outermost ``def``,
        under a synthetic ``class`` header when indented, or a top-level statement) with the
        file's ``__future__`` imports: the same verdict as compiling the file, far cheaper.
        """
        first, last = self.text.line_of(splice.start), self.text.line_of(max(splice.start, splice.end - 1))
        unit = next(((top, bottom) for top, bottom in self._compile_units if top <= first and last <= bottom), None)
        starts = self.text.line_starts
        if unit is None or splice.end > (starts[unit[1]] if unit[1] < len(starts) else len(self.text.data)):
            return python_syntax_error(self.text.apply(splice)) is None
        begin = starts[unit[0] - 1]
        end = starts[unit[1]] if unit[1] < len(starts) else len(self.text.data)
        edited = self.text.data[begin:splice.start] + splice.text + self.text.data[splice.end:end]
        header = b"class FlipbenchCheck:\n" if self.text.indentation(unit[0]) else b""
        return python_syntax_error(self._future_imports + header + edited) is None

    def delete_lines(self, node: cst.CSTNode) -> Splice:
        """Remove the whole lines ``node`` spans (the caller checks nothing else is on them)."""
        code_range = self.positions[node]
        starts = self.text.line_starts
        end = starts[code_range.end.line] if code_range.end.line < len(starts) else len(self.text.data)
        return Splice(starts[code_range.start.line - 1], end, b"")

    def enclosing(self, node: cst.CSTNode, *types: type) -> cst.CSTNode | None:
        current = self.parents.get(node)
        while current is not None and not isinstance(current, types):
            current = self.parents.get(current)
        return current
