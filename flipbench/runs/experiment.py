"""An experiment: everything that decides which tasks exist and how answers are scored.

Built from defaults (the built-in default experiment), then a TOML file, then command-line flags,
each overriding the one before. ``semantic_key`` covers only what changes results, so a resumed
run may change its concurrency or rate limits but not its corpus, models or prompt.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from flipbench import codec
from flipbench.errors import InputError
from flipbench.localizers import BASELINE, BASELINE_NAMES, DIFF_BASES, TOOL, DiffBase, Review, ToolConfig
from flipbench.model import LANGUAGES
from flipbench.mutators import FAULT_KINDS, STUDY_OPERATORS, STUDY_SPMS, Placement, parse_chain
from flipbench.runs.budget import Budget

BASELINES = tuple(f"{BASELINE}/{name}" for name in BASELINE_NAMES)
"""The default experiment's localizers: every baseline."""
Mode = Literal["all", "correct"]
ContentFallback = Literal["builtin", "drop"]
StageTwoFilter = Literal["none", "existential"]
Content = Literal["builtin", "model"]
BATCH_PROVIDERS = ("openai",)
"""Providers whose batch API a run can use (``[limits.openai] batch = true``, ``run --batch``)."""
ALL = "all"
"""``faults_per_operator = "all"``: every eligible site of each operator in each program."""


@dataclass(frozen=True)
class ProviderLimits:
    """Per-provider pacing: open requests, and requests and tokens per minute (None: unlimited)."""

    concurrency: int = 16
    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    batch: bool = False
    """Ask through the provider's batch API (flipbench.runs.batching; ``openai`` so far): about half price,
    answers within 24 hours."""
    batch_poll_seconds: float = 30.0
    """Seconds between polls of an open batch."""

    def share(self, index: int, count: int) -> ProviderLimits:
        """Worker ``index``'s part of these limits when ``count`` processes share them."""
        concurrency = self.concurrency // count + (1 if index < self.concurrency % count else 0)
        return ProviderLimits(concurrency, None if self.requests_per_minute is None else self.requests_per_minute / count,
                              None if self.tokens_per_minute is None else self.tokens_per_minute / count,
                              self.batch, self.batch_poll_seconds)


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens, for the cost shown while running."""

    input: float
    output: float
    cached_input: float | None = None
    """Per million input tokens the provider served from its prompt cache (None: the ``input`` price)."""
    batch: float | None = None
    """The share of these prices a provider's batch API charges (OpenAI's: 0.5); None: no batch price."""

    def __post_init__(self) -> None:
        if self.batch is not None and not 0 < self.batch <= 1:
            raise InputError(f"batch must be the share of the price a batch pays (0 < batch <= 1), not {self.batch!r}")

    def cost(self, input_tokens: int | None, output_tokens: int | None, cached_input_tokens: int | None = None) -> float:
        """US dollars for one reply's tokens, its cached input tokens at ``cached_input``."""
        cached = min(cached_input_tokens or 0, input_tokens or 0) if self.cached_input is not None else 0
        return ((((input_tokens or 0) - cached) * self.input + cached * (self.cached_input or 0.0)
                 + (output_tokens or 0) * self.output) / 1e6)


KEYED_WHEN_SET = {"stratify": False, "filter": "none", "content": "builtin", "tools": {}, "diff_base": "original",
                  "diff_context": 3, "content_fallback": "builtin"}
"""Settings added after runs were recorded: each enters the experiment key only when set away from its
default, so an experiment that does not use them keeps the key (and default run directory) it had."""
PACING = frozenset({"limits", "prices", "timeout", "max_attempts", "sandbox", "workers", "model_groups", "slurm",
                    "max_cost", "max_tokens_total", "budgets"})
"""Settings a resumed run may change: they decide how fast tasks run (or how the report groups the localizers),
not which tasks exist or their answers."""


@dataclass(frozen=True)
class Experiment:
    corpus: str = "builtin"
    languages: tuple[str, ...] = LANGUAGES
    faults: tuple[str, ...] = STUDY_OPERATORS
    faults_per_operator: int | Literal["all"] = 1
    """Faults sampled per operator per program (seeded), or ``"all"`` of them."""
    stratify: bool = False
    """Sample each operator's faults balanced over the position quartiles of the file (the study's RQ3)."""
    spms: tuple[tuple[str, ...], ...] = tuple((name,) for name in STUDY_SPMS)
    strengths: tuple[int, ...] = (1,)
    placements: tuple[str, ...] = ("random",)
    seed: int = 0
    models: tuple[str, ...] = BASELINES
    base_url: str | None = None
    prompt: str = "paper"
    samples: int = 1
    temperature: float = 0.0
    max_tokens: int = 256
    tolerance: int = 0
    top: int = 1
    mode: Mode = "all"
    """Stage 2 for every faulty program (``all``) or only those the model localized (``correct``, the study's)."""
    control: bool = True
    filter: StageTwoFilter = "none"
    """``existential`` (the study's): a faulty program enters stage 2 only if at least one localizer of the
    run localized it in stage 1."""
    content: Content = "builtin"
    """Who writes the SPMs' comments, names and dead code: the seeded built-in generator, or (``model``, the
    study's) the localizer under test."""
    content_fallback: ContentFallback = "builtin"
    """A model-written item that fails its in-place check is replaced by built-in content (``builtin``), or
    the variant is dropped (``drop``)."""
    certified_only: bool = True
    """Leave out faults that no test kills and variants whose behaviour changed (needs a sandbox)."""
    limit: int | None = None
    """At most this many faulty programs (a seeded sample)."""
    sandbox: str | None = None
    parse_retries: int = 2
    max_attempts: int = 6
    timeout: float = 120.0
    workers: int | None = None
    """Processes making the calls (None: one per 64 open requests, up to the CPU count)."""
    limits: Mapping[str, ProviderLimits] = field(default_factory=dict)
    prices: Mapping[str, Price] = field(default_factory=dict)
    model_groups: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Per localizer, attributes the report groups by (``family = "multimodal"``) and ``version_of`` (the
    localizer it is a newer version of): declared as ``[models."openai/gpt-4o"]`` tables."""
    slurm: Mapping[str, str] = field(default_factory=dict)
    """Other ``#SBATCH`` options for ``--executor slurm`` (a ``[slurm]`` table: ``account = "lab"``)."""
    tools: Mapping[str, ToolConfig] = field(default_factory=dict)
    """``[tools.<name>]`` tables: the programs the ``tool/<name>`` localizers run (flipbench.localizers.tools)."""
    diff_base: DiffBase = "original"
    """What a review of the change (``review_diff`` prompts, ``view = "diff"`` tools) shows a variant against: the
    original program (the SPMs' edits are part of the change) or ``spm`` (the variant without its fault)."""
    diff_context: int = 3
    """Lines of context around each hunk of a review's diff."""
    max_cost: float | None = None
    """The run's budget in US$ at ``[prices]`` (flipbench.runs.budget): refused above its estimate, stopped when spent."""
    max_tokens_total: int | None = None
    """The run's budget in input plus output tokens."""
    budgets: Mapping[str, Budget] = field(default_factory=dict)
    """``[budgets."<localizer>"]`` tables: one localizer's ``max_cost`` and ``max_tokens_total``."""

    def __post_init__(self) -> None:
        _check(self)

    @property
    def semantic_key(self) -> str:
        """A hash of the settings that change which tasks exist or what their answers are."""
        return codec.content_hash({f.name: _keyed(self, f.name) for f in dataclasses.fields(self)
                                   if f.name not in PACING
                                   and not (f.name in KEYED_WHEN_SET and getattr(self, f.name) == KEYED_WHEN_SET[f.name])})

    @property
    def faults_per_group(self) -> int | None:
        """Faults wanted per (program, operator); None for every one."""
        return None if self.faults_per_operator == ALL else self.faults_per_operator

    def limits_for(self, provider: str) -> ProviderLimits:
        if provider == TOOL and provider not in self.limits and self.tools:  # room for every tool's own concurrency
            return ProviderLimits(concurrency=sum(tool.concurrency for tool in self.tools.values()))
        return self.limits.get(provider, ProviderLimits())

    @property
    def review(self) -> Review:
        return Review(self.diff_base, self.diff_context)

    def with_overrides(self, **changes: Any) -> Experiment:
        return dataclasses.replace(self, **{key: value for key, value in changes.items() if value is not None})


def _keyed(experiment: Experiment, name: str) -> Any:
    """A setting as the experiment key sees it: a tool's ``concurrency`` paces its runs and changes no answer,
    so a resumed run may change it."""
    value = getattr(experiment, name)
    if name == "tools":
        return {tool: dataclasses.replace(config, concurrency=1) for tool, config in value.items()}
    return value


def experiment_differences(recorded: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """``name (was X, now Y)`` for each result-changing setting that differs between two experiments'
    data forms (:func:`flipbench.codec.to_data`)."""
    names = [f.name for f in dataclasses.fields(Experiment) if f.name not in PACING]
    def value(data: Mapping[str, Any], name: str) -> Any:
        return data.get(name, KEYED_WHEN_SET.get(name))

    return [f"{name} (was {_shown(value(recorded, name))}, now {_shown(value(current, name))})"
            for name in names if value(recorded, name) != value(current, name)]


def _shown(value: Any, limit: int = 60) -> str:
    text = codec.dumps(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def load_experiment(path: Path, base: Experiment | None = None) -> Experiment:
    """Settings from a TOML file over ``base`` (default: the built-in default experiment)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read config ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error})") from error
    try:
        return from_mapping(data, base or Experiment())
    except InputError as error:
        raise InputError(f"{path}: {error}") from error


def from_mapping(data: Mapping[str, Any], base: Experiment) -> Experiment:
    known = {f.name for f in dataclasses.fields(Experiment)}
    unknown = set(data) - known
    if unknown:
        raise InputError(f"unknown settings {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key == "models" and isinstance(value, dict):
            changes["models"] = tuple(value)
            changes["model_groups"] = {name: _attributes(f"models.{name}", table) for name, table in value.items()}
        elif key == "spms":
            changes[key] = tuple(parse_chain(chain) for chain in _strings(key, value))
        elif key in ("languages", "faults", "models", "placements"):
            changes[key] = tuple(_strings(key, value))
        elif key == "strengths":
            changes[key] = tuple(_integers(key, value))
        elif key == "limits":
            changes[key] = {name: _table(ProviderLimits, f"limits.{name}", table) for name, table in value.items()}
        elif key == "slurm":
            changes[key] = _sbatch_options(value)
        elif key == "prices":
            changes[key] = {name: _table(Price, f"prices.{name}", table) for name, table in value.items()}
        elif key == "tools":
            changes[key] = {name: _tool(name, table) for name, table in _tables(key, value).items()}
        elif key == "budgets":
            changes[key] = {name: _table(Budget, f"budgets.{name}", table) for name, table in _tables(key, value).items()}
        else:
            changes[key] = value
    try:
        return dataclasses.replace(base, **changes)
    except TypeError as error:
        raise InputError(str(error)) from error


def _strings(key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{key} must be a list of strings")
    return value


def _integers(key: str, value: Any) -> list[int]:
    if isinstance(value, int):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, int) and not isinstance(item, bool) for item in value):
        raise InputError(f"{key} must be a list of integers")
    return value


def _sbatch_options(table: Any) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(value, str | int) and not isinstance(value, bool)
                                              for value in table.values()):
        raise InputError('slurm must be a table of sbatch options (account = "lab", qos = "long")')
    return {key: str(value) for key, value in table.items()}


def _attributes(where: str, table: Any) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(value, str) for value in table.values()):
        raise InputError(f"{where} must be a table of strings (family = \"...\", version_of = \"...\")")
    return dict(table)


def _tables(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{key} must be a table of tables ([{key}.<name>])")
    return value


def _tool(name: str, table: Any) -> ToolConfig:
    try:
        return ToolConfig.from_table(table)
    except InputError as error:
        raise InputError(f"tools.{name}: {error}") from None


def _table(cls: type, where: str, table: Any) -> Any:
    if not isinstance(table, dict):
        raise InputError(f"{where} must be a table")
    names = {f.name for f in dataclasses.fields(cls)}
    if set(table) - names:
        raise InputError(f"{where}: unknown keys {', '.join(sorted(set(table) - names))}")
    try:
        return cls(**table)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _check(experiment: Experiment) -> None:
    """Reject settings that cannot work, naming the setting."""
    for language in experiment.languages:
        if language not in LANGUAGES:
            raise InputError(f"languages: unknown language {language!r} (use {', '.join(LANGUAGES)})")
    for fault in experiment.faults:
        if fault not in FAULT_KINDS:
            raise InputError(f"faults: unknown fault {fault!r} (see `flipbench faults`)")
    for placement in experiment.placements:
        Placement.parse(placement)
    if not experiment.models:
        raise InputError("models: name at least one localizer")
    for name, value in (("samples", experiment.samples), ("max_attempts", experiment.max_attempts),
                        ("max_tokens", experiment.max_tokens)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"{name} must be a positive integer, not {value!r}")
    per_operator = experiment.faults_per_operator
    if per_operator != ALL and (not isinstance(per_operator, int) or isinstance(per_operator, bool) or per_operator < 1):
        raise InputError(f"faults_per_operator must be a positive integer or \"all\", not {per_operator!r}")
    for name, value, allowed in (("filter", experiment.filter, ("none", "existential")),
                                 ("content", experiment.content, ("builtin", "model"))):
        if value not in allowed:
            raise InputError(f"{name} must be {' or '.join(repr(choice) for choice in allowed)}, not {value!r}")
    if not isinstance(experiment.stratify, bool):
        raise InputError(f"stratify must be true or false, not {experiment.stratify!r}")
    if any(strength < 1 for strength in experiment.strengths):
        raise InputError("strengths must be positive")
    if experiment.limit is not None and experiment.limit < 1:
        raise InputError("limit must be positive")
    if experiment.tolerance < 0 or experiment.top < 1:
        raise InputError("tolerance must be >= 0 and top >= 1")
    if experiment.mode not in ("all", "correct"):
        raise InputError(f"mode must be 'all' or 'correct', not {experiment.mode!r}")
    if experiment.diff_base not in DIFF_BASES:
        raise InputError(f"diff_base must be {' or '.join(map(repr, DIFF_BASES))}, not {experiment.diff_base!r}")
    if isinstance(experiment.diff_context, bool) or not isinstance(experiment.diff_context, int) \
            or experiment.diff_context < 0:
        raise InputError(f"diff_context must be a whole number of lines >= 0, not {experiment.diff_context!r}")
    if experiment.content_fallback not in ("builtin", "drop"):
        raise InputError(f"content_fallback must be 'builtin' or 'drop', not {experiment.content_fallback!r}")
    if not 0 <= experiment.temperature <= 2:
        raise InputError("temperature must be between 0 and 2")
    if experiment.workers is not None and (not isinstance(experiment.workers, int) or experiment.workers < 1):
        raise InputError(f"workers must be a positive integer, not {experiment.workers!r}")
    for name, attributes in experiment.model_groups.items():
        base = attributes.get("version_of")
        if base is not None and (base == name or (base not in experiment.models and base not in experiment.model_groups)):
            raise InputError(f"models.{name}.version_of: {base!r} is not another model of the experiment")
    Budget(experiment.max_cost, experiment.max_tokens_total)  # checks them
    batched = sorted(provider for provider, limits in experiment.limits.items() if limits.batch)
    if batched and (experiment.max_cost is not None or experiment.max_tokens_total is not None or experiment.budgets):
        raise InputError(f"budgets do not apply to batch mode yet (limits.{batched[0]}.batch): drop one of them")
    for provider, limits in experiment.limits.items():
        if limits.concurrency < 1:
            raise InputError(f"limits.{provider}.concurrency must be positive")
        if limits.batch and provider not in BATCH_PROVIDERS:
            raise InputError(f"limits.{provider}.batch: batch mode is for {', '.join(BATCH_PROVIDERS)} only so far")
