"""The ``local`` backend: a plain subprocess with rlimits. Not a sandbox: the code can reach the
network and read whatever the user can. Used only when asked for by name, and it says so."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from flipbench.sandbox.base import INPUTS, OUTPUTS, Execution, Invocation, Limits, Sandbox, describe_end

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"


def clean_environment() -> dict[str, str]:
    """The whole environment a sandboxed command gets: nothing of the host's (no API keys)."""
    return {"PATH": SAFE_PATH, "LANG": "C.UTF-8", "HOME": "/tmp", "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}


def rlimit_setter(limits: Limits, *, address_space: bool, processes: bool) -> Callable[[], None]:
    """A preexec function applying the limits an unprivileged process can enforce on itself."""

    def apply() -> None:
        os.setsid()
        megabyte = 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * megabyte,) * 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        cpu = int(limits.wall_seconds * max(limits.cpus, 1)) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * megabyte,) * 2)
        if processes:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.pids,) * 2)

    return apply


def run_process(argv: list[str], *, cwd: Path | None, env: dict[str, str], stdin: bytes | None,
                limits: Limits, preexec: Callable[[], None], sandbox: str) -> Execution:
    """Run argv in its own session; on timeout kill the whole process group (forks included)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec)
    timed_out = False
    try:
        out, err = process.communicate(stdin, timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(process.pid)
        out, err = process.communicate()
    _kill_group(process.pid)  # leftovers a finished command forked into the background
    code = process.returncode
    return Execution(None if timed_out or code < 0 else code, _text(out), _text(err), timed_out,
                     describe_end(code, timed_out=timed_out, wall_seconds=limits.wall_seconds),
                     time.perf_counter() - started, sandbox)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "replace")


class LocalSandbox(Sandbox):
    """Runs commands as the current user, in a temporary directory, with rlimits only."""

    name = "local"
    safe = False

    def __init__(self, *, quiet: bool = False) -> None:
        if not quiet:
            warnings.warn("sandbox 'local' runs untrusted code unsandboxed (rlimits only: no network or "
                          "file-system isolation)", stacklevel=2)

    def python(self) -> str:
        return sys.executable

    def run(self, invocation: Invocation) -> Execution:
        with tempfile.TemporaryDirectory(prefix="flipbench-local-") as scratch:
            work = Path(scratch)
            shutil.copytree(invocation.inputs, work, dirs_exist_ok=True)
            (work / INPUTS).symlink_to(invocation.inputs.resolve())
            (work / OUTPUTS).symlink_to(invocation.outputs.resolve())
            # the JVM reserves far more address space than it uses: for Java the heap flag limits memory
            preexec = rlimit_setter(invocation.limits, address_space=invocation.language == "python",
                                    processes=os.getuid() != 0)
            return run_process(list(invocation.argv), cwd=work, env=clean_environment(), stdin=invocation.stdin,
                               limits=invocation.limits, preexec=preexec, sandbox=self.name)
