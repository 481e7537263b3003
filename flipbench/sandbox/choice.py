"""Which backend runs the programs: the one named, or the safest that works on this machine."""

from __future__ import annotations

from flipbench.errors import InputError
from flipbench.sandbox.base import Sandbox, SandboxUnavailable
from flipbench.sandbox.bwrap import BwrapSandbox, bwrap_problem
from flipbench.sandbox.docker import DockerSandbox, docker_problem
from flipbench.sandbox.local import LocalSandbox

SANDBOX_NAMES = ("docker", "bwrap", "local")


def open_sandbox(name: str | None = None) -> Sandbox:
    """The named backend, or the best one available: docker, then bwrap; never local unless named."""
    if name is not None and name not in SANDBOX_NAMES:
        raise InputError(f"unknown sandbox {name!r}: choose one of {', '.join(SANDBOX_NAMES)}")
    if name == "local":
        return LocalSandbox()
    if name == "docker":
        problem = docker_problem()
        if problem:
            raise SandboxUnavailable(f"sandbox docker: {problem}")
        return DockerSandbox()
    if name == "bwrap":
        problem = bwrap_problem()
        if problem:
            raise SandboxUnavailable(f"sandbox bwrap: {problem}")
        return BwrapSandbox()
    docker, bwrap = docker_problem(), bwrap_problem()
    if docker is None:
        return DockerSandbox()
    if bwrap is None:
        return BwrapSandbox()
    raise SandboxUnavailable(
        f"no sandbox available (docker: {docker}; bwrap: {bwrap}). Fix one: start a Docker engine and run "
        "`flipbench sandbox build`, or install bubblewrap (`apt-get install bubblewrap`); "
        "or pass --sandbox local to run untrusted code unsandboxed")
