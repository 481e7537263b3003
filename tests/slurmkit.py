"""A real single-node Slurm cluster for the tests: Debian's munged, slurmctld and slurmd in the foreground,
with a generated slurm.conf in a temporary folder, every address 127.0.0.1, stopped afterwards.

slurmctld and slurmd listen on all interfaces (they cannot be bound to one), on free ports chosen here;
every node and service is addressed as 127.0.0.1, so no traffic goes elsewhere. Installed by
``scripts/setup.sh --test`` (packages ``slurmctld slurmd munge``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

DAEMONS = ("munged", "slurmctld", "slurmd")
CONF = """\
ClusterName=flipbench
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort={controller_port}
SlurmdPort={node_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket={munge_socket}
CredType=cred/munge
StateSaveLocation={folder}/state
SlurmdSpoolDir={folder}/spool
SlurmctldPidFile={folder}/slurmctld.pid
SlurmdPidFile={folder}/slurmd.pid
SlurmctldLogFile={folder}/slurmctld.log
SlurmdLogFile={folder}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
KillWait=2
MinJobAge=600
SchedulerParameters=sched_interval=1
NodeName=localhost NodeAddr=127.0.0.1 NodeHostname=localhost CPUs={cpus} RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
"""


def missing() -> list[str]:
    """The daemons and commands that are not installed here."""
    needed = [*DAEMONS, "sbatch", "squeue", "scancel", "srun", "sinfo"]
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    return [name for name in needed if shutil.which(name, path=search) is None]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _daemon(name: str) -> str:
    found = shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
    assert found is not None, f"{name} is not installed"
    return found


class LocalSlurm:
    """``with LocalSlurm(folder) as cluster:`` a cluster whose client commands (sbatch, squeue, scancel) find it
    through ``SLURM_CONF``, set for this process (and so for the jobs it submits) while it runs."""

    def __init__(self, folder: Path, cpus: int = 2) -> None:
        self.folder, self.cpus = folder, cpus
        self.processes: list[subprocess.Popen] = []
        self.conf = folder / "slurm.conf"
        self._previous_conf: str | None = None

    def __enter__(self) -> LocalSlurm:
        folder = self.folder
        for name in ("state", "spool", "munge", "sock"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / "munge").chmod(0o700)
        (folder / "sock").chmod(0o755)
        key = folder / "munge" / "munge.key"
        key.write_bytes(os.urandom(1024))
        key.chmod(0o600)
        munge_socket = folder / "sock" / "munge.socket"
        self.conf.write_text(CONF.format(folder=folder, munge_socket=munge_socket, controller_port=_free_port(),
                                         node_port=_free_port(), cpus=self.cpus))
        self._previous_conf = os.environ.get("SLURM_CONF")
        os.environ["SLURM_CONF"] = str(self.conf)
        try:
            self._start([_daemon("munged"), "--foreground", "--force", f"--socket={munge_socket}",
                         f"--key-file={key}", f"--log-file={folder}/munged.log", f"--pid-file={folder}/munged.pid",
                         f"--seed-file={folder}/munge/seed"], "munged")
            self._wait(lambda: munge_socket.exists(), "munged", 20)
            self._start([_daemon("slurmctld"), "-D", "-i", "-f", str(self.conf)], "slurmctld")
            self._start([_daemon("slurmd"), "-D", "-N", "localhost", "-f", str(self.conf)], "slurmd")
            self._wait(self._node_idle, "slurmd to register with slurmctld", 60)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        if self.processes:
            self._cancel_jobs()
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        self._kill_leftover_steps()
        if self._previous_conf is None:
            os.environ.pop("SLURM_CONF", None)
        else:
            os.environ["SLURM_CONF"] = self._previous_conf

    def _cancel_jobs(self) -> None:
        """Every job cancelled while the daemons still run, so their steps end as Slurm ends them."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            subprocess.run(["scancel", "--full", f"--user={os.getuid()}"], capture_output=True, timeout=30)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and self.squeue():
                time.sleep(0.5)

    def _kill_leftover_steps(self) -> None:
        """A job step (slurmstepd and what it runs) outlives slurmd: kill every process this cluster started,
        known by the ``SLURM_CONF`` in its environment."""
        marker = f"SLURM_CONF={self.conf}".encode()
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit() or int(proc.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if marker in (proc / "environ").read_bytes().split(b"\0"):
                    os.kill(int(proc.name), 9)

    def _start(self, command: list[str], name: str) -> None:
        log = (self.folder / f"{name}.out").open("wb")
        self.processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))

    def _wait(self, ready, what: str, seconds: float) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args[0]} exited ({process.returncode}); see {self.folder}")
            if ready():
                return
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for {what}; see the logs in {self.folder}")

    def _node_idle(self) -> bool:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            shown = subprocess.run(["sinfo", "--noheader", "--format=%T"], capture_output=True, text=True, timeout=10)
            return shown.stdout.strip() in ("idle", "mixed", "allocated")
        return False

    def squeue(self) -> list[tuple[str, str]]:
        """(job id, state) of every job the controller lists, array tasks one by one."""
        shown = subprocess.run(["squeue", "--noheader", "--array", "--format=%i %T"], capture_output=True, text=True,
                               timeout=30, check=True)
        return [tuple(line.split()) for line in shown.stdout.splitlines() if line.strip()]  # type: ignore[misc]

    def scancel(self, job: str) -> None:
        subprocess.run(["scancel", job], check=True, timeout=30)

    def signal(self, job: str, name: str) -> None:
        """Send a signal to a job's steps, as Slurm does before preempting it or at its time limit."""
        subprocess.run(["scancel", f"--signal={name}", job], check=True, timeout=30)
