"""Model names (``provider/model``) and the chat localizer each one names.

The provider is everything before the first ``/``; the model is the rest, as the provider spells
it (``openai/meta-llama/Llama-3.1-8B`` on a proxy, ``ollama/qwen2.5-coder:7b``). ``baseline/...``
names a spectrum-based baseline: it parses here so one option can name any localizer, but it is
no chat model.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from flipbench.errors import InputError
from flipbench.localizers.anthropic_messages import KEY_VARIABLES as ANTHROPIC_KEYS
from flipbench.localizers.anthropic_messages import AnthropicMessages
from flipbench.localizers.base import ChatLocalizer, ModelSpec, PermanentError
from flipbench.localizers.gemini import KEY_VARIABLES as GEMINI_KEYS
from flipbench.localizers.gemini import GeminiGenerate
from flipbench.localizers.keys import api_key
from flipbench.localizers.ollama_chat import OllamaChat
from flipbench.localizers.openai_chat import KEY_VARIABLES as OPENAI_KEYS
from flipbench.localizers.openai_chat import OpenAIChat

CHAT_PROVIDERS: dict[str, tuple[Callable[[ModelSpec], ChatLocalizer], tuple[str, ...]]] = {
    "openai": (OpenAIChat, OPENAI_KEYS),
    "anthropic": (AnthropicMessages, ANTHROPIC_KEYS),
    "google": (GeminiGenerate, GEMINI_KEYS),
    "ollama": (OllamaChat, ()),
}
"""Each chat provider's localizer and the environment variables its key may be in."""
BASELINE = "baseline"
PROVIDERS = (*CHAT_PROVIDERS, BASELINE)


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
    if provider == BASELINE:
        raise InputError(f"model {name!r} is a local baseline; a base URL does not apply to it")
    try:
        url = httpx.URL(base_url.strip())
    except httpx.InvalidURL as error:
        raise InputError(f"base URL {base_url!r}: {error}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"base URL {base_url!r} is not an http:// or https:// URL")
    return ModelSpec(provider, model, str(url).rstrip("/"))


def chat_localizer(spec: ModelSpec) -> ChatLocalizer:
    """The localizer that talks to ``spec``'s server; checks its API key is set, without keeping it."""
    if spec.provider == BASELINE:
        raise InputError(f"{spec.name} is a spectrum-based baseline, not a chat model")
    if spec.provider not in CHAT_PROVIDERS:
        raise InputError(f"{spec.name}: unknown provider {spec.provider!r}; known: {', '.join(sorted(PROVIDERS))}")
    localizer, key_variables = CHAT_PROVIDERS[spec.provider]
    try:
        api_key(spec, key_variables)
    except PermanentError as error:
        raise InputError(str(error)) from None
    return localizer(spec)
