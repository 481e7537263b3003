"""Reading a tool's findings: SARIF 2.1.0, reviewdog's rdjson and rdjsonl, GitHub review comments, and
``path:line[:message]`` lines, each mapped to lines of the one file under review.

A finding names a file and a line; only findings on the subject's file count (a tool may also
report on its tests), by its real file name after the prefixes tools put before it (``./``,
``a/``/``b/`` of a diff, the working directory, a ``file://`` URI). The predicted lines are the
findings' distinct lines, most severe first and in the tool's order within a severity; a line
outside the file is dropped. Output that is not what the format says raises
:class:`UnreadableOutput`: the task ends as an error, never as a wrong answer.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

OutputFormat = Literal["sarif", "rdjson", "rdjsonl", "github", "lines"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("sarif", "rdjson", "rdjsonl", "github", "lines")
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2, "info": 2, "none": 3, "": 3}
"""Most severe first; SARIF's levels and rdjson's severities, lower-cased, share it (unknown: last)."""
_LINE = re.compile(r"^(?P<path>[^:\n]+?):(?P<line>\d+)(?::(?P<rest>.*))?$")


class UnreadableOutput(ValueError):
    """The output is not a document of the declared format."""


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    severity: str = ""
    message: str = ""


def read_findings(output: str, kind: OutputFormat) -> list[Finding]:
    """Every finding in ``output``, in the tool's order."""
    if kind == "lines":
        return list(_lines(output))
    if kind == "rdjsonl":
        return [finding for number, text in enumerate(output.splitlines(), 1) if text.strip()
                for finding in _rdjson_diagnostic(_json(text, f"line {number}"))]
    document = _json(output, "the output")
    if kind == "sarif":
        return list(_sarif(document))
    if kind == "rdjson":
        if not isinstance(document, dict) or not isinstance(document.get("diagnostics", []), list):
            raise UnreadableOutput("rdjson: not an object with a list of diagnostics")
        return [finding for diagnostic in document.get("diagnostics", []) for finding in _rdjson_diagnostic(diagnostic)]
    return list(_github(document))


def predicted_lines(findings: list[Finding], filename: str, line_count: int,
                    extra_prefixes: tuple[str, ...] = ()) -> tuple[int, ...]:
    """The distinct lines of ``filename`` the findings name: most severe first, in order within a severity."""
    ranked = sorted((finding for finding in findings
                     if _same_file(finding.path, filename, extra_prefixes) and 1 <= finding.line <= line_count),
                    key=lambda finding: SEVERITY_RANK.get(finding.severity.lower(), len(SEVERITY_RANK)))
    return tuple(dict.fromkeys(finding.line for finding in ranked))


def _same_file(path: str, filename: str, prefixes: tuple[str, ...]) -> bool:
    if path.startswith("file://"):
        path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
    for prefix in sorted(prefixes, key=len, reverse=True):
        if prefix and path.startswith(prefix.rstrip("/") + "/"):
            path = path[len(prefix.rstrip("/")) + 1:]
            break
    path = path.removeprefix("./")
    if path.startswith(("a/", "b/")) and path[2:] == filename:
        return True
    return path == filename


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:
        raise UnreadableOutput(f"{where} is not JSON ({error})") from None


def _lines(output: str) -> Iterator[Finding]:
    for text in output.splitlines():
        match = _LINE.match(text.strip())
        if match:
            rest = match["rest"] or ""
            column = re.match(r"^\d+(?::|$)", rest)  # path:line:column:message, as compilers print it
            yield Finding(match["path"].strip(), int(match["line"]), "", rest[column.end():] if column else rest)


def _sarif(document: Any) -> Iterator[Finding]:
    if not isinstance(document, dict) or not isinstance(document.get("runs"), list):
        raise UnreadableOutput("sarif: not a SARIF log (no list of runs)")
    for run in document["runs"]:
        if not isinstance(run, dict):
            raise UnreadableOutput("sarif: a run is not an object")
        artifacts = run.get("artifacts") or []
        for result in run.get("results") or []:
            if not isinstance(result, dict):
                raise UnreadableOutput("sarif: a result is not an object")
            level = str(result.get("level") or "warning")  # SARIF's default level
            message = (result.get("message") or {}).get("text", "") if isinstance(result.get("message"), dict) else ""
            for location in result.get("locations") or []:
                physical = (location or {}).get("physicalLocation") or {}
                region = physical.get("region") or {}
                artifact = physical.get("artifactLocation") or {}
                uri = artifact.get("uri")
                index = artifact.get("index")
                if uri is None and isinstance(index, int) and 0 <= index < len(artifacts):
                    uri = ((artifacts[index] or {}).get("location") or {}).get("uri")
                line = region.get("startLine")
                if isinstance(uri, str) and isinstance(line, int):
                    yield Finding(uri, line, level, message)


def _rdjson_diagnostic(diagnostic: Any) -> Iterator[Finding]:
    if not isinstance(diagnostic, dict):
        raise UnreadableOutput("rdjson: a diagnostic is not an object")
    location = diagnostic.get("location") or {}
    start = ((location.get("range") or {}).get("start") or {}) if isinstance(location, dict) else {}
    path, line = location.get("path") if isinstance(location, dict) else None, start.get("line")
    if isinstance(path, str) and isinstance(line, int):
        yield Finding(path, line, str(diagnostic.get("severity") or ""), str(diagnostic.get("message") or ""))


def _github(document: Any) -> Iterator[Finding]:
    comments = document.get("comments") if isinstance(document, dict) else document
    if not isinstance(comments, list):
        raise UnreadableOutput("github: not a list of review comments (or an object with one under 'comments')")
    for comment in comments:
        if not isinstance(comment, dict):
            raise UnreadableOutput("github: a review comment is not an object")
        line = comment.get("line")
        if comment.get("side", "RIGHT") == "RIGHT" and isinstance(comment.get("path"), str) and isinstance(line, int):
            yield Finding(comment["path"], line, "", str(comment.get("body") or ""))
