"""The one interface every sandbox backend implements.

A sandbox runs one command over one work directory. The command sees a fresh, writable,
size-limited work directory as its current directory, filled with a copy of the caller's
``inputs`` folder, and a sub-folder ``.out`` that is the caller's ``outputs`` folder: the only
way anything written inside comes back. Nothing else of the host is visible or writable, no
network is reachable and no host environment variable is passed (the ``local`` backend is the
exception, and says so).

Backends: ``docker`` (containers through a real engine), ``bwrap`` (bubblewrap namespaces) and
``local`` (a plain subprocess with rlimits: unsafe, only on request).
"""

from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flipbench.errors import InputError
from flipbench.model import Language

OUTPUTS = ".out"
"""The sub-folder of the work directory that is the caller's outputs folder."""
INPUTS = ".in"
"""Where the caller's inputs folder is visible (read-only) before being copied into the work directory."""


class SandboxUnavailable(InputError):
    """The requested backend cannot run on this machine; the message says how to fix that."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one sandboxed command."""

    wall_seconds: float = 60.0
    memory_mb: int = 1024
    cpus: float = 1.0
    pids: int = 128
    work_mb: int = 256
    """Size of the writable work directory."""
    file_mb: int = 64
    """Largest file the command may write (anywhere, outputs included)."""


@dataclass(frozen=True)
class Execution:
    """How one sandboxed command ended."""

    exit_code: int | None
    """None when it was killed before it exited by itself."""
    stdout: str
    stderr: str
    timed_out: bool
    reason: str
    """Why it ended, in words: "exited 0", "killed at the 5s timeout", "killed: out of memory", ..."""
    seconds: float
    sandbox: str = ""


@dataclass(frozen=True)
class Invocation:
    """One command for a sandbox: argv run in the work directory, with inputs copied in first."""

    argv: tuple[str, ...]
    inputs: Path
    outputs: Path
    language: Language
    limits: Limits = field(default_factory=Limits)
    stdin: bytes | None = None

    def shell_line(self, stdin_file: str | None = None) -> str:
        """The in-sandbox command line: copy the inputs into the work directory, then run argv
        (reading ``stdin_file``, where the backend cannot stream standard input)."""
        redirect = f" <{shlex.quote(stdin_file)}" if stdin_file else ""
        return f"cp -R {INPUTS}/. . 2>/dev/null; exec {shlex.join(self.argv)}{redirect}"


class Sandbox(ABC):
    """A place to run untrusted code."""

    name: str
    safe: bool = True

    @abstractmethod
    def run(self, invocation: Invocation) -> Execution:
        """Run the invocation to completion (or to its limits)."""

    @abstractmethod
    def python(self) -> str:
        """The Python interpreter to name in commands run inside this sandbox."""

    def close(self) -> None:  # noqa: B027 - an optional hook, not abstract
        """Release anything held between runs (warm containers, clients)."""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def describe_end(exit_code: int | None, *, timed_out: bool, wall_seconds: float, oom: bool = False) -> str:
    """The reason line shared by every backend, so reports read the same whatever ran them."""
    if timed_out:
        return f"killed at the {wall_seconds:g}s timeout"
    if oom:
        return "killed: out of memory"
    if exit_code is None:
        return "killed"
    if exit_code > 128 or exit_code < 0:
        signal_number = exit_code - 128 if exit_code > 128 else -exit_code
        return f"killed by signal {signal_number}" + (" (likely the memory limit)" if signal_number == 9 else "")
    return f"exited {exit_code}"


def scratch_folders(root: Path) -> tuple[Path, Path]:
    """Empty inputs and outputs folders under ``root`` for one :class:`Invocation`."""
    inputs, outputs = root / "in", root / "out"
    inputs.mkdir()
    outputs.mkdir()
    return inputs, outputs


@contextmanager
def staged_for_nobody(invocation: Invocation) -> Iterator[tuple[Path, Path]]:
    """Copies of the inputs (world-readable) and an empty outputs folder (world-writable) for a sandbox
    user that is not the caller; the outputs are copied back to the caller's folder at the end."""
    with tempfile.TemporaryDirectory(prefix="flipbench-stage-") as scratch:
        inputs, outputs = Path(scratch) / "in", Path(scratch) / "out"
        shutil.copytree(invocation.inputs, inputs)
        outputs.mkdir()
        for path in (Path(scratch), inputs, outputs, *inputs.rglob("*")):
            os.chmod(path, 0o777 if path.is_dir() else 0o666)
        try:
            yield inputs, outputs
        finally:
            shutil.copytree(outputs, invocation.outputs, dirs_exist_ok=True)
