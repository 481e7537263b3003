"""CPU seconds of everything a benchmark starts, sandboxes included, for scripts/bench_*.py.

A bwrap sandbox's processes live in namespaces of their own and are reaped there, so they escape the
``children`` times of ``os.times()``; a docker container runs in a cgroup the engine makes. So the
meter moves this process into a cgroup of its own (every process it starts from then on is counted
there, however deep), and :meth:`CpuMeter.sandbox` opens a docker sandbox whose containers are made
inside that cgroup (``cgroup_parent``): one counter for the benchmark, its sandboxes and their
programs, whatever else runs on the machine. Starting a container also costs the engine's daemons
CPU; :meth:`CpuMeter.engine_seconds` reads theirs, which other users of the engine share. Needs root
and a cgroup ``cpuacct`` hierarchy (v1) or cgroup v2; without them it falls back to ``os.times()``
(``exact`` is then False: bwrap's and docker's programs are not counted).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from pathlib import Path

from flipbench.sandbox import Sandbox, SandboxUnavailable, docker_problem, open_sandbox

V1 = Path("/sys/fs/cgroup/cpuacct")
V2 = Path("/sys/fs/cgroup")
DAEMONS = ("dockerd", "containerd")


def _cgroup_seconds(path: Path) -> float:
    text = path.read_text()
    if path.name == "cpu.stat":
        return int(text.split("usage_usec")[1].split()[0]) / 1e6
    return int(text) / 1e9


def _process_seconds(name: str) -> float:
    found = subprocess.run(["pidof", name], capture_output=True, text=True).stdout.split()
    total = 0.0
    for pid in found:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


class CpuMeter:
    """``seconds()``: CPU used so far by this process and all it started after the meter was made,
    containers of :meth:`sandbox` included."""

    def __init__(self) -> None:
        self.cgroup: Path | None = None
        for root, usage in ((V1, "cpuacct.usage"), (V2, "cpu.stat")):
            candidate = root / f"flipbench-bench-{os.getpid()}"
            try:
                candidate.mkdir(exist_ok=True)
                if not (candidate / usage).exists():
                    candidate.rmdir()
                    continue
                (candidate / "cgroup.procs").write_text(str(os.getpid()))
            except OSError:
                continue
            self.cgroup, self.usage = candidate, candidate / usage
            break
        self.exact = self.cgroup is not None

    def seconds(self) -> float:
        if self.cgroup is not None:
            return _cgroup_seconds(self.usage)
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    @staticmethod
    def engine_seconds() -> float:
        """CPU used so far by the docker engine's daemons (every user's containers cost them some)."""
        return sum(_process_seconds(name) for name in DAEMONS)

    def sandbox(self, name: str) -> Sandbox:
        """The named backend; for docker, one whose containers are counted by this meter."""
        if name == "docker" and self.cgroup is not None:
            from flipbench.sandbox.docker import DockerSandbox

            problem = docker_problem()
            if problem is not None:
                raise SandboxUnavailable(f"sandbox docker: {problem}")
            return DockerSandbox(cgroup_parent=f"/{self.cgroup.name}")
        return open_sandbox(name)

    def close(self) -> None:
        """Back to the parent cgroup; the meter's cgroups (the engine made some in other hierarchies) removed."""
        if self.cgroup is not None:
            (self.cgroup.parent / "cgroup.procs").write_text(str(os.getpid()))
            folders = [self.cgroup, *self.cgroup.parent.parent.glob(f"*/{self.cgroup.name}")]
            for _ in range(50):  # the last processes it started may take a moment to be reaped
                for folder in list(folders):
                    with contextlib.suppress(OSError):
                        folder.rmdir()
                        folders.remove(folder)
                if not folders:
                    break
                time.sleep(0.1)
            self.cgroup = None

    def __enter__(self) -> CpuMeter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
