"""The SPM catalogue: every SPM's name, description, whether the study used it, and its Python and Java
implementation (registered here once)."""

from __future__ import annotations

from dataclasses import dataclass

from flipbench.errors import InputError
from flipbench.model import Language
from flipbench.mutators.spms.base import Spm
from flipbench.mutators.spms.comments import (
    JavaFaultComment,
    JavaMisleadingComments,
    JavaStripComments,
    PythonFaultComment,
    PythonMisleadingComments,
    PythonStripComments,
)
from flipbench.mutators.spms.control_flow import JavaLoopRewrite, JavaSwapIfElse, PythonLoopRewrite, PythonSwapIfElse
from flipbench.mutators.spms.dead_code import JavaDeadCode, JavaDecoy, PythonDeadCode, PythonDecoy
from flipbench.mutators.spms.layout import JavaReformat, PythonReformat
from flipbench.mutators.spms.names import (
    JavaMisleadingNames,
    JavaRenameFunctions,
    PythonMisleadingNames,
    PythonRenameFunctions,
)
from flipbench.mutators.spms.order import JavaFunctionShuffle, PythonFunctionShuffle


class UnknownSpm(InputError):
    pass


@dataclass(frozen=True)
class SpmInfo:
    name: str
    description: str
    in_study: bool
    python: type[Spm] | None
    java: type[Spm] | None

    def for_language(self, language: Language) -> Spm | None:
        factory = self.python if language == "python" else self.java
        return factory() if factory is not None else None


SPMS: dict[str, SpmInfo] = {info.name: info for info in (
    SpmInfo("misleading_comments", "comments that plausibly misdescribe the code next to them", True,
            PythonMisleadingComments, JavaMisleadingComments),
    SpmInfo("misleading_names", "scope-aware renaming of locals and parameters to names of another role", True,
            PythonMisleadingNames, JavaMisleadingNames),
    SpmInfo("dead_code", "never-executed blocks behind side-effect-free false guards, holding the program's own code",
            True, PythonDeadCode, JavaDeadCode),
    SpmInfo("function_shuffle", "functions/methods reordered where definition order cannot matter", True,
            PythonFunctionShuffle, JavaFunctionShuffle),
    SpmInfo("rename_functions", "functions renamed misleadingly, every call site updated, only file-local ones", False,
            PythonRenameFunctions, JavaRenameFunctions),
    SpmInfo("loop_rewrite", "for <-> while where provably equivalent", False, PythonLoopRewrite, JavaLoopRewrite),
    SpmInfo("swap_if_else", "negate an if's condition and swap its branches", False, PythonSwapIfElse, JavaSwapIfElse),
    SpmInfo("reformat", "layout only: blank lines, arguments split over lines, re-indented bodies", False,
            PythonReformat, JavaReformat),
    SpmInfo("strip_comments", "comments and docstrings removed", False, PythonStripComments, JavaStripComments),
    SpmInfo("fault_comment", "a comment on or above the fault line claiming it is correct", False,
            PythonFaultComment, JavaFaultComment),
    SpmInfo("decoy", "dead code near a non-fault line imitating the fault's kind of bug", False,
            PythonDecoy, JavaDecoy),
)}
STUDY_SPMS = tuple(name for name, info in SPMS.items() if info.in_study)
STUDY_CHAINS = (("misleading_names", "misleading_comments"),
                ("misleading_names", "misleading_comments", "dead_code"))


def parse_chain(text: str) -> tuple[str, ...]:
    """``a+b+c`` -> ("a", "b", "c"), every name checked."""
    names = tuple(part.strip() for part in text.split("+"))
    for name in names:
        if name not in SPMS:
            raise UnknownSpm(f"unknown SPM {name!r}; known: {', '.join(SPMS)}")
    return names
