"""Comments: misleading comments, a comment claiming the fault line is correct, and stripping
comments and docstrings; for Python and Java.

A comment goes on its own line above a statement or after a statement that ends its line, never
inside an expression; coding lines and docstrings read through ``__doc__`` are kept."""

from __future__ import annotations

import re
from abc import abstractmethod

import libcst as cst

from flipbench.mutators.content import ContentKind, ContentRequest, validate_comment
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.rewrites import Rewrite, insert_above
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spms.base import Application, Context, Site, Spm
from flipbench.mutators.spms.java_facts import JavaFacts, Node, comments_of
from flipbench.mutators.spms.python_facts import PythonFacts

_MARKERS = {"python": "#", "java": "//"}
_DESCRIPTIONS = {"comment": ("comment above", "comment"), "fault_comment": ("comment above fault", "comment on fault")}


def _comment(context: Context, site: Site, kind: ContentKind, about: str, offset: int | None) -> Application | None:
    """A comment of ``kind`` (content about the code ``about``, validated) on its own line above the site's
    line, or at ``offset`` after the code on it."""
    language, text_of_file = context.language, context.tree.text
    fault = context.fault if kind == "fault_comment" else None
    request = ContentRequest(kind, language, site.key, about, fault)
    text = context.ask(request, lambda comment: validate_comment(comment, language))
    if text is None:
        return None
    marker, (above, after) = _MARKERS[language], _DESCRIPTIONS[kind]
    if offset is None:
        indent = text_of_file.indentation(site.line).decode("utf-8")
        return Application((insert_above(text_of_file, site.line, f"{indent}{marker} {text}".encode()),),
                           f"{above}: {marker} {text}", site.line)
    return Application((Rewrite(Splice(offset, offset, f"  {marker} {text}".encode())),), f"{after}: {marker} {text}",
                       site.line)


class _CommentPlaces(Spm):
    """Where a comment can go, as a language says it: above a statement that starts its own line, and
    after the code of a line where nothing else follows."""

    @abstractmethod
    def statements(self, context: Context) -> list:
        """Statements that start their own line."""

    @abstractmethod
    def end_of(self, context: Context, statement) -> int | None:
        """The offset after ``statement``'s code where ``  # ...`` / ``  // ...`` can go, if any."""


class _MisleadingComments(_CommentPlaces):
    """A comment that plausibly misdescribes the code next to it: on its own line above a statement,
    or at the end of a simple statement's line."""

    not_applicable = "no statement to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in self.statements(context):
            line = tree.line(statement)
            found.append(Site(context.key("above", line), line, (statement, None)))
            offset = self.end_of(context, statement)
            if offset is not None:
                end_line = tree.text.line_of(offset)
                found.append(Site(context.key("end", end_line), end_line, (statement, offset)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        statement, offset = site.payload
        about = context.tree.text.line_bytes(context.tree.line(statement)).decode("utf-8")
        return _comment(context, site, "comment", about, offset)


class _FaultComment(_CommentPlaces):
    """A comment on or above a fault line asserting that the line is correct."""

    not_applicable = "no fault line to comment on"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        ends = {}
        for statement in self.statements(context):
            offset = self.end_of(context, statement)
            if offset is not None:
                ends[tree.text.line_of(offset)] = offset
        for line in context.fault_lines:
            if not tree.text.line_bytes(line).strip():
                continue
            found.append(Site(context.key("fault-above", line), line, None))
            if line in ends:
                found.append(Site(context.key("fault-end", line), line, ends[line]))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        return _comment(context, site, "fault_comment", context.tree.text.line_bytes(site.line).decode(), site.payload)


# -- Python ------------------------------------------------------------------------------------------

_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=]")


def _trailing_comment_site(tree: PythonTree, node: cst.SimpleStatementLine) -> int | None:
    """Offset after a simple statement's code where ``  # ...`` can go, if nothing else is on that line."""
    if node.trailing_whitespace.comment is not None:
        return None
    _, end = tree.span(node)
    line = tree.text.line_of(end)
    rest = tree.text.data[end:tree.text.line_end(line)]
    return end if not rest.strip() else None


class _PythonCommentPlaces(_CommentPlaces):
    def statements(self, context: Context) -> list[cst.BaseStatement]:
        return [statement.node for statement in PythonFacts.of(context).statements]

    def end_of(self, context: Context, statement: cst.BaseStatement) -> int | None:
        if not isinstance(statement, cst.SimpleStatementLine):
            return None
        return _trailing_comment_site(context.tree, statement)


class PythonMisleadingComments(_PythonCommentPlaces, _MisleadingComments):
    pass


class PythonFaultComment(_PythonCommentPlaces, _FaultComment):
    pass


class PythonStripComments(Spm):
    """Comments and docstrings removed (never a coding declaration, never a fault line, never a
    docstring the program reads through ``__doc__``)."""

    not_applicable = "no comment or removable docstring"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        data = tree.text.data
        for node in tree.parents:
            if not isinstance(node, cst.Comment):
                continue
            start, end = tree.span(node)
            line = tree.text.line_of(start)
            if line in context.fault_lines or (line <= 2 and (data.startswith(b"#!", start) or _CODING.match(
                    tree.text.line_bytes(line)))):
                continue
            line_start = tree.text.line_starts[line - 1]
            if not data[line_start:start].strip():
                line_end = tree.text.line_starts[line] if line < len(tree.text.line_starts) else len(data)
                found.append(Site(context.key("comment-line", line), line, Splice(line_start, line_end, b"")))
            else:
                code_end = len(data[:start].rstrip(b" \t"))
                found.append(Site(context.key("comment", line), line, Splice(code_end, end, b"")))
        if "__doc__" not in tree.text.text and "getdoc" not in tree.text.text:
            for body in self._bodies(tree):
                docstring = _docstring(body)
                if docstring is None or len(body) < 2 or not tree.starts_line(docstring):
                    continue
                first, last = tree.positions[docstring].start.line, tree.positions[docstring].end.line
                if any(first <= fault <= last for fault in context.fault_lines):
                    continue
                found.append(Site(context.key("docstring", first), first, tree.delete_lines(docstring)))
        return found

    @staticmethod
    def _bodies(tree: PythonTree):
        yield tree.module.body
        for node in tree.parents:
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and isinstance(node.body, cst.IndentedBlock):
                yield node.body.body

    def rewrite(self, context: Context, site: Site) -> Application | None:
        splice: Splice = site.payload
        removed = context.tree.text.data[splice.start:splice.end].decode("utf-8").strip()
        return Application((Rewrite(splice),), f"removed: {removed[:60]}", site.line)


def _docstring(body) -> cst.SimpleStatementLine | None:
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1 \
            and isinstance(body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, _STRINGS):
        return body[0]
    return None


# -- Java ------------------------------------------------------------------------------------------

SIMPLE_STATEMENTS = ("expression_statement", "local_variable_declaration", "return_statement", "break_statement",
                     "continue_statement", "throw_statement", "yield_statement", "assert_statement")


def _end_of_statement(context: Context, statement: Node) -> int | None:
    """Where `  // ...` can go after a simple statement that ends its line with nothing after it."""
    tree = context.tree
    if statement.type not in SIMPLE_STATEMENTS or not tree.ends_line(statement):
        return None
    last = tree.last_line(statement)
    if tree.line(statement) != last or last in JavaFacts.of(context).comment_lines:
        return None
    return statement.end_byte


class _JavaCommentPlaces(_CommentPlaces):
    def statements(self, context: Context) -> list[Node]:
        return [statement.node for statement in JavaFacts.of(context).statements]

    def end_of(self, context: Context, statement: Node) -> int | None:
        return _end_of_statement(context, statement)


class JavaMisleadingComments(_JavaCommentPlaces, _MisleadingComments):
    pass


class JavaFaultComment(_JavaCommentPlaces, _FaultComment):
    pass


class JavaStripComments(Spm):
    """Comments (javadoc included) removed; never one on a fault line."""

    not_applicable = "no comment"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        data = tree.text.data
        for comment in comments_of(tree):
            first, last = tree.line(comment), tree.last_line(comment)
            if any(first <= fault <= last for fault in context.fault_lines):
                continue
            if tree.starts_line(comment) and tree.ends_line(comment):
                start, end = tree.text.line_span(first, last)
                splice = Splice(start, end, b"")
            elif tree.ends_line(comment) and comment.type == "line_comment":
                splice = Splice(len(data[:comment.start_byte].rstrip(b" \t")), comment.end_byte, b"")
            elif first == last:
                before, after = data[comment.start_byte - 1:comment.start_byte], data[comment.end_byte:comment.end_byte + 1]
                keep_apart = not before.isspace() and not after.isspace() and before and after
                splice = Splice(comment.start_byte, comment.end_byte, b" " if keep_apart else b"")
            else:
                continue
            found.append(Site(context.key("comment", first), first, splice))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        splice: Splice = site.payload
        removed = context.tree.text.data[splice.start:splice.end].decode("utf-8").strip()
        return Application((Rewrite(splice),), f"removed: {removed[:60]}", site.line)
