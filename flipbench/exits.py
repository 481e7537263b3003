"""Exit statuses of the ``flipbench`` command, defined once: the CLI returns them, every verb's
``--help`` lists the ones it can end with, and the README's table is checked against them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1
    """The thing checked did not hold (a test failed, a variant changed behaviour); the verb says which."""
    USAGE = 2
    """Bad usage or input; one line on stderr says what is wrong and where, and nothing was left behind."""
    NOT_APPLICABLE = 3
    """An SPM that has nowhere to apply."""
    BUDGET = 4
    """A run's budget (``max_cost``, ``max_tokens_total``) was spent: it stopped asking, kept what finished, and
    resumes when run again with a higher budget."""
    INTERNAL = 70
    """A bug in flipbench (EX_SOFTWARE): one line on stderr; ``FLIPBENCH_DEBUG=1`` shows the traceback."""
    INTERRUPTED = 130
    """Ctrl-C (SIGINT); a run keeps what it finished and resumes when started again."""


MEANINGS: dict[ExitStatus, str] = {
    ExitStatus.OK: "success",
    ExitStatus.FAILED: "the thing checked did not hold",
    ExitStatus.USAGE: "bad usage or input (one line on stderr says what and where)",
    ExitStatus.NOT_APPLICABLE: "the SPM cannot apply (the reason is on stderr)",
    ExitStatus.BUDGET: "a budget was spent: the run stopped asking and kept what finished (re-run with more to resume)",
    ExitStatus.INTERNAL: "internal error, a bug in flipbench (FLIPBENCH_DEBUG=1 shows the traceback)",
    ExitStatus.INTERRUPTED: "interrupted (Ctrl-C); finished work is kept",
}
ALWAYS = (ExitStatus.OK, ExitStatus.USAGE, ExitStatus.INTERNAL, ExitStatus.INTERRUPTED)
"""What any verb can end with."""


def epilog(extra: Mapping[ExitStatus, str] | None = None) -> str:
    """The ``exit status:`` section of a verb's help: the statuses every verb has, plus ``extra``
    (a verb's own meaning of 1 or 3)."""
    meanings = {status: MEANINGS[status] for status in ALWAYS} | dict(extra or {})
    lines = [f"  {int(status):>3}  {meaning}" for status, meaning in sorted(meanings.items())]
    return "exit status:\n" + "\n".join(lines)
