"""Certification that overlaps the model stages: variants are made and certified on a thread of their
own while the executor asks the model, and stage 2 asks about a faulty program's variants as soon as
they are stored, not after every faulty program's.

Only where stage 2 depends on nothing stage 1 answers: mode ``all`` and no filter (every faulty
program goes on to stage 2) and no model-written content (whose variants need the writers' answers). Then the
variants thread starts before stage 1, and stage 2's tasks stream from the faulty programs in plan
order, each waiting (if it must) until its variants step is recorded. The thread writes through a
run-store connection of its own (one connection is never shared between threads; SQLite serializes
the two writers), so what it stores is exactly what the serial path stores, in the same steps, and a
killed run resumes the same way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import Task
from flipbench.runs.store import Store

POLL_SECONDS = 0.05
"""How often a wait for a faulty program's variants looks at the run store."""


def overlaps(experiment: Experiment) -> bool:
    """Whether the variants may be certified while the model stages run: stage 2 must not depend on
    stage 1's answers (mode ``all``, no stage-2 filter, built-in content only)."""
    return experiment.mode == "all" and experiment.filter == "none" and experiment.content == "builtin"


class Background:
    """One preparation step on a thread of its own, with its own connection to the run store in
    ``folder``; a failure there is raised again on the thread that waits for it."""

    def __init__(self, folder: Path, work: Callable[[Store], None], *, name: str = "flipbench-certify") -> None:
        self.folder, self.work = folder, work
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Background:
        self.thread.start()
        return self

    def _run(self) -> None:
        try:
            with Store(self.folder) as store:
                self.work(store)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread, which raises it
            self.error = error

    def wait_for(self, condition: Callable[[], bool]) -> None:
        """Return once ``condition()`` holds (it becomes true through what the step stores); raise what the
        step failed with, or an error when it ended without making it true."""
        while not condition():
            if not self.thread.is_alive():
                self._raise_failure()
                if not condition():
                    raise RuntimeError("the background step ended without storing what was waited for")
                return
            time.sleep(POLL_SECONDS)

    def join(self) -> None:
        self.thread.join()
        self._raise_failure()

    def _raise_failure(self) -> None:
        if self.error is not None:
            raise self.error


class StreamedStage:
    """A stage's tasks as the plan yields them (its subjects' lookups wait on ``background``), those in
    ``done`` (finished by an earlier invocation) counted in ``finished`` instead; the background step is
    joined when the plan is exhausted, so the stage ends only when every variant is stored."""

    def __init__(self, plan: Iterable[Task], done: set[str], background: Background) -> None:
        self.plan, self.done, self.background = plan, done, background
        self.finished = 0

    def __iter__(self) -> Iterator[Task]:
        for task in self.plan:
            if task.id in self.done:
                self.finished += 1
            else:
                yield task
        self.background.join()
