"""A package's public face, imported on first use: each package's ``__init__`` names what other
packages may use and where it lives, and a name's module is imported only when someone asks for it,
so ``flipbench --help`` does not load pandas, matplotlib, httpx and the docker SDK."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def exports(package: str, names: Mapping[str, tuple[str, ...]]
            ) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package`` from ``{module: (name, ...)}`` (modules
    relative to the package; a name ``x as y`` is exported as ``y``). No exported name may be a module of
    the package: importing that module would bind it over the name (tests/test_layering.py checks)."""
    where: dict[str, tuple[str, str]] = {}
    for module, exported in names.items():
        for entry in exported:
            real, _, alias = entry.partition(" as ")
            where[alias or real] = (f"{package}.{module}", real)
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, real = where[name]
        value = getattr(importlib.import_module(module), real)
        namespace[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__, sorted(where)
