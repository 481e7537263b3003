"""The ``docker`` backend: one container per command through the Docker SDK and a real engine.

Each container: no network, a read-only root, a size-limited tmpfs work directory and ``/tmp``,
memory (swap included), CPU and process-count limits, uid 65534, every capability dropped,
no new privileges, and only the environment flipbench sets. Callers batch many programs into
one command so a container start-up is paid per batch.
"""

from __future__ import annotations

import time
from functools import cache

from flipbench.sandbox.base import (
    INPUTS,
    OUTPUTS,
    Execution,
    Invocation,
    Sandbox,
    SandboxUnavailable,
    describe_end,
    staged_for_nobody,
)
from flipbench.sandbox.images import RECIPES, image_present
from flipbench.sandbox.local import clean_environment

WORK = "/work"
STDIN_FILE = ".flipbench-stdin"
"""Standard input, staged as a file beside the inputs: the engine's attach stream gives no clean end of file."""


def docker_client() -> object:
    """A client for the engine named by the environment (DOCKER_HOST) or the default socket."""
    try:
        import docker
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise SandboxUnavailable("the docker Python package is not installed") from error
    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as error:  # noqa: BLE001 - any failure to reach the engine means the same to the user
        raise SandboxUnavailable(f"no Docker engine answers ({type(error).__name__}): start dockerd, "
                                 "or set DOCKER_HOST") from error
    return client


@cache
def docker_problem() -> str | None:
    """Why the docker backend cannot run here (None when it can)."""
    try:
        client = docker_client()
    except SandboxUnavailable as error:
        return str(error)
    missing = [recipe.tag for recipe in RECIPES.values() if not image_present(client, recipe)]
    if missing:
        return f"images not built ({', '.join(missing)}): run `flipbench sandbox build`"
    return None


class DockerSandbox(Sandbox):
    name = "docker"

    def __init__(self, *, cgroup_parent: str | None = None) -> None:
        """``cgroup_parent``: the cgroup the containers are made in (the engine's default when None), so that
        their resources can be accounted to whoever started them (a benchmark, a cluster job)."""
        self._client = docker_client()
        self._cgroup_parent = cgroup_parent

    def python(self) -> str:
        return "python3"

    def run(self, invocation: Invocation) -> Execution:
        from docker.types import Mount, Ulimit

        limits = invocation.limits
        with staged_for_nobody(invocation) as (inputs, outputs):
            started = time.perf_counter()
            stdin_file = None
            if invocation.stdin is not None:
                (inputs / STDIN_FILE).write_bytes(invocation.stdin)
                stdin_file = f"{INPUTS}/{STDIN_FILE}"
            line = invocation.shell_line(stdin_file)
            container = self._client.containers.create(  # type: ignore[attr-defined]
                RECIPES[invocation.language].tag,
                command=["/bin/sh", "-c", line],
                user="65534:65534",
                working_dir=WORK,
                environment=clean_environment(),
                network_mode="none",
                read_only=True,
                cap_drop=["ALL"],
                security_opt=["no-new-privileges"],
                mem_limit=f"{limits.memory_mb}m",
                memswap_limit=f"{limits.memory_mb}m",
                nano_cpus=int(limits.cpus * 1e9),
                pids_limit=limits.pids,
                ulimits=[Ulimit(name="fsize", soft=limits.file_mb << 20, hard=limits.file_mb << 20),
                         Ulimit(name="core", soft=0, hard=0)],
                tmpfs={WORK: f"size={limits.work_mb}m,uid=65534,gid=65534,mode=0755",
                       "/tmp": "size=64m,mode=1777"},
                mounts=[Mount(f"{WORK}/{INPUTS}", str(inputs), type="bind", read_only=True),
                        Mount(f"{WORK}/{OUTPUTS}", str(outputs), type="bind")],
                hostname="sandbox",
                labels={"flipbench": "sandbox"},
                **({"cgroup_parent": self._cgroup_parent} if self._cgroup_parent else {}),
            )
            try:
                container.start()
                timed_out = False
                try:
                    status = container.wait(timeout=limits.wall_seconds)
                except Exception:  # noqa: BLE001 - the SDK raises the transport's timeout type
                    timed_out = True
                    container.kill()
                    status = container.wait(timeout=30)
                container.reload()
                oom = bool(container.attrs["State"].get("OOMKilled"))
                code = int(status.get("StatusCode", -1))
                stdout = container.logs(stdout=True, stderr=False).decode("utf-8", "replace")
                stderr = container.logs(stdout=False, stderr=True).decode("utf-8", "replace")
            finally:
                container.remove(force=True)
            killed = timed_out or oom or code >= 128
            return Execution(None if killed else code, stdout, stderr, timed_out,
                             describe_end(code, timed_out=timed_out, wall_seconds=limits.wall_seconds, oom=oom),
                             time.perf_counter() - started, self.name)

    def close(self) -> None:
        self._client.close()  # type: ignore[attr-defined]
