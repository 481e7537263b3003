"""Which backend runs the programs: the one named, or the safest that works on this machine.

A backend is registered once in ``BACKENDS``: its class, the function that says why it cannot run
here (None when it can), and whether it isolates programs (only isolating backends are ever
chosen without being named). ``SANDBOX_NAMES`` and the ``--sandbox`` choices follow from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flipbench.errors import InputError
from flipbench.sandbox.base import Sandbox, SandboxUnavailable
from flipbench.sandbox.bwrap import BwrapSandbox, bwrap_problem
from flipbench.sandbox.docker import DockerSandbox, docker_problem
from flipbench.sandbox.local import LocalSandbox


@dataclass(frozen=True)
class Backend:
    make: Callable[[], Sandbox]
    problem: Callable[[], str | None]
    """Why the backend cannot run here, or None."""
    isolating: bool
    """Whether it may be chosen when no backend is named (``local`` never is)."""


BACKENDS: dict[str, Backend] = {  # in order of preference
    "docker": Backend(DockerSandbox, docker_problem, isolating=True),
    "bwrap": Backend(BwrapSandbox, bwrap_problem, isolating=True),
    "local": Backend(LocalSandbox, lambda: None, isolating=False),
}
SANDBOX_NAMES = tuple(BACKENDS)


def open_sandbox(name: str | None = None) -> Sandbox:
    """The named backend, or the first isolating one that works here: docker, then bwrap."""
    if name is not None:
        backend = BACKENDS.get(name)
        if backend is None:
            raise InputError(f"unknown sandbox {name!r}: choose one of {', '.join(SANDBOX_NAMES)}")
        problem = backend.problem()
        if problem:
            raise SandboxUnavailable(f"sandbox {name}: {problem}")
        return backend.make()
    problems = {}
    for candidate, backend in BACKENDS.items():
        if backend.isolating:
            problems[candidate] = backend.problem()
            if problems[candidate] is None:
                return backend.make()
    found = "; ".join(f"{candidate}: {problem}" for candidate, problem in problems.items())
    raise SandboxUnavailable(
        f"no sandbox available ({found}). Fix one: start a Docker engine and run "
        "`flipbench sandbox build`, or install bubblewrap (`apt-get install bubblewrap`); "
        "or pass --sandbox local to run untrusted code unsandboxed")
