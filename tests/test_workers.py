"""The worker pool: items streamed to processes, results and reports back, failures loud, no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workerjobs import Collect, Environment, FailOn

from flipbench.runs.workers import WorkerFailed, stream_to_workers


def ignore(index: int, report: object) -> None:
    pass


def test_every_item_reaches_exactly_one_worker_and_results_come_back_in_worker_order():
    results = stream_to_workers(range(5000), Collect(), workers=3, on_report=ignore)
    assert len(results) == 3 and len({pid for pid, _ in results}) == 3
    taken = [item for _, items in results for item in items]
    assert sorted(taken) == list(range(5000))


def test_reports_reach_the_parent_while_the_workers_run():
    reports = []
    stream_to_workers(range(1000), Collect(report_every=100), workers=2,
                      on_report=lambda index, report: reports.append((index, report)))
    progress = [count for _, count in reports if isinstance(count, int)]
    assert {index for index, _ in reports} == {0, 1} and sum(progress) >= 800


def test_items_are_pulled_as_workers_take_them_not_all_at_once():
    pulled = 0
    processed = {0: 0, 1: 0}
    widest_gap = 0

    def items():
        nonlocal pulled
        for item in range(200_000):
            pulled += 1
            yield item

    def progress(index: int, report: object) -> None:
        nonlocal widest_gap
        if isinstance(report, int):
            processed[index] = report
            widest_gap = max(widest_gap, pulled - sum(processed.values()))

    stream_to_workers(items(), Collect(report_every=50), workers=2, on_report=progress)
    assert pulled == 200_000 and 0 < widest_gap < 3_000


def test_a_worker_that_raises_fails_the_pool_with_its_traceback():
    with pytest.raises(WorkerFailed, match=r"(?s)worker \d failed.*ValueError: cannot take item 77"):
        stream_to_workers(range(1000), FailOn(77), workers=2, on_report=ignore)


def test_a_worker_that_exits_without_a_word_fails_the_pool_naming_it():
    with pytest.raises(WorkerFailed, match=r"worker \d exited with code 3 before finishing"):
        stream_to_workers(range(1000), FailOn(77, vanish=True), workers=2, on_report=ignore)


def test_workers_take_the_parents_current_environment_and_directory(monkeypatch, tmp_path):
    stream_to_workers(range(10), Collect(), workers=1, on_report=ignore)  # the fork server is running now
    monkeypatch.setenv("FLIPBENCH_WORKER_TEST", "set after the fork server started")
    monkeypatch.chdir(tmp_path)
    [(value, directory)] = stream_to_workers(range(10), Environment("FLIPBENCH_WORKER_TEST"), workers=1,
                                             on_report=ignore)
    assert value == "set after the fork server started" and Path(directory) == tmp_path


PARENT = """
import itertools, sys
from flipbench.runs.workers import stream_to_workers
from workerjobs import Collect

def show(index, report):
    if isinstance(report, tuple):
        print(report[1], flush=True)

if __name__ == "__main__":
    stream_to_workers(itertools.count(), Collect(report_every=10, seconds_per_item=0.01), workers=2, on_report=show)
"""


def start_parent(folder: Path, source: str) -> subprocess.Popen:
    """A pool's parent as a process of its own (in its own process group, as a terminal would start
    it), printing what it is told on stdout."""
    script = folder / "parent.py"
    script.write_text(source)
    environment = os.environ | {"PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    return subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=environment,
                            start_new_session=True)


def running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap the orphans it inherits)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_parent_killed_with_sigkill(tmp_path):
    parent = start_parent(tmp_path, PARENT)
    workers = [int(parent.stdout.readline()) for _ in range(2)]
    assert all(running(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in workers)


SALVAGING_PARENT = """
import itertools
from flipbench.runs.workers import stream_to_workers
from workerjobs import ReportWhenStopped

def show(index, report):
    print(report[0], index, report[1], flush=True)

if __name__ == "__main__":
    try:
        stream_to_workers(itertools.count(), ReportWhenStopped(), workers=2, on_report=show)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
"""


def test_after_ctrl_c_the_parent_keeps_what_the_stopping_workers_report(tmp_path):
    parent = start_parent(tmp_path, SALVAGING_PARENT)
    started = [parent.stdout.readline().split() for _ in range(2)]
    assert [line[0] for line in started] == ["started", "started"]
    time.sleep(0.5)
    os.killpg(parent.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    rest = parent.communicate(timeout=30)[0].split("\n")
    stopped = {int(line.split()[1]): int(line.split()[2]) for line in rest if line.startswith("stopped")}
    assert set(stopped) == {0, 1} and all(count > 0 for count in stopped.values())
    assert rest[-2] == "interrupted" and parent.returncode == 0
