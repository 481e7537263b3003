"""Presets: named experiment files shipped with flipbench (``flipbench/runs/presets/*.toml``).

A preset is an ordinary experiment file, so ``flipbench presets show NAME`` prints one to copy and edit,
and ``flipbench run --preset NAME`` starts from it instead of the built-in defaults (an experiment file
and flags still override it, in that order). Its first comment line is its one-line description.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from flipbench.errors import InputError
from flipbench.runs.experiment import Experiment, from_mapping

FOLDER = "presets"


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    text: str
    """The file as shipped, comments included."""

    @property
    def settings(self) -> set[str]:
        """The settings the preset names (a preset without ``models`` leaves the default localizers)."""
        return set(tomllib.loads(self.text))


def preset_names() -> list[str]:
    folder = resources.files("flipbench.runs").joinpath(FOLDER)
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml"))


def read_preset(name: str) -> Preset:
    """The preset called ``name``; an unknown name is an input error listing the known ones."""
    names = preset_names()
    if name not in names:
        raise InputError(f"unknown preset {name!r} (known: {', '.join(names)}; see `flipbench presets`)")
    text = resources.files("flipbench.runs").joinpath(FOLDER, f"{name}.toml").read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    description = first.removeprefix("#").strip().removeprefix(f"{name}:").strip()
    return Preset(name, description, text)


def load_preset(name: str) -> Experiment:
    """The experiment a preset describes, over the built-in defaults."""
    preset = read_preset(name)
    try:
        return from_mapping(tomllib.loads(preset.text), Experiment())
    except (InputError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"preset {name}: {error}") from error
