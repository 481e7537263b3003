"""Helpers for SPM tests: apply an SPM chain to a snippet treated as a faulty program, and check
that a variant still holds its fault's code on its fault lines."""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from functools import lru_cache

from flipbench.corpora.syntax import parse_java
from flipbench.model import FaultyProgram, TestSuite, Variant
from flipbench.mutators.spms import mutate

from faultkit import snippet

RENAMING = ("misleading_names", "rename_functions")
RESTRUCTURING = ("loop_rewrite", "swap_if_else")


def apply(language: str, source: str, chain: str, *, strength: int = 1, seed: int = 0, fault_lines=(1,),
          fault: str = "", placement: str = "random", content=None, tests: str | None = None):
    program = snippet(language, source)
    if tests is not None:
        from dataclasses import replace

        program = replace(program, tests=TestSuite(tests, "test_snippet.py" if language == "python" else "BoxTest.java"))
    faulty = FaultyProgram(program, fault, tuple(fault_lines), None, 0.0, source)
    return mutate(faulty, chain.split("+"), strength=strength, seed=seed, placement=placement, content=content)


def line(variant, number: int) -> str:
    return variant.source.split("\n")[number - 1]


def tokens_on(language: str, source: str, lines: tuple[int, ...]) -> list[str]:
    """The code tokens (no comments, no layout) that start on the given lines, from a real tokenizer."""
    wanted = set(lines)
    return [text for line, text in _tokens(language, source) if line in wanted]


@lru_cache(maxsize=8)
def _tokens(language: str, source: str) -> tuple[tuple[int, str], ...]:
    """(line, text) of every code token in source order."""
    if language == "python":
        skip = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
        return tuple((t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
                     if t.type not in skip)
    tokens, stack = [], [parse_java(source).root_node]
    while stack:
        node = stack.pop()
        if node.type in ("line_comment", "block_comment"):
            continue
        if node.child_count == 0 or node.type == "string_literal":
            tokens.append((node.start_byte, node.start_point[0] + 1, node.text.decode()))
            continue
        stack.extend(node.children)
    return tuple((line, text) for _, line, text in sorted(tokens))


def renames(variant: Variant) -> set[tuple[str, str]]:
    """(old, new) name pairs of every rename in the variant (renames are per function, so one old
    name may have several new ones)."""
    return {pair for edit in variant.edits for pair in re.findall(r"(\w+) -> (\w+)", edit.description)}


def keeps_fault_code(spm: str, faulty: FaultyProgram, variant: Variant) -> bool:
    """Whether a one-SPM variant's fault lines hold the code of the faulty program's fault lines."""
    language = faulty.program.language
    if variant.fault_lines != variant.line_map.image(faulty.fault_lines):
        return False
    # line by line, each fault line against where the line map took it: lines that moved apart
    # (the two around a removed statement's gap, in reordered functions) may change their order
    expected = [t for line in faulty.fault_lines for t in tokens_on(language, faulty.source, (line,))]
    found = [t for line in faulty.fault_lines for t in tokens_on(language, variant.source,
                                                                  variant.line_map.image((line,)))]
    if spm in RESTRUCTURING:  # the header is rewritten: its names and values must all still be there
        words = Counter(t for t in expected if re.match(r"\w", t) and t not in ("for", "in", "range", "if", "while"))
        return not words - Counter(found)
    # everything else, reformat included, keeps the code token for token (up to renames, which
    # reach into f-strings: the tokenizer gives one token for a whole f-string)
    renamed = renames(variant) if spm in RENAMING else set()
    return len(found) == len(expected) and all(_same_up_to_renames(old, new, renamed) for old, new in zip(expected, found))


def _same_up_to_renames(old: str, new: str, renamed: set[tuple[str, str]]) -> bool:
    if old == new or (old, new) in renamed:
        return True
    old_words, new_words = re.split(r"(\W+)", old), re.split(r"(\W+)", new)
    return bool(renamed) and len(old_words) == len(new_words) and all(
        a == b or (a, b) in renamed for a, b in zip(old_words, new_words))
