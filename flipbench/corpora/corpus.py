"""A corpus: named programs, each either usable or excluded from experiments with a reason.

Unusable programs (ones that do not parse, say) are kept and reported rather than dropped, so
that counts always add up to what was imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from flipbench.corpora.syntax import syntax_error
from flipbench.errors import InputError
from flipbench.model import Language, Program


class UnknownProgram(InputError):
    """A program name that is not in the corpus."""


@dataclass(frozen=True)
class CorpusEntry:
    program: Program
    excluded: str | None
    """Why the program is left out of experiments by default, or None when it is usable."""


@dataclass(frozen=True)
class Corpus:
    name: str
    entries: tuple[CorpusEntry, ...]

    @classmethod
    def of(cls, name: str, programs: list[Program] | tuple[Program, ...]) -> Corpus:
        """Build a corpus, deciding each program's exclusion from its syntax."""
        seen: dict[str, Program] = {}
        for program in programs:
            if program.name in seen:
                raise InputError(f"corpus {name!r}: duplicate program name {program.name!r}")
            seen[program.name] = program
        return cls(name, tuple(CorpusEntry(program, _exclusion(program)) for program in programs))

    @cached_property
    def _by_name(self) -> dict[str, CorpusEntry]:
        return {entry.program.name: entry for entry in self.entries}

    def get(self, name: str) -> CorpusEntry:
        try:
            return self._by_name[name]
        except KeyError:
            close = [known for known in self._by_name if name in known][:5]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownProgram(f"no program {name!r} in corpus {self.name!r}{hint}") from None

    def programs(self, language: Language | None = None, *, include_excluded: bool = False) -> Iterator[Program]:
        for entry in self.entries:
            if (include_excluded or entry.excluded is None) and language in (None, entry.program.language):
                yield entry.program

    def select(self, language: Language | None = None, names: tuple[str, ...] = ()) -> Corpus:
        """A sub-corpus: one language and/or the named programs (unknown names raise)."""
        chosen = [self.get(name) for name in names] if names else list(self.entries)
        return Corpus(self.name, tuple(e for e in chosen if language in (None, e.program.language)))


def _exclusion(program: Program) -> str | None:
    """Why a program cannot be used: its source, or a real bug's faulty version, does not parse."""
    error = syntax_error(program.language, program.source, program.filename)
    if error is None and program.real_fault is not None:
        faulty_error = syntax_error(program.language, program.real_fault.source, program.filename)
        error = faulty_error and f"faulty version: {faulty_error}"
    return error
