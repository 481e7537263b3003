"""Where code sits: layout (``reformat``) and the order of definitions (``function_shuffle``); for
Python and Java.

Reordering skips anything whose order could matter: Python definitions whose decorators or defaults
are evaluated with side effects, Java fields and initializer blocks."""

from __future__ import annotations

import libcst as cst

from flipbench.mutators.rewrites import Rewrite, insert_above
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spms.base import Application, Context, Site, Spm
from flipbench.mutators.spms.java_facts import CALLABLES, JavaFacts, Node, brace_layout
from flipbench.mutators.spms.python_facts import PythonFacts


class _Reformat(Spm):
    """Layout only; a site's payload is ``("blank", line)`` for a blank line above ``line``, else a prepared
    rewrite: ``("split", rewrite)`` (arguments over lines) or ``("indent", rewrite)`` (a re-indented body)."""

    def rewrite(self, context: Context, site: Site) -> Application | None:
        kind, detail = site.payload
        if kind == "blank":
            return Application((insert_above(context.tree.text, detail, b""),), "blank line", site.line)
        return Application((detail,), "split arguments over lines" if kind == "split" else "re-indented body",
                           site.line)


def _blank_lines(context: Context, statements: list) -> list[Site]:
    """A blank line above each statement that starts its own line."""
    lines = [context.tree.line(statement) for statement in statements]
    return [Site(context.key("blank", line), line, ("blank", line)) for line in lines]


# -- Python ------------------------------------------------------------------------------------------

class PythonReformat(_Reformat):
    """Layout only: a blank line above a statement, a call's arguments split over lines, or a function
    body re-indented with another width. Moves lines; the line map follows them."""

    not_applicable = "nothing to reformat"

    def sites(self, context: Context) -> list[Site]:
        tree, statements = context.tree, PythonFacts.of(context).statements
        found = _blank_lines(context, [statement.node for statement in statements])
        for statement in statements:
            line = tree.line(statement.node)
            if isinstance(statement.node, cst.FunctionDef):
                rewrite = self._reindent(context, statement.node)
                if rewrite is not None:
                    found.append(Site(context.key("indent", line), line, ("indent", rewrite)))
        for node in tree.parents:
            if isinstance(node, cst.Call) and len(node.args) >= 2:
                rewrite = self._split(context, node)
                if rewrite is not None:
                    line = tree.line(node)
                    found.append(Site(context.key("split", line, tree.positions[node].start.column), line,
                                      ("split", rewrite)))
        return found


    def _split(self, context: Context, call: cst.Call) -> Rewrite | None:
        tree = context.tree
        line = tree.line(call)
        if tree.positions[call].end.line != line or tree.enclosing(call, cst.FormattedString) is not None:
            return None
        statement = tree.enclosing(call, cst.SimpleStatementLine, cst.BaseCompoundStatement)
        if statement is None or tree.positions[statement].start.line != tree.positions[statement].end.line \
                and not isinstance(statement, cst.BaseCompoundStatement):
            return None
        if isinstance(statement, cst.BaseCompoundStatement) and tree.line(statement) != line:
            return None
        if any(tree.code(arg).count("#") for arg in call.args) \
                or line in PythonFacts.of(context).multi_line_string_lines:
            return None
        start, end = tree.span(call)
        open_paren = tree.text.data.index(b"(", tree.span(call.func)[1] if not call.func.rpar else
                                          tree.outer_span(call.func)[1], end)
        line_start = tree.text.line_starts[line - 1]
        line_end = tree.text.line_starts[line] if line < len(tree.text.line_starts) else len(tree.text.data)
        indent = PythonFacts.of(context).indentation(line)
        inner = indent + PythonFacts.of(context).unit
        newline = tree.text.newline.decode()
        arguments = [tree.code(arg.value, outer=True) if not arg.keyword and not arg.star
                     else tree.code(arg).rstrip(", ") for arg in call.args]
        head = tree.text.data[line_start:open_paren + 1].decode("utf-8")
        tail = tree.text.data[end - 1:line_end].decode("utf-8")
        pieces = [head] + [f"{inner}{argument}," for argument in arguments[:-1]] + [f"{inner}{arguments[-1]}",
                                                                                   f"{indent}{tail.rstrip()}"]
        text = newline.join(piece.rstrip() for piece in pieces) + newline
        return Rewrite(Splice(line_start, line_end, text.encode("utf-8")), (tuple(range(len(pieces))),))

    def _reindent(self, context: Context, function: cst.FunctionDef) -> Rewrite | None:
        tree = context.tree
        if not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
            return None
        first_body = tree.line(function.body.body[0]) - len(function.body.body[0].leading_lines)
        last = tree.positions[function].end.line
        strings = PythonFacts.of(context).multi_line_string_lines
        if any(first_body <= line <= last for line in strings):
            return None
        base = PythonFacts.of(context).indentation(tree.line(function))
        body_indent = PythonFacts.of(context).indentation(tree.line(function.body.body[0]))
        unit = len(body_indent) - len(base)
        if "\t" in body_indent or unit <= 0:
            return None
        new_unit = 2 if unit == 4 else 4
        lines = []
        for line in range(first_body, last + 1):
            text = tree.text.line_bytes(line).decode("utf-8")
            stripped = text.lstrip(" ")
            whitespace = len(text) - len(stripped)
            if not stripped.strip() or "\t" in text[:whitespace] or not text.startswith(base):
                lines.append(text)
                continue
            extra = whitespace - len(base)
            level, remainder = divmod(extra, unit)
            lines.append(text if remainder or level == 0 else base + " " * (new_unit * level) + stripped)
        starts = tree.text.line_starts
        end = starts[last] if last < len(starts) else len(tree.text.data)
        newline = "\r\n" if tree.text.newline == b"\r\n" else "\n"
        text = "".join(line.rstrip("\r") + newline for line in lines)
        old = tree.text.data[starts[first_body - 1]:end]
        if not old.endswith(b"\n") or text.encode() == old:
            return None
        return Rewrite(Splice(starts[first_body - 1], end, text.encode("utf-8")))


# -- Java ------------------------------------------------------------------------------------------

class JavaReformat(_Reformat):
    """Layout only: a blank line above a statement or member, a call's arguments split over lines,
    or a method body re-indented with another width."""

    not_applicable = "nothing to reformat"

    def sites(self, context: Context) -> list[Site]:
        tree = context.tree
        found = _blank_lines(context, [statement.node for statement in JavaFacts.of(context).statements])
        text_block_lines = {line for n in tree.nodes("string_literal", "block_comment")
                            for line in range(tree.line(n), tree.last_line(n) + 1) if tree.last_line(n) > tree.line(n)}
        for method in tree.nodes(*CALLABLES):
            rewrite = self._reindent(context, method, text_block_lines)
            if rewrite is not None:
                found.append(Site(context.key("indent", tree.line(method)), tree.line(method), ("indent", rewrite)))
        for arguments in tree.nodes("argument_list"):
            rewrite = self._split(context, arguments, text_block_lines)
            if rewrite is not None:
                line = tree.line(arguments)
                found.append(Site(context.key("split", line, arguments.start_point[1]), line, ("split", rewrite)))
        return found


    def _split(self, context: Context, arguments: Node, skip_lines: set[int]) -> Rewrite | None:
        tree = context.tree
        items = arguments.named_children
        line = tree.line(arguments)
        if len(items) < 2 or tree.last_line(arguments) != line or line in skip_lines \
                or line in JavaFacts.of(context).comment_lines:
            return None
        start, end = tree.text.line_span(line, line)
        if not tree.text.data[start:end].endswith(b"\n"):
            return None
        indent = JavaFacts.of(context).indentation(line)
        inner = indent + JavaFacts.of(context).unit * 2
        newline = tree.text.newline.decode()
        head = tree.text.data[start:arguments.start_byte + 1].decode("utf-8")
        tail = tree.text.data[arguments.end_byte - 1:end].decode("utf-8").rstrip("\r\n")
        pieces = [head.rstrip()] + [f"{inner}{tree.code(item)}," for item in items[:-1]] + \
                 [f"{inner}{tree.code(items[-1])}{tail}"]
        return Rewrite(Splice(start, end, (newline.join(pieces) + newline).encode("utf-8")),
                       (tuple(range(len(pieces))),))

    def _reindent(self, context: Context, method: Node, skip_lines: set[int]) -> Rewrite | None:
        tree = context.tree
        body = method.child_by_field_name("body")
        if body is None or not brace_layout(tree, body):
            return None
        first, last = tree.line(body) + 1, tree.last_line(body) - 1
        if first > last or any(first <= line <= last for line in skip_lines):
            return None
        base = JavaFacts.of(context).indentation(tree.last_line(body))
        unit = len(JavaFacts.of(context).unit)
        if "\t" in base or JavaFacts.of(context).unit == "\t":
            return None
        new_unit = 2 if unit == 4 else 4
        newline = tree.text.newline.decode()
        lines = []
        for line in range(first, last + 1):
            text = tree.text.line_bytes(line).decode("utf-8").rstrip("\r")
            stripped = text.lstrip(" ")
            extra = len(text) - len(stripped) - len(base)
            if not stripped or extra <= 0 or not text.startswith(base):
                lines.append(text)
                continue
            level, remainder = divmod(extra, unit)
            lines.append(base + " " * (new_unit * level + remainder) + stripped)
        start, end = tree.text.line_span(first, last)
        text = "".join(line + newline for line in lines).encode("utf-8")
        return Rewrite(Splice(start, end, text)) if text != tree.text.data[start:end] else None
