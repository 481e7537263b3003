"""Batch mode: a stage's requests to a provider sent as batches (about half price), scored exactly as online.

A stage in batch mode runs its tasks in passes. In a pass every task runs as it would online, except that
a request to a batched provider that the response cache cannot answer is not sent: it is collected
(:meth:`Batching.defer`) and its task is left unrecorded. The collected requests then go out as batches
(split within the provider's limits, one localizer per batch), each recorded in the run database with
its requests before it is first polled; the batches are polled until they end, and their answers enter the
response cache. The next pass runs the tasks left over, which now find their answers there -- parsed,
retried when unparseable (a new request, collected for the next batch) and scored by the same code as
online, so the task table is the online run's.

A run killed at any moment and started again first polls the batches it recorded (it never submits their
requests again). A request a batch did not answer (a failed item, an expired batch, a malformed result
line) is asked again in a later batch; after ``max_attempts`` batches without an answer its task ends as
``error``, never ``wrong``. A request between its batch's creation and the recording of it (a few
milliseconds) is the one thing a ``kill -9`` can make a run submit twice.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flipbench import console
from flipbench.localizers import (
    BatchState,
    BatchStatus,
    ChatModel,
    OpenAIBatches,
    OpenAIChat,
    Query,
    Unanswered,
    batch_request,
    batches_for,
    parse_model,
    read_results,
    split,
)
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import Task
from flipbench.runs.store import RunReader, Store


def batch_progress(folder: Path) -> list[dict[str, Any]]:
    """``flipbench status`` of a run in batch mode: each batch, its state and its requests' progress."""
    with RunReader(folder) as reader, reader.unreadable_as_input_error():
        return reader.batch_rows()


class Deferred(Exception):
    """A request collected for a batch: its task is not recorded in this pass."""


@dataclass(frozen=True)
class _Pending:
    key: str
    localizer: str
    model: OpenAIChat
    query: Query


class Batching:
    """The executor's batch mode for the providers set to it (``[limits.<provider>] batch = true``)."""

    def __init__(self, store: Store, experiment: Experiment, providers: frozenset[str]) -> None:
        self.store, self.experiment, self.providers = store, experiment, providers
        self.pending: dict[str, _Pending] = {}
        self.deferred: set[str] = set()
        """Tasks of the current pass left for a batch."""
        self.failures = store.batch_failures()
        self.collecting = False
        self.usage: dict[str, list[int]] = {}
        """Per localizer, the input, output and cached input tokens of the replies batches brought in since
        :meth:`take_usage` (the stage's tally counts them: its tasks find them in the cache)."""

    def take_usage(self) -> dict[str, list[int]]:
        usage, self.usage = self.usage, {}
        return usage

    def batched(self, model: ChatModel) -> bool:
        return self.collecting and model.spec.provider in self.providers and isinstance(model, OpenAIChat)

    def defer(self, task_id: str, key: str, localizer: str, model: OpenAIChat, query: Query) -> None:
        """Collect ``query`` for the next batch (raises :class:`Deferred`), or end its task as an error when
        ``max_attempts`` batches have failed to answer it."""
        failed, why = self.failures.get(key, (0, ""))
        if failed >= self.experiment.max_attempts:
            raise Unanswered(f"batch: no answer after {failed} batches ({why})")
        self.pending.setdefault(key, _Pending(key, localizer, model, query))
        self.deferred.add(task_id)
        raise Deferred(key)

    def run_stage(self, run_pass: Callable[[list[Task], int], object], tasks: list[Task]) -> list[object]:
        """Passes of ``run_pass`` over ``tasks`` (then over those left for a batch), the batches between them."""
        self.settle_open()
        results = []
        while tasks:
            self.deferred.clear()
            self.collecting = True
            try:
                results.append(run_pass(tasks, len(tasks)))
            finally:
                self.collecting = False
            if not self.pending:
                break
            tasks = [task for task in tasks if task.id in self.deferred]
            self.submit()
            self.settle_open()
        return results

    def submit(self) -> None:
        """The collected requests as batches, one localizer per batch, each recorded as soon as it exists."""
        by_localizer: dict[str, list[_Pending]] = {}
        for pending in self.pending.values():
            by_localizer.setdefault(pending.localizer, []).append(pending)
        for localizer, requests in by_localizer.items():
            model = requests[0].model
            with batches_for(model.spec, self.experiment.timeout) as api:
                for part in split(batch_request(model, pending.key, pending.query) for pending in requests):
                    file_id = api.upload(part)
                    status = api.create(file_id)
                    self.store.save_batch(status.id, model.spec.provider, model.base_url, localizer, model.dialect,
                                          file_id, status.state, [(request.custom_id, request.custom_id)
                                                                  for request in part])
                    print(f"batch {status.id}: {len(part)} requests of {localizer} submitted", file=sys.stderr)
        self.pending.clear()

    def settle_open(self) -> None:
        """Poll every recorded batch without results until it ends; take in its results."""
        open_batches = self.store.open_batches()
        if not open_batches:
            return
        bar = console.progress(total=len(open_batches), desc="batches", unit="batch")
        waiting = {batch_id: (base_url, localizer, dialect) for batch_id, _, base_url, localizer, dialect in open_batches}
        apis: dict[tuple[str, str], OpenAIBatches] = {}
        try:
            while waiting:
                for batch_id, (base_url, localizer, dialect) in list(waiting.items()):
                    api = apis.get((base_url, localizer))
                    if api is None:
                        api = apis[(base_url, localizer)] = batches_for(parse_model(localizer, base_url),
                                                                        self.experiment.timeout)
                    status = api.status(batch_id)
                    if not status.state.terminal:
                        self.store.batch_state(batch_id, status.state)
                        continue
                    self._settle(api, batch_id, localizer, dialect, status)
                    del waiting[batch_id]
                    bar.update(1)
                if waiting:
                    time.sleep(self._poll_seconds(open_batches))
        finally:
            for api in apis.values():
                api.close()
            bar.close()
        self.failures = self.store.batch_failures()

    def _settle(self, api: OpenAIBatches, batch_id: str, localizer: str, dialect: str, status: BatchStatus) -> None:
        """A terminal batch's answers into the response cache, its unanswered requests kept as failures."""
        requests = dict(self.store.batch_requests(batch_id))
        results = read_results(requests, api.content(status.output_file_id), api.content(status.error_file_id),
                               dialect, localizer)
        answered = [(custom_id, requests[custom_id], item.reply) for custom_id, item in results.items()
                    if item.reply is not None]
        refused = f"batch {status.state}: {status.errors}" if status.state == BatchState.FAILED else ""
        failed = [(custom_id, refused or item.error) for custom_id, item in results.items() if item.reply is None]
        counted = self.usage.setdefault(localizer, [0, 0, 0])
        for _, _, reply in answered:
            for index, tokens in enumerate((reply.input_tokens, reply.output_tokens, reply.cached_input_tokens)):
                counted[index] += tokens or 0
        self.store.settle_batch(batch_id, status.state, (status.output_file_id, status.error_file_id), status.errors,
                                localizer, answered, failed)

    def _poll_seconds(self, open_batches: list[tuple[str, str, str, str, str]]) -> float:
        return min(self.experiment.limits_for(provider).batch_poll_seconds for _, provider, *_ in open_batches)

