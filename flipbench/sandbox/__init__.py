"""Running one untrusted command in isolation: the ``Sandbox`` interface, the choice of a backend, and
the ``local``, ``bwrap`` and ``docker`` backends (see :mod:`flipbench.sandbox.base`)."""

from flipbench.sandbox.base import (
    INPUTS,
    OUTPUTS,
    Execution,
    Invocation,
    Limits,
    Sandbox,
    SandboxUnavailable,
    describe_end,
    scratch_folders,
    staged_for_nobody,
)
from flipbench.sandbox.bwrap import bwrap_problem
from flipbench.sandbox.choice import BACKENDS, SANDBOX_NAMES, Backend, open_sandbox
from flipbench.sandbox.docker import docker_client, docker_problem
from flipbench.sandbox.images import RECIPES, build_image

__all__ = [
    "BACKENDS", "INPUTS", "OUTPUTS", "RECIPES", "SANDBOX_NAMES", "Backend", "Execution", "Invocation", "Limits",
    "Sandbox", "SandboxUnavailable", "build_image", "bwrap_problem", "describe_end", "docker_client",
    "docker_problem", "open_sandbox", "scratch_folders", "staged_for_nobody",
]
