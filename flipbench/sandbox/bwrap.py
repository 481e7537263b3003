"""The ``bwrap`` backend: bubblewrap with every namespace unshared.

The command runs as uid 65534 (outside the sandbox too, so the process-count rlimit counts only
sandboxed processes), sees the host's ``/usr`` and the few ``/etc`` entries the JDK needs
read-only, a size-limited tmpfs as its work directory and ``/tmp``, no network (a fresh network
namespace has only a down loopback) and an empty environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

from flipbench.sandbox.base import INPUTS, OUTPUTS, Execution, Invocation, Sandbox, staged_for_nobody
from flipbench.sandbox.local import SAFE_PATH, clean_environment, rlimit_setter, run_process

NOBODY = 65534
READ_ONLY = ("/usr", "/etc/alternatives", "/etc/java-17-openjdk", "/etc/ssl/certs")
"""Host paths the sandbox sees: the programs and libraries, and the JDK's configuration."""
WORK = "/work"


@cache
def bwrap_problem() -> str | None:
    """Why bubblewrap cannot run here (None when it can): checked once by running ``true`` in it."""
    binary = shutil.which("bwrap")
    if binary is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    try:
        done = subprocess.run(_command(binary, Path("/nonexistent"), Path("/nonexistent"), ["/usr/bin/true"],
                                       probe=True),
                              capture_output=True, timeout=30, preexec_fn=_as_nobody)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap did not start: {error}"
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"bwrap cannot create namespaces here: {reason[-1] if reason else done.returncode}"
    return None


def _as_nobody() -> None:
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)


def _command(binary: str, inputs: Path, outputs: Path, argv: list[str], *, work_mb: int = 64,
             probe: bool = False) -> list[str]:
    command = [binary, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
               "--uid", str(NOBODY), "--gid", str(NOBODY), "--hostname", "sandbox"]
    for path in READ_ONLY:
        command += ["--ro-bind-try", path, path]
    command += ["--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/sbin", "/sbin", "--proc", "/proc", "--dev", "/dev",
                "--size", str(64 * 1024 * 1024), "--tmpfs", "/tmp",
                "--size", str(work_mb * 1024 * 1024), "--tmpfs", WORK]
    if not probe:
        command += ["--ro-bind", str(inputs), f"{WORK}/{INPUTS}", "--bind", str(outputs), f"{WORK}/{OUTPUTS}"]
    command += ["--remount-ro", "/", "--chdir", WORK, "--clearenv"]
    for name, value in clean_environment().items():
        command += ["--setenv", name, value]
    return [*command, "--", *argv]


class BwrapSandbox(Sandbox):
    name = "bwrap"

    def python(self) -> str:
        return "python3"

    def run(self, invocation: Invocation) -> Execution:
        with staged_for_nobody(invocation) as (inputs, outputs):
            command = _command(shutil.which("bwrap") or "bwrap", inputs, outputs,
                               ["/bin/sh", "-c", invocation.shell_line()], work_mb=invocation.limits.work_mb)
            limits = rlimit_setter(invocation.limits, address_space=invocation.language == "python", processes=True)

            def preexec() -> None:
                _as_nobody()
                limits()

            return run_process(command, cwd=None, env={"PATH": SAFE_PATH}, stdin=invocation.stdin,
                               limits=invocation.limits, preexec=preexec, sandbox=self.name)
