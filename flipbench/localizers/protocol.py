"""The one interface every localizer implements: chat models, spectrum baselines, random, tools.

A :class:`Localizer` answers one question, "which lines of this subject are wrong?", for one draw,
as a coroutine: ``await localizer.localize(subject, draw, context) -> LocalizerAnswer``. Async for
all, because most localizers wait (on a server, or on a program they run) and one that does not (a
baseline) costs nothing as a coroutine that never suspends. What differs between kinds is said, not
branched on: :class:`Capabilities` tell the run whether a localizer needs coverage (a sandbox),
whether it waits on a server (its tasks run concurrently, paced, in worker processes) and whether it
asks with the run's prompt. Everything a localizer needs from the run besides the subject -- the HTTP
client, the response cache, pacing, retries and the record of every call -- is lent by the executor
for one task as a :class:`TaskContext`, so that a localizer owns what it knows (a prompt and how to
read an answer, a formula, a program and its output format) and the executor owns every policy.

A tool localizer (:mod:`flipbench.localizers.tools`: an external program that prints findings) runs its
program through :meth:`TaskContext.run_tool`, so its outputs are cached, stored and recorded like a
model's replies, and its own ``concurrency`` bounds how many of its tasks run at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from flipbench.localizers.base import ChatModel, ModelSpec, Query, Reply
from flipbench.localizers.prompts import PromptTemplate
from flipbench.localizers.reviews import Review
from flipbench.model import Subject
from flipbench.scoring import Match

if TYPE_CHECKING:
    from flipbench.localizers.tools import ToolConfig


@dataclass(frozen=True)
class Capabilities:
    """What a localizer asks of the run, so the run treats it rightly without knowing its kind."""

    needs_coverage: bool = False
    """It reads the per-test coverage recorded when a subject was certified: the run needs a sandbox."""
    remote: bool = False
    """It waits on a server: its tasks run concurrently (up to its provider's open-request limit), its calls
    go through :meth:`TaskContext.ask` (paced by the provider's limits, retried, cached), and once one event
    loop's CPU is the bottleneck they move to worker processes. A local localizer runs in the executor's
    own process, its tasks one after the other in plan order."""
    prompted: bool = False
    """It asks with the run's prompt template: the run keeps each subject's rendered prompt for the report."""
    writes_content: bool = False
    """It can write the SPMs' content itself (``write_content``), as the study had its models do: a run with
    ``content = "model"`` asks it for the comments, names and dead code of its own variants."""
    concurrency: int | None = None
    """At most this many of its tasks run their program at once (a tool's own limit), shared by worker processes."""


@dataclass(frozen=True)
class Draw:
    """Which of a task's samples is asked: a localizer's view of a task (it never sees the plan's ``Task``,
    which lives in the layer above). Stage 1 and stage 2 draw separately, while a variant and its control
    share their draw, so that they differ only in the code they show."""

    stage: Literal["before", "after"]
    index: int

    @property
    def label(self) -> str:
        return f"{self.stage}:{self.index}"


@dataclass(frozen=True)
class Response:
    """A model's reply and the response-cache key it is stored under."""

    key: str
    reply: Reply


@dataclass(frozen=True)
class LocalizerAnswer:
    """The lines a localizer names, most suspicious first (the executor scores and trims them)."""

    lines: tuple[int, ...]
    parsed_from: str
    """Where the lines come from: ``json`` or ``text`` (read from a reply), ``ranking`` (a baseline's)."""
    response: Response | None = None
    """The reply the lines were read from (its key and token usage go on the task's record)."""
    expected_correct: float | None = None
    """A baseline's chance of being correct over its seeded tie-break (None: not known)."""


class Unanswered(Exception):
    """The task ends as ``error``, never as a wrong answer; the message is what its record says."""


class ToolFailed(Exception):
    """A tool's run crashed or timed out: the task ends as ``error`` and ``detail`` (its exit code, stdout and
    stderr) is kept beside it; nothing is cached, so a retried or resumed run runs it again."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class TaskContext(Protocol):
    """What the executor lends a localizer for one task. A localizer asks models only through here, so the
    run's one HTTP client, response cache, pacing, retries and record of attempts stay the executor's."""

    async def ask(self, model: ChatModel, query: Query, draw: str) -> Response:
        """``model``'s reply to ``query`` for ``draw`` (the draw and the try, as the cache key names them):
        from the run's cache, else from paced calls retried on transient failures. Raises
        :class:`Unanswered` when no reply comes (a permanent error, or the attempts ran out)."""
        ...

    def unparseable(self, response: Response, parse_try: int) -> None:
        """Record that ``response`` names no line, so that the attempt is kept beside the task."""
        ...

    async def run_tool(self, key: str, run: Callable[[], Awaitable[Reply]]) -> Response:
        """A tool's output stored under ``key`` (its command, version and input bytes): from the run's cache,
        else ``await run()`` with at most the localizer's ``concurrency`` runs at once; the output is stored
        with the task. ``run`` raises :class:`ToolFailed` for a crash or a timeout, which ends the task as
        :class:`Unanswered` with the failed run kept beside it."""
        ...


class Localizer(Protocol):
    """Anything that answers "which line is wrong?" (see the module's docstring)."""

    @property
    def spec(self) -> ModelSpec:
        """Its ``provider/model`` name (``spec.name``, as tasks and reports name it) and server, if any."""
        ...

    @property
    def capabilities(self) -> Capabilities:
        ...

    async def localize(self, subject: Subject, draw: Draw, context: TaskContext) -> LocalizerAnswer:
        """The lines it names for ``subject`` at ``draw``; raises :class:`Unanswered` when it names none."""
        ...


@dataclass(frozen=True)
class LocalizerSettings:
    """What an experiment decides for its localizers (the registry builds each from these; localizers cannot
    import the run's ``Experiment``, which lives in the layer above)."""

    prompt: PromptTemplate
    seed: int = 0
    temperature: float = 0.0
    max_tokens: int = 256
    parse_retries: int = 2
    """Fresh asks after a reply with no line number in it, before the task ends as ``error``."""
    match: Match = Match()
    """What counts as correct, for a baseline's expected correctness."""
    base_url: str | None = None
    """The server for the models of providers that take one (None: each provider's own)."""
    tools: Mapping[str, ToolConfig] = dataclasses.field(default_factory=dict)
    """The ``[tools.<name>]`` tables of the experiment: what ``tool/<name>`` runs."""
    review: Review = Review()
    """How a review of the change shows it (``view = "diff"`` tools, ``review_diff`` prompts)."""
