"""Summary statistics of a corpus: sizes, line counts and why programs are excluded."""

from __future__ import annotations

from collections import Counter
from statistics import mean, quantiles

from flipbench.corpora.corpus import Corpus
from flipbench.model import LANGUAGES


def corpus_stats(corpus: Corpus) -> dict[str, object]:
    languages = {}
    for language in LANGUAGES:
        entries = [entry for entry in corpus.entries if entry.program.language == language]
        if not entries:
            continue
        lines = sorted(entry.program.line_count for entry in entries)
        excluded = [entry for entry in entries if entry.excluded]
        languages[language] = {
            "programs": len(entries),
            "usable": len(entries) - len(excluded),
            "with_tests": sum(1 for entry in entries if entry.program.tests is not None),
            "lines": _distribution(lines),
            "parse_failures": len(excluded),
            "parse_failure_reasons": dict(Counter(_reason_kind(entry.excluded) for entry in excluded).most_common()),
        }
    return {"corpus": corpus.name, "programs": len(corpus.entries), "languages": languages}


def _distribution(values: list[int]) -> dict[str, float]:
    """Whole numbers for the extremes, floats for everything computed (``statistics`` returns an int
    for an exact mean, which printed as ``27`` beside ``35.0``)."""
    cut = quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"min": values[0], "p25": float(cut[0]), "median": float(cut[1]), "p75": float(cut[2]),
            "max": values[-1], "mean": round(float(mean(values)), 1)}


def _reason_kind(reason: str) -> str:
    """A reason without its location, so that equal causes group together."""
    return reason.split(": ", 1)[-1]
