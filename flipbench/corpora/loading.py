"""Resolving what users name on the command line: a ``--corpus`` (``builtin``, a flipbench JSONL file,
or a study seed directory) or a single program file."""

from __future__ import annotations

from pathlib import Path

from flipbench.corpora.builtin import BUILTIN, builtin_corpus
from flipbench.corpora.corpus import Corpus
from flipbench.corpora.jsonl import CorpusFormatError, read_programs
from flipbench.corpora.llmcodeimpact import is_seed_directory, read_seed_corpus
from flipbench.corpora.syntax import default_filename
from flipbench.model import Language, Program, Provenance


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


_EXTENSIONS: dict[str, Language] = {".py": "python", ".java": "java"}


def load_program_file(path: Path, language: Language | None = None) -> Program:
    """A single source file as a program (no spec, no tests); the language defaults from the extension."""
    language = language or _EXTENSIONS.get(path.suffix)
    if language is None:
        raise CorpusFormatError(f"{path}: cannot tell the language from the extension; pass --language")
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFormatError(f"{path}: cannot read: {error}") from None
    filename = path.name if language == "python" else default_filename(language, source)
    return Program(path.stem, language, source, "", filename, Provenance("file", str(path), "unknown"))
