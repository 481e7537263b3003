"""Running one untrusted command in isolation: the ``Sandbox`` interface, the choice of a backend, and
the ``local``, ``bwrap`` and ``docker`` backends (see :mod:`flipbench.sandbox.base`)."""

from flipbench.public import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "base": (
        "INPUTS", "OUTPUTS", "Execution", "Invocation", "Limits", "Sandbox", "SandboxUnavailable",
        "describe_end", "scratch_folders", "staged_for_nobody",
    ),
    "bwrap": ("bwrap_problem",),
    "choice": ("BACKENDS", "SANDBOX_NAMES", "Backend", "open_sandbox"),
    "docker": ("docker_client", "docker_problem"),
    "images": ("RECIPES", "build_image"),
})
