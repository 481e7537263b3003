"""Shared fixtures: the reference study's data (skipped where absent) and the built-in corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.corpus import Corpus

REPOSITORY = Path(__file__).resolve().parents[1]
STUDY_DATA = Path(os.environ.get("FLIPBENCH_SHARED", REPOSITORY.parent / "shared")) / "corpora" / "llmcodeimpact"


@pytest.fixture(scope="session")
def study_data() -> Path:
    if not STUDY_DATA.is_dir():
        pytest.skip(f"the reference study's data is not at {STUDY_DATA}")
    return STUDY_DATA


@pytest.fixture(scope="session")
def builtin() -> Corpus:
    return builtin_corpus()
