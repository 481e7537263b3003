"""What SPMs insert: misleading comments and names, guards for dead code, claims that a line is correct.

By default a seeded, built-in generator writes the content: reproducible, offline, and chosen
with SHA-256 rather than a PRNG, so a site gets the same content whatever else is applied.
External content (the reference study had the model under test write it) comes through the
same :class:`ContentSource` interface and is validated before use; rejected content is reported
with its reason and never inserted.
"""

from __future__ import annotations

import builtins
import json
import keyword
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from flipbench.errors import InputError
from flipbench.model import Language
from flipbench.mutators.sampling import rank

ContentKind = Literal["comment", "name", "function_name", "fault_comment", "dead_code"]

JAVA_RESERVED = frozenset(["abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "when", "module", "open", "exports", "requires"])
PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x00")

# Role words and words for a different role: a name keeps its shape but now claims another job.
ROLE_SWAPS: dict[str, tuple[str, ...]] = {
    "count": ("index", "offset"), "index": ("count", "size"), "idx": ("count", "total"), "total": ("average", "max"),
    "sum": ("product", "mean"), "min": ("max",), "max": ("min",), "minimum": ("maximum",), "maximum": ("minimum",),
    "left": ("right",), "right": ("left",), "start": ("end", "stop"), "end": ("start", "begin"), "begin": ("end",),
    "first": ("last",), "last": ("first",), "low": ("high",), "high": ("low",), "lo": ("hi",), "hi": ("lo",),
    "prev": ("next",), "next": ("prev",), "previous": ("following",), "old": ("new",), "new": ("old",),
    "i": ("j", "n"), "j": ("i", "k"), "k": ("n", "i"), "n": ("i", "k"), "key": ("value",), "value": ("key",),
    "width": ("height",), "height": ("width",), "row": ("col",), "col": ("row",), "rows": ("cols",),
    "cols": ("rows",), "x": ("y",), "y": ("x",), "head": ("tail",), "tail": ("head",), "src": ("dst",),
    "dst": ("src",), "source": ("target",), "target": ("source",), "input": ("output",), "output": ("input",),
    "result": ("ignored", "input"), "size": ("index", "capacity"), "length": ("index", "offset"), "len": ("idx",),
    "top": ("bottom",), "bottom": ("top",), "inner": ("outer",), "outer": ("inner",), "even": ("odd",),
    "odd": ("even",), "valid": ("invalid",), "found": ("missing",), "done": ("pending",), "visited": ("unvisited",),
    "sorted": ("unsorted",), "lower": ("upper",), "upper": ("lower",), "before": ("after",), "after": ("before",),
    "add": ("remove",), "remove": ("add",), "get": ("set",), "set": ("get",), "push": ("pop",), "pop": ("push",),
    "insert": ("delete",), "delete": ("insert",), "encode": ("decode",), "decode": ("encode",), "open": ("close",),
    "close": ("open",), "increment": ("decrement",), "decrement": ("increment",), "load": ("save",),
    "save": ("load",), "parse": ("format",), "format": ("parse",), "find": ("skip",), "is": ("not",),
    "has": ("lacks",), "enable": ("disable",), "read": ("write",), "write": ("read",), "sort": ("shuffle",),
    "merge": ("split",), "split": ("merge",), "empty": ("full",), "full": ("empty",),
    "positive": ("negative",), "negative": ("positive",), "price": ("discount",),
    "item": ("index",), "items": ("indices",), "word": ("letter",), "words": ("letters",), "line": ("column",),
    "char": ("word",), "node": ("edge",), "edge": ("node",), "parent": ("child",), "child": ("parent",),
}
GENERIC_NAMES = ("unused", "backup", "previous", "limit", "offset", "retries", "cached", "expected", "flag",
                 "scratch", "checksum", "deadline")
GENERIC_FUNCTION_NAMES = ("reset_state", "validate_input", "log_event", "clear_cache", "noop", "sort_descending",
                          "format_output", "update_counter", "check_permissions", "flush_buffer")
FAULT_COMMENTS: dict[str, tuple[str, ...]] = {
    "boolean_logic": ("the {and_or} logic here is correct, checked against the spec",
                      "verified: both conditions are combined correctly"),
    "misplaced_return": ("early return is intentional and correct", "verified: returning here is right"),
    "off_by_one": ("bounds verified: no off-by-one here", "the loop bound is correct (covers the last element)"),
    "operator_swap": ("arithmetic verified against the spec", "correct formula, double-checked"),
    "relational_flip": ("comparison verified: the boundary is right", "correct: strict/inclusive as intended"),
    "negated_condition": ("condition verified: this is the right polarity", "correct check, reviewed"),
    "wrong_literal": ("constant verified against the spec", "the value is correct as written"),
    "swapped_arguments": ("argument order verified", "arguments are passed in the right order"),
    "removed_statement": ("nothing is missing here: reviewed", "complete: no further update needed"),
}
GENERAL_FAULT_COMMENTS = ("verified: this line is correct", "reviewed and correct as written",
                          "correct (covered by tests)", "intentional: do not change")
MISLEADING_COMMENTS: dict[str, tuple[str, ...]] = {
    "loop": ("iterate over every element except the last", "walk the items from the end backwards",
             "the loop stops at the first match", "runs one extra time to include the end point",
             "process items two at a time"),
    "condition": ("only true when both checks pass", "true when either check passes",
                  "the boundary value is excluded here", "inclusive bound: equal values pass",
                  "this branch handles the empty case", "never true for valid input"),
    "return": ("returns the input unchanged", "never returns an empty result", "returns -1 on failure",
               "returns a copy, the original is left untouched", "result is sorted in descending order"),
    "arithmetic": ("{name} is decremented here", "subtract the offset before scaling", "this is the average, not the total",
                   "rounds up to the next whole unit", "{name} is converted to a percentage"),
    "assignment": ("{name} is reset to zero here", "{name} always holds the previous value",
                   "{name} is never negative at this point", "cache {name} for the next call", "{name} is 1-based"),
    "call": ("this call has no side effects", "sorts in descending order", "the result of this call is ignored",
             "only called once, at start-up", "validates and raises on bad input"),
    "general": ("already validated by the caller", "fast path, skipped for empty input",
                "safe: the list is never empty here", "legacy behaviour kept for compatibility",
                "the index is 1-based", "this only runs in debug mode"),
}


@dataclass(frozen=True)
class ContentRequest:
    """What an SPM needs written at one site."""

    kind: ContentKind
    language: Language
    key: str
    """The site's stable key: the same site always gets the same built-in content."""
    context: str
    """The code the content is about (a statement, an old name)."""
    fault: str | None = None
    taken: frozenset[str] = frozenset()
    options: tuple[str, ...] = ()
    """Code of the program itself the content may be drawn from (statements for dead code)."""


class ContentSource(Protocol):
    label: str

    def provide(self, request: ContentRequest) -> str | None:
        """The content for a site, or None when this source has nothing for it."""


def pick(seed: int, key: str, options: tuple[str, ...] | list[str]) -> str:
    return options[int.from_bytes(rank(seed, key)[:8], "big") % len(options)]


def words_of(identifier: str) -> list[str]:
    """``maxCount`` and ``max_count`` -> ["max", "count"]."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", identifier)
    return [word.lower() for word in spaced.split("_") if word]


def styled(words: list[str], language: Language) -> str:
    if language == "python":
        return "_".join(words)
    return words[0] + "".join(word.capitalize() for word in words[1:])


@dataclass(frozen=True)
class BuiltinContent:
    """Seeded content written by flipbench itself."""

    seed: int
    label: str = "builtin"

    def provide(self, request: ContentRequest) -> str | None:
        if request.kind == "comment":
            return self._comment(request)
        if request.kind == "dead_code":
            return pick(self.seed, request.key, request.options) if request.options else None
        if request.kind == "fault_comment":
            options = FAULT_COMMENTS.get(request.fault or "", ()) + GENERAL_FAULT_COMMENTS
            text = pick(self.seed, request.key, options)
            return text.format(and_or="and/or" if request.language == "python" else "&&/||")
        return self._name(request)

    def _comment(self, request: ContentRequest) -> str:
        code = request.context.strip()
        construct = _construct(code)
        names = [n for n in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code)
                 if n not in PYTHON_RESERVED and n not in JAVA_RESERVED]
        options = MISLEADING_COMMENTS[construct] + MISLEADING_COMMENTS["general"]
        if not names:
            options = tuple(option for option in options if "{name}" not in option)
        return pick(self.seed, request.key, options).format(name=names[0] if names else "")

    def _name(self, request: ContentRequest) -> str | None:
        language, old = request.language, request.context
        words = words_of(old)
        role_swaps = [styled(words[:index] + [replacement] + words[index + 1:], language)
                      for index, word in enumerate(words) for replacement in ROLE_SWAPS.get(word, ())]
        generic = GENERIC_FUNCTION_NAMES if request.kind == "function_name" else GENERIC_NAMES

        def seeded(names: list[str]) -> list[str]:
            return sorted(dict.fromkeys(names), key=lambda name: rank(self.seed, f"{request.key}\x00{name}"))

        ordered = seeded(role_swaps) + seeded([styled(words_of(name), language) for name in generic])
        for name in ordered:
            if validate_identifier(name, language, request.taken | {old}) is None:
                return name
        for suffix in range(2, 100):
            name = f"{ordered[0]}{suffix}"
            if validate_identifier(name, language, request.taken | {old}) is None:
                return name
        return None


def _construct(code: str) -> str:
    if re.match(r"(for|while)\b", code):
        return "loop"
    if re.match(r"(if|elif|else\s+if)\b", code) or code.startswith("} else if"):
        return "condition"
    if code.startswith("return"):
        return "return"
    if re.search(r"[^=!<>+\-*/%]=[^=]", code) and re.search(r"[+\-*/%]", code.split("=", 1)[1]):
        return "arithmetic"
    if re.search(r"[^=!<>]=[^=]", code):
        return "assignment"
    if "(" in code:
        return "call"
    return "general"


@dataclass(frozen=True)
class ExternalContent:
    """Content supplied from outside (e.g. written by the model under test), read from JSON.

    ``{"comments": [...], "fault_comments": [...], "dead_code": [...], "names": {"old": "new", ...},
    "function_names": {"old": "new", ...}}``: lists are drawn from by seeded choice, mappings
    are looked up by the old name. Missing entries fall back to nothing (the site is skipped).
    """

    comments: tuple[str, ...] = ()
    fault_comments: tuple[str, ...] = ()
    dead_code: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()
    function_names: tuple[tuple[str, str], ...] = ()
    seed: int = 0
    label: str = "external"

    @classmethod
    def load(cls, path: Path, seed: int = 0) -> ExternalContent:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(f"{path}: cannot read content: {error}") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}: content must be a JSON object")
        unknown = set(data) - {"comments", "fault_comments", "dead_code", "names", "function_names"}
        if unknown:
            raise InputError(f"{path}: unknown content field(s) {', '.join(sorted(unknown))}")

        def strings(name: str) -> tuple[str, ...]:
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise InputError(f"{path}: {name!r} must be a list of strings")
            return tuple(value)

        def mapping(name: str) -> tuple[tuple[str, str], ...]:
            value = data.get(name, {})
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise InputError(f"{path}: {name!r} must map old names to new names")
            return tuple(sorted(value.items()))

        return cls(strings("comments"), strings("fault_comments"), strings("dead_code"), mapping("names"),
                   mapping("function_names"), seed, f"external:{path.name}")

    def provide(self, request: ContentRequest) -> str | None:
        pools = {"comment": self.comments, "fault_comment": self.fault_comments, "dead_code": self.dead_code}
        if request.kind in pools:
            pool = pools[request.kind]
            return pick(self.seed, request.key, pool) if pool else None
        table = dict(self.names if request.kind == "name" else self.function_names)
        return table.get(request.context)


MODEL_KINDS: dict[ContentKind, str] = {"comment": "comments", "name": "names", "dead_code": "dead_code"}
"""The content the model under test writes, as the study had it (its three prompts), by the kind of site
that uses it and the name its items go by."""
_COMMENT_MARKER = re.compile(r"\A\s*(#+|//+|/\*+)\s*")


class ModelContent:
    """Content written by the model under test for one program at one strength: the study's lists of
    misleading comments, misleading variable names and dead-code blocks.

    Each item is handed out once, to the sites in the order the SPMs fill them (the study took its lists
    in order), so a chain's steps share one program's items as the study's composites did; create one per
    variant. Every item is validated in place by the SPM asking for it; a rejected or missing item is then
    asked of ``fallback`` (the built-in generator), and what the model was not asked to write comes from it
    directly.
    """

    def __init__(self, items: Mapping[str, Sequence[str]], *, label: str, fallback: ContentSource) -> None:
        self.items = {kind: tuple(items.get(kind, ())) for kind in MODEL_KINDS.values()}
        self.label, self.fallback = label, fallback
        self._next = dict.fromkeys(self.items, 0)

    def provide(self, request: ContentRequest) -> str | None:
        kind = MODEL_KINDS.get(request.kind)
        if kind is None:
            return self.fallback.provide(request)
        index = self._next[kind]
        if index >= len(self.items[kind]):
            return None
        self._next[kind] = index + 1
        item = self.items[kind][index]
        # The study asked for comments "like '# ...'": the SPM writes the comment marker itself.
        return _COMMENT_MARKER.sub("", item, count=1) if kind == "comments" else item


def validate_comment(text: str, language: Language) -> str | None:
    """None if ``text`` can be a one-line comment, else why not."""
    if not text.strip():
        return "empty comment"
    if any(mark in text for mark in _LINE_BREAKS):
        return "comment is not a single line"
    if len(text) > 200:
        return "comment longer than 200 characters"
    if language == "java" and "\\u" in text:
        return r"Java processes \u escapes even in comments"
    return None


def validate_identifier(name: str, language: Language, taken: frozenset[str] | set[str]) -> str | None:
    """None if ``name`` is a legal, non-reserved identifier that collides with nothing, else why not."""
    if not _IDENTIFIER.match(name):
        return f"{name!r} is not a valid identifier"
    reserved = PYTHON_RESERVED if language == "python" else JAVA_RESERVED
    if name in reserved:
        return f"{name!r} is reserved (keyword or builtin)"
    if name.startswith("__") or name == "_":
        return f"{name!r} is special in {language}"
    if name in taken:
        return f"{name!r} collides with a name already in use"
    return None
