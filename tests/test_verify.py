"""Variant verdicts on a loaded machine: a time limit that fires is looked at again before it counts."""

import pytest

from flipbench.execution.certify import reference_runs, verify_variants
from flipbench.model import FaultyProgram, LineMap, Program, Provenance, TestSuite, Variant
from flipbench.sandbox import open_sandbox
from flipbench.sandbox.bwrap import bwrap_problem

PROGRAM = "import time\n\n\ndef work(n):\n    time.sleep(0.2)\n    return n + 1\n"
TESTS = TestSuite("from slow import work\n\n\ndef test_work():\n    assert work(1) == 2\n", "test_slow.py")


@pytest.fixture(scope="module")
def sandbox():
    if bwrap_problem() is not None:
        pytest.skip(f"bwrap cannot run here: {bwrap_problem()}")
    with open_sandbox("bwrap") as opened:
        yield opened


def variant_of(faulty: FaultyProgram, source: str) -> Variant:
    lines = len(faulty.source.splitlines())
    return Variant(faulty, ("dead_code",), 1, "random", 0, source, LineMap.identity(lines), faulty.fault_lines)


def test_a_variant_slower_than_the_limit_but_equal_in_behaviour_is_preserving_after_a_second_look(sandbox):
    program = Program("python/slow", "python", PROGRAM, "Add one, slowly.", "slow.py",
                      Provenance("test", "slow", "MIT"), TESTS)
    faulty = FaultyProgram(program, "operator_swap", (6,), None, 90.0, PROGRAM.replace("n + 1", "n - 1"))
    references = reference_runs([program], sandbox)
    assert references[program.id].timeout < 3.0  # 10x the slowest test, floor 1 s
    slower = variant_of(faulty, faulty.source.replace("time.sleep(0.2)", "time.sleep(3.5)"))
    looping = variant_of(faulty, faulty.source.replace("time.sleep(0.2)", "while True:\n        pass"))
    verdicts = {verdict.variant.source: verdict for verdict in verify_variants([slower, looping], sandbox,
                                                                               references=references)}
    assert verdicts[slower.source].verdict == "preserving"
    assert verdicts[looping.source].verdict == "changed"
    assert "failed -> timeout" in verdicts[looping.source].differences[0]
