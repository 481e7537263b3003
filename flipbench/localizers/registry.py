"""Localizer names (``provider/model``) and the localizer each one names: the one place providers are listed.

The provider is everything before the first ``/``; the model is the rest, as the provider spells
it (``openai/meta-llama/Llama-3.1-8B`` on a proxy, ``ollama/qwen2.5-coder:7b``, ``baseline/ochiai``).
Each provider in :data:`PROVIDERS` builds its localizers from a spec and the experiment's
:class:`~flipbench.localizers.protocol.LocalizerSettings`, so a run builds every localizer the same
way (:func:`localizer_for`) and never asks which kind it got.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Protocol

import httpx

from flipbench.errors import InputError
from flipbench.localizers.anthropic_messages import KEY_VARIABLES as ANTHROPIC_KEYS
from flipbench.localizers.anthropic_messages import AnthropicMessages
from flipbench.localizers.base import ChatModel, ModelSpec, PermanentError
from flipbench.localizers.baselines import NAMES as BASELINE_NAMES
from flipbench.localizers.baselines import Baseline, BaselineLocalizer
from flipbench.localizers.chat import ChatLocalizer
from flipbench.localizers.gemini import KEY_VARIABLES as GEMINI_KEYS
from flipbench.localizers.gemini import GeminiGenerate
from flipbench.localizers.keys import api_key
from flipbench.localizers.ollama_chat import OllamaChat
from flipbench.localizers.openai_chat import KEY_VARIABLES as OPENAI_KEYS
from flipbench.localizers.openai_chat import OpenAIChat
from flipbench.localizers.protocol import Localizer, LocalizerSettings
from flipbench.localizers.tools import TOOL, ToolProvider


class Provider(Protocol):
    """One provider prefix: how its localizers are made, and whether a server URL applies to them."""

    takes_base_url: bool

    def localizer(self, spec: ModelSpec, settings: LocalizerSettings) -> Localizer:
        """The localizer ``spec`` names; raises InputError when it cannot be made (a bad name, a missing key)."""
        ...


@dataclass(frozen=True)
class ChatProvider:
    """A chat API: its model class and the environment variables its key may be in."""

    model: Callable[[ModelSpec], ChatModel]
    key_variables: tuple[str, ...] = ()
    takes_base_url: ClassVar[bool] = True

    def chat_model(self, spec: ModelSpec) -> ChatModel:
        """The model on ``spec``'s server; checks its API key is set, without keeping it."""
        try:
            api_key(spec, self.key_variables)
        except PermanentError as error:
            raise InputError(str(error)) from None
        return self.model(spec)

    def localizer(self, spec: ModelSpec, settings: LocalizerSettings) -> Localizer:
        return ChatLocalizer.around(self.chat_model(spec), settings)


@dataclass(frozen=True)
class BaselineProvider:
    """``baseline/<name>``: the model-free baselines, local, so no server applies."""

    takes_base_url: ClassVar[bool] = False

    def localizer(self, spec: ModelSpec, settings: LocalizerSettings) -> Localizer:
        if spec.model not in BASELINE_NAMES:
            raise InputError(f"unknown baseline {BASELINE}/{spec.model!r}: use one of "
                             + ", ".join(f"{BASELINE}/{name}" for name in BASELINE_NAMES))
        return BaselineLocalizer(spec, Baseline(spec.model, settings.seed), settings.match)


BASELINE = "baseline"
PROVIDERS: dict[str, Provider] = {
    "openai": ChatProvider(OpenAIChat, OPENAI_KEYS),
    "anthropic": ChatProvider(AnthropicMessages, ANTHROPIC_KEYS),
    "google": ChatProvider(GeminiGenerate, GEMINI_KEYS),
    "ollama": ChatProvider(OllamaChat),
    BASELINE: BaselineProvider(),
    TOOL: ToolProvider(),
}
"""Every provider prefix a localizer name may start with; register a new kind of localizer here, once."""


def localizer_for(name: str, settings: LocalizerSettings) -> Localizer:
    """The localizer ``name`` (``provider/model``) names, made with ``settings`` (whose base URL applies only
    to providers that take one)."""
    provider = PROVIDERS.get(name.partition("/")[0])
    spec = parse_model(name, settings.base_url if provider is None or provider.takes_base_url else None)
    return PROVIDERS[spec.provider].localizer(spec, settings)


def parse_model(name: str, base_url: str | None = None) -> ModelSpec:
    """``provider/model`` (and the server to use, None for the provider's own) as a :class:`ModelSpec`."""
    provider, slash, model = name.strip().partition("/")
    if not slash or not provider or not model.strip("/") or any(char.isspace() for char in name.strip()):
        raise InputError(f"model {name!r} is not of the form provider/model (e.g. openai/gpt-4o-mini, "
                         f"ollama/qwen2.5-coder:7b)")
    if provider not in PROVIDERS:
        raise InputError(f"model {name!r}: unknown provider {provider!r}; known: {', '.join(sorted(PROVIDERS))}")
    if base_url is None:
        return ModelSpec(provider, model)
    if not PROVIDERS[provider].takes_base_url:
        raise InputError(f"model {name!r} is a local {provider}; a base URL does not apply to it")
    try:
        url = httpx.URL(base_url.strip())
    except httpx.InvalidURL as error:
        raise InputError(f"base URL {base_url!r}: {error}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"base URL {base_url!r} is not an http:// or https:// URL")
    return ModelSpec(provider, model, str(url).rstrip("/"))


def chat_model(spec: ModelSpec) -> ChatModel:
    """The chat model on ``spec``'s server (without a prompt around it); checks its API key is set."""
    provider = PROVIDERS.get(spec.provider)
    if spec.provider == BASELINE:
        raise InputError(f"{spec.name} is a spectrum-based baseline, not a chat model")
    if spec.provider == TOOL:
        raise InputError(f"{spec.name} is a tool, not a chat model")
    if not isinstance(provider, ChatProvider):
        raise InputError(f"{spec.name}: unknown provider {spec.provider!r}; known: {', '.join(sorted(PROVIDERS))}")
    return provider.chat_model(spec)
