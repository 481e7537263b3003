"""What the suite runners need to know about real projects' test frameworks (``TestSuite.framework``): how a
pytest module is named to the Python runner, which hands it to pytest (``runners/pytest_runner.py``), and a
JUnit 4/5 class to the Java runner, which runs its methods through JUnit (``runners/FlipbenchJUnit.java``).

Kept apart from :mod:`flipbench.execution.suites` so that the batch machinery stays framework-blind: a
suite run of pytest tests is the same batch, the same forked child and the same result lines.
"""

from __future__ import annotations

from flipbench.corpora import java_test_class
from flipbench.model import TestSuite

PYTEST_RUNNER = "pytest_runner.py"
"""Beside ``python_runner.py`` in the sandbox's inputs; the runner loads it for a ``pytest:`` module."""


def python_tests_argument(tests: TestSuite) -> str:
    """The runner's TESTS_MODULE argument: the module, or ``pytest:MODULE`` for a pytest module."""
    module = tests.filename.removesuffix(".py")
    return f"pytest:{module}" if tests.framework == "pytest" else module


def java_test_argument(tests: TestSuite, package: str) -> str:
    """The Java runner's TEST_CLASS: the class in its batch package, ``junit4:``/``junit5:`` before a JUnit
    class (``FlipbenchRunner`` then runs its methods through JUnit, ``runners/FlipbenchJUnit.java``)."""
    name = f"{package}.{java_test_class(tests)}"
    return f"{tests.framework}:{name}" if tests.framework in ("junit4", "junit5") else name
