"""The benchmark's plain data: programs, faulty programs, variants, line maps and subjects.

Everything here is a frozen dataclass that round-trips through JSON (:mod:`flipbench.codec`)
and has a content-hash ``id``, so that any result can be traced back to the exact bytes it was
computed from. Producing faulty programs and variants is the mutators' job; this module only
says what they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Literal

from flipbench import codec

Language = Literal["python", "java"]
LANGUAGES: tuple[Language, ...] = ("python", "java")


@dataclass(frozen=True)
class Provenance:
    """Where a program came from, so results can be attributed and licences honoured."""

    corpus: str
    origin: str
    licence: str


TestFramework = Literal["flipbench", "pytest", "junit4", "junit5"]
"""How a test file is written: flipbench's framework-free format, or a real project's (a pytest module, a
JUnit 4 or JUnit 5 test class), which the sandbox runs with that framework."""


@dataclass(frozen=True)
class TestSuite:
    """A program's tests as one source file: in the language's flipbench test format (see README), or a
    pytest module or JUnit 4/5 test class (``framework``)."""

    __test__ = False  # not a pytest test class

    source: str
    filename: str
    framework: TestFramework = "flipbench"

    def content(self) -> dict[str, str]:
        """What identifies the tests (the framework only when it is not flipbench's, so that the ids of
        programs with flipbench tests stay what they were)."""
        content = {"source": self.source, "filename": self.filename}
        return content if self.framework == "flipbench" else content | {"framework": self.framework}


@dataclass(frozen=True)
class RealFault:
    """A bug someone brought rather than one flipbench injected: the faulty version of a program whose
    ``source`` is the fixed version, and the lines of the faulty version that are the fault."""

    source: str
    fault_lines: tuple[int, ...]
    """1-based lines of the faulty version: as given, or the lines a line diff against the fix changed."""
    dataset_lines: tuple[int, ...] = ()
    """Where the dataset the bug came from says the fault is, kept beside ``fault_lines`` to compare; never
    scored (empty when the dataset says nothing)."""


@dataclass(frozen=True)
class Program:
    """Source + language + spec (the natural-language intent) + optional tests + provenance, and for a
    real bug (a faulty record) the faulty version, of which ``source`` is the fix."""

    name: str
    language: Language
    source: str
    spec: str
    filename: str
    provenance: Provenance
    tests: TestSuite | None = None
    real_fault: RealFault | None = None

    @cached_property
    def id(self) -> str:
        """Content id: identical code, spec and tests give the same id whatever the name or origin (a real
        fault is part of the content; programs without one keep the ids they always had)."""
        content = {"language": self.language, "filename": self.filename, "source": self.source,
                   "spec": self.spec, "tests": self.tests and self.tests.content()}
        if self.real_fault is not None:
            content["real_fault"] = self.real_fault
        return codec.content_hash(content)

    @property
    def line_count(self) -> int:
        return count_lines(self.source)


@dataclass(frozen=True)
class LineMap:
    """Where each line of an old source went in a new one.

    ``targets[i]`` holds the 1-based new lines that old line ``i + 1`` became: one line when it
    moved or stayed, several when it was split, none when it was deleted.
    """

    targets: tuple[tuple[int, ...], ...]
    new_line_count: int

    @classmethod
    def identity(cls, line_count: int) -> LineMap:
        return cls(tuple((line,) for line in range(1, line_count + 1)), line_count)

    @property
    def old_line_count(self) -> int:
        return len(self.targets)

    def image(self, old_lines: tuple[int, ...]) -> tuple[int, ...]:
        """The sorted new lines that hold any of ``old_lines``."""
        return tuple(sorted({new for old in old_lines for new in self.targets[old - 1]}))

    def then(self, after: LineMap) -> LineMap:
        """This map followed by ``after`` (which maps this map's new lines onward)."""
        if after.old_line_count != self.new_line_count:
            raise ValueError(
                f"cannot compose: first map yields {self.new_line_count} lines, second expects {after.old_line_count}"
            )
        return LineMap(tuple(after.image(news) for news in self.targets), after.new_line_count)


@dataclass(frozen=True)
class Edit:
    """One contiguous text replacement, located in the source it was applied to."""

    start_byte: int
    end_byte: int
    before: str
    after: str
    line: int


@dataclass(frozen=True)
class FaultyProgram:
    """A program with one fault (a semantic-altering mutation, or its real bug) and its exact fault lines."""

    program: Program
    fault: str
    fault_lines: tuple[int, ...]
    edit: Edit | None
    """The change to the program's source; None when only the faulty text is known (imported faults)."""
    position: float
    """Percentile (0-100) of the fault's first line within the faulty file."""
    faulty_source: str | None = field(default=None, repr=False)
    """The faulty text when no ``edit`` describes it."""

    @cached_property
    def source(self) -> str:
        """The faulty text, built on first use: a 40K-line file has tens of thousands of faults."""
        if self.edit is None:
            if self.faulty_source is None:
                raise ValueError("a faulty program needs an edit or its faulty source")
            return self.faulty_source
        data = self.program.source.encode("utf-8")
        view = memoryview(data)
        return b"".join((view[:self.edit.start_byte], self.edit.after.encode("utf-8"),
                         view[self.edit.end_byte:])).decode("utf-8")

    @cached_property
    def id(self) -> str:
        return codec.content_hash(
            {"program": self.program.id, "fault": self.fault, "source": self.source, "fault_lines": self.fault_lines}
        )


@dataclass(frozen=True)
class SpmEdit:
    """One application of a semantic-preserving mutation, as recorded in a variant."""

    spm: str
    description: str
    line: int
    """First line of the edit in the variant's source."""
    fault_distance: int
    """Lines between the edit and the nearest fault line of the variant (0 = on a fault line)."""


@dataclass(frozen=True)
class Variant:
    """A faulty program after a chain of SPMs, with the line map that follows its fault lines."""

    faulty: FaultyProgram
    chain: tuple[str, ...]
    strength: int
    placement: str
    seed: int
    source: str
    line_map: LineMap
    fault_lines: tuple[int, ...]
    edits: tuple[SpmEdit, ...] = field(default=())
    parameters: tuple[tuple[str, str], ...] = field(default=())

    @cached_property
    def id(self) -> str:
        return codec.content_hash(
            {"faulty": self.faulty.id, "chain": self.chain, "strength": self.strength,
             "placement": self.placement, "seed": self.seed, "parameters": self.parameters,
             "source": self.source}
        )


def position_percentile(line: int, line_count: int) -> float:
    """Where a line sits in its file: 0 for the first line, just under 100 for the last.

    The study's position windows (0-25, 25-50, 50-75, 75-100) are quartiles of this number.
    """
    return round(100 * (line - 1) / max(line_count, 1), 2)


def count_lines(data: bytes | str) -> int:
    """Lines as an editor shows them: a final newline does not start another line (``len(source_lines(s))``
    without splitting). The one line count: prompts, scores, positions and line maps all use it."""
    if not data:
        return 0
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline) + (0 if data.endswith(newline) else 1)


def source_lines(source: str) -> list[str]:
    """Lines as editors and line-numbered prompts count them: split on ``\\n`` only, and a final
    newline ends the last line rather than starting an empty one."""
    lines = source.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


Span = tuple[int, int]
"""First and last line of a function (1-based, inclusive)."""
class Role(StrEnum):
    """A task's place in the experiment: stage 1, or stage 2 (an SPM variant, or the null control)."""

    BEFORE = "before"
    VARIANT = "variant"
    CONTROL = "control"


class TaskStatus(StrEnum):
    """How a task ended. ``error`` (transport failures, replies without a line) is never counted as wrong."""

    CORRECT = "correct"
    WRONG = "wrong"
    ERROR = "error"


class Verdict(StrEnum):
    """What running a subject's tests said: a fault is live (a passing test now fails) or equivalent; a
    variant is preserving (every test ends the same way with the same output) or changed; unverifiable
    when the reference runs could not decide, unchecked when nothing was run."""

    LIVE = "live"
    EQUIVALENT = "equivalent"
    PRESERVING = "preserving"
    CHANGED = "changed"
    UNVERIFIABLE = "unverifiable"
    UNCHECKED = "unchecked"


CERTIFIED = frozenset({Verdict.LIVE, Verdict.PRESERVING})


class CheckLevel(StrEnum):
    """How far a subject could be checked, strongest first. ``tested``: its program has tests and they
    ran (the verdict says what they found). A subject of a program without tests (the study's seeds,
    real bugs without a harness) is *uncertified*: it runs, marked everywhere with the level it did
    reach, ``compiled`` (javac accepted it; Python's ``compile()``, which every usable Python program and
    every fault and variant passes) or only ``parsed`` (a Java file that needs classes it does not have)."""

    TESTED = "tested"
    COMPILED = "compiled"
    PARSED = "parsed"

    @property
    def certified(self) -> bool:
        """Only tests can certify: a fault killed, a variant's behaviour kept."""
        return self is CheckLevel.TESTED


@dataclass(frozen=True)
class RankedLine:
    """A line and its suspiciousness in a spectrum-based ranking (equal scores tie)."""

    line: int
    score: float


@dataclass(frozen=True)
class Subject:
    """A program a localizer is asked about: a faulty program, or an SPM variant of one."""

    id: str
    kind: Literal["faulty", "variant"]
    faulty_id: str
    program: str
    language: str
    spec: str
    source: str
    fault: str
    fault_lines: tuple[int, ...]
    condition: str = ""
    """The SPM condition of a variant (``misleading_names x1``); empty for a faulty program."""
    verdict: Verdict = Verdict.UNCHECKED
    """live / equivalent / unverifiable for faults; preserving / changed / unverifiable for variants."""
    rankings: tuple[tuple[str, tuple[RankedLine, ...]], ...] = ()
    """Spectrum-based rankings (formula, scored lines most suspicious first) from the certifying run's
    coverage; the scores tell which lines tie."""
    spm: str = ""
    """A variant's SPM chain (``misleading_names+dead_code``); empty for a faulty program."""
    strength: int = 0
    placement: str = ""
    position: float | None = None
    """Where the fault's first line sits in the faulty program (percentile 0-100), for variants too."""
    edits: tuple[SpmEdit, ...] = ()
    """A variant's SPM edits, each with its line and distance to the nearest fault line."""
    function_spans: tuple[Span, ...] = ()
    """The functions holding the fault lines in this source (function-level accuracy)."""
    level: CheckLevel = CheckLevel.PARSED
    """How far it was checked: ``tested`` when its program's tests ran (the verdict says what they found),
    else the level an uncertified subject reached (:class:`CheckLevel`)."""
    filename: str = ""
    """Its program's real file name (a tool gets the subject under it; a review's diff names it)."""
    original: str = ""
    """The program before the fault (a real bug's fixed version): the base a review of the change shows."""
    tests: TestSuite | None = None
    """Its program's tests (a tool may be given them)."""
    spm_base: str = ""
    """A variant without its fault (the SPMs merged, the fault's lines as the original had them): the base of a
    review that shows the fault's hunk alone."""

    @cached_property
    def line_count(self) -> int:
        return count_lines(self.source)

    @property
    def certified(self) -> bool:
        return self.verdict in CERTIFIED

    @property
    def uncertified(self) -> bool:
        """Its program has no tests, so no verdict could certify it: it runs marked with its level."""
        return not self.level.certified

    def ranking(self, formula: str) -> tuple[RankedLine, ...] | None:
        return dict(self.rankings).get(formula)
