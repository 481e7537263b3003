"""Reading line numbers out of a model's reply.

Structured output is asked for, but servers and models differ: some return the JSON object, some
wrap it in prose or a code fence, some only say "line 12". The reader tries, in order: the whole
reply as JSON, the last JSON object inside it (a reasoning reply ends with its answer), then a
line number stated in words. A reply with none of these is *unparseable* (retried, then an
``error``), never a wrong answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

LINE_KEYS = ("lines", "line", "line_no", "line_number", "lineNumber", "bug_line", "fault_line", "answer")
MAX_LINES = 5
_WORDED = re.compile(r"\blines?\s*(?:number|no\.?|#)?\s*[:=]?\s*(\d{1,6})\b", re.IGNORECASE)
_BARE = re.compile(r"\s*(\d{1,6})\s*\.?\s*")


@dataclass(frozen=True)
class Prediction:
    lines: tuple[int, ...]
    """Predicted fault lines, most suspicious first (one for single-answer prompts)."""
    parsed_from: Literal["json", "text"]


def read_prediction(reply: str) -> Prediction | None:
    """The predicted lines in a reply, or None when it states no line number at all."""
    for candidate in json_values(reply):
        lines = _lines_in(candidate)
        if lines:
            return Prediction(lines, "json")
    worded = _WORDED.search(reply)
    if worded:
        return Prediction((int(worded.group(1)),), "text")
    bare = _BARE.fullmatch(reply)
    if bare:
        return Prediction((int(bare.group(1)),), "text")
    return None


def json_values(reply: str) -> list[Any]:
    """The JSON a reply holds, most likely the answer first: the whole reply, then each JSON object inside
    it from the last (a reasoning reply ends with its answer)."""
    whole = _json_or_none(reply.strip())
    return [whole, *reversed(_json_objects(reply))] if whole is not None else list(reversed(_json_objects(reply)))


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _json_objects(text: str) -> list[Any]:
    """Every JSON object embedded in free text (code fences and prose around them are skipped)."""
    decoder = json.JSONDecoder()
    found, position = [], text.find("{")
    while position != -1:
        try:
            value, end = decoder.raw_decode(text, position)
        except ValueError:
            position = text.find("{", position + 1)
            continue
        found.append(value)
        position = text.find("{", end)
    return found


def _lines_in(value: Any) -> tuple[int, ...]:
    if isinstance(value, dict):
        for key in LINE_KEYS:
            if key in value:
                return _lines_in(value[key])
        return ()
    if isinstance(value, bool):
        return ()
    if isinstance(value, int):
        return (value,) if value > 0 else ()
    if isinstance(value, str) and value.strip().isdigit():
        return _lines_in(int(value.strip()))
    if isinstance(value, list):
        lines: list[int] = []
        for item in value:
            for line in _lines_in(item):
                if line not in lines:
                    lines.append(line)
        return tuple(lines[:MAX_LINES])
    return ()
