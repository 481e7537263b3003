"""Running a stream of tasks: cache look-ups, paced and retried calls, scoring, atomic recording.

Tasks are pulled from a generator only as call slots free up, so memory stays flat however long
the plan. Each provider has its own open-request limit and per-minute budgets. A transient
failure (429, 5xx, timeout, broken body) is retried with backoff; a permanent one, retries that
run out, or a reply with no line number in it after ``parse_retries`` fresh asks end the task as
``error`` -- never as a wrong answer. Finished tasks are written in small transactions together
with the responses and attempts behind them.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from tqdm import tqdm

from flipbench.analysis.scoring import Match, score
from flipbench.harness.answers import read_prediction
from flipbench.harness.experiment import Experiment, Price
from flipbench.harness.localizers.base import ChatLocalizer, PermanentError, Query, Reply, Sampling, TransientError
from flipbench.harness.localizers.baselines import Baseline, NoCoverage
from flipbench.harness.localizers.http import open_client
from flipbench.harness.pacing import DEFAULT_BACKOFF, Backoff, RateLimiter
from flipbench.harness.planning import Subject, Task
from flipbench.harness.prompts import PromptTemplate
from flipbench.harness.store import Attempt, Store, TaskRecord

FLUSH_EVERY = 0.5
"""Seconds between transactions: a ``kill -9`` costs at most this much work, re-asked on resume."""
FLUSH_SIZE = 500
STORED_PREDICTION = 10
"""Predicted lines kept per task (a spectrum ranking lists every line; EXAM is computed before trimming)."""


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
    error_kinds: dict[str, int] = field(default_factory=dict)

    def add(self, record: TaskRecord) -> None:
        self.tasks += 1
        if record.status == "correct":
            self.correct += 1
        elif record.status == "wrong":
            self.wrong += 1
        else:
            self.errors += 1
            kind = (record.error or "error").split(":")[0]
            self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


class _Failed(Exception):
    """A chat task that ends as ``error``; the message is what the record says."""


@dataclass
class _Outcome:
    record: TaskRecord
    responses: dict[str, tuple[str, Reply]]
    attempts: list[Attempt]


def estimated_tokens(query: Query) -> int:
    return (len(query.system) + len(query.user)) // 3 + query.sampling.max_tokens


def draw_seed(experiment_seed: int, task: Task, parse_try: int) -> int:
    """The sampling seed: stage 1 draws differ from stage 2 draws (a control is a genuine second ask),
    while a variant and its control share one, so they differ only in the code they show."""
    stage = "before" if task.role == "before" else "after"
    digest = hashlib.sha256(f"{experiment_seed}\x00{stage}\x00{task.draw}\x00{parse_try}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def response_key(identity: Mapping[str, Any], query: Query, draw: str) -> str:
    """The response cache key: everything that changes the answer and nothing that does not. The
    prompt text is hashed as bytes (no JSON escaping of a whole program per task)."""
    settings = json.dumps({"localizer": identity, "schema": query.answer_schema, "sampling": [
        query.sampling.temperature, query.sampling.max_tokens, query.sampling.seed], "draw": draw},
        sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(settings.encode())
    for part in (query.system, query.user):
        digest.update(b"\x00" + part.encode())
    return digest.hexdigest()[:32]


class Executor:
    def __init__(self, store: Store, experiment: Experiment, template: PromptTemplate, *,
                 chat: Mapping[str, ChatLocalizer], baselines: Mapping[str, Baseline],
                 backoff: Backoff = DEFAULT_BACKOFF) -> None:
        self.store, self.experiment, self.template = store, experiment, template
        self.chat, self.baselines, self.backoff = chat, baselines, backoff
        self.match = Match(experiment.tolerance, experiment.top)
        providers = {localizer.spec.provider for localizer in chat.values()}
        self.open_requests = {provider: asyncio.Semaphore(experiment.limits_for(provider).concurrency)
                              for provider in providers}
        self.limiters = {provider: RateLimiter(experiment.limits_for(provider).requests_per_minute,
                                               experiment.limits_for(provider).tokens_per_minute)
                         for provider in providers}
        self.window = sum(experiment.limits_for(provider).concurrency for provider in providers) or 1
        self.rng = random.Random(experiment.seed)

    def run(self, tasks: Iterable[Task], *, description: str, total: int | None = None) -> Tally:
        return asyncio.run(self.run_async(tasks, description=description, total=total))

    async def run_async(self, tasks: Iterable[Task], *, description: str, total: int | None = None) -> Tally:
        tally = Tally()
        buffer: list[_Outcome] = []
        flushed = time.monotonic()
        bar = tqdm(total=total, desc=description, unit="task", disable=None, file=sys.stderr, dynamic_ncols=True)

        def finish(outcome: _Outcome) -> None:
            nonlocal flushed
            buffer.append(outcome)
            tally.add(outcome.record)
            self._count_usage(tally, outcome)
            bar.update(1)
            if len(buffer) >= FLUSH_SIZE or time.monotonic() - flushed >= FLUSH_EVERY:
                self._flush(buffer)
                flushed = time.monotonic()
                bar.set_postfix_str(_postfix(tally), refresh=False)

        # Completed calls hand their outcome over through a callback and a free slot; the loop never
        # scans the set of calls in flight (asyncio.wait over 128 futures per completion costs more
        # than the rest of a task).
        in_flight: set[asyncio.Future[_Outcome]] = set()
        completed: list[asyncio.Future[_Outcome]] = []
        slots = asyncio.Semaphore(self.window)

        def done(future: asyncio.Future[_Outcome]) -> None:
            in_flight.discard(future)
            completed.append(future)
            slots.release()

        def drain() -> None:
            while completed:
                future = completed.pop()
                if not future.cancelled():
                    finish(future.result())  # a bug in a call surfaces here, not silently

        try:
            async with open_client(self.window, self.experiment.timeout) as client:
                for task in tasks:
                    if task.localizer in self.baselines:
                        finish(self._baseline(task))
                        continue
                    await slots.acquire()
                    drain()
                    future = asyncio.ensure_future(self._chat(client, task))
                    in_flight.add(future)
                    future.add_done_callback(done)
                while in_flight:
                    await asyncio.wait(set(in_flight))
                drain()
        finally:
            for future in in_flight:
                future.cancel()
            self._flush(buffer)
            bar.set_postfix_str(_postfix(tally), refresh=False)
            bar.close()
        return tally

    def _flush(self, buffer: list[_Outcome]) -> None:
        self.store.record((outcome.record, outcome.responses, outcome.attempts) for outcome in buffer)
        buffer.clear()

    def _count_usage(self, tally: Tally, outcome: _Outcome) -> None:
        for attempt in outcome.attempts:
            if attempt.outcome != "cached":
                tally.calls += 1
        if any(attempt.outcome == "cached" for attempt in outcome.attempts):
            tally.cached += 1
        for localizer, reply in outcome.responses.values():
            tally.input_tokens += reply.input_tokens or 0
            tally.output_tokens += reply.output_tokens or 0
            price: Price | None = self.experiment.prices.get(localizer)
            if price is not None:
                tally.cost += ((reply.input_tokens or 0) * price.input + (reply.output_tokens or 0) * price.output) / 1e6

    # -- one task -------------------------------------------------------------------------------

    def _baseline(self, task: Task) -> _Outcome:
        started = time.perf_counter()
        subject = self.store.subject(task.subject_id)
        label = f"{'before' if task.role == 'before' else 'after'}:{task.draw}"
        try:
            ranking = self.baselines[task.localizer].localize(subject, label)
        except NoCoverage as reason:
            return _Outcome(self._error(task, f"no coverage: {reason}", 0, started), {}, [])
        return _Outcome(self._scored(task, subject, ranking, "ranking", None, 0, None, started), {}, [])

    async def _chat(self, client: httpx.AsyncClient, task: Task) -> _Outcome:
        started = time.perf_counter()
        localizer = self.chat[task.localizer]
        subject = self.store.subject(task.subject_id)
        responses: dict[str, tuple[str, Reply]] = {}
        attempts: list[Attempt] = []
        usage: tuple[int | None, int | None] = (None, None)
        for parse_try in range(self.experiment.parse_retries + 1):
            sampling = Sampling(self.experiment.temperature, self.experiment.max_tokens,
                                draw_seed(self.experiment.seed, task, parse_try))
            query = self.template.render(source=subject.source, spec=subject.spec, language=subject.language,
                                         sampling=sampling)
            key = response_key(localizer.identity(), query, f"{task.draw}:{parse_try}")
            reply = self.store.cached(key)
            if reply is not None:
                attempts.append(Attempt(key, 0, "cached", "", 0.0))
            else:
                try:
                    reply = await self._call(client, localizer, query, key, attempts)
                except _Failed as failure:
                    return _Outcome(self._error(task, str(failure), len(attempts), started), responses, attempts)
                responses[key] = (task.localizer, reply)
            usage = (reply.input_tokens, reply.output_tokens)
            prediction = read_prediction(reply.text)
            if prediction is not None:
                return _Outcome(self._scored(task, subject, prediction.lines, prediction.parsed_from, key,
                                             len(attempts), usage, started), responses, attempts)
            attempts.append(Attempt(key, parse_try + 1, "unparseable", reply.text[:500], 0.0))
        record = self._error(task, f"unparseable: no line number in {self.experiment.parse_retries + 1} replies",
                             len(attempts), started)
        return _Outcome(record, responses, attempts)

    async def _call(self, client: httpx.AsyncClient, localizer: ChatLocalizer, query: Query, key: str,
                    attempts: list[Attempt]) -> Reply:
        provider = localizer.spec.provider
        limiter, slots = self.limiters[provider], self.open_requests[provider]
        estimate = estimated_tokens(query)
        last = ""
        for attempt in range(1, self.experiment.max_attempts + 1):
            await limiter.acquire(estimate)
            started = time.perf_counter()
            retry_after: float | None = None
            async with slots:
                try:
                    reply = await localizer.complete(client, query)
                except TransientError as error:
                    last, retry_after = f"transient: {error}", error.retry_after
                    attempts.append(Attempt(key, attempt, "transient", _detail(error), time.perf_counter() - started))
                except PermanentError as error:
                    attempts.append(Attempt(key, attempt, "permanent", _detail(error), time.perf_counter() - started))
                    raise _Failed(f"permanent: {error}") from error
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
        raise _Failed(f"gave up after {self.experiment.max_attempts} attempts ({last})")

    # -- records --------------------------------------------------------------------------------

    def _scored(self, task: Task, subject: Subject, predicted: tuple[int, ...], parsed_from: str,
                key: str | None, attempts: int, usage: tuple[int | None, int | None] | None,
                started: float) -> TaskRecord:
        result = score(predicted, subject.fault_lines, subject.line_count, self.match)
        input_tokens, output_tokens = usage or (None, None)
        return TaskRecord(task.id, task.role, task.subject_id, task.faulty_id, task.condition, task.localizer,
                          task.draw, "correct" if result.correct else "wrong", predicted[:STORED_PREDICTION],
                          parsed_from, result.exact, result.within_tolerance, result.top_k, result.exam, key,
                          None, attempts, input_tokens, output_tokens, time.perf_counter() - started)

    @staticmethod
    def _error(task: Task, message: str, attempts: int, started: float) -> TaskRecord:
        return TaskRecord(task.id, task.role, task.subject_id, task.faulty_id, task.condition, task.localizer,
                          task.draw, "error", error=message[:1000], attempts=attempts,
                          seconds=time.perf_counter() - started)


def _detail(error: TransientError | PermanentError) -> str:
    return f"{error} | {error.raw[:500]}" if error.raw else str(error)


def _postfix(tally: Tally) -> str:
    parts = [f"correct={tally.correct}", f"wrong={tally.wrong}", f"errors={tally.errors}",
             f"calls={tally.calls}", f"cached={tally.cached}"]
    if tally.input_tokens or tally.output_tokens:
        parts.append(f"tokens={tally.input_tokens + tally.output_tokens:,}")
    if tally.cost:
        parts.append(f"cost=${tally.cost:.2f}")
    return " ".join(parts)
