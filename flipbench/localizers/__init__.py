"""Everything that answers "which line is wrong?": chat models over HTTP, the spectrum and random
baselines, the registry of provider names, prompts and the reading of answers."""

from flipbench.localizers.answers import read_prediction
from flipbench.localizers.base import (
    ChatLocalizer,
    LearnsDialect,
    PermanentError,
    Query,
    Reply,
    Sampling,
    Server,
    TransientError,
    once_per_schema,
)
from flipbench.localizers.baselines import NAMES as BASELINE_NAMES
from flipbench.localizers.baselines import Baseline, NoCoverage, baseline
from flipbench.localizers.http import ModelClient
from flipbench.localizers.prompts import PromptTemplate, builtin_prompt_names, load_prompt
from flipbench.localizers.registry import BASELINE, PROVIDERS, chat_localizer, parse_model
from flipbench.localizers.spectrum import FORMULAS, ochiai, rank_lines

__all__ = [
    "BASELINE", "BASELINE_NAMES", "Baseline", "ChatLocalizer", "FORMULAS", "LearnsDialect", "ModelClient", "NoCoverage",
    "PROVIDERS", "PermanentError", "PromptTemplate", "Query", "Reply", "Sampling", "Server",
    "TransientError", "baseline", "builtin_prompt_names", "chat_localizer", "load_prompt", "ochiai",
    "once_per_schema", "parse_model", "rank_lines", "read_prediction",
]
