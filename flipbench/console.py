"""Terminal output: aligned plain-text tables, canonical JSON and progress, for every CLI verb alike."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO, TypeVar

from tqdm import tqdm

from flipbench import codec

T = TypeVar("T")
PROGRESS_SECONDS = 10.0
"""How often a progress line is printed when stderr is not a terminal (``FLIPBENCH_PROGRESS_SECONDS``)."""


def print_json(value: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(codec.to_data(value), indent=2, ensure_ascii=False) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO | None = None) -> None:
    """Columns padded to their widest cell; numbers right-aligned."""
    out = out or sys.stdout
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(header)] + [len(row[i]) for row in cells]) for i, header in enumerate(headers)]
    numeric = [all(_is_number(row[i]) for row in rows) and bool(rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if right else value.ljust(width) for value, width, right in zip(values, widths, numeric)
        ).rstrip()

    out.write(line(list(headers)) + "\n")
    out.write(line(["-" * width for width in widths]) + "\n")
    for row in cells:
        out.write(line(row) + "\n")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def progress(iterable: Iterable[T] | None = None, *, total: int | None = None, desc: str, unit: str = "it",
             out: TextIO | None = None) -> tqdm | LogProgress:
    """A progress bar on a terminal; elsewhere (CI, ``nohup``, a pipe) one log line every
    ``PROGRESS_SECONDS``, so a long job is never silent. Either one is used like a tqdm bar."""
    out = out or sys.stderr
    if os.environ.get("TQDM_DISABLE"):  # tqdm's own switch (benchmarks set it) silences both kinds
        return tqdm(iterable, total=total, disable=True)
    if _is_terminal(out):
        return tqdm(iterable, total=total, desc=desc, unit=unit, file=out, dynamic_ncols=True)
    seconds = float(os.environ.get("FLIPBENCH_PROGRESS_SECONDS", PROGRESS_SECONDS))
    return LogProgress(iterable, total=total, desc=desc, unit=unit, out=out, every=seconds)


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


class LogProgress:
    """The subset of tqdm's bar the harness uses, printing ``desc: n/total unit (rate, elapsed)`` lines:
    the first after ``every`` seconds, then every ``every`` seconds, and a last one on close when any
    was printed (short jobs stay quiet)."""

    def __init__(self, iterable: Iterable[T] | None = None, *, total: int | None, desc: str, unit: str,
                 out: TextIO, every: float) -> None:
        self.iterable, self.total, self.desc, self.unit = iterable, total, desc, unit
        if total is None and iterable is not None and hasattr(iterable, "__len__"):
            self.total = len(iterable)  # type: ignore[arg-type]
        self.out, self.every = out, every
        self.n = 0
        self.postfix = ""
        self.started = time.monotonic()
        self.next_line = self.started + every
        self.printed = False
        self.closed = False

    def __iter__(self) -> Iterator[T]:
        for item in self.iterable or ():
            yield item
            self.update(1)
        self.close()

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def update(self, n: int = 1) -> None:
        self.n += n
        if time.monotonic() >= self.next_line:
            self._line()

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        self.postfix = text

    def close(self) -> None:
        if not self.closed and self.printed:
            self._line(final=True)
        self.closed = True

    def _line(self, final: bool = False) -> None:
        now = time.monotonic()
        elapsed = now - self.started
        done = f"{self.n}/{self.total}" if self.total is not None else str(self.n)
        rate = f"{self.n / elapsed:.1f} {self.unit}/s" if elapsed > 0 else "-"
        extra = f", {self.postfix}" if self.postfix else ""
        state = "done, " if final else ""
        self.out.write(f"{self.desc}: {done} {self.unit} ({state}{rate}, {_clock(elapsed)} elapsed{extra})\n")
        self.out.flush()
        self.printed = True
        self.next_line = now + self.every


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
