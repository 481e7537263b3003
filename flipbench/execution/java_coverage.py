"""Per-test line coverage for Java by source instrumentation (no agent, any JDK, any sandbox).

Before every statement of a block a call ``FlipbenchCoverage.hit(LINE);`` is inserted on the
statement's own line, so no line moves and the program's line numbers are the coverage's. A
statement that is the un-braced body of an ``if``/loop is wrapped as ``{hit(LINE); stmt}``. The
probe class is generated into the program's package; flipbench's runner drains it after each
test. Explicit constructor calls (``this(...)``/``super(...)``) must come first and are not probed.
"""

from __future__ import annotations

import tree_sitter

from flipbench.corpora import parse_java

PROBE_CLASS = "FlipbenchCoverage"
PROBE_FILE = f"{PROBE_CLASS}.java"
_BLOCKS = frozenset({"block", "constructor_body", "switch_block_statement_group"})
_NOT_PROBED = frozenset({"line_comment", "block_comment", "explicit_constructor_invocation", "class_declaration",
                         "interface_declaration", "enum_declaration", "record_declaration", "switch_label",
                         "annotation_type_declaration", "{", "}", ":", "->"})
_BODY_FIELDS = {"if_statement": ("consequence", "alternative"), "for_statement": ("body",),
                "enhanced_for_statement": ("body",), "while_statement": ("body",), "do_statement": ("body",)}


def probe_source(package: str | None) -> str:
    """The probe class, in the program's package."""
    header = f"package {package}; " if package else ""
    return (header + f"public final class {PROBE_CLASS} {{\n"
            "    private static final java.util.BitSet LINES = new java.util.BitSet();\n"
            f"    private {PROBE_CLASS}() {{}}\n"
            "    public static void hit(int line) { synchronized (LINES) { LINES.set(line); } }\n"
            "    public static int[] drain() {\n"
            "        synchronized (LINES) { int[] lines = LINES.stream().toArray(); LINES.clear(); return lines; }\n"
            "    }\n"
            "}\n")


def instrument(source: str) -> str:
    """``source`` with a probe before every statement; line numbers unchanged."""
    data = source.encode("utf-8")
    insertions: list[tuple[int, bytes]] = []
    stack: list[tree_sitter.Node] = [parse_java(data).root_node]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type in _BLOCKS:
            insertions.extend((child.start_byte, _hit(child)) for child in node.named_children
                              if child.type not in _NOT_PROBED)
        for field_name in _BODY_FIELDS.get(node.type, ()):
            body = node.child_by_field_name(field_name)
            if body is not None and body.type != "block":
                insertions += [(body.start_byte, b"{" + _hit(body)), (body.end_byte, b"}")]
    # back to front; where a body's closing brace meets the next statement's probe, the brace goes first
    for offset, text in sorted(insertions, key=lambda insertion: (insertion[0], insertion[1] != b"}"), reverse=True):
        data = data[:offset] + text + data[offset:]
    return data.decode("utf-8")


def _hit(node: tree_sitter.Node) -> bytes:
    return f"{PROBE_CLASS}.hit({node.start_point[0] + 1});".encode()
