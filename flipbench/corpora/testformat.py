"""flipbench's framework-free test formats, one per language, and discovery of their test cases.

Python: a module whose top-level functions named ``test*`` (no parameters) are the cases; a case
passes when it returns and fails when it raises. Java: a class whose ``static void test*()``
methods are the cases, same rule. Cases run in source order. Both formats are documented in the
README; the runners in :mod:`flipbench.execution.runners` execute them.

Real projects' formats are discovered as their frameworks collect them, so that a result can be
expected for each case before anything runs: a **pytest** module's cases are its top-level ``test*``
functions and the ``test*`` methods of its ``Test*`` classes (``TestStack::test_push``; fixtures as
parameters are fine; the runs of a parametrized test are one case), a **JUnit 4/5** class's are its
methods annotated ``@Test`` (JUnit 5 also ``@ParameterizedTest`` and ``@RepeatedTest``).
"""

from __future__ import annotations

import ast

from flipbench.corpora.syntax import parse_java
from flipbench.errors import InputError
from flipbench.model import Language, TestSuite


class InvalidTestFile(InputError):
    """A test file that does not follow flipbench's test format."""


def discover_test_cases(language: Language, suite: TestSuite) -> tuple[str, ...]:
    """Names of the suite's test cases in source order."""
    if suite.framework == "pytest":
        return _pytest_cases(suite)
    if suite.framework in ("junit4", "junit5"):
        return _junit_cases(suite)
    if language == "python":
        return _python_cases(suite)
    return _java_cases(suite)


def _pytest_cases(suite: TestSuite) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for node in _python_module(suite).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            names[node.name] = None
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and member.name.startswith("test"):
                    names[f"{node.name}::{member.name}"] = None
    return tuple(names)


_JUNIT_TEST_ANNOTATIONS = {"Test", "ParameterizedTest", "RepeatedTest"}


def _junit_cases(suite: TestSuite) -> tuple[str, ...]:
    names = []
    for member in _test_class_methods(suite):
        modifiers = next((c for c in member.children if c.type == "modifiers"), None)
        annotations = [c for c in modifiers.children if c.type in ("marker_annotation", "annotation")] \
            if modifiers is not None else []
        if any(_text(a.child_by_field_name("name")).rsplit(".", 1)[-1] in _JUNIT_TEST_ANNOTATIONS
               for a in annotations):
            names.append(_text(member.child_by_field_name("name")))
    return tuple(names)


def java_test_class(suite: TestSuite) -> str:
    """The class a Java test file declares (its file name without ``.java``)."""
    return suite.filename.removesuffix(".java")


def _python_module(suite: TestSuite) -> ast.Module:
    try:
        return ast.parse(suite.source, suite.filename)
    except SyntaxError as error:
        raise InvalidTestFile(f"{suite.filename}: line {error.lineno}: {error.msg}") from None


def _python_cases(suite: TestSuite) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for node in _python_module(suite).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            if node.args.args or node.args.posonlyargs or node.args.kwonlyargs:
                raise InvalidTestFile(f"{suite.filename}: line {node.lineno}: test {node.name} takes parameters")
            names.pop(node.name, None)
            names[node.name] = None
    return tuple(names)


def _test_class_methods(suite: TestSuite) -> list:
    """The method declarations of the test class a Java test file declares (named as the file)."""
    tree = parse_java(suite.source)
    if tree.root_node.has_error:
        raise InvalidTestFile(f"{suite.filename}: does not parse")
    class_name = java_test_class(suite)
    classes = [
        node for node in tree.root_node.named_children
        if node.type == "class_declaration" and _text(node.child_by_field_name("name")) == class_name
    ]
    if not classes:
        raise InvalidTestFile(f"{suite.filename}: declares no top-level class {class_name}")
    return [member for member in classes[0].child_by_field_name("body").named_children
            if member.type == "method_declaration"]


def _java_cases(suite: TestSuite) -> tuple[str, ...]:
    names = []
    for member in _test_class_methods(suite):
        name = _text(member.child_by_field_name("name"))
        if not name.startswith("test"):
            continue
        modifiers = next((c for c in member.children if c.type == "modifiers"), None)
        is_static = modifiers is not None and any(c.type == "static" for c in modifiers.children)
        parameters = member.child_by_field_name("parameters")
        if not is_static or parameters.named_child_count or _text(member.child_by_field_name("type")) != "void":
            line = member.start_point[0] + 1
            raise InvalidTestFile(f"{suite.filename}: line {line}: test {name} must be 'static void {name}()'")
        names.append(name)
    return tuple(names)


def _text(node) -> str:
    return node.text.decode("utf-8") if node is not None else ""
