"""Running one program (a Python script, or a Java class with ``main``) in a sandbox."""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path

from flipbench.execution.java_tools import JVM_OPTIONS
from flipbench.model import Program
from flipbench.sandbox import Execution, Invocation, Limits, Sandbox, scratch_folders

COMPILE_FAILED = 125
"""Exit status the Java launcher uses when javac rejects the program (the program never ran)."""


def exec_program(program: Program, *, sandbox: Sandbox, timeout: float = 10.0,
                 stdin: bytes | None = None) -> Execution:
    with tempfile.TemporaryDirectory(prefix="flipbench-exec-") as scratch:
        inputs, outputs = scratch_folders(Path(scratch))
        (inputs / program.filename).write_text(program.source, encoding="utf-8")
        if program.language == "python":
            argv: tuple[str, ...] = (sandbox.python(), "-I", program.filename)
        else:
            main_class = program.filename.removesuffix(".java")
            argv = ("/bin/sh", "-c", f"javac -encoding UTF-8 -d classes {shlex.quote(program.filename)} >&2 "
                                     f"|| exit {COMPILE_FAILED}; exec java {' '.join(JVM_OPTIONS)} -Xmx256m "
                                     f"-cp classes {shlex.quote(main_class)}")
        execution = sandbox.run(Invocation(argv, inputs, outputs, program.language,
                                           Limits(wall_seconds=timeout, memory_mb=512, pids=64), stdin))
    if program.language == "java" and execution.exit_code == COMPILE_FAILED:
        return Execution(execution.exit_code, execution.stdout, execution.stderr, False, "does not compile",
                         execution.seconds, execution.sandbox)
    return execution
