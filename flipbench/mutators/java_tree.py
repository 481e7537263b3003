"""A parsed Java source for mutators: the tree-sitter tree, node lookup, local type evidence,
and a fast validity check for a splice.

Java edits must compile, but mutators never run javac: they avoid type errors with the
evidence the tree itself gives (literals, declared types of locals, parameters, fields and
same-class methods). Unknown stays unknown, and callers skip an edit they cannot justify.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

import tree_sitter

from flipbench.corpora import first_java_error, java_parser, modifier_words
from flipbench.mutators.source_text import SourceText, Splice, UnparseableSource

NUMERIC_TYPES = frozenset({"byte", "short", "int", "long", "float", "double", "char",
                           "Byte", "Short", "Integer", "Long", "Float", "Double", "Character"})
INTEGER_LITERALS = frozenset({"decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
                              "binary_integer_literal"})
MEMBER_TYPES = frozenset({"method_declaration", "constructor_declaration", "field_declaration",
                          "compact_constructor_declaration", "static_initializer", "block"})
CALLABLE_TYPES = ("method_declaration", "constructor_declaration", "lambda_expression",
                  "compact_constructor_declaration", "static_initializer", "class_body")
_NUMERIC_METHODS = frozenset({"size", "length", "indexOf", "lastIndexOf", "compareTo", "compare", "hashCode",
                              "ordinal", "intValue", "longValue", "doubleValue", "floatValue", "charAt",
                              "parseInt", "parseLong", "parseDouble", "bitCount", "signum", "codePointAt"})
_STRING_METHODS = frozenset({"toString", "substring", "trim", "strip", "toUpperCase", "toLowerCase", "repeat",
                             "replace", "replaceAll", "concat", "format", "join", "name"})
_MEMBER_WRAPPER = (b"class FlipbenchCheck {\n", b"\n}\n")
_STATEMENT_WRAPPER = (b"class FlipbenchCheck { void flipbenchCheck() {\n", b"\n} }\n")
_ARGUMENTS_WRAPPER = (b"class FlipbenchCheck { Object flipbenchCheck = flipbenchCheck(\n", b"\n); }\n")
PREFETCHED_TYPES = frozenset({
    "argument_list", "array_access", "binary_expression", "block", "break_statement", "catch_formal_parameter",
    "decimal_integer_literal", "do_statement", "enhanced_for_statement", "expression_statement", "false",
    "field_declaration", "for_statement", "formal_parameter", "identifier", "if_statement",
    "local_variable_declaration", "method_declaration", "method_invocation", "return_statement",
    "spread_parameter", "ternary_expression", "true", "while_statement"})
"""Node types the fault operators and type evidence ask for, indexed together on the first request."""
_COMMENTS = ("line_comment", "block_comment")


@cache
def _query(types: tuple[str, ...]) -> tree_sitter.Query:
    return tree_sitter.Query(java_parser().language, " ".join(f"({kind}) @{kind}" for kind in types))


@dataclass(frozen=True)
class CheckUnit:
    """Bytes ``start:end`` of the source, which parse inside ``wrapper`` in the grammar context they
    have in the file: a block's statement, a class member, or a run of call arguments."""

    start: int
    end: int
    wrapper: tuple[bytes, bytes]


def _argument_run(arguments: tree_sitter.Node, start: int, end: int) -> CheckUnit | None:
    """The arguments of a call from the one holding ``start`` to the one holding ``end``, if the
    splice lies within them (not on the parentheses or a comma around them)."""
    first = arguments.first_named_child_for_byte(start)
    last = arguments.first_named_child_for_byte(max(start, end - 1))
    if first is None or last is None or first.type in _COMMENTS or last.type in _COMMENTS \
            or not (first.start_byte <= start and end <= last.end_byte):
        return None
    return CheckUnit(first.start_byte, last.end_byte, _ARGUMENTS_WRAPPER)


def _descends_from(node: tree_sitter.Node, ancestor: tree_sitter.Node) -> bool:
    """For a node with the same bytes as ``ancestor``: whether it is that node or below it (not above)."""
    key = node_key(ancestor)
    while node is not None and node.start_byte == ancestor.start_byte and node.end_byte == ancestor.end_byte:
        if node_key(node) == key:
            return True
        node = node.parent
    return False


def node_key(node: tree_sitter.Node) -> tuple[int, int, str]:
    """Nodes are re-created on every access; this identifies one across accesses."""
    return node.start_byte, node.end_byte, node.type


@dataclass(eq=False)
class JavaTree:
    text: SourceText
    tree: tree_sitter.Tree
    _declarations: dict = field(default_factory=dict, repr=False)
    _indexes: dict = field(default_factory=dict, repr=False)
    _by_type: dict = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, source: str | bytes) -> JavaTree:
        text = SourceText(source)
        tree = java_parser().parse(text.data)
        error = first_java_error(tree)
        if error is not None:
            line, column = error.start_point
            raise UnparseableSource(f"not valid Java: line {line + 1}, column {column + 1}: "
                                    f"{'missing ' + error.type if error.is_missing else 'unexpected syntax'}")
        return cls(text, tree)

    @property
    def root(self) -> tree_sitter.Node:
        return self.tree.root_node

    def nodes(self, *types: str, within: tree_sitter.Node | None = None) -> list[tree_sitter.Node]:
        """Every node of the given types, in document order; with ``within``, those in its subtree
        (itself included). One query per set of types and tree: operators ask again and again
        about small subtrees of large files."""
        found, starts = self._index(tuple(sorted(types)))
        if within is None:
            return list(found)
        low = bisect_left(starts, within.start_byte)
        high = bisect_left(starts, within.end_byte, low)
        return [node for node in found[low:high] if node.end_byte <= within.end_byte
                and (node.start_byte != within.start_byte or node.end_byte != within.end_byte
                     or _descends_from(node, within))]

    def _index(self, types: tuple[str, ...]) -> tuple[list[tree_sitter.Node], list[int]]:
        """The nodes of ``types`` in document order, and their start bytes."""
        if types not in self._indexes:
            missing = {kind for kind in types if kind not in self._by_type}
            if missing:
                # One query for many types costs about what a query for one does: ask for the
                # types mutators commonly need along with the first request.
                wanted = tuple(sorted(missing if self._by_type else missing | PREFETCHED_TYPES))
                captures = tree_sitter.QueryCursor(_query(wanted)).captures(self.root)
                for kind in wanted:
                    self._by_type[kind] = captures.get(kind, [])
            found = sorted((node for kind in types for node in self._by_type[kind]),
                           key=lambda node: (node.start_byte, -node.end_byte))
            self._indexes[types] = (found, [node.start_byte for node in found])
        return self._indexes[types]

    def code(self, node: tree_sitter.Node) -> str:
        return self.text.data[node.start_byte:node.end_byte].decode("utf-8")

    def replace(self, node: tree_sitter.Node, text: str) -> Splice:
        return Splice(node.start_byte, node.end_byte, text.encode("utf-8"))

    def line(self, node: tree_sitter.Node) -> int:
        return node.start_point[0] + 1

    @staticmethod
    def enclosing(node: tree_sitter.Node, *types: str) -> tree_sitter.Node | None:
        current = node.parent
        while current is not None and current.type not in types:
            current = current.parent
        return current

    def callable_of(self, node: tree_sitter.Node) -> tree_sitter.Node | None:
        """The method, constructor or lambda whose body holds ``node`` (None at class level)."""
        found = self.enclosing(node, *CALLABLE_TYPES)
        return None if found is None or found.type == "class_body" else found

    def starts_line(self, node: tree_sitter.Node) -> bool:
        """Only whitespace precedes the node on its first line."""
        start = self.text.line_starts[node.start_point[0]]
        return not self.text.data[start:node.start_byte].strip()

    def ends_line(self, node: tree_sitter.Node) -> bool:
        """Only whitespace follows the node on its last line."""
        end = self.text.data.find(b"\n", node.end_byte)
        return not self.text.data[node.end_byte:end if end != -1 else len(self.text.data)].strip()

    def last_line(self, node: tree_sitter.Node) -> int:
        return node.end_point[0] + 1

    # -- validity ---------------------------------------------------------------------------

    def accepts(self, splice: Splice) -> bool:
        """Whether the source still parses with ``splice`` applied.

        Reparses only the smallest unit around the edit that parses on its own in a wrapper
        giving it the same grammar context (a run of call arguments, a statement of a block, a
        class member); the whole file only when there is none. A whole-file reparse of a
        40K-line file for every variant would be far too slow, and so would a member holding a
        3,000-argument call for every swap of two of its arguments.
        """
        for unit in self._units_around(splice):
            if self._parses_alone(unit):
                head, tail = unit.wrapper
                data = self.text.data
                return _parses(b"".join((head, data[unit.start:splice.start], splice.text,
                                         data[splice.end:unit.end], tail)))
        return _parses(self.text.apply(splice))

    @cache  # noqa: B019 - one tree, a bounded number of units
    def _parses_alone(self, unit: CheckUnit) -> bool:
        """Whether the unparsed unit is clean in its wrapper (else the wrapper is no faithful context)."""
        head, tail = unit.wrapper
        return _parses(head + self.text.data[unit.start:unit.end] + tail)

    def _units_around(self, splice: Splice) -> Iterator[CheckUnit]:
        """Units holding the whole splice, smallest first."""
        start, end = splice.start, splice.end
        node = self.root.descendant_for_byte_range(start, max(start, end))
        while node is not None and node.parent is not None:
            parent = node.parent
            if node.type == "argument_list":
                run = _argument_run(node, start, end)
                if run is not None:
                    yield run
            if node.start_byte <= start and end <= node.end_byte:
                if parent.type == "block" and node.is_named and not node.is_extra:
                    yield CheckUnit(node.start_byte, node.end_byte, _STATEMENT_WRAPPER)
                elif parent.type == "class_body" and node.type in MEMBER_TYPES:
                    yield CheckUnit(node.start_byte, node.end_byte, _MEMBER_WRAPPER)
            node = parent

    # -- type evidence ----------------------------------------------------------------------

    @cached_property
    def final_fields(self) -> frozenset[str]:
        """Names of the ``final`` fields declared anywhere in the file (must stay assigned)."""
        return frozenset(self.code(declarator.child_by_field_name("name"))
                         for field in self.nodes("field_declaration") if "final" in modifier_words(field)
                         for declarator in field.children_by_field_name("declarator"))

    @cached_property
    def blank_final_fields(self) -> frozenset[str]:
        """Names of the ``final`` fields declared without a value: constructors must assign them
        before reading them by their simple name."""
        return frozenset(self.code(declarator.child_by_field_name("name"))
                         for field in self.nodes("field_declaration") if "final" in modifier_words(field)
                         for declarator in field.children_by_field_name("declarator")
                         if declarator.child_by_field_name("value") is None)

    @cached_property
    def declared_names(self) -> frozenset[str]:
        """Names of every variable, parameter and field the file declares."""
        return frozenset(name for name, _ in self._variable_declarations)

    @cached_property
    def declared_final_names(self) -> frozenset[str]:
        """Names of the variables and fields declared ``final`` somewhere in the file."""
        return frozenset(name for name, final in self._variable_declarations if final)

    @cached_property
    def _variable_declarations(self) -> tuple[tuple[str, bool], ...]:
        found = []
        for node in self.nodes("local_variable_declaration", "field_declaration", "formal_parameter",
                               "catch_formal_parameter", "enhanced_for_statement", "spread_parameter"):
            final = "final" in modifier_words(node)
            if node.type in ("local_variable_declaration", "field_declaration"):
                names = [d.child_by_field_name("name") for d in node.children_by_field_name("declarator")]
            elif node.type == "spread_parameter":
                names = [d.child_by_field_name("name") for d in node.named_children if d.type == "variable_declarator"]
            else:
                names = [node.child_by_field_name("name")]
            found.extend((self.code(name), final) for name in names if name is not None)
        return tuple(found)

    def declared_type(self, name: str, at: tree_sitter.Node) -> str | None:
        """The declared type of a variable visible at ``at``; None when unknown or ambiguous."""
        scope = self.callable_of(at)
        while scope is not None:
            types = self._declared_in(scope).get(name)
            if types is not None:
                return next(iter(types)) if len(types) == 1 else None
            scope = self.callable_of(scope)
        cls = self.enclosing(at, "class_body", "enum_body", "interface_body", "record_declaration")
        while cls is not None:
            types = self._declared_in(cls).get(name)
            if types is not None:
                return next(iter(types)) if len(types) == 1 else None
            cls = self.enclosing(cls, "class_body", "enum_body", "interface_body", "record_declaration")
        return None

    def _declared_in(self, scope: tree_sitter.Node) -> dict[str, set[str]]:
        """Declared types by name in one scope. A ``var`` local's type is inferred from its
        initializer only once the scope's table is cached: the initializer may read the scope's
        other locals (``var k = m + 1``), and looking them up in a table still being built
        would build it again, endlessly."""
        key = node_key(scope)
        if key not in self._declarations:
            inferred: list[tuple[str, tree_sitter.Node | None]] = []
            self._declarations[key] = self._collect_declarations(scope, inferred)
            for name, value in inferred:  # in source order: a `var` may read an earlier `var`
                type_text = self.expression_type(value) if value is not None else None
                self._declarations[key].setdefault(name, set()).add(type_text or "?")
        return self._declarations[key]

    def _collect_declarations(self, scope: tree_sitter.Node,
                              inferred: list[tuple[str, tree_sitter.Node | None]]) -> dict[str, set[str]]:
        """Explicitly typed declarations of ``scope``; ``var`` locals go to ``inferred`` with their initializers."""
        declared: dict[str, set[str]] = {}

        def add(name_node, type_text: str) -> None:
            if name_node is not None:
                declared.setdefault(self.code(name_node), set()).add(type_text)

        if scope.type in ("class_body", "enum_body", "interface_body", "record_declaration"):
            members = scope.named_children if scope.type != "record_declaration" else []
            for member in members:
                if member.type in ("field_declaration", "constant_declaration"):
                    base = self.code(member.child_by_field_name("type"))
                    for declarator in member.children_by_field_name("declarator"):
                        add(declarator.child_by_field_name("name"), base + self._dims(declarator))
                elif member.type == "method_declaration":
                    declared.setdefault("()" + self.code(member.child_by_field_name("name")), set()).add(
                        self.code(member.child_by_field_name("type")))
            if scope.type == "record_declaration":
                for parameter in scope.child_by_field_name("parameters").named_children:
                    add(parameter.child_by_field_name("name"), self.code(parameter.child_by_field_name("type")))
            return declared
        for node in self.nodes("formal_parameter", "spread_parameter", "local_variable_declaration",
                               "enhanced_for_statement", "catch_formal_parameter", within=scope):
            if self.callable_of(node) is not None and node_key(self.callable_of(node)) != node_key(scope):
                continue  # belongs to a nested lambda or method
            kind = node.child_by_field_name("type")
            if node.type == "local_variable_declaration":
                base = self.code(kind)
                for declarator in node.children_by_field_name("declarator"):
                    name = declarator.child_by_field_name("name")
                    if base == "var" and name is not None:
                        inferred.append((self.code(name), declarator.child_by_field_name("value")))
                    else:
                        add(name, base + self._dims(declarator))
            elif node.type == "catch_formal_parameter":
                add(node.child_by_field_name("name"), "Throwable")
            elif node.type == "spread_parameter":
                declarator = next((c for c in node.named_children if c.type == "variable_declarator"), None)
                if declarator is not None and kind is None:
                    kind = node.named_children[0] if node.named_children else None
                if declarator is not None and kind is not None:
                    add(declarator.child_by_field_name("name"), self.code(kind) + "[]")
            else:
                dimensions = node.child_by_field_name("dimensions")
                add(node.child_by_field_name("name"),
                    self.code(kind) + (self.code(dimensions) if dimensions is not None else ""))
        return declared

    def _dims(self, declarator: tree_sitter.Node) -> str:
        dimensions = declarator.child_by_field_name("dimensions")
        return self.code(dimensions).replace(" ", "") if dimensions is not None else ""

    def method_return_type(self, name: str, at: tree_sitter.Node) -> str | None:
        cls = self.enclosing(at, "class_body", "enum_body", "interface_body")
        if cls is None:
            return None
        types = self._declared_in(cls).get("()" + name)
        return next(iter(types)) if types is not None and len(types) == 1 else None

    def expression_type(self, node: tree_sitter.Node) -> str | None:
        """The static type of a simple expression, from local evidence; None when unknown."""
        kind = node.type
        if kind in INTEGER_LITERALS:
            return "long" if self.code(node).lower().endswith("l") else "int"
        if kind == "decimal_floating_point_literal":
            return "float" if self.code(node).lower().endswith("f") else "double"
        if kind == "character_literal":
            return "char"
        if kind in ("true", "false"):
            return "boolean"
        if kind == "string_literal":
            return "String"
        if kind == "parenthesized_expression":
            return self.expression_type(node.named_children[0]) if node.named_children else None
        if kind == "identifier":
            declared = self.declared_type(self.code(node), node)
            return None if declared == "?" else declared
        if kind == "field_access":
            obj, name = node.child_by_field_name("object"), self.code(node.child_by_field_name("field"))
            if obj is not None and obj.type == "this":
                return self.declared_type(name, node)
            if name == "length" and (self.expression_type(obj) or "").endswith("]"):
                return "int"
            return None
        if kind == "array_access":
            array = self.expression_type(node.child_by_field_name("array"))
            return array[:-2] if array and array.endswith("[]") else None
        if kind == "cast_expression":
            return self.code(node.child_by_field_name("type"))
        if kind == "unary_expression":
            operator = node.child_by_field_name("operator").type
            operand = self.expression_type(node.child_by_field_name("operand"))
            return "boolean" if operator == "!" else _promote(operand, operand)
        if kind == "update_expression":
            return self.expression_type(node.named_children[0]) if node.named_children else None
        if kind == "binary_expression":
            return self._binary_type(node)
        if kind == "method_invocation":
            return self._call_type(node)
        if kind == "ternary_expression":
            left = self.expression_type(node.child_by_field_name("consequence"))
            return left if left == self.expression_type(node.child_by_field_name("alternative")) else None
        if kind == "object_creation_expression":
            return self.code(node.child_by_field_name("type"))
        return None

    def _binary_type(self, node: tree_sitter.Node) -> str | None:
        operator = node.child_by_field_name("operator").type
        if operator in ("<", "<=", ">", ">=", "==", "!=", "&&", "||", "instanceof"):
            return "boolean"
        left = self.expression_type(node.child_by_field_name("left"))
        right = self.expression_type(node.child_by_field_name("right"))
        if operator == "+" and "String" in (left, right):
            return "String"
        return _promote(left, right)

    def _call_type(self, node: tree_sitter.Node) -> str | None:
        name = self.code(node.child_by_field_name("name"))
        obj = node.child_by_field_name("object")
        if obj is None or obj.type == "this":
            return self.method_return_type(name, node)
        if self.code(obj) == "Math" and name not in ("random",):
            arguments = [self.expression_type(a) for a in node.child_by_field_name("arguments").named_children]
            if name in ("abs", "max", "min") and arguments and all(a == arguments[0] for a in arguments):
                return arguments[0]
            return "double" if name not in ("round", "floorDiv", "floorMod", "toIntExact") else "long"
        if self.code(obj) == "String" and name in ("valueOf", "format", "join"):
            return "String"
        if name in _NUMERIC_METHODS:
            return "char" if name == "charAt" else "int"
        if name in _STRING_METHODS:
            return "String"
        return None

    def is_string(self, node: tree_sitter.Node) -> bool:
        return self.expression_type(node) == "String"

    def is_numeric(self, node: tree_sitter.Node) -> bool:
        return self.expression_type(node) in NUMERIC_TYPES


def _promote(left: str | None, right: str | None) -> str | None:
    """Binary numeric promotion (JLS 5.6.2) of two known numeric types."""
    if left not in NUMERIC_TYPES or right not in NUMERIC_TYPES:
        return None
    unboxed = {"Byte": "byte", "Short": "short", "Integer": "int", "Long": "long", "Float": "float",
               "Double": "double", "Character": "char"}
    kinds = {unboxed.get(left, left), unboxed.get(right, right)}
    for wide in ("double", "float", "long"):
        if wide in kinds:
            return wide
    return "int"


def _parses(data: bytes) -> bool:
    return not java_parser().parse(data).root_node.has_error


# -- scope and reachability (JLS 6.3, 14.22), as local evidence ---------------------------------

def can_complete_normally(tree: JavaTree, statement: tree_sitter.Node) -> bool:
    """JLS 14.22 read for code appended after ``statement``: True only when it surely can complete
    normally, so that javac accepts a statement after it; False when it cannot or when local
    evidence cannot tell (a loop whose condition may be a constant, an exhaustive ``switch``)."""
    kind = statement.type
    if kind in _SIMPLE_STATEMENTS:
        return True
    if kind == "block":
        statements = [c for c in statement.named_children if c.type not in _COMMENTS]
        return not statements or can_complete_normally(tree, statements[-1])
    if kind == "if_statement":
        alternative = statement.child_by_field_name("alternative")
        return alternative is None or can_complete_normally(tree, statement.child_by_field_name("consequence")) \
            or can_complete_normally(tree, alternative)
    if kind in ("while_statement", "for_statement"):
        condition = statement.child_by_field_name("condition")
        return condition is not None and not _maybe_constant(tree, condition) or _breaks_out_of(tree, statement)
    if kind == "do_statement":
        condition = statement.child_by_field_name("condition")
        return _breaks_out_of(tree, statement) or not _maybe_constant(tree, condition) and (
            can_complete_normally(tree, statement.child_by_field_name("body"))
            or any(_jumps_to(tree, jump, statement) for jump in tree.nodes("continue_statement", within=statement)))
    if kind == "enhanced_for_statement":
        return True
    if kind == "labeled_statement":
        return can_complete_normally(tree, statement.named_children[-1]) or _breaks_out_of(tree, statement)
    if kind == "synchronized_statement":
        return can_complete_normally(tree, statement.named_children[-1])
    if kind in ("try_statement", "try_with_resources_statement"):
        finally_clause = next((c for c in statement.named_children if c.type == "finally_clause"), None)
        if finally_clause is not None and not can_complete_normally(tree, finally_clause.named_children[-1]):
            return False
        blocks = [statement.child_by_field_name("body")] + [c.child_by_field_name("body") or c.named_children[-1]
                                                            for c in statement.named_children if c.type == "catch_clause"]
        return any(block is not None and can_complete_normally(tree, block) for block in blocks)
    if kind == "switch_expression":
        return _switch_completes_normally(tree, statement)
    return False


_SIMPLE_STATEMENTS = frozenset({
    "expression_statement", "local_variable_declaration", "assert_statement", "empty_statement", ";",
    "explicit_constructor_invocation", "class_declaration", "record_declaration", "enum_declaration",
    "interface_declaration", "local_class_declaration"})
_BREAK_TARGETS = ("for_statement", "enhanced_for_statement", "while_statement", "do_statement", "switch_expression")
_JUMP_BARRIERS = ("lambda_expression", "class_body", "method_declaration", "constructor_declaration")


def _switch_completes_normally(tree: JavaTree, switch: tree_sitter.Node) -> bool:
    """JLS 14.11.3 for the switches local evidence can read: no ``default`` (and no patterns), a
    ``break`` out of it, an old-style last group or an arrow rule that completes normally."""
    block = switch.child_by_field_name("body")
    if block is None or _breaks_out_of(tree, switch):
        return block is not None
    labels = tree.nodes("switch_label", within=block)
    if any(label.named_children and label.named_children[0].type.endswith("pattern") for label in labels):
        return False  # an enhanced switch must be exhaustive: its rules decide
    if not any(tree.code(label).startswith("default") for label in labels):
        return True
    groups = [c for c in block.named_children if c.type not in _COMMENTS]
    if not groups:
        return True
    if groups[0].type == "switch_rule":
        return any(body.type == "expression_statement" or body.type == "block" and can_complete_normally(tree, body)
                   for rule in groups for body in rule.named_children[-1:])
    statements = [c for c in groups[-1].named_children if c.type not in _COMMENTS and c.type != "switch_label"]
    return not statements or can_complete_normally(tree, statements[-1])


def _breaks_out_of(tree: JavaTree, statement: tree_sitter.Node) -> bool:
    """Whether a ``break`` inside ``statement`` leaves it (javac rejects unreachable ones, so any is reachable)."""
    return any(_jumps_to(tree, jump, statement) for jump in tree.nodes("break_statement", within=statement))


def _jumps_to(tree: JavaTree, jump: tree_sitter.Node, statement: tree_sitter.Node) -> bool:
    """Whether a ``break``/``continue`` targets ``statement`` (a loop, switch or labeled statement)."""
    label = jump.named_children[0] if jump.named_children else None
    if label is not None:
        target = statement if statement.type == "labeled_statement" else statement.parent
        return target is not None and target.type == "labeled_statement" \
            and tree.code(target.named_children[0]) == tree.code(label) and node_key(target) in {
                node_key(n) for n in _ancestors(jump)}
    loops = _BREAK_TARGETS if jump.type == "break_statement" else _BREAK_TARGETS[:4]
    for ancestor in _ancestors(jump):
        if ancestor.type in _JUMP_BARRIERS:
            return False
        if ancestor.type in loops:
            return node_key(ancestor) == node_key(statement)
    return False


def _ancestors(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    current = node.parent
    while current is not None:
        yield current
        current = current.parent


_NEVER_CONSTANT = ("method_invocation", "object_creation_expression", "array_access", "assignment_expression",
                   "update_expression", "instanceof_expression", "this", "array_creation_expression",
                   "lambda_expression", "method_reference")


def _maybe_constant(tree: JavaTree, expression: tree_sitter.Node) -> bool:
    """Whether an expression might be a compile-time constant (JLS 15.29), which javac evaluates
    for reachability: True unless it calls, creates, indexes or assigns, or reads a variable this
    file declares without ``final`` (a constant variable must be final)."""
    if tree.nodes(*_NEVER_CONSTANT, within=expression):
        return False
    finals = tree.declared_final_names
    names = {tree.code(identifier) for identifier in read_identifiers(tree, expression)}
    return not any(name in tree.declared_names and name not in finals for name in names)


def names_available(tree: JavaTree, expression: tree_sitter.Node, method: tree_sitter.Node, offset: int) -> bool:
    """Every local the expression reads is declared with a value before ``offset``, in a block around it."""
    locals_by_name: dict[str, list[tree_sitter.Node]] = {}
    for declaration in tree.nodes("local_variable_declaration", "enhanced_for_statement", "catch_formal_parameter",
                                  "resource", "instanceof_expression", "type_pattern", within=method):
        if declaration.type == "local_variable_declaration":
            names = [d.child_by_field_name("name") for d in declaration.children_by_field_name("declarator")]
        elif declaration.type == "type_pattern":
            names = [c for c in declaration.named_children[-1:] if c.type == "identifier"]
        else:
            names = [declaration.child_by_field_name("name")]
        for name in names:
            if name is not None:
                locals_by_name.setdefault(tree.code(name), []).append(declaration)
    for identifier in read_identifiers(tree, expression):
        declarations = locals_by_name.get(tree.code(identifier))
        if declarations is None:
            continue  # a parameter, field or type: visible everywhere in the method
        if not any(declaration_covers(tree, declaration, offset) for declaration in declarations):
            return False
    return True


def declaration_covers(tree: JavaTree, declaration: tree_sitter.Node, offset: int, *, assigned: bool = True) -> bool:
    """Whether a declaration is in scope at ``offset`` (and, with ``assigned``, initialised where declared).

    A pattern variable (``o instanceof String s``) is never taken to be: its scope follows the
    flow of the conditions around it, beyond what this reads.
    """
    if declaration.type in ("instanceof_expression", "type_pattern"):
        return False
    if declaration.type == "resource":  # in scope in the try block (and the later resources)
        body = declaration.parent.parent.child_by_field_name("body")
        return body is not None and body.start_byte <= offset < body.end_byte
    if declaration.type == "local_variable_declaration":
        if declaration.end_byte > offset:
            return False
        if assigned and not all(d.child_by_field_name("value") is not None
                                for d in declaration.children_by_field_name("declarator")):
            return False
        scope = declaration.parent
        if scope.type == "for_statement":
            body = scope.child_by_field_name("body")
            return body.start_byte <= offset < body.end_byte
        return scope.start_byte <= offset < scope.end_byte
    scope = declaration.child_by_field_name("body") if declaration.type == "enhanced_for_statement" \
        else declaration.parent.child_by_field_name("body")
    return scope is not None and scope.start_byte <= offset < scope.end_byte


def read_identifiers(tree: JavaTree, expression: tree_sitter.Node) -> list[tree_sitter.Node]:
    """Identifiers used as variables: not method names, field names after a dot, or lambda parameters."""
    found = []
    for identifier in tree.nodes("identifier", within=expression):
        parent = identifier.parent
        if parent.type == "method_invocation" and node_key(parent.child_by_field_name("name")) == node_key(identifier):
            continue
        if parent.type == "field_access" and node_key(parent.child_by_field_name("field")) == node_key(identifier):
            continue
        found.append(identifier)
    if expression.type == "identifier":
        found.append(expression)
    return found
