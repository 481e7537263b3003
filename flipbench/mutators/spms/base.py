"""Semantic-preserving mutations (SPMs): what every SPM is made of (sites, applications, placement).

An SPM proposes :class:`Site` s; the engine keeps those the placement admits, ranks them by
SHA-256 of the seed and the site's key, and lets the SPM apply them greedily in rank order
until ``strength`` applications succeed. Because ranks do not depend on the strength, the edits
at strength ``k`` are exactly the first ones made at any higher strength (nested doses).

Each application is a set of :class:`~flipbench.mutators.rewrites.Rewrite` s, so the line map
follows from the edits themselves; chains re-parse between steps and compose the maps. Site
keys use the faulty program's own line numbers, so a later SPM in a chain picks the same sites
whatever an earlier one did.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

from flipbench.errors import InputError
from flipbench.model import Language, position_percentile
from flipbench.mutators.content import ContentRequest, ContentSource, validate_identifier
from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.rewrites import Rewrite
from flipbench.mutators.sampling import quartile
from flipbench.scoring import distance

Tree = PythonTree | JavaTree


class NotApplicable(Exception):
    """The SPM has nowhere to apply in this program (exit status 3 on the command line)."""


@dataclass(frozen=True)
class Site:
    """A place where an SPM could apply once."""

    key: str
    line: int
    payload: object = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Application:
    """One application of an SPM: its rewrites and what to record about it."""

    rewrites: tuple[Rewrite, ...]
    description: str
    line: int
    """The line of the edit in the source *before* this step (mapped forward by the engine)."""


@dataclass(frozen=True)
class Rejection:
    site: str
    reason: str
    source: str = ""
    """The label of the content source whose content was refused ("" when the SPM refused a site itself)."""
    kind: str = ""
    item: str | None = None
    """The refused content (None: the source had nothing for the site)."""
    problem: str = ""
    """Why the content was refused, without the source's name."""


@dataclass
class Context:
    """What an SPM may know while it applies: the program, the fault, the content source."""

    language: Language
    tree: Tree
    fault_lines: tuple[int, ...]
    fault: str | None
    protected_names: frozenset[str]
    """Names the program's tests (or other external callers) use: never renamed."""
    content: ContentSource
    origin: Callable[[int], str]
    """A current line's position in the faulty program, for site keys that are stable along a chain."""
    rejections: list[Rejection] = field(default_factory=list)

    def key(self, kind: str, line: int, *detail: object) -> str:
        return "\x00".join([kind, self.origin(line), *map(str, detail)])

    def ask(self, request: ContentRequest, validate: Callable[[str], str | None]) -> str | None:
        """Content for a site, validated; a rejection is recorded and the source's ``fallback`` (if it has
        one) asked in turn; None when no source has acceptable content."""
        source: ContentSource | None = self.content
        while source is not None:
            text = source.provide(request)
            problem = "has nothing for this site" if text is None else validate(text)
            if problem is None:
                return text
            reason = problem if text is None else f"rejected: {problem}"
            self.rejections.append(Rejection(request.key, f"{source.label} content {reason}", source.label,
                                             request.kind, text, problem))
            source = getattr(source, "fallback", None)
        return None


class TreeFacts:
    """Facts about one parsed tree that several SPMs need, computed once per step (as libcst's metadata
    providers are): a language subclasses it with cached properties, and every SPM asks ``Facts.of(context)``.
    """

    _latest: dict[type, TreeFacts] = {}
    """One instance per subclass, for the tree of the current step (a chain re-parses at each step)."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    @classmethod
    def of(cls, context: Context) -> Self:
        cached = TreeFacts._latest.get(cls)
        if cached is None or cached.tree is not context.tree:
            cached = TreeFacts._latest[cls] = cls(context.tree)
        return cached  # type: ignore[return-value]

    def indentation(self, line: int) -> str:
        return self.tree.text.indentation(line).decode("utf-8")


class Spm(ABC):
    """A semantic-preserving mutation for one language."""

    not_applicable = "no site in this program"

    @abstractmethod
    def sites(self, context: Context) -> list[Site]:
        """Every place the SPM could apply, in any order."""

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        """Apply to the first ``strength`` sites (in rank order) that work and do not overlap earlier ones."""
        applied: list[Application] = []
        claimed: list[tuple[int, int]] = []
        for site in ranked:
            if len(applied) == strength:
                break
            application = self.rewrite(context, site)
            if application is None:
                continue
            spans = [(r.splice.start, r.splice.end) for r in application.rewrites]
            if any(_overlap(span, other) for span in spans for other in claimed):
                continue
            claimed.extend(spans)
            applied.append(application)
        return applied

    def rewrite(self, context: Context, site: Site) -> Application | None:
        """The application at one site, or None to skip it (record why in ``context.rejections``)."""
        raise NotImplementedError


def apply_renames(context: Context, ranked: list[Site], strength: int, *, language: Language, taken: set[str],
                  scope_of: Callable[[Any], object]) -> list[Application]:
    """Greedy renaming shared by both languages' ``misleading_names``.

    A site's payload is one variable (renamed to validated content) or two of one scope (their
    names swapped); each has ``name`` and ``nodes``. A variable is renamed at most once, and new
    names join ``taken`` so later renames cannot collide with them.
    """
    renamed: set[tuple[object, str]] = set()
    applied: list[Application] = []
    for site in ranked:
        if len(applied) == strength:
            break
        variables = site.payload
        if any((scope_of(v), v.name) in renamed for v in variables):
            continue
        if len(variables) == 2:
            first, second = variables
            new_names = {first.name: second.name, second.name: first.name}
        else:
            variable = variables[0]
            request = ContentRequest("name", language, site.key, variable.name, taken=frozenset(taken))
            new = context.ask(request, lambda name: validate_identifier(name, language, frozenset(taken)))
            if new is None:
                continue
            new_names = {variable.name: new}
            taken.add(new)
        rewrites = tuple(Rewrite(context.tree.replace(node, new_names[v.name])) for v in variables for node in v.nodes)
        renamed.update((scope_of(v), v.name) for v in variables)
        description = ", ".join(f"{old} -> {new}" for old, new in new_names.items())
        applied.append(Application(rewrites, f"renamed {description}", site.line))
    return applied


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two byte ranges overlap; two insertions at the same point count as overlapping too."""
    if first[0] == first[1] or second[0] == second[1]:
        return first[0] == second[0] or (second[0] < first[0] < second[1]) or (first[0] < second[0] < first[1])
    return first[0] < second[1] and second[0] < first[1]


# -- placement -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Placement:
    """Where edits may go relative to the fault: ``random``, ``near_fault[=N]``, ``before_fault``,
    ``after_fault`` or ``quartile=Q``."""

    kind: str = "random"
    value: int = 0

    @classmethod
    def parse(cls, text: str) -> Placement:
        match = re.fullmatch(r"(random|near_fault|before_fault|after_fault|quartile)(?:=(\d+))?", text.strip())
        if match is None:
            raise InputError(f"unknown placement {text!r}: use random, near_fault[=N], before_fault, after_fault "
                             "or quartile=Q")
        kind, value = match.group(1), match.group(2)
        if kind == "quartile" and (value is None or not 1 <= int(value) <= 4):
            raise InputError("placement quartile=Q needs Q in 1..4")
        if kind in ("random", "before_fault", "after_fault") and value is not None:
            raise InputError(f"placement {kind} takes no value")
        return cls(kind, int(value) if value is not None else 3 if kind == "near_fault" else 0)

    def __str__(self) -> str:
        return self.kind if self.kind in ("random", "before_fault", "after_fault") else f"{self.kind}={self.value}"

    def admits(self, line: int, fault_lines: tuple[int, ...], line_count: int) -> bool:
        if self.kind == "random":
            return True
        if self.kind == "near_fault":
            return distance(line, fault_lines) <= self.value
        if self.kind == "before_fault":
            return line < min(fault_lines)
        if self.kind == "after_fault":
            return line > max(fault_lines)
        return quartile(position_percentile(line, line_count)) == self.value
