"""Everything that answers "which line is wrong?": one ``Localizer`` protocol, the registry that builds
any localizer from its ``provider/model`` name, chat models over HTTP (wrapped in the chat localizer
that owns prompts and the reading of answers), the spectrum and random baselines."""

from flipbench.localizers.answers import read_prediction
from flipbench.localizers.base import (
    ChatModel,
    LearnsDialect,
    ModelSpec,
    PermanentError,
    Query,
    Reply,
    Sampling,
    Server,
    TransientError,
    once_per_schema,
)
from flipbench.localizers.baselines import NAMES as BASELINE_NAMES
from flipbench.localizers.baselines import Baseline, BaselineLocalizer, NoCoverage
from flipbench.localizers.chat import ChatLocalizer
from flipbench.localizers.http import ModelClient
from flipbench.localizers.prompts import PromptTemplate, builtin_prompt_names, load_prompt
from flipbench.localizers.protocol import (
    Capabilities,
    Draw,
    Localizer,
    LocalizerAnswer,
    LocalizerSettings,
    Response,
    TaskContext,
    Unanswered,
)
from flipbench.localizers.registry import BASELINE, PROVIDERS, chat_model, localizer_for, parse_model
from flipbench.localizers.spectrum import FORMULAS, ochiai, rank_lines

__all__ = [
    "BASELINE", "BASELINE_NAMES", "Baseline", "BaselineLocalizer", "Capabilities", "ChatLocalizer", "ChatModel",
    "Draw", "FORMULAS", "LearnsDialect", "Localizer", "LocalizerAnswer", "LocalizerSettings", "ModelClient",
    "ModelSpec", "NoCoverage", "PROVIDERS", "PermanentError", "PromptTemplate", "Query", "Reply", "Response",
    "Sampling", "Server", "TaskContext", "TransientError", "Unanswered", "builtin_prompt_names", "chat_model",
    "load_prompt", "localizer_for", "ochiai", "once_per_schema", "parse_model", "rank_lines", "read_prediction",
]
