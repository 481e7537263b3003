"""Check one built-in corpus program folder while writing it: size, syntax, test format, tests.

    python scripts/check_program.py flipbench/corpora/builtin/python/word_frequency
"""

from __future__ import annotations

import sys
from pathlib import Path

from flipbench.corpora.builtin import load_program_folder
from flipbench.corpora.syntax import syntax_error
from flipbench.corpora.testformat import discover_test_cases
from flipbench.execution.suites import run_suite


def main(folder: Path) -> int:
    language = folder.parent.name
    program = load_program_folder(language, folder)
    problems = []
    if not 40 <= program.line_count <= 250:
        problems.append(f"{program.line_count} lines (must be 40-250)")
    if error := syntax_error(program.language, program.source):
        problems.append(f"syntax: {error}")
    cases = discover_test_cases(program.language, program.tests)
    if len(cases) < 5:
        problems.append(f"only {len(cases)} test cases (need >= 5)")
    run = run_suite(program)
    for result in run.results:
        print(f"  {result.outcome:8} {result.seconds:6.3f}s {result.test} {result.message}")
        if result.seconds > 1.0:
            problems.append(f"{result.test} took {result.seconds:.2f}s")
    if not run.passed:
        problems.append(f"tests do not all pass{': ' + run.error if run.error else ''}")
    print(f"{program.name}: {program.line_count} lines, {len(cases)} tests, {'OK' if not problems else 'PROBLEMS'}")
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
