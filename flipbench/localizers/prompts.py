"""Prompt templates: TOML files with a system and a user message and placeholders for the program.

Built-in templates live in ``prompt_templates/``; a user template is any TOML file of the same
shape, named by its path. Placeholders (``string.Template`` syntax, ``$$`` for a dollar sign):
``$spec``, ``$code``, ``$numbered_code``, ``$language``, ``$line_count``, and for a review of the change
``$diff`` (the unified diff from the base to the subject, :mod:`flipbench.localizers.reviews`),
``$numbered_diff`` (the same with the new file's line numbers) and ``$filename``. The rendered bytes are
part of the response-cache key, so a template edit never reuses old answers.
"""

from __future__ import annotations

import operator
import string
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from flipbench.errors import InputError
from flipbench.localizers.base import Query, Sampling
from flipbench.localizers.reviews import Review, file_name, numbered_diff, unified_diff
from flipbench.model import Subject, source_lines

AnswerKind = Literal["line", "ranked"]
RANKED_LENGTH = 5
PLACEHOLDERS = frozenset({"spec", "code", "numbered_code", "language", "line_count", "diff", "numbered_diff",
                          "filename"})
DIFF_PLACEHOLDERS = frozenset({"diff", "numbered_diff"})
DEFAULT_REVIEW = Review()


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    description: str
    system: str
    user: str
    answer: AnswerKind = "line"
    structured: bool = True
    """Ask the server for structured JSON output (off for templates that want free reasoning first)."""

    @cached_property
    def answer_schema(self) -> dict[str, Any]:
        """The JSON the answer must follow: ``{"lines": [...]}``, one line or a top-5 ranking."""
        items = 1 if self.answer == "line" else RANKED_LENGTH
        return {"type": "object",
                "properties": {"lines": {"type": "array", "items": {"type": "integer", "minimum": 1},
                                         "minItems": 1, "maxItems": items}},
                "required": ["lines"], "additionalProperties": False}

    @cached_property
    def requested_schema(self) -> dict[str, Any]:
        """The schema a query asks the server to enforce: none for a free-reasoning template. One object
        per template, so that what is derived from it is derived once (see ``once_per_schema``)."""
        return self.answer_schema if self.structured else {}

    @cached_property
    def view(self) -> str:
        """``diff`` when the template shows the change (``$diff``, ``$numbered_diff``), else ``file``."""
        return "diff" if _names(self.user) & DIFF_PLACEHOLDERS else "file"

    def render(self, *, source: str, spec: str, language: str, sampling: Sampling) -> Query:
        user = _render_user(self.user, source, spec, language)
        return Query(system=self.system.strip(), user=user, answer_schema=self.requested_schema, sampling=sampling)

    def render_subject(self, subject: Subject, sampling: Sampling, review: Review = DEFAULT_REVIEW) -> Query:
        """The query about ``subject``: its code, or for a review template the change shown as ``review`` says."""
        if self.view == "file":
            return self.render(source=subject.source, spec=subject.spec, language=subject.language, sampling=sampling)
        user = _render_user(self.user, subject.source, subject.spec, subject.language,
                            unified_diff(subject, review), numbered_diff(subject, review),
                            file_name(subject))
        return Query(system=self.system.strip(), user=user, answer_schema=self.requested_schema, sampling=sampling)


@lru_cache(maxsize=256)
def _render_user(template: str, source: str, spec: str, language: str, diff: str = "", numbered: str = "",
                 filename: str = "") -> str:
    """Cached: a subject is asked k times by each localizer, and numbering a long file is not free."""
    lines = source_lines(source)
    values = {"spec": spec.strip(), "code": source.rstrip("\n"), "language": language.capitalize(),
              "numbered_code": "\n".join(map(operator.add, _line_labels(len(lines)), lines)),
              "line_count": str(len(lines)), "diff": diff.rstrip("\n"), "numbered_diff": numbered.rstrip("\n"),
              "filename": filename}
    return string.Template(template).substitute(values).strip() + "\n"


def _names(text: str) -> set[str]:
    """The placeholders ``text`` uses."""
    return {match[1] or match[2] for match in string.Template.pattern.findall(text) if match[1] or match[2]}


@lru_cache(maxsize=64)
def _line_labels(count: int) -> list[str]:
    """``" 7: "`` and its kind, right-aligned to the widest number (formatting each label per prompt
    cost more than the rest of rendering)."""
    width = len(str(count))
    return [f"{number:>{width}}: " for number in range(1, count + 1)]


def builtin_prompt_names() -> tuple[str, ...]:
    folder = resources.files("flipbench.localizers") / "prompt_templates"
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir()
                        if entry.name.endswith(".toml")))


def load_prompt(name_or_path: str) -> PromptTemplate:
    """A built-in template by name (``paper``, ``numbered``, ...) or a user template by file path."""
    if name_or_path in builtin_prompt_names():
        resource = resources.files("flipbench.localizers") / "prompt_templates" / f"{name_or_path}.toml"
        return _parse(name_or_path, resource.read_text(encoding="utf-8"), f"built-in prompt {name_or_path}")
    path = Path(name_or_path)
    if path.suffix != ".toml" or not path.is_file():
        raise InputError(f"unknown prompt {name_or_path!r}: use one of {', '.join(builtin_prompt_names())} "
                         "or the path of a .toml template")
    return _parse(str(path), path.read_text(encoding="utf-8"), str(path))


def _parse(name: str, text: str, where: str) -> PromptTemplate:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{where}: not valid TOML ({error})") from error
    unknown = set(data) - {"description", "system", "user", "answer", "structured"}
    if unknown:
        raise InputError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(data.get("user"), str) or not data["user"].strip():
        raise InputError(f"{where}: needs a non-empty 'user' message")
    answer = data.get("answer", "line")
    if answer not in ("line", "ranked"):
        raise InputError(f"{where}: answer must be 'line' or 'ranked', not {answer!r}")
    for key in ("system", "user"):
        text_value = data.get(key, "")
        try:
            names = {match[1] or match[2] for match in string.Template.pattern.findall(text_value)
                     if match[1] or match[2]}
        except (ValueError, TypeError) as error:
            raise InputError(f"{where}: {key}: {error}") from error
        if names - PLACEHOLDERS:
            raise InputError(f"{where}: {key} uses unknown placeholders {', '.join(sorted(names - PLACEHOLDERS))} "
                             f"(known: {', '.join(sorted(PLACEHOLDERS))}; write $$ for a dollar sign)")
    if not _names(data["user"]) & {"code", "numbered_code", *DIFF_PLACEHOLDERS}:
        raise InputError(f"{where}: the user message must contain $code, $numbered_code, $diff or $numbered_diff")
    return PromptTemplate(name=name, description=str(data.get("description", "")), system=str(data.get("system", "")),
                          user=data["user"], answer=answer, structured=bool(data.get("structured", True)))
