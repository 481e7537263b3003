"""Resolving a ``--corpus`` argument: ``builtin``, a flipbench JSONL file, or a study seed directory."""

from __future__ import annotations

from pathlib import Path

from flipbench.corpora.builtin import BUILTIN, builtin_corpus
from flipbench.corpora.corpus import Corpus
from flipbench.corpora.jsonl import CorpusFormatError, read_programs
from flipbench.corpora.llmcodeimpact import is_seed_directory, read_seed_corpus


def load_corpus(reference: str) -> Corpus:
    if reference == BUILTIN:
        return builtin_corpus()
    path = Path(reference)
    if path.is_file():
        return Corpus.of(path.stem, read_programs(path))
    if path.is_dir():
        if is_seed_directory(path):
            return read_seed_corpus(path)
        raise CorpusFormatError(f"{path}: not a corpus directory (expected the study's seed JSON files)")
    raise CorpusFormatError(f"no corpus {reference!r}: use 'builtin', a .jsonl file or a seed directory")
