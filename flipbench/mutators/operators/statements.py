"""Faults in statements: ``removed_statement`` (a call or assignment deleted, never breaking definite
assignment) and ``misplaced_return`` (a premature, type-correct ``return``); for Python and Java."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from flipbench.mutators.java_tree import NUMERIC_TYPES, JavaTree, can_complete_normally, names_available, node_key
from flipbench.mutators.operators.java_finding import Node, operator_of
from flipbench.mutators.operators.python_finding import STRINGISH, FaultFinder, assigned_names
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.source_text import Splice

# -- Python ------------------------------------------------------------------------------------------

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    """Variable names read in ``node``: not attribute names, keyword names or lambda parameters."""
    found: list[cst.Name] = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            attribute.value.visit(self)
            return False

        def visit_Arg(self, arg: cst.Arg) -> bool:
            arg.value.visit(self)
            return False

        def visit_Lambda(self, lambda_: cst.Lambda) -> bool:
            return False

    node.visit(Names())
    return found


class PythonRemovedStatement(FaultFinder):
    """A call or assignment statement deleted from a function body (its block keeps another statement)."""

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        if len(node.body) < 2 or not isinstance(self.tree.enclosing(node, *_SCOPES), cst.FunctionDef):
            return
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
                continue
            small = statement.body[0]
            removable = (isinstance(small, (cst.Assign, cst.AugAssign))
                         or isinstance(small, cst.AnnAssign) and small.value is not None
                         or isinstance(small, cst.Expr) and isinstance(small.value, cst.Call))
            if removable and self.tree.starts_line(statement):
                self.splices.append(self.tree.delete_lines(statement))


@dataclass
class _Function:
    """What MisplacedReturn learns about one function while the traversal is inside it."""

    node: cst.FunctionDef
    parameters: set[str]
    returns: list[cst.BaseExpression] = field(default_factory=list)
    first_binding: dict[str, int] = field(default_factory=dict)
    statements: list[cst.BaseStatement] = field(default_factory=list)


class PythonMisplacedReturn(FaultFinder):
    """A premature ``return`` inserted before a statement of a function, giving back what the function returns.

    The value is a ``return`` expression of the same function whose local names are already
    bound at the insertion point (preferably the next one in source order), else ``None``, or
    a bare ``return`` in a function that returns no value.
    """

    def __init__(self, tree: PythonTree) -> None:
        super().__init__(tree)
        self.scopes: list[_Function | None] = []

    @property
    def function(self) -> _Function | None:
        return self.scopes[-1] if self.scopes else None

    def _bind(self, target: cst.CSTNode) -> None:
        if self.function is not None:
            for name in assigned_names(target):
                line = self.tree.line(name)
                self.function.first_binding[name.value] = min(line, self.function.first_binding.get(name.value, line))

    def _statement(self, node: cst.BaseStatement) -> None:
        if self.function is not None:
            self.function.statements.append(node)

    def visit_If(self, node: cst.If) -> None:
        if not isinstance(self.tree.parents.get(node), cst.If):  # an `elif` cannot have a line put above it
            self._statement(node)

    def _visit_statement(self, node: cst.BaseStatement) -> None:
        self._statement(node)

    visit_SimpleStatementLine = visit_While = visit_Try = visit_TryStar = visit_With = visit_Match = _visit_statement

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._statement(node)
        self._bind(node.name)
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params,
                 *(p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param))]
        self.scopes.append(_Function(node, {param.name.value for param in every}))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._insert_returns(self.scopes.pop())

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._statement(node)
        self._bind(node.name)
        self.scopes.append(None)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.append(None)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_Return(self, node: cst.Return) -> None:
        if self.function is not None and node.value is not None:
            self.function.returns.append(node.value)

    def _visit_binding(self, node: cst.AssignTarget | cst.AugAssign | cst.AnnAssign | cst.NamedExpr) -> None:
        self._bind(node.target)

    visit_AssignTarget = visit_AugAssign = visit_AnnAssign = visit_NamedExpr = _visit_binding

    def visit_For(self, node: cst.For) -> None:
        self._statement(node)
        self._bind(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(node.name)

    def _insert_returns(self, function: _Function) -> None:
        first = _first_statement(function.node)
        reads = {id(value): _names_in(value) for value in function.returns}

        def bound_before(value: cst.BaseExpression, line: int) -> bool:
            return all(name.value in function.parameters
                       or function.first_binding.get(name.value, 0) < line for name in reads[id(value)])

        for statement in function.statements:
            if statement is first or not self.tree.starts_line(statement):
                continue
            line = self.tree.line(statement)
            ready = [value for value in function.returns if bound_before(value, line)]
            value = next((v for v in ready if self.tree.line(v) >= line), ready[0] if ready else None)
            text = f"return {self.tree.code(value)}" if value is not None else (
                "return None" if function.returns else "return")
            if self.tree.code(statement).strip() != text:
                self.splices.append(self.tree.insert_line_before(statement, text))


def _first_statement(function: cst.FunctionDef) -> cst.CSTNode | None:
    """The body's first statement after any docstring (a return there would empty the function)."""
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    if not body:
        return None
    docstring = (isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1
                 and isinstance(body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, STRINGISH))
    return body[1] if docstring and len(body) > 1 else body[0]


# -- Java ------------------------------------------------------------------------------------------

def java_removed_statement(tree: JavaTree) -> Iterator[Splice]:
    for statement in tree.nodes("expression_statement"):
        if statement.parent is None or statement.parent.type not in ("block", "constructor_body") \
                or not (tree.starts_line(statement) and tree.ends_line(statement)):
            continue
        method = tree.callable_of(statement)
        if method is None or method.type == "lambda_expression":
            continue
        expression = statement.named_children[0]
        if _may_throw_what_a_catch_needs(tree, statement, method):
            continue
        if expression.type == "method_invocation" or (
                expression.type == "assignment_expression" and _assignment_removable(tree, expression, method)):
            first, last = tree.line(statement), statement.end_point[0] + 1
            starts = tree.text.line_starts
            yield Splice(starts[first - 1], starts[last] if last < len(starts) else len(tree.text.data), b"")


_UNCHECKED = frozenset({
    "Exception", "Throwable", "RuntimeException", "Error", "ArithmeticException", "ArrayIndexOutOfBoundsException",
    "ClassCastException", "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException",
    "InputMismatchException", "NoSuchElementException", "NullPointerException", "NumberFormatException",
    "StringIndexOutOfBoundsException", "UnsupportedOperationException"})


def _may_throw_what_a_catch_needs(tree: JavaTree, statement: Node, method: Node) -> bool:
    """Whether ``statement`` calls or creates inside a ``try`` that catches a (possibly) checked
    exception: it may be the only thrower of it, and javac rejects a catch of a checked exception
    its body cannot throw. Which exceptions a call throws is beyond local evidence."""
    if not tree.nodes("method_invocation", "object_creation_expression", within=statement):
        return False
    declared = {tree.code(n.child_by_field_name("name")) for n in tree.nodes(
        "class_declaration", "interface_declaration", "enum_declaration", "record_declaration")}
    for attempt in tree.nodes("try_statement", "try_with_resources_statement", within=method):
        body = attempt.child_by_field_name("body")
        if body is None or not body.start_byte <= statement.start_byte < body.end_byte:
            continue
        for clause in (c for c in attempt.named_children if c.type == "catch_clause"):
            for caught in tree.nodes("catch_type", within=clause):
                names = [tree.code(t).split(".")[-1] for t in caught.named_children]
                if any(name not in _UNCHECKED or name in declared for name in names):
                    return True
    return False


def _assignment_removable(tree: JavaTree, assignment: Node, method: Node) -> bool:
    """Removing it cannot leave a variable unassigned (javac's definite assignment) or a final field unset."""
    if operator_of(assignment) != "=":
        return True  # compound assignment: its target was already assigned
    target = assignment.child_by_field_name("left")
    if target.type == "array_access":
        return True
    name = tree.code(target.child_by_field_name("field")) if target.type == "field_access" else tree.code(target)
    for declaration in tree.nodes("local_variable_declaration", within=method):
        for declarator in declaration.children_by_field_name("declarator"):
            if tree.code(declarator.child_by_field_name("name")) == name and target.type == "identifier":
                return declarator.child_by_field_name("value") is not None
    if name in tree.final_fields:
        return False
    return method.type != "constructor_declaration" or target.type != "identifier"


def java_misplaced_return(tree: JavaTree) -> Iterator[Splice]:
    """Insert ``return <value>;`` as the new last statement of a block nested in a method."""
    for method in tree.nodes("method_declaration"):
        body = method.child_by_field_name("body")
        if body is None:
            continue
        returns = [node for node in tree.nodes("return_statement", within=body)
                   if tree.callable_of(node) is not None and node_key(tree.callable_of(node)) == node_key(method)]
        for block in tree.nodes("block", within=body):
            if node_key(block) == node_key(body) or not _block_takes_a_final_return(tree, block, method):
                continue
            value = _return_value(tree, method, returns, block)
            if value is None:
                continue
            statement = f"return {value};" if value else "return;"
            closing_line = block.end_point[0] + 1
            offset = tree.text.line_starts[closing_line - 1]
            statements = block.named_children
            indent = tree.text.indentation(tree.line(statements[0])) if statements else \
                tree.text.indentation(closing_line) + b"    "
            yield Splice(offset, offset, indent + statement.encode() + tree.text.newline)


def _block_takes_a_final_return(tree: JavaTree, block: Node, method: Node) -> bool:
    owner = tree.callable_of(block)
    if owner is None or node_key(owner) != node_key(method):
        return False  # inside a lambda or a local/anonymous class
    parent = block.parent
    if parent.type not in ("if_statement", "for_statement", "enhanced_for_statement", "while_statement"):
        return False  # a `do`, `try` or `catch` ending in return can make the code after it unreachable
    if parent.type == "if_statement":
        consequence, alternative = parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")
        other = alternative if node_key(consequence) == node_key(block) else consequence
        if alternative is not None and not can_complete_normally(tree, other):
            return False  # both branches would jump: whatever follows the `if` becomes unreachable
    closing = block.end_byte - 1
    line_start = tree.text.line_starts[block.end_point[0]]
    if tree.text.data[line_start:closing].strip() or block.start_point[0] == block.end_point[0]:
        return False  # the closing brace must start its own line
    statements = [child for child in block.named_children if child.type not in ("line_comment", "block_comment")]
    return not statements or can_complete_normally(tree, statements[-1])


def _return_value(tree: JavaTree, method: Node, returns: list[Node], block: Node) -> str | None:
    """The expression a premature return gives back: one the method returns anyway, else a default."""
    declared = tree.code(method.child_by_field_name("type"))
    if declared == "void":
        return ""
    insertion = block.end_byte - 1
    candidates = [r.named_children[0] for r in returns if r.named_children]
    later = [c for c in candidates if c.start_byte > insertion]
    for candidate in later + [c for c in candidates if c.start_byte <= insertion]:
        if names_available(tree, candidate, method, insertion):
            return tree.code(candidate)
    if declared == "boolean":
        return "false"
    if declared in NUMERIC_TYPES and declared[0].islower():
        return "0"
    return "null"
