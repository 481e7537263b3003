"""Every fault operator and SPM on real files laid out as code in the wild is: without a final
newline, with CRLF line endings, indented with tabs or two spaces, with one-line bodies.

Hypothesis picks a program (built-in, or from ConDefects-dev where the shared data is present)
and a combination of layouts; the properties are those of the corpus-wide invariants: faults
change exactly their fault lines, SPM variants keep the fault's code on the fault lines,
everything parses, and Java compiles.
"""

from __future__ import annotations

import re

import libcst as cst
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.syntax import parse_java, syntax_error
from flipbench.execution.java_tools import compile_units
from flipbench.model import Program
from flipbench.mutators.faults import OPERATORS, inject, sample_faults
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spms import SPMS, NotApplicable, mutate

from faultkit import diff_allows
from spmkit import keeps_fault_code
from wildkit import condefects_programs, shared_corpora

CONDEFECTS = shared_corpora() / "condefects-dev"
PROGRAMS = list(builtin_corpus().programs()) + (
    [p for p in condefects_programs(CONDEFECTS) if p.line_count <= 300] if CONDEFECTS.is_dir() else [])
_PYTHON_BLOCKS = (cst.If, cst.Else, cst.For, cst.While, cst.With, cst.FunctionDef, cst.ClassDef, cst.Try,
                  cst.ExceptHandler, cst.Finally)
_JAVA_BLOCK_OWNERS = ("if_statement", "for_statement", "enhanced_for_statement", "while_statement",
                      "method_declaration", "constructor_declaration")
_JAVA_BRACELESS = _JAVA_BLOCK_OWNERS[:4]
"""Owners whose one-statement block loses its braces (``if (c) return x;``); methods keep theirs."""


def _spliced(data: bytes, splices: list[Splice]) -> str:
    for splice in sorted(splices, reverse=True):
        data = data[:splice.start] + splice.text + data[splice.end:]
    return data.decode("utf-8")


def one_line_bodies(language: str, source: str) -> str:
    """Blocks of one single-line statement joined onto their header: ``if x: return y``,
    ``if (c) return y;``, ``int f() { return y; }``."""
    data = source.encode("utf-8")
    splices = []
    if language == "python":
        tree = PythonTree.parse(source)
        for node in tree.parents:
            body = getattr(node, "body", None)
            if not isinstance(node, _PYTHON_BLOCKS) or not isinstance(body, cst.IndentedBlock) or len(body.body) != 1:
                continue
            statement = body.body[0]
            line = tree.line(statement)
            if not isinstance(statement, cst.SimpleStatementLine) or statement.leading_lines \
                    or body.header.comment is not None or tree.positions[statement].end.line != line:
                continue
            header_end = tree.text.line_starts[line - 1] - 1
            if data[header_end - 1:header_end] == b"\r":
                header_end -= 1
            if data[header_end - 1:header_end] == b":":
                splices.append(Splice(header_end, tree.span(statement)[0], b" "))
        return _spliced(data, splices)
    root = parse_java(data).root_node
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        statements = node.named_children
        if node.type != "block" or node.parent is None or node.parent.type not in _JAVA_BLOCK_OWNERS \
                or len(statements) != 1 or statements[0].type.endswith("comment"):
            continue
        statement = statements[0]
        if statement.start_point[0] != statement.end_point[0] or statement.start_point[0] != node.start_point[0] + 1 \
                or node.end_point[0] != statement.end_point[0] + 1:
            continue
        if node.parent.type in _JAVA_BRACELESS and statement.type not in ("local_variable_declaration", "if_statement"):
            splices.append(Splice(node.start_byte, node.end_byte, data[statement.start_byte:statement.end_byte]))
        else:
            splices.append(Splice(node.start_byte + 1, statement.start_byte, b" "))
            splices.append(Splice(statement.end_byte, node.end_byte - 1, b" "))
    return _spliced(data, splices)


def reindented(source: str, unit: str) -> str:
    """Every four spaces of leading indentation become ``unit``."""
    return re.sub(r"(?m)^((?:    )+)", lambda match: unit * (len(match.group(1)) // 4), source)


LAYOUTS = ("one-line bodies", "tabs", "two spaces", "CRLF", "no final newline")


def laid_out(program: Program, layouts: frozenset[str]) -> str:
    source = program.source
    if "one-line bodies" in layouts:
        source = one_line_bodies(program.language, source)
    if "tabs" in layouts:
        source = reindented(source, "\t")
    elif "two spaces" in layouts:
        source = reindented(source, "  ")
    if "CRLF" in layouts:
        source = source.replace("\n", "\r\n")
    if "no final newline" in layouts:
        source = source.rstrip("\r\n")
    return source


@st.composite
def programs_in_the_wild(draw) -> Program:
    """A built-in program laid out with a combination of the layouts (one at least), still parsing."""
    program = draw(st.sampled_from(PROGRAMS))
    layouts = draw(st.frozensets(st.sampled_from(LAYOUTS), min_size=1))
    source = laid_out(program, layouts)
    assume(source != program.source and syntax_error(program.language, source) is None)
    return Program(f"{program.name} ({', '.join(sorted(layouts))})", program.language, source, program.spec,
                   program.filename, program.provenance, program.tests)


def _compile_errors(program: Program, sources: list[str]) -> list[str]:
    """javac's errors for the sources made from ``program`` (none to look for where it does not compile itself)."""
    if program.language != "java":
        return []
    original, *results = compile_units([{program.filename: source} for source in [program.source, *sources]])
    return [r.errors for r in results if not r.ok] if original.ok else []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(programs_in_the_wild())
def test_faults_of_a_relaid_file_change_exactly_their_fault_lines_and_compile(program):
    faults = list(inject(program))
    assert faults
    for faulty in faults:
        assert diff_allows(program.source, faulty.source, faulty.fault_lines), (faulty.fault, faulty.edit)
        assert syntax_error(program.language, faulty.source) is None, (faulty.fault, faulty.edit)
    sample = [f for operator in OPERATORS for f in sample_faults([f for f in faults if f.fault == operator], limit=1)]
    assert _compile_errors(program, [f.source for f in sample]) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(programs_in_the_wild(), st.sampled_from(list(OPERATORS)), st.integers(0, 2**16))
def test_every_spm_on_a_relaid_file_parses_compiles_and_keeps_the_fault_code(program, operator, seed):
    faults = list(inject(program, [operator]))
    assume(faults)
    [faulty] = sample_faults(faults, seed=seed, limit=1)
    variants = []
    for spm in SPMS:
        for strength in (1, 8, 64):  # 64: nearly every site of a small file, its last line included
            try:
                variant, _ = mutate(faulty, [spm], strength=strength, seed=seed)
            except NotApplicable:
                continue
            assert syntax_error(program.language, variant.source) is None, (spm, strength)
            assert keeps_fault_code(spm, faulty, variant), (spm, strength, faulty.fault_lines, variant.fault_lines)
            variants.append(variant.source)
    assert variants
    assert _compile_errors(program, [faulty.source, *variants]) == []
