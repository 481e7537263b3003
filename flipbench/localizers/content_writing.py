"""The study's three requests for SPM content, put to the model under test: misleading comments,
misleading variable names and dead code for one program at one strength, each answer JSON-constrained.

The study (LLMCodeImpact) asked its models, per faulty program and strength N, for N misleading
single-line comments and N dead-code blocks "using the above code as inspiration", and for N
meaningless or misleading variable names (without the code), each as a JSON object holding one list
of strings. These are those three requests in flipbench's words, with two changes that its
in-place checks call for: comments are asked for without their comment marker (the SPM writes it),
and dead code as single statements on one line (a block goes behind a false guard, where one
statement is checked to parse and compile in place). Whatever the model writes is only read here;
whether an item fits its site is decided where it is inserted (:mod:`flipbench.mutators`).
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

from flipbench.localizers.answers import json_values
from flipbench.localizers.base import Query, Sampling
from flipbench.localizers.protocol import Response, TaskContext
from flipbench.model import Subject

ContentAsk = Literal["comments", "names", "dead_code"]
CONTENT_ASKS: tuple[ContentAsk, ...] = ("comments", "names", "dead_code")
SYSTEM = "You help build a benchmark of misleading code. Answer in JSON only."
TOKENS_PER_ITEM = 32
"""Room for one item in the answer (``max_tokens`` is at least this times the items asked, plus 64): a comment
or a statement of one line, a name."""


@dataclass(frozen=True)
class ContentPrompt:
    """One of the three requests: the JSON key its list goes under and the user message
    (placeholders ``$count``, ``$language``, ``$code``)."""

    ask: ContentAsk
    key: str
    user: str


PROMPTS: dict[ContentAsk, ContentPrompt] = {prompt.ask: prompt for prompt in (
    ContentPrompt("comments", "misleading_comments", """
Here is a $language program:
$code
Taking this code as inspiration, write $count comments that would mislead someone reading it. Each
comment is one line of plain text, without the comment marker.
Answer with a JSON object whose key "misleading_comments" holds a list of $count strings, and nothing else.
"""),
    ContentPrompt("names", "misleading_variable_names", """
Write $count variable names for a $language program that are meaningless or misleading.
Answer with a JSON object whose key "misleading_variable_names" holds a list of $count strings, and nothing else.
"""),
    ContentPrompt("dead_code", "dead_code_blocks", """
Here is a $language program:
$code
Taking this code as inspiration, write $count pieces of dead code: each a single $language statement on one
line, such as could stand in one of this program's functions.
Answer with a JSON object whose key "dead_code_blocks" holds a list of $count strings, and nothing else.
"""),
)}


@lru_cache(maxsize=64)
def content_schema(ask: ContentAsk, count: int) -> dict[str, Any]:
    """The JSON an answer must follow: one list of ``count`` strings under the request's key (one object
    per request kind and count: the executor derives the cache key's schema part once per object)."""
    key = PROMPTS[ask].key
    return {"type": "object",
            "properties": {key: {"type": "array", "items": {"type": "string"}, "minItems": count, "maxItems": count}},
            "required": [key], "additionalProperties": False}


def content_query(ask: ContentAsk, *, source: str, language: str, count: int, seed: int, temperature: float,
                  max_tokens: int, parse_try: int) -> Query:
    """The request for ``count`` items of one kind about ``source``; its sampling seed is derived from the
    run's seed, the kind, the count and the parse try (a retry is a fresh draw)."""
    user = string.Template(PROMPTS[ask].user).substitute(
        count=count, language=language.capitalize(), code=source.rstrip("\n")).strip() + "\n"
    digest = hashlib.sha256(f"{seed}\x00content\x00{ask}\x00{count}\x00{parse_try}".encode()).digest()
    sampling = Sampling(temperature, max(max_tokens, TOKENS_PER_ITEM * count + 64),
                        int.from_bytes(digest[:4], "big") & 0x7FFFFFFF)
    return Query(SYSTEM, user, content_schema(ask, count), sampling)


def read_items(ask: ContentAsk, reply: str) -> tuple[str, ...] | None:
    """The strings of a reply's list: under the request's key, else the first list of strings in the JSON
    (the reply whole, or the last JSON value inside it); None when there is none (the reply is unparseable)."""
    for value in json_values(reply):
        items = _strings(value, PROMPTS[ask].key)
        if items is not None:
            return items
    return None


def _strings(value: Any, key: str) -> tuple[str, ...] | None:
    if isinstance(value, dict):
        candidates = [value[key]] if key in value else list(value.values())
        for candidate in candidates:
            found = _strings(candidate, key)
            if found is not None:
                return found
        return None
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value)
    return None


@dataclass(frozen=True)
class WrittenContent:
    """What the model wrote for one request, and the reply it was read from."""

    items: tuple[str, ...]
    response: Response


class WritesContent(Protocol):
    """A localizer whose capabilities say ``writes_content``: the run asks it for its own variants' content
    through the task context it lends (the executor's cache, pacing and retries)."""

    async def write_content(self, ask: ContentAsk, subject: Subject, count: int, context: TaskContext
                            ) -> WrittenContent:
        """``count`` items of one kind for ``subject``; raises :class:`Unanswered` when none can be read."""
        ...
