"""Options several verbs share: output format, corpus and language, sandbox."""

from __future__ import annotations

import argparse

from flipbench.corpora import (
    Corpus,
    load_corpus,
)
from flipbench.model import LANGUAGES
from flipbench.sandbox import SANDBOX_NAMES


def format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument("--format", choices=choices or ("table", "json"), default=(choices or ("table",))[0],
                        help="output format (default: %(default)s)")


def corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default="builtin",
                        help="'builtin' (default), a flipbench .jsonl corpus, or the study's seed directory")
    parser.add_argument("--language", choices=LANGUAGES, help="only programs in this language")


def selected(args: argparse.Namespace) -> Corpus:
    return load_corpus(args.corpus).select(args.language, tuple(getattr(args, "program", ()) or ()))


def sandbox_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sandbox", choices=SANDBOX_NAMES, default=None,
                        help="where programs run (default: docker if an engine answers, else bwrap; "
                             "'local' is unsafe and only used when named)")
