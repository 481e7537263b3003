"""flipbench's own Java helpers (the test runner and the batch compiler), compiled once per process."""

from __future__ import annotations

import json
import subprocess
import tempfile
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

HELPERS = ("FlipbenchRunner.java", "FlipbenchCompiler.java")
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto")
_lock = threading.Lock()


def helper_source(filename: str) -> Path:
    return Path(str(resources.files("flipbench.harness.runners").joinpath(filename)))


def helper_classes() -> Path:
    """Directory holding the compiled helpers (compiled on first use; thread-safe)."""
    with _lock:
        return _compile_helpers()


@cache
def _compile_helpers() -> Path:
    classes = Path(tempfile.mkdtemp(prefix="flipbench-java-"))
    subprocess.run(["javac", "-encoding", "UTF-8", "-nowarn", "-d", str(classes),
                    *(str(helper_source(name)) for name in HELPERS)], check=True, capture_output=True)
    return classes


@dataclass(frozen=True)
class Compilation:
    ok: bool
    errors: str


def compile_units(units: Sequence[Mapping[str, str]], *, workers: int = 1) -> list[Compilation]:
    """Compile independent units (each a {file name: source} mapping) without a javac start-up per unit."""
    if not units:
        return []
    with tempfile.TemporaryDirectory(prefix="flipbench-javac-") as scratch:
        directories = []
        for index, unit in enumerate(units):
            directory = Path(scratch) / str(index)
            directory.mkdir()
            for filename, source in unit.items():
                (directory / filename).write_text(source, encoding="utf-8")
            directories.append(directory)
        return compile_directories(directories, workers=workers)


def compile_directories(directories: Sequence[Path], *, workers: int = 1) -> list[Compilation]:
    """Compile the .java files of each directory into its ``classes/``, many directories per JVM."""
    if not directories:
        return []
    names = [str(directory) for directory in directories]
    chunks = [names[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = {answer["dir"]: answer for chunk in pool.map(_compile_chunk, chunks) for answer in chunk}
    return [Compilation(answers[d]["ok"], answers[d]["errors"]) if d in answers
            else Compilation(False, "compiler did not answer") for d in names]


def _compile_chunk(directories: list[str]) -> list[dict]:
    if not directories:
        return []
    done = subprocess.run(["java", "-Xss16m", "-cp", str(helper_classes()), "FlipbenchCompiler"],
                          input="\n".join(directories) + "\n", capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
