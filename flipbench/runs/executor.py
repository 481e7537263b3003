"""Running a stream of tasks: every localizer asked the same way, cache look-ups, paced and retried
calls, scoring, atomic recording.

Each task is one ``await localizer.localize(subject, draw, context)``; the executor never asks what
kind of localizer it holds, only what its capabilities say. A remote localizer's tasks run
concurrently, as call slots free up (pulled from a generator only then, so memory stays flat however
long the plan), and past what one event loop's CPU can carry (see ``CALLS_PER_WORKER``) they are
streamed to worker processes, each with its own loop, HTTP client, read-only database connection
and share of the limits; a local localizer's tasks run in this process, in plan order. The context
a task gets (:class:`_TaskContext`) is where the executor's policies live: the response cache, each
provider's open-request limit and per-minute budgets, and retries -- a transient failure (429, 5xx,
timeout, broken body) is retried with backoff; a permanent one or retries that run out end the task
as ``error``, as does a localizer that names no line (``Unanswered``) -- never as a wrong answer.
Finished tasks are written by this process alone, in small transactions together with the
responses and attempts behind them.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import random
import time
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from flipbench import console
from flipbench.localizers import (
    ChatModel,
    Draw,
    LearnsDialect,
    Localizer,
    LocalizerAnswer,
    ModelClient,
    PermanentError,
    Query,
    Reply,
    Response,
    Server,
    ToolFailed,
    TransientError,
    Unanswered,
    WritesContent,
    once_per_schema,
)
from flipbench.model import Role, Subject, TaskStatus
from flipbench.runs.batching import Batching, Deferred
from flipbench.runs.budget import Spending
from flipbench.runs.experiment import Experiment, Price, ProviderLimits
from flipbench.runs.pacing import DEFAULT_BACKOFF, Backoff, RateLimiter
from flipbench.runs.planning import Task
from flipbench.runs.store import Attempt, ContentRecord, Store, TaskRecord
from flipbench.runs.workers import Inbox, Report, stream_to_workers
from flipbench.runs.written_content import ContentJob
from flipbench.scoring import Match, score

Result = TypeVar("Result")
FLUSH_EVERY = 0.5
"""Seconds between transactions: a ``kill -9`` costs at most this much work, re-asked on resume."""
FLUSH_SIZE = 500
CALLS_PER_WORKER = 64
"""Open requests one process serves by default: an event loop spends about 1.1 ms of CPU per chat
task, so 64 requests answered in 100 ms (640 tasks/s) keep it most of the time busy, and beyond
that its CPU, not the server, sets the pace (scripts/bench_harness.py)."""
YOUNG_GENERATION = 50_000
"""Allocations between young garbage collections while a stage runs (Python's default: 700)."""
STORED_PREDICTION = 10
"""Lines of a ranking kept per task (a spectrum ranking lists every line; EXAM is computed before trimming);
the lines of any other answer (a tool's findings) are all kept, for the report's precision."""
LEARNING_TASKS = 10_000
"""Tasks at most that run in this process before the worker processes start, while a localizer has
still to learn its server's dialect (then each worker learns it for itself)."""


@dataclass
class Tally:
    """What a stage did, for its progress bar and summary."""

    tasks: int = 0
    correct: int = 0
    wrong: int = 0
    errors: int = 0
    calls: int = 0
    cached: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time of every process that worked on the stage (this one and its workers)."""
    error_kinds: dict[str, int] = field(default_factory=dict)

    def add(self, record: TaskRecord) -> None:
        self.tasks += 1
        if record.status == TaskStatus.CORRECT:
            self.correct += 1
        elif record.status == TaskStatus.WRONG:
            self.wrong += 1
        else:
            self.errors += 1
            kind = (record.error or "error").split(":")[0]
            self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        """The sum of several processes' tallies."""
        total = cls()
        counts = [f.name for f in dataclasses.fields(cls) if f.name != "error_kinds"]
        for tally in tallies:
            for name in counts:
                setattr(total, name, getattr(total, name) + getattr(tally, name))
            for kind, count in tally.error_kinds.items():
                total.error_kinds[kind] = total.error_kinds.get(kind, 0) + count
        return total


@dataclass
class _Outcome:
    record: TaskRecord
    responses: dict[str, tuple[str, Reply]]
    attempts: list[Attempt]


@dataclass
class _ContentOutcome:
    record: ContentRecord
    responses: dict[str, tuple[str, Reply]]
    attempts: list[Attempt]


def estimated_tokens(query: Query) -> int:
    return (len(query.system) + len(query.user)) // 3 + query.sampling.max_tokens


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


_schema_json = once_per_schema(canonical_json)


def response_key(identity: str, query: Query, draw: str) -> str:
    """The response cache key: everything that changes the answer and nothing that does not.

    It hashes the canonical JSON of ``{"draw", "localizer", "sampling", "schema"}`` followed by the
    prompt's bytes. ``identity`` is the localizer's identity as :func:`canonical_json` (encoded
    once per run); the schema's encoding is kept per schema object, and the prompt is never
    JSON-escaped (a whole program per task).
    """
    sampling = query.sampling
    settings = (f'{{"draw":{canonical_json(draw)},"localizer":{identity},'
                f'"sampling":{canonical_json([sampling.temperature, sampling.max_tokens, sampling.seed])},'
                f'"schema":{_schema_json(query.answer_schema)}}}')
    digest = hashlib.sha256(settings.encode())
    for part in (query.system, query.user):
        digest.update(b"\x00" + part.encode())
    return digest.hexdigest()[:32]


Deliver = Callable[[list["_Outcome"], "Tally"], None]
"""Where a recorder's finished tasks go, with the tally so far: the database, or the parent process."""


class _Recorder:
    """Finished tasks on their way to the database: counted at once, delivered in small batches
    (a ``kill -9`` costs at most ``FLUSH_EVERY`` seconds of work, asked again on resume)."""

    def __init__(self, deliver: Deliver, prices: Mapping[str, Price], spending: Spending | None = None) -> None:
        self.deliver, self.prices, self.spending = deliver, prices, spending
        self.tally = Tally()
        self.buffer: list[_Outcome] = []
        self.flushed = time.monotonic()

    def add(self, outcome: _Outcome) -> None:
        self.buffer.append(outcome)
        self.tally.add(outcome.record)
        _count_usage(self.tally, outcome, self.prices)
        _charge(self.spending, [outcome])
        if len(self.buffer) >= FLUSH_SIZE or time.monotonic() - self.flushed >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self.deliver(batch, self.tally)
        self.flushed = time.monotonic()


def _charge(spending: Spending | None, outcomes: Iterable[_Outcome | _ContentOutcome]) -> None:
    """The tokens of the new replies behind ``outcomes``, counted against the run's budgets."""
    if spending is not None:
        for outcome in outcomes:
            for localizer, reply in outcome.responses.values():
                spending.charge(localizer, reply.input_tokens, reply.output_tokens)


def _count_usage(tally: Tally, outcome: _Outcome | _ContentOutcome, prices: Mapping[str, Price]) -> None:
    """An outcome's HTTP calls, cache hits, tokens and cost, added to ``tally``."""
    for attempt in outcome.attempts:
        if attempt.outcome != "cached":
            tally.calls += 1
    if any(attempt.outcome == "cached" for attempt in outcome.attempts):
        tally.cached += 1
    for localizer, reply in outcome.responses.values():
        tally.input_tokens += reply.input_tokens or 0
        tally.output_tokens += reply.output_tokens or 0
        price: Price | None = prices.get(localizer)
        if price is not None:
            tally.cost += price.cost(reply.input_tokens, reply.output_tokens, reply.cached_input_tokens)


@dataclass(frozen=True)
class _Shard:
    """A worker process's part of a stage: its own executor, HTTP client and (read-only) database
    connection, with its share of every provider's limits (picklable: sent to the worker). Finished
    tasks go back to the parent, the one process that writes: writers in several processes would
    wait on each other's locks with their event loops stopped."""

    folder: Path
    experiment: Experiment
    localizers: Mapping[str, Localizer]
    """The remote localizers (the local ones' tasks stay in the parent)."""
    backoff: Backoff
    workers: int

    def __call__(self, index: int, inbox: Inbox, report: Report) -> Tally:
        providers = {localizer.spec.provider for localizer in self.localizers.values()}
        limits = {provider: self.experiment.limits_for(provider).share(index, self.workers) for provider in providers}
        experiment = dataclasses.replace(self.experiment, limits={**self.experiment.limits, **limits})
        with Store(self.folder) as store:
            executor = Executor(store, experiment, self.localizers, backoff=self.backoff,
                                rng_seed=experiment.seed * 1000 + index, share=(index, self.workers))
            tally = run_loop(executor._stream(inbox, _Recorder(lambda batch, tally: report((batch, tally)),
                                                               experiment.prices)))
        tally.cpu_seconds = time.process_time()  # the whole worker process, start-up included
        return tally


class Executor:
    """Runs tasks of the ``localizers`` (by name, as tasks name them) and records them in ``store``."""

    def __init__(self, store: Store, experiment: Experiment, localizers: Mapping[str, Localizer], *,
                 backoff: Backoff = DEFAULT_BACKOFF, rng_seed: int | None = None,
                 share: tuple[int, int] = (0, 1), spending: Spending | None = None) -> None:
        self.store, self.experiment, self.localizers, self.backoff = store, experiment, localizers, backoff
        self.spending = spending
        """The run's budgets and what it spent (flipbench.runs.budget); None without budgets. A budgeted run
        submits every task from this process (see :attr:`workers`)."""
        self.tool_slots = {name: asyncio.Semaphore(ProviderLimits(own).share(*share).concurrency or 1)
                           for name, localizer in localizers.items() if (own := localizer.capabilities.concurrency)}
        """Each localizer's own limit on programs run at once (a tool's ``concurrency``; worker ``share[0]`` of
        ``share[1]`` has its part)."""
        self.local = frozenset(name for name, localizer in localizers.items() if not localizer.capabilities.remote)
        """Localizers whose tasks run in this process, in plan order."""
        self.remote = {name: localizer for name, localizer in localizers.items() if name not in self.local}
        self.match = Match(experiment.tolerance, experiment.top)
        self.providers = sorted({localizer.spec.provider for localizer in self.remote.values()})
        batched = frozenset(provider for provider in self.providers if experiment.limits_for(provider).batch)
        self.batching = Batching(store, experiment, batched) if batched and share == (0, 1) else None
        """Batch mode for the providers set to it (flipbench.runs.batching); None when none is."""
        self.open_requests = {provider: asyncio.Semaphore(experiment.limits_for(provider).concurrency)
                              for provider in self.providers}
        self.limiters = {provider: RateLimiter(experiment.limits_for(provider).requests_per_minute,
                                               experiment.limits_for(provider).tokens_per_minute)
                         for provider in self.providers}
        self.window = sum(experiment.limits_for(provider).concurrency for provider in self.providers) or 1
        self.identities: dict[int, tuple[ChatModel, str]] = {}
        """Each model's identity as canonical JSON, encoded once per run (by object: see ``_identity``)."""
        self.rng = random.Random(experiment.seed if rng_seed is None else rng_seed)
        self.learners = {name: localizer for name, localizer in localizers.items()
                         if isinstance(localizer, LearnsDialect)}
        self.dialects: dict[Server, str] = {}
        self.unlearned: set[str] = set()
        """Localizers whose server's dialect the run has not learned: the first call to each goes alone."""
        self._start_with_learned_dialects()

    @property
    def workers(self) -> int:
        """Processes making the calls: as configured, else one per ``CALLS_PER_WORKER`` open requests
        (up to the CPU count); never more than the smallest provider's concurrency, which they share. A run
        with a budget makes its calls in this process, which counts every reply before it submits the next task
        (workers are handed chunks of tasks ahead; one process carries ~640 tasks/s, above APIs' rate limits)."""
        if not self.providers or self.spending is not None or self.batching is not None:
            return 1
        wanted = self.experiment.workers or min(_usable_cpus(), -(-self.window // CALLS_PER_WORKER))
        return max(1, min(wanted, *(self.experiment.limits_for(p).concurrency for p in self.providers)))

    def run(self, tasks: Iterable[Task], *, description: str, total: int | None = None) -> Tally:
        if self.batching is not None:  # in passes, with the batches between them
            tally = Tally.total(self.batching.run_stage(
                lambda part, count: self._run_pass(part, description, count), list(tasks)))  # type: ignore[misc]
            for localizer, (input_tokens, output_tokens, cached) in self.batching.take_usage().items():
                tally.input_tokens += input_tokens
                tally.output_tokens += output_tokens
                price = self.experiment.prices.get(localizer)
                if price is not None:  # a batch's price: Price.batch of the online one
                    tally.cost += price.cost(input_tokens, output_tokens, cached) * (price.batch or 1.0)
        else:
            tally = self._run_pass(tasks, description, total)
        if self.spending is not None:
            self.spending.stop_if_spent(description)
        return tally

    def _run_pass(self, tasks: Iterable[Task], description: str, total: int | None) -> Tally:
        bar = console.progress(total=total, desc=description, unit="task")

        def show(tally: Tally) -> None:
            bar.update(tally.tasks - bar.n)
            bar.set_postfix_str(_postfix(tally), refresh=False)

        started = time.process_time()
        self._start_with_learned_dialects()
        try:
            if self.workers > 1:
                tally = self._run_in_workers(tasks, show)
            else:
                tally = run_loop(self._stream(_one_by_one(tasks), _Recorder(self._saving(show), self.experiment.prices,
                                                                            self.spending)))
        finally:
            bar.close()
        tally.cpu_seconds += time.process_time() - started
        return tally

    async def _stream(self, tasks: AsyncIterable[Task], recorder: _Recorder) -> Tally:
        """Run ``tasks`` on this event loop, at most ``window`` remote tasks at a time."""
        # Completed calls hand their outcome over through a callback and a free slot; the loop never
        # scans the set of calls in flight (asyncio.wait over 128 futures per completion costs more
        # than the rest of a task).
        in_flight: set[asyncio.Future[_Outcome | None]] = set()
        completed: list[asyncio.Future[_Outcome | None]] = []
        slots = asyncio.Semaphore(self.window)

        def done(future: asyncio.Future[_Outcome | None]) -> None:
            in_flight.discard(future)
            completed.append(future)
            slots.release()

        def drain() -> None:
            while completed:
                future = completed.pop()
                if not future.cancelled() and (outcome := future.result()) is not None:  # a bug surfaces here
                    recorder.add(outcome)  # (None: the task waits for a batch)

        # A localizer's first task while its server's dialect is unknown is its probe: its next task
        # waits for it, so a dialect the server lacks is refused once, not once per open request.
        probes: dict[str, asyncio.Future[_Outcome | None]] = {}
        try:
            async with ModelClient(self.window, self.experiment.timeout) as client:
                async for task in tasks:
                    if task.localizer in self.local:
                        if (outcome := await self._task(None, task)) is not None:
                            recorder.add(outcome)
                        continue
                    probe = probes.get(task.localizer)
                    if probe is not None and not probe.done():
                        await asyncio.wait({probe})
                    await slots.acquire()
                    drain()
                    if self.spending is not None and not self.spending.admits(task.localizer):
                        slots.release()  # its budget is spent: not asked, not recorded (a re-run asks it)
                        continue
                    future = asyncio.ensure_future(self._task(client, task))
                    in_flight.add(future)
                    future.add_done_callback(done)
                    if task.localizer in self.unlearned:
                        self.unlearned.discard(task.localizer)
                        probes[task.localizer] = future
                while in_flight:
                    await asyncio.wait(set(in_flight))
                drain()
        finally:
            for future in in_flight:
                future.cancel()
            recorder.flush()
        return recorder.tally

    def _run_in_workers(self, tasks: Iterable[Task], show: Callable[[Tally], None]) -> Tally:
        """Local localizers' tasks here, remote ones' in worker processes (see :mod:`flipbench.runs.workers`);
        everything is written here. Tasks run here until every localizer has probed its server's
        dialect, so that the workers start with what it learned."""
        workers = self.workers
        progress: dict[int, Tally] = {}
        save = self._saving(lambda _: show(Tally.total([here.tally, *progress.values()])))
        here = _Recorder(save, self.experiment.prices)
        tasks = iter(tasks)
        if self.unlearned:
            run_loop(self._stream(_one_by_one(self._until_probed(tasks)), here))
        loop = asyncio.new_event_loop()  # runs the local tasks between chunks for the workers

        def remote_tasks() -> Iterator[Task]:
            for task in tasks:
                if task.localizer in self.local:
                    here.add(loop.run_until_complete(self._task(None, task)))
                else:
                    yield task

        def received(index: int, report: tuple[list[_Outcome], Tally]) -> None:
            batch, progress[index] = report
            save(batch, progress[index])

        shard = _Shard(self.store.path.parent.resolve(), self.experiment, self.remote, self.backoff, workers)
        try:
            results = stream_to_workers(remote_tasks(), shard, workers=workers, on_report=received)
        finally:
            here.flush()
            loop.close()
        return Tally.total([here.tally, *results])

    def _until_probed(self, tasks: Iterator[Task]) -> Iterator[Task]:
        """The first of ``tasks``, until each localizer still to learn its dialect has had its probe."""
        for _ in range(LEARNING_TASKS):
            task = next(tasks, None) if self.unlearned else None
            if task is None:
                return
            yield task

    def _saving(self, show: Callable[[Tally], None]) -> Deliver:
        def save(batch: list[_Outcome], tally: Tally) -> None:
            self.store.record(((outcome.record, outcome.responses, outcome.attempts) for outcome in batch),
                              self._learned_dialects(batch))
            show(tally)

        return save

    def _start_with_learned_dialects(self) -> None:
        """Start each localizer with the dialect the run learned of its server (a stage, a worker process or
        a resumed run begins knowing it); the others have still to learn theirs."""
        self.dialects = self.store.dialects()
        for localizer in self.learners.values():
            if localizer.server in self.dialects:
                localizer.start_with(self.dialects[localizer.server])
        self.unlearned = {name for name, localizer in self.learners.items() if localizer.server not in self.dialects}

    def _learned_dialects(self, batch: Sequence[_Outcome | _ContentOutcome]) -> dict[Server, str]:
        """The dialects that new replies in ``batch`` show their servers accept, where the run knew none;
        this process's localizers start with them (and so do the workers of later stages)."""
        learned: dict[Server, str] = {}
        for outcome in batch:
            for name, reply in outcome.responses.values():
                localizer = self.learners.get(name)
                if localizer is not None and localizer.server not in self.dialects:
                    learned[localizer.server] = reply.dialect
                    self.dialects[localizer.server] = reply.dialect
                    localizer.start_with(reply.dialect)
        return learned

    # -- model-written content ------------------------------------------------------------------

    def write_content(self, jobs: Iterable[ContentJob], *, description: str, total: int | None = None) -> Tally:
        """Ask each job's localizer for its content, through the same cache, pacing and retries as a task's
        calls, in this process (a run asks for content a few times per faulty program, not per task), ``window``
        requests at a time; answers are recorded every ``FLUSH_EVERY`` seconds, as tasks are, so a killed run
        asks again only what it had not recorded."""
        bar = console.progress(total=total, desc=description, unit="request")
        tally = Tally()
        started = time.process_time()
        unsaved: list[_ContentOutcome] = []
        saved = [time.monotonic()]

        def save() -> None:
            batch = unsaved[:]
            unsaved.clear()
            self.store.record_content(((outcome.record, outcome.responses, outcome.attempts) for outcome in batch),
                                      self._learned_dialects(batch))
            saved[0] = time.monotonic()

        def answered(outcome: _ContentOutcome) -> None:
            tally.tasks += 1
            if outcome.record.status == "error":
                tally.errors += 1
                kind = (outcome.record.error or "error").split(":")[0]
                tally.error_kinds[kind] = tally.error_kinds.get(kind, 0) + 1
            _count_usage(tally, outcome, self.experiment.prices)
            _charge(self.spending, [outcome])
            unsaved.append(outcome)
            bar.update(1)
            bar.set_postfix_str(_content_postfix(tally), refresh=False)
            if time.monotonic() - saved[0] >= FLUSH_EVERY:
                save()

        self._start_with_learned_dialects()
        spending = self.spending
        if spending is not None:  # asked batch by batch, each after the one before is counted
            jobs = (job for job in jobs if spending.admits(job.localizer))
        try:
            for batch in _batches(jobs, self.window):
                run_loop(self._write_batch(batch, answered))
        finally:
            save()
            bar.close()
        tally.cpu_seconds += time.process_time() - started
        if spending is not None:
            spending.stop_if_spent(description)
        return tally

    async def _write_batch(self, batch: list[ContentJob], answered: Callable[[_ContentOutcome], None]) -> None:
        async def write(client: ModelClient, job: ContentJob) -> None:
            answered(await self._write(client, job))

        async with ModelClient(self.window, self.experiment.timeout) as client:
            await asyncio.gather(*(write(client, job) for job in batch))

    async def _write(self, client: ModelClient, job: ContentJob) -> _ContentOutcome:
        started = time.perf_counter()
        context = _TaskContext(self, client, job.localizer)
        writer: WritesContent = self.localizers[job.localizer]  # type: ignore[assignment]
        try:
            written = await writer.write_content(job.ask, self.store.subject(job.faulty_id), job.strength, context)
        except Unanswered as failure:
            record = ContentRecord(job.id, job.faulty_id, job.localizer, job.strength, job.ask, "error",
                                   error=str(failure)[:1000], attempts=len(context.attempts),
                                   seconds=time.perf_counter() - started)
        else:
            reply = written.response.reply
            record = ContentRecord(job.id, job.faulty_id, job.localizer, job.strength, job.ask, "written",
                                   written.items, written.response.key, None, len(context.attempts),
                                   reply.input_tokens, reply.output_tokens, time.perf_counter() - started)
        return _ContentOutcome(record, context.responses, context.attempts)

    # -- one task -------------------------------------------------------------------------------

    async def _task(self, client: ModelClient | None, task: Task) -> _Outcome | None:
        """One task, whatever its localizer: ``client`` is None for a local one (it has no calls to make).
        None: the task waits for a batch to answer its request (batch mode), unrecorded."""
        started = time.perf_counter()
        subject = self.store.subject(task.subject_id)
        context = _TaskContext(self, client, task.localizer, task.id)
        try:
            answer = await self.localizers[task.localizer].localize(subject, _draw(task), context)
        except Deferred:
            return None
        except Unanswered as failure:
            record = self._error(task, str(failure), len(context.attempts), started)
        else:
            record = self._scored(task, subject, answer, len(context.attempts), started)
        return _Outcome(record, context.responses, context.attempts)

    def _identity(self, model: ChatModel) -> str:
        """``model``'s identity as canonical JSON, encoded once (the memo keeps the model alive, so its id
        is never reused for another)."""
        known = self.identities.get(id(model))
        if known is None or known[0] is not model:
            known = self.identities[id(model)] = (model, canonical_json(model.identity()))
        return known[1]

    async def _call(self, client: ModelClient, model: ChatModel, query: Query, key: str,
                    attempts: list[Attempt]) -> Reply:
        provider = model.spec.provider
        limiter, slots = self.limiters[provider], self.open_requests[provider]
        estimate = estimated_tokens(query)
        last = ""
        for attempt in range(1, self.experiment.max_attempts + 1):
            await limiter.acquire(estimate)
            started = time.perf_counter()
            retry_after: float | None = None
            async with slots:
                try:
                    reply = await model.complete(client, query)
                except TransientError as error:
                    last, retry_after = f"transient: {error}", error.retry_after
                    attempts.append(Attempt(key, attempt, "transient", _detail(error), time.perf_counter() - started))
                except PermanentError as error:
                    attempts.append(Attempt(key, attempt, "permanent", _detail(error), time.perf_counter() - started))
                    raise Unanswered(f"permanent: {error}") from error
                except httpx.HTTPError as error:  # a transport failure the provider did not classify
                    last = f"transient: {type(error).__name__}: {error}"
                    attempts.append(Attempt(key, attempt, "transient", last, time.perf_counter() - started))
                else:
                    attempts.append(Attempt(key, attempt, "ok", "", time.perf_counter() - started))
                    total = (reply.input_tokens or 0) + (reply.output_tokens or 0)
                    limiter.settle(estimate, total or None)
                    return reply
            if attempt < self.experiment.max_attempts:
                await asyncio.sleep(self.backoff.delay(attempt, retry_after, self.rng))
        raise Unanswered(f"gave up after {self.experiment.max_attempts} attempts ({last})")

    # -- records --------------------------------------------------------------------------------

    def _scored(self, task: Task, subject: Subject, answer: LocalizerAnswer, attempts: int,
                started: float) -> TaskRecord:
        predicted, response = answer.lines, answer.response
        result = score(predicted, subject.fault_lines, subject.line_count, self.match)
        key, input_tokens, output_tokens = (None, None, None) if response is None else (
            response.key, response.reply.input_tokens, response.reply.output_tokens)
        kept = predicted[:STORED_PREDICTION] if answer.parsed_from == "ranking" else predicted  # findings: all, for precision
        return TaskRecord(task, TaskStatus.CORRECT if result.correct else TaskStatus.WRONG, kept,
                          answer.parsed_from, result.exact, result.within_tolerance, result.top_k, result.exam, key,
                          None, attempts, input_tokens, output_tokens, time.perf_counter() - started,
                          answer.expected_correct)

    @staticmethod
    def _error(task: Task, message: str, attempts: int, started: float) -> TaskRecord:
        return TaskRecord(task, TaskStatus.ERROR, error=message[:1000], attempts=attempts,
                          seconds=time.perf_counter() - started)


class _TaskContext:
    """One task's :class:`~flipbench.localizers.TaskContext`: the run's cache, client, pacing and retries,
    and the attempts and new replies behind the task, recorded with it."""

    __slots__ = ("executor", "client", "localizer", "task_id", "attempts", "responses")

    def __init__(self, executor: Executor, client: ModelClient | None, localizer: str, task_id: str = "") -> None:
        self.executor, self.client, self.localizer, self.task_id = executor, client, localizer, task_id
        self.attempts: list[Attempt] = []
        self.responses: dict[str, tuple[str, Reply]] = {}

    async def ask(self, model: ChatModel, query: Query, draw: str) -> Response:
        if self.client is None:
            raise RuntimeError(f"{self.localizer} asks a model, but its capabilities do not say it is remote")
        executor = self.executor
        key = response_key(executor._identity(model), query, draw)
        reply = executor.store.cached(key)
        if reply is not None:
            self.attempts.append(Attempt(key, 0, "cached", "", 0.0))
        else:
            batching = executor.batching
            if batching is not None and batching.batched(model):
                batching.defer(self.task_id, key, self.localizer, model, query)  # type: ignore[arg-type]
            reply = await executor._call(self.client, model, query, key, self.attempts)
            self.responses[key] = (self.localizer, reply)
        return Response(key, reply)

    def unparseable(self, response: Response, parse_try: int) -> None:
        self.attempts.append(Attempt(response.key, parse_try + 1, "unparseable", response.reply.text[:500], 0.0))

    async def run_tool(self, key: str, run: Callable[[], Awaitable[Reply]]) -> Response:
        executor = self.executor
        reply = executor.store.cached(key)
        if reply is not None:
            self.attempts.append(Attempt(key, 0, "cached", "", 0.0))
            return Response(key, reply)
        started = time.perf_counter()
        slots = executor.tool_slots.get(self.localizer)
        async with slots if slots is not None else contextlib.nullcontext():
            try:
                reply = await run()
            except ToolFailed as failure:
                self.attempts.append(Attempt(key, 1, "failed", failure.detail, time.perf_counter() - started))
                raise Unanswered(f"tool: {failure}") from failure
        self.attempts.append(Attempt(key, 1, "ok", "", time.perf_counter() - started))
        self.responses[key] = (self.localizer, reply)
        return Response(key, reply)


def _draw(task: Task) -> Draw:
    return Draw("before" if task.role == Role.BEFORE else "after", task.draw)


def _usable_cpus() -> int:
    """CPUs this process may run on (a container's cpuset, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_loop(main: Coroutine[Any, Any, Result]) -> Result:
    """Run a stage's event loop: on uvloop where it is installed (its loop and sockets cost about a
    sixth less CPU per call than asyncio's own), and with a larger young generation for the garbage
    collector. Every call allocates a few hundred objects that live as long as the call (~100 ms):
    at the default threshold of 700 allocations they outlive many young collections and are scanned
    again and again in older ones (measured: ~3% of a worker's time, pauses up to 40 ms). What
    exists when the stage starts (modules, the plan's subjects) is frozen out of collection."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION, *thresholds[1:])
    try:
        try:
            import uvloop
        except ImportError:
            return asyncio.run(main)
        return uvloop.run(main)
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _batches(jobs: Iterable[ContentJob], size: int) -> Iterator[list[ContentJob]]:
    batch: list[ContentJob] = []
    for job in jobs:
        batch.append(job)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _one_by_one(tasks: Iterable[Task]) -> AsyncIterator[Task]:
    for task in tasks:
        yield task


def _detail(error: TransientError | PermanentError) -> str:
    return f"{error} | {error.raw[:500]}" if error.raw else str(error)


def _content_postfix(tally: Tally) -> str:
    """The content stage's progress: requests answered (its tally counts requests as tasks), errors, calls."""
    return (f"answered={tally.tasks - tally.errors} errors={tally.errors} calls={tally.calls} cached={tally.cached}"
            + (f" tokens={tally.input_tokens + tally.output_tokens:,}" if tally.input_tokens or tally.output_tokens
               else ""))


def _postfix(tally: Tally) -> str:
    parts = [f"correct={tally.correct}", f"wrong={tally.wrong}", f"errors={tally.errors}",
             f"calls={tally.calls}", f"cached={tally.cached}"]
    if tally.input_tokens or tally.output_tokens:
        parts.append(f"tokens={tally.input_tokens + tally.output_tokens:,}")
    if tally.cost:
        parts.append(f"cost=${tally.cost:.2f}")
    return " ".join(parts)
