"""Fault injection: the operator catalogue and the engine that turns proposed splices into faulty programs.

An operator proposes splices; the engine keeps a splice only if it changes the program, is not
a duplicate of another, and leaves code that parses (Python: ``compile()``; Java: no ERROR or
MISSING node). Fault lines follow from the splice itself, so they are exact by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from flipbench.errors import InputError
from flipbench.model import Edit, FaultyProgram, Program, count_lines, position_percentile
from flipbench.mutators.java_tree import JavaTree
from flipbench.mutators.operators.arguments import PythonSwappedArguments, java_swapped_arguments
from flipbench.mutators.operators.arithmetic import (
    PythonOffByOne,
    PythonOperatorSwap,
    PythonWrongLiteral,
    java_off_by_one,
    java_operator_swap,
    java_wrong_literal,
)
from flipbench.mutators.operators.conditions import (
    PythonBooleanLogic,
    PythonNegatedCondition,
    PythonRelationalFlip,
    java_boolean_logic,
    java_negated_condition,
    java_relational_flip,
)
from flipbench.mutators.operators.java_finding import JavaFinder
from flipbench.mutators.operators.python_finding import FaultFinder, find_all
from flipbench.mutators.operators.statements import (
    PythonMisplacedReturn,
    PythonRemovedStatement,
    java_misplaced_return,
    java_removed_statement,
)
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.sampling import quartile, select
from flipbench.mutators.source_text import SourceText, Splice
from flipbench.mutators.trees import parse_tree


@dataclass(frozen=True)
class FaultOperator:
    name: str
    description: str
    in_study: bool
    """One of the reference study's four operators."""
    python: type[FaultFinder]
    java: JavaFinder


OPERATORS: dict[str, FaultOperator] = {operator.name: operator for operator in (
    FaultOperator("boolean_logic", "swap one `and`/`or` (`&&`/`||`)", True, PythonBooleanLogic, java_boolean_logic),
    FaultOperator("misplaced_return", "insert a premature, type-correct `return` that compiles", True,
                  PythonMisplacedReturn, java_misplaced_return),
    FaultOperator("off_by_one", "loop bound, loop comparison or index off by one "
                                "(`range(n)`->`range(n + 1)`, `<`<->`<=` in loop conditions, `a[i]`->`a[i - 1]`)", True,
                  PythonOffByOne, java_off_by_one),
    FaultOperator("operator_swap", "swap one arithmetic operator (`+`->`-`, `*`->`/`, ...), never on strings", True,
                  PythonOperatorSwap, java_operator_swap),
    FaultOperator("relational_flip", "flip a comparison outside loop conditions (`<`<->`<=`, `==`<->`!=`)", False,
                  PythonRelationalFlip, java_relational_flip),
    FaultOperator("negated_condition", "negate the condition of an `if`, `while` or conditional expression", False,
                  PythonNegatedCondition, java_negated_condition),
    FaultOperator("wrong_literal", "change a constant (0->1, 1->0, n->n+1) or `true`<->`false`", False,
                  PythonWrongLiteral, java_wrong_literal),
    FaultOperator("swapped_arguments", "swap two adjacent arguments of a call (of the same type in Java)", False,
                  PythonSwappedArguments, java_swapped_arguments),
    FaultOperator("removed_statement", "delete a call or assignment statement from a method body", False,
                  PythonRemovedStatement, java_removed_statement),
)}
STUDY_OPERATORS = tuple(name for name, operator in OPERATORS.items() if operator.in_study)
REAL = "real"
"""The fault a faulty record brings (``Program.real_fault``): named in ``faults`` like an operator and
mixable with operators, though nothing is injected; a program without one has no site for it."""
FAULT_KINDS = (*OPERATORS, REAL)


class UnknownOperator(InputError):
    pass


def operator_names(names: Iterable[str] | None) -> tuple[str, ...]:
    """Validate fault names: operators and ``real`` (all of them when None)."""
    if names is None:
        return FAULT_KINDS
    chosen = tuple(names)
    for name in chosen:
        if name not in FAULT_KINDS:
            raise UnknownOperator(f"unknown fault operator {name!r}; known: {', '.join(FAULT_KINDS)}")
    return chosen


def proposals(tree: PythonTree | JavaTree, operators: tuple[str, ...]) -> dict[str, list[Splice]]:
    """Each operator's proposed splices (Python operators share one traversal)."""
    if isinstance(tree, PythonTree):
        return find_all(tree, {name: OPERATORS[name].python for name in operators})
    return {name: list(OPERATORS[name].java(tree)) for name in operators}


def real_fault(program: Program) -> FaultyProgram | None:
    """A faulty record's bug as a faulty program (no edit: only its faulty text is known), or None."""
    fault = program.real_fault
    if fault is None:
        return None
    return FaultyProgram(program, REAL, fault.fault_lines, None,
                         position_percentile(fault.fault_lines[0], count_lines(fault.source)), fault.source)


def validated(tree: PythonTree | JavaTree, splices: list[Splice]) -> Iterator[tuple[Splice, Splice]]:
    """Valid, distinct edits in source order, as (proposed splice, minimal splice)."""
    text: SourceText = tree.text
    seen: set[Splice] = set()
    for splice in sorted(set(splices)):
        minimal = splice.minimal(text.data)
        if minimal.start == minimal.end and not minimal.text or minimal in seen:
            continue
        seen.add(minimal)
        if tree.accepts(splice):
            yield splice, minimal


def inject(program: Program, operators: Iterable[str] | None = None) -> Iterator[FaultyProgram]:
    """Every valid fault of the given operators (default: all) in ``program``, operator by operator;
    ``real`` yields the program's real bug, if it has one."""
    chosen = operator_names(operators)
    injected = tuple(name for name in chosen if name != REAL)
    if injected:
        tree = parse_tree(program.language, program.source)
        for name, splices in proposals(tree, injected).items():
            for splice, minimal in validated(tree, splices):
                yield faulty_program(program, tree.text, name, splice, minimal)
    if REAL in chosen and (bug := real_fault(program)) is not None:
        yield bug


def faulty_program(program: Program, text: SourceText, operator: str, splice: Splice,
                   minimal: Splice) -> FaultyProgram:
    fault_lines = text.changed_lines(minimal)
    edit = Edit(
        start_byte=splice.start,
        end_byte=splice.end,
        before=text.data[splice.start:splice.end].decode("utf-8"),
        after=splice.text.decode("utf-8"),
        line=text.line_of(splice.start),
    )
    return FaultyProgram(program, operator, fault_lines, edit,
                         position_percentile(fault_lines[0], text.line_count_after(splice)))


def site_key(faulty: FaultyProgram) -> str:
    """Identifies a fault within its program, cheaply (no hashing of whole sources)."""
    edit = faulty.edit
    if edit is None:  # a real bug: one per program
        return f"{faulty.program.id}\x00{faulty.fault}"
    return f"{faulty.program.id}\x00{faulty.fault}\x00{edit.start_byte}\x00{edit.end_byte}\x00{edit.after}"


def sample_faults(faults: list[FaultyProgram], *, seed: int = 0, limit: int | None = None,
                  stratify: bool = False) -> list[FaultyProgram]:
    """A seeded sample of faults, optionally balanced over the four position quartiles of the file."""
    return select(faults, seed=seed, limit=limit, key=site_key,
                  stratum=(lambda faulty: quartile(faulty.position)) if stratify else None)


def fault_record(faulty: FaultyProgram) -> dict[str, object]:
    """The JSON shape of a fault in ``flipbench inject`` output and its JSONL files."""
    edit = faulty.edit
    return {
        "program": faulty.program.name,
        "program_id": faulty.program.id,
        "faulty_id": faulty.id,
        "fault": faulty.fault,
        "fault_lines": list(faulty.fault_lines),
        "span": None if edit is None else {"start_byte": edit.start_byte, "end_byte": edit.end_byte, "line": edit.line},
        "before": None if edit is None else edit.before,
        "after": None if edit is None else edit.after,
        "position": faulty.position,
        "source": faulty.source,
    }
