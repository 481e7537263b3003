"""flipbench's own Java helpers (the test runner and the batch compiler), compiled once per process,
and the batch compilation of many Java units."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from flipbench.errors import InputError
from flipbench.sandbox import OUTPUTS, Invocation, Limits, Sandbox, scratch_folders

HELPERS = ("FlipbenchRunner.java", "FlipbenchCompiler.java", "FlipbenchJUnit.java")
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss16m")
"""Short-lived JVMs on few cores: the C1 compiler only and a serial GC measured fastest here (javac in a
batch of 256 units: 41 ms/unit, against 74 ms/unit with the default tiered JIT)."""
HELPER_JAVAC_OPTIONS = ("-encoding", "UTF-8", "-nowarn", "--release", "11")
"""The helpers run in whichever JVM the sandbox has, which may be older than the host's javac."""
_lock = threading.Lock()
_classes: Path | None = None


def helper_source(filename: str) -> Path:
    return Path(str(resources.files("flipbench.execution.runners").joinpath(filename)))


def helper_classes(sandbox: Sandbox | None = None) -> Path:
    """Directory holding the compiled helpers (compiled on first use, once per process; thread-safe).

    They are compiled with the host's javac, or inside ``sandbox`` where the host has none (a
    docker-only machine): the helpers are flipbench's own code, so either is safe.
    """
    global _classes
    with _lock:
        if _classes is None:
            classes = Path(tempfile.mkdtemp(prefix="flipbench-java-"))
            compile_helpers(classes, sandbox)
            _classes = classes
        return _classes


class NoJavaCompiler(InputError):
    """Neither the host nor the sandbox at hand can compile flipbench's Java helpers."""


def compile_helpers(classes: Path, sandbox: Sandbox | None) -> None:
    """Compile the helpers into ``classes``: with the host's javac if there is one, else in ``sandbox``."""
    sources = [str(helper_source(name)) for name in HELPERS]
    if shutil.which("javac") is not None:
        subprocess.run(["javac", *HELPER_JAVAC_OPTIONS, "-d", str(classes), *sources],
                       check=True, capture_output=True)
        return
    if sandbox is None:
        raise NoJavaCompiler("no javac on this machine to compile flipbench's Java helpers: install a JDK "
                             "(17 or later), or run Java programs in a sandbox that has one (docker)")
    with tempfile.TemporaryDirectory(prefix="flipbench-helpers-") as scratch:
        inputs, outputs = scratch_folders(Path(scratch))
        for source in sources:
            shutil.copy(source, inputs)
        execution = sandbox.run(Invocation(("javac", *HELPER_JAVAC_OPTIONS, "-d", OUTPUTS, *HELPERS),
                                           inputs, outputs, "java", Limits(wall_seconds=120, pids=256)))
        if execution.exit_code != 0:
            raise NoJavaCompiler(f"compiling flipbench's Java helpers in sandbox {sandbox.name} failed "
                                 f"({execution.reason}): {execution.stderr.strip()[:300]}")
        shutil.copytree(outputs, classes, dirs_exist_ok=True)


@dataclass(frozen=True)
class Compilation:
    ok: bool
    errors: str


def compile_units(units: Sequence[Mapping[str, str]], *, workers: int = 1) -> list[Compilation]:
    """Compile independent units (each a {file name: source} mapping); class files are discarded."""
    if not units:
        return []
    chunks = [list(range(len(units)))[i::workers] for i in range(workers)]
    refused = refused_units(units)  # parsing stays on this thread: CPython 3.11's parsers are not thread-safe

    def compile_chunk(indices: list[int]) -> list[tuple[int, Compilation]]:
        with tempfile.TemporaryDirectory(prefix="flipbench-javac-") as scratch:
            results = compile_batch([units[i] for i in indices], Path(scratch),
                                    {position: refused[i] for position, i in enumerate(indices) if i in refused})
        return list(zip(indices, results))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = dict(pair for chunk in pool.map(compile_chunk, chunks) for pair in chunk)
    return [found[index] for index in range(len(units))]


def unit_package(index: int) -> str:
    return f"u{index}"


def refused_units(units: Sequence[Mapping[str, str]]) -> dict[int, Compilation]:
    """The units that cannot take part in a batch (they declare a package of their own), with the reason."""
    return {index: Compilation(False, "declares a package: compile it on its own")
            for index, unit in enumerate(units) if any(_declares_package(source) for source in unit.values())}


def write_units(units: Sequence[Mapping[str, str]], sources: Path, refused: Mapping[int, Compilation]) -> None:
    """Lay out units for :class:`FlipbenchCompiler` under ``sources`` (unit ``i`` in package ``u{i}``).

    The package is declared at the start of line 1, so no line moves; it lets variants of the same
    class compile together: one symbol table load for the whole batch instead of one per variant.
    Units in ``refused`` are left out.
    """
    for index, unit in enumerate(units):
        if index in refused:
            continue
        directory = sources / unit_package(index)
        directory.mkdir(parents=True)
        for filename, source in unit.items():
            (directory / filename).write_text(f"package {unit_package(index)}; " + source.lstrip("\ufeff"),
                                              encoding="utf-8")


def read_compilations(answers: str, count: int, refused: Mapping[int, Compilation]) -> list[Compilation]:
    """Per-unit results from :class:`FlipbenchCompiler`'s JSON lines (a unit it never answered failed)."""
    found = dict(refused)
    for line in answers.splitlines():
        if line.startswith("{"):
            answer = json.loads(line)
            found[int(answer["unit"][1:])] = Compilation(bool(answer["ok"]), answer["errors"])
    return [found.get(index, Compilation(False, "the compiler did not answer for this unit")) for index in range(count)]


def compile_batch(units: Sequence[Mapping[str, str]], root: Path,
                  refused: Mapping[int, Compilation] | None = None) -> list[Compilation]:
    """Compile many independent units in one javac run, here, unsandboxed (javac runs no program code).

    Class files land in :func:`batch_classes`; units with errors are reported and the rest compiled
    without them. ``refused`` (from :func:`refused_units`) saves parsing the units again.
    """
    refused = refused_units(units) if refused is None else refused
    write_units(units, root / "src", refused)
    done = subprocess.run(["java", *JVM_OPTIONS, "-cp", str(helper_classes()), "FlipbenchCompiler",
                           str(root / "src"), str(batch_classes(root))], capture_output=True, text=True)
    return read_compilations(done.stdout, len(units), refused)


def batch_classes(root: Path) -> Path:
    """Where :func:`compile_batch` put the class files (unit ``i``'s classes are in package ``u{i}``)."""
    return root / "classes"


def _declares_package(source: str) -> bool:
    from flipbench.corpora import parse_java

    return any(node.type == "package_declaration" for node in parse_java(source).root_node.named_children)
