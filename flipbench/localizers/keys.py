"""API keys, read from the environment at the moment a request needs one and never kept.

A key held on a localizer would end up in a repr, a log line, a pickled task or a cache key;
reading it per call keeps it in exactly one place, the request's headers.
"""

from __future__ import annotations

import os

from flipbench.localizers.base import ModelSpec, PermanentError


def api_key(spec: ModelSpec, variables: tuple[str, ...]) -> str | None:
    """The first of ``variables`` set in the environment, or None.

    The provider's own server (``spec.base_url`` is None) needs a key: without one this raises
    :class:`PermanentError` naming the variables. A custom server (a local llama.cpp, a proxy) may
    need none, so there a missing key is fine and no header is sent.
    """
    for variable in variables:
        value = os.environ.get(variable, "").strip()
        if value:
            return value
    if variables and spec.base_url is None:
        raise PermanentError(f"{spec.name} needs an API key: set {' or '.join(variables)} in the environment")
    return None
