"""Tool localizers: ``tool/<name>``, an external program (a static analyzer, an AI code-review tool) that
reports findings, declared in the experiment file as ``[tools.<name>]``.

Each task gets a fresh working directory holding the subject under its program's real file name,
optionally the program's tests, and for ``view = "diff"`` the change as a unified diff
(``change.diff``); the command runs there, with the placeholders ``{workdir}``, ``{file}``, ``{diff}``,
``{language}`` and ``{draw}`` filled in. Its output is read in the declared format
(:mod:`flipbench.localizers.findings`) and its findings on the file become the predicted lines.
No finding is a wrong answer with no lines; a crash, a timeout, or output that cannot be read is an
error, with stdout and stderr kept beside the task, never a wrong answer.

The run caches a tool's output under its command, its version string (``version_command``'s output,
read once when the run starts) and the bytes of every file it is given: a resumed run runs nothing
twice, and a deterministic tool is run once per input (a variant's control reuses stage 1's output;
put ``{draw}`` in the command to run a sampling tool once per draw). Only the names in ``env`` are
passed from flipbench's environment (their values are never stored); the tool sees ``PATH`` (with
flipbench's own environment's ``bin`` first, so tools installed beside flipbench are found), ``LANG`` and
a ``HOME`` in its working directory besides. A literal brace in the command is written ``{{`` / ``}}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

from flipbench.errors import InputError
from flipbench.localizers.base import ModelSpec, Reply
from flipbench.localizers.findings import OUTPUT_FORMATS, OutputFormat, UnreadableOutput, predicted_lines, read_findings
from flipbench.localizers.protocol import (
    Capabilities,
    Draw,
    LocalizerAnswer,
    LocalizerSettings,
    TaskContext,
    ToolFailed,
    Unanswered,
)
from flipbench.localizers.reviews import Review, file_name, unified_diff
from flipbench.model import Subject

TOOL = "tool"
"""The provider prefix of tool localizers."""
ToolSandbox = Literal["none", "bwrap", "docker"]
TOOL_SANDBOXES: tuple[ToolSandbox, ...] = ("none", "bwrap", "docker")
DIFF_FILE = "change.diff"
PLACEHOLDERS = ("workdir", "file", "diff", "language", "draw")
KEPT_OUTPUT = 4000
"""Characters of stdout and of stderr kept beside a task that ended in error."""
VERSION_SECONDS = 30.0
DOCKER_WORKDIR = "/work"


@dataclass(frozen=True)
class ToolConfig:
    """One ``[tools.<name>]`` table of the experiment file."""

    command: tuple[str, ...]
    output: OutputFormat = "sarif"
    view: Literal["file", "diff"] = "file"
    timeout: float = 120.0
    concurrency: int = 4
    sandbox: ToolSandbox = "none"
    env: tuple[str, ...] = ()
    """Environment variables passed through by name (an API key); their values are never stored."""
    version_command: tuple[str, ...] = ()
    tests: bool = False
    """Put the program's tests in the working directory too."""
    image: str = ""
    """The docker image to run the command in (``sandbox = "docker"``)."""
    network: bool = False
    """Let a ``bwrap`` or ``docker`` sandboxed tool reach the network (an AI review tool calling its API)."""

    def __post_init__(self) -> None:
        if not self.command or not all(isinstance(part, str) for part in self.command):
            raise InputError("command must be a non-empty list of strings")
        if self.output not in OUTPUT_FORMATS:
            raise InputError(f"output must be one of {', '.join(OUTPUT_FORMATS)}, not {self.output!r}")
        if self.view not in ("file", "diff"):
            raise InputError(f"view must be 'file' or 'diff', not {self.view!r}")
        if self.sandbox not in TOOL_SANDBOXES:
            raise InputError(f"sandbox must be one of {', '.join(TOOL_SANDBOXES)}, not {self.sandbox!r}")
        if self.sandbox == "docker" and not self.image:
            raise InputError("sandbox = \"docker\" needs an image (image = \"...\")")
        if isinstance(self.timeout, bool) or not isinstance(self.timeout, int | float) or self.timeout <= 0:
            raise InputError(f"timeout must be a positive number of seconds, not {self.timeout!r}")
        if isinstance(self.concurrency, bool) or not isinstance(self.concurrency, int) or self.concurrency < 1:
            raise InputError(f"concurrency must be a positive integer, not {self.concurrency!r}")
        for part in self.command:
            for name in _placeholders(part):
                if name not in PLACEHOLDERS:
                    raise InputError(f"command: unknown placeholder {{{name}}} (known: "
                                     + ", ".join(f"{{{known}}}" for known in PLACEHOLDERS) + ")")
        if self.view == "file" and any("{diff}" in part for part in self.command):
            raise InputError("command uses {diff}, which only view = \"diff\" provides")

    @classmethod
    def from_table(cls, table: Any) -> ToolConfig:
        """The config a TOML table declares (InputError names the key at fault)."""
        if not isinstance(table, dict):
            raise InputError("must be a table")
        names = {field.name for field in dataclasses.fields(cls)}
        unknown = set(table) - names
        if unknown:
            raise InputError(f"unknown keys {', '.join(sorted(unknown))} (known: {', '.join(sorted(names))})")
        if "command" not in table:
            raise InputError("needs a command (a list of strings)")
        values = dict(table)
        for key in ("command", "env", "version_command"):
            if key in values:
                value = values[key]
                if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
                    raise InputError(f"{key} must be a list of strings")
                values[key] = tuple(value)
        for key in ("tests", "network"):
            if key in values and not isinstance(values[key], bool):
                raise InputError(f"{key} must be true or false")
        return cls(**values)

    def cache_identity(self) -> dict[str, Any]:
        """What of the config changes a tool's output (concurrency and timeout do not, so a resumed run may
        change them)."""
        return {"command": self.command, "sandbox": self.sandbox, "image": self.image, "network": self.network,
                "env": self.env, "tests": self.tests, "view": self.view}


def _placeholders(part: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(part) if name is not None]


@dataclass(frozen=True)
class ToolLocalizer:
    """A tool run on each subject in a fresh working directory; its findings are the answer."""

    spec: ModelSpec
    config: ToolConfig
    version: str
    review: Review = Review()

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(remote=True, concurrency=self.config.concurrency)

    async def localize(self, subject: Subject, draw: Draw, context: TaskContext) -> LocalizerAnswer:
        files = self.files(subject)
        key = self.cache_key(subject, draw, files)
        response = await context.run_tool(key, lambda: self.run(subject, draw, files))
        run = json.loads(response.reply.raw)
        try:
            findings = read_findings(response.reply.text, self.config.output)
        except UnreadableOutput as error:
            raise Unanswered(f"unreadable output: {error}; {_tails(run)}") from None
        lines = predicted_lines(findings, file_name(subject), subject.line_count, (run.get("workdir", ""),))
        if not findings and run.get("exit_code"):
            raise Unanswered(f"tool exited {run['exit_code']} without a finding; {_tails(run)}")
        return LocalizerAnswer(lines, f"{TOOL}:{self.config.output}", response)

    def files(self, subject: Subject) -> dict[str, bytes]:
        """The working directory's files: the subject, its tests (``tests = true``), the diff (``view = "diff"``)."""
        files = {file_name(subject): subject.source.encode("utf-8")}
        if self.config.tests and subject.tests is not None:
            files[subject.tests.filename] = subject.tests.source.encode("utf-8")
        if self.config.view == "diff":
            files[DIFF_FILE] = unified_diff(subject, self.review).encode("utf-8")
        return files

    def cache_key(self, subject: Subject, draw: Draw, files: Mapping[str, bytes]) -> str:
        """The command, the version string and the input bytes (and the draw, when the command names it)."""
        identity = {"tool": self.config.cache_identity(), "version": self.version, "language": subject.language,
                    "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
                    "draw": draw.label if any("{draw}" in part for part in self.config.command) else None}
        return "tool:" + hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:32]

    async def run(self, subject: Subject, draw: Draw, files: Mapping[str, bytes]) -> Reply:
        """Run the tool once; a crash or a timeout raises :class:`ToolFailed` (it is not cached)."""
        with tempfile.TemporaryDirectory(prefix="flipbench-tool-") as scratch:
            workdir = Path(scratch)
            for name, data in files.items():
                (workdir / name).parent.mkdir(parents=True, exist_ok=True)
                (workdir / name).write_bytes(data)
            inside = DOCKER_WORKDIR if self.config.sandbox == "docker" else str(workdir)
            values = {"workdir": inside, "file": f"{inside}/{file_name(subject)}", "diff": f"{inside}/{DIFF_FILE}",
                      "language": subject.language, "draw": draw.label}
            argv = [part.format(**values) for part in self.config.command]
            started = time.perf_counter()
            code, stdout, stderr, timed_out = await _run(self._wrapped(argv, workdir), workdir, self._environment(workdir),
                                                         self.config.timeout)
            if timed_out and self.config.sandbox == "docker":  # killing the client leaves its container running
                await _run(["docker", "rm", "--force", workdir.name], workdir, self._environment(workdir), 60.0)
            run = {"exit_code": code, "stdout": stdout, "stderr": stderr, "workdir": inside,
                   "seconds": round(time.perf_counter() - started, 3), "command": list(self.config.command)}
        if timed_out:
            raise ToolFailed(f"tool timed out after {self.config.timeout:g}s", _record(run))
        if code is None or code < 0:
            raise ToolFailed(f"tool was killed by signal {-(code or 9)}", _record(run))
        if code != 0 and not stdout.strip():
            raise ToolFailed(f"tool crashed (exit {code}, no output): {_tail(stderr, 300)}", _record(run))
        return Reply(stdout, json.dumps(run), dialect=self.config.output)

    def _environment(self, workdir: Path) -> dict[str, str]:
        environment = {"PATH": _search_path(), "LANG": "C.UTF-8",
                       "HOME": str(workdir), "PYTHONDONTWRITEBYTECODE": "1"}
        environment.update({name: os.environ[name] for name in self.config.env if name in os.environ})
        return environment

    def _wrapped(self, argv: list[str], workdir: Path) -> list[str]:
        """``argv`` inside the tool's sandbox: bubblewrap over a read-only host with only the working directory
        writable, or a docker container of the configured image; no network unless ``network = true``."""
        if self.config.sandbox == "bwrap":
            shown = [option for folder in _under_tmp(argv) for option in ("--ro-bind", folder, folder)]
            command = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", *shown,
                       "--bind", str(workdir), str(workdir), "--unshare-all", "--die-with-parent", "--new-session",
                       "--chdir", str(workdir)]
            return [*command, *(["--share-net"] if self.config.network else []), "--", *argv]
        if self.config.sandbox == "docker":
            passed = [option for name in self.config.env if name in os.environ for option in ("-e", name)]
            return ["docker", "run", "--rm", "--name", workdir.name, "--network", "bridge" if self.config.network else "none",
                    "-v", f"{workdir}:{DOCKER_WORKDIR}", "-w", DOCKER_WORKDIR, "-e", f"HOME={DOCKER_WORKDIR}",
                    *passed, self.config.image, *argv]
        return argv


def _under_tmp(argv: list[str]) -> list[str]:
    """The folders right under ``/tmp`` that hold the tool's executable or a file it is given: the sandbox's
    fresh ``/tmp`` would hide them (a tool installed in a virtual environment there), so they are shown again,
    read-only like the rest of the host."""
    folders: list[str] = []
    for index, part in enumerate(argv):
        path = shutil.which(part) if index == 0 else part
        if not path or not os.path.isabs(path) or not os.path.exists(path):
            continue
        parts = Path(path).parts
        if len(parts) > 2 and parts[1] == "tmp" and (folder := str(Path("/tmp", parts[2]))) not in folders:
            folders.append(folder)
    return folders


async def _run(argv: list[str], cwd: Path, env: dict[str, str], timeout: float
               ) -> tuple[int | None, str, str, bool]:
    """(exit code, stdout, stderr, timed out); on a timeout the whole process group is killed."""
    try:
        process = await asyncio.create_subprocess_exec(*argv, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
                                                       stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                                                       start_new_session=True)
    except OSError as error:
        return 127, "", f"cannot start {argv[0]}: {error}", False
    timed_out = False
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        timed_out = True
        _kill_group(process.pid)
        out, err = await process.communicate()
    _kill_group(process.pid)  # whatever it left running in the background
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), timed_out


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _tail(text: str, limit: int = KEPT_OUTPUT) -> str:
    text = text.strip()
    return text if len(text) <= limit else "..." + text[-limit:]


def _record(run: dict[str, Any]) -> str:
    """A failed run's record (exit code, stdout and stderr tails) as kept beside its task."""
    return json.dumps({**run, "stdout": _tail(run["stdout"]), "stderr": _tail(run["stderr"])})


def _tails(run: Mapping[str, Any]) -> str:
    return f"stdout: {_tail(str(run.get('stdout', '')), 300)!r}; stderr: {_tail(str(run.get('stderr', '')), 300)!r}"


def _search_path() -> str:
    """The host's ``PATH`` with flipbench's own environment's ``bin`` first: tools installed beside it are found."""
    return os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")))


def tool_version(name: str, config: ToolConfig) -> str:
    """``version_command``'s output (stripped), read once when the run starts; empty without one."""
    if not config.version_command:
        return ""
    try:
        done = subprocess.run(list(config.version_command), capture_output=True, text=True, timeout=VERSION_SECONDS,
                              env={**os.environ, "PATH": _search_path(), "LANG": "C.UTF-8"})
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(f"tools.{name}.version_command {list(config.version_command)}: {error}") from None
    if done.returncode != 0:
        raise InputError(f"tools.{name}.version_command exited {done.returncode}: {_tail(done.stderr, 200)}")
    return done.stdout.strip()


@dataclass(frozen=True)
class ToolProvider:
    """``tool/<name>``: the tools the experiment file declares."""

    takes_base_url: ClassVar[bool] = False

    def localizer(self, spec: ModelSpec, settings: LocalizerSettings) -> ToolLocalizer:
        config = settings.tools.get(spec.model)
        if config is None:
            declared = ", ".join(f"{TOOL}/{name}" for name in sorted(settings.tools)) or "none"
            raise InputError(f"{spec.name}: no [tools.{spec.model}] table in the experiment file "
                             f"(declared: {declared})")
        if config.sandbox != "none" and shutil.which(config.sandbox if config.sandbox == "bwrap" else "docker") is None:
            raise InputError(f"tools.{spec.model}.sandbox = {config.sandbox!r}, but {config.sandbox} is not installed")
        config = dataclasses.replace(config, command=_resolved(config.command),
                                     version_command=_resolved(config.version_command))
        return ToolLocalizer(spec, config, tool_version(spec.model, config), settings.review)


def _resolved(command: tuple[str, ...]) -> tuple[str, ...]:
    """``command`` with each relative path to an existing file (a part holding a ``/``, such as
    ``examples/tools/llm_review.py``) made absolute: the tool runs in its own working directory."""
    return tuple(str(Path(part).resolve()) if "/" in part and "{" not in part and not part.startswith(("-", "/"))
                 and Path(part).is_file() else part for part in command)
