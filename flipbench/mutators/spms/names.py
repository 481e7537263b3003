"""Names: misleading local and parameter names, and renamed file-local functions / private methods;
for Python and Java.

Renames follow each language's scopes (libcst's scope analysis; each Java local's declared scope)
and skip anything reachable by name from outside: attributes, fields, keyword names, names the
tests use."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import FunctionScope

from flipbench.corpora import modifier_words
from flipbench.mutators.content import ContentRequest, validate_identifier
from flipbench.mutators.java_tree import JavaTree, node_key
from flipbench.mutators.rewrites import Rewrite
from flipbench.mutators.spms.base import Application, Context, Site, Spm, apply_renames
from flipbench.mutators.spms.java_facts import CALLABLES, JavaFacts, Node
from flipbench.mutators.spms.python_facts import PythonFacts


def _rename_definitions(context: Context, ranked: list[Site], strength: int, taken: set[str], noun: str
                        ) -> list[Application]:
    """Each site's definition and every use of it (payload: the old name and its nodes) renamed to validated
    content, in rank order until ``strength`` succeed; a new name is taken for the rest."""
    language, applied = context.language, []
    for site in ranked:
        if len(applied) == strength:
            break
        old, nodes = site.payload
        request = ContentRequest("function_name", language, site.key, old, taken=frozenset(taken))
        new = context.ask(request, lambda name: validate_identifier(name, language, frozenset(taken)))
        if new is None:
            continue
        taken.add(new)
        applied.append(Application(tuple(Rewrite(context.tree.replace(node, new)) for node in nodes),
                                   f"renamed {noun} {old} -> {new}", site.line))
    return applied


# -- Python ------------------------------------------------------------------------------------------

_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


@dataclass(frozen=True)
class _Variable:
    function: cst.FunctionDef
    name: str
    nodes: tuple[cst.Name, ...]


class PythonMisleadingNames(Spm):
    """Scope-aware renaming of local variables and parameters to names that suggest another role,
    or swapping the names of two variables of one function."""

    not_applicable = "no local variable or parameter that can be renamed safely"

    def sites(self, context: Context) -> list[Site]:
        found = []
        by_function: dict[int, list[_Variable]] = {}
        for variable in self._variables(context):
            line = context.tree.line(variable.nodes[0])
            found.append(Site(context.key("name", line, variable.name), line, (variable,)))
            by_function.setdefault(id(variable.function), []).append(variable)
        for variables in by_function.values():
            inner = self._bound_in_nested_scopes(context, variables[0].function)
            for first, second in zip(variables, variables[1:]):
                if first.name in inner or second.name in inner:
                    continue  # after the swap an inner binding would capture a reference to the other variable
                line = context.tree.line(first.nodes[0])
                found.append(Site(context.key("swap", line, first.name, second.name), line, (first, second)))
        return found

    @staticmethod
    def _bound_in_nested_scopes(context: Context, function: cst.FunctionDef) -> set[str]:
        """Names bound in comprehensions, lambdas and functions nested in ``function``."""
        own = PythonFacts.of(context).scopes.get(function.body.body[0])
        names: set[str] = set()
        for scope in set(PythonFacts.of(context).scopes.values()):
            parent = getattr(scope, "parent", None)
            while parent is not None and parent is not own and parent is not getattr(parent, "parent", None):
                parent = parent.parent
            if parent is own and scope is not own:
                names.update(assignment.name for assignment in scope.assignments)
        return names

    def _variables(self, context: Context) -> list[_Variable]:
        tree = context.tree
        if PythonFacts.of(context).dynamic_scopes:
            return []
        keywords = {node.keyword.value for node in tree.parents if isinstance(node, cst.Arg) and node.keyword}
        declared = {name.value for node in tree.parents if isinstance(node, (cst.Global, cst.Nonlocal))
                    for name in (item.name for item in node.names)}
        variables = []
        for function in (node for node in tree.parents if isinstance(node, cst.FunctionDef)):
            if not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
                continue
            scope = PythonFacts.of(context).scopes.get(function.body.body[0])
            if not isinstance(scope, FunctionScope):
                continue
            parameters = [p.name.value for p in (*function.params.posonly_params, *function.params.params,
                                                 *function.params.kwonly_params)]
            first_parameter = parameters[0] if parameters and isinstance(tree.enclosing(function, *_SCOPES),
                                                                          cst.ClassDef) else None
            grouped: dict[str, list] = {}
            for assignment in scope.assignments:
                grouped.setdefault(assignment.name, []).append(assignment)
            for name, assignments in sorted(grouped.items()):
                if name in declared or name == first_parameter or name.startswith("__"):
                    continue
                nodes: dict[tuple[int, int], cst.Name] = {}
                renameable = True
                for assignment in assignments:
                    binder = assignment.node
                    if isinstance(binder, cst.Param):
                        if name in keywords or name in context.protected_names and not _private(function.name.value):
                            renameable = False
                        binder = binder.name
                    if not isinstance(binder, cst.Name):
                        renameable = False  # bound by an import, a def or a class: leave it
                        break
                    nodes[tree.span(binder)] = binder
                    for reference in assignment.references:
                        if not isinstance(reference.node, cst.Name):
                            renameable = False
                            break
                        nodes[tree.span(reference.node)] = reference.node
                if renameable and nodes:
                    ordered = tuple(node for _, node in sorted(nodes.items(), key=lambda item: item[0]))
                    variables.append(_Variable(function, name, ordered))
        # libcst resolves the read in an inner function's `x = x + 1` to the inner `x` and to an
        # outer `x` as well: a name claimed by two variables is renamed with neither.
        claims = Counter(id(node) for variable in variables for node in variable.nodes)
        return [v for v in variables if all(claims[id(node)] == 1 for node in v.nodes)]

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        return apply_renames(context, ranked, strength, language="python",
                             taken=set(PythonFacts.of(context).names) | context.protected_names,
                             scope_of=lambda variable: id(variable.function))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


class PythonRenameFunctions(Spm):
    """Functions and methods renamed to misleading names with every call site updated, only where no
    caller outside the file (the program's tests included) and no override can be affected."""

    not_applicable = "no function or method that only this file calls"

    def sites(self, context: Context) -> list[Site]:
        tree = context.tree
        if PythonFacts.of(context).dynamic_scopes:
            return []
        found = []
        has_tests = bool(context.protected_names)
        attributes: dict[str, list[cst.Attribute]] = {}
        definitions: dict[str, int] = {}
        for node in tree.parents:
            if isinstance(node, cst.Attribute):
                attributes.setdefault(node.attr.value, []).append(node)
            elif isinstance(node, cst.FunctionDef):
                definitions[node.name.value] = definitions.get(node.name.value, 0) + 1
        for function in tree.module.body:
            if isinstance(function, cst.FunctionDef):
                nodes = self._module_function(context, function, has_tests, attributes, definitions)
                if nodes:
                    found.append(self._site(context, function, nodes))
            elif isinstance(function, cst.ClassDef) and isinstance(function.body, cst.IndentedBlock):
                for method in function.body.body:
                    if isinstance(method, cst.FunctionDef):
                        nodes = self._method(context, function, method, has_tests, attributes, definitions)
                        if nodes:
                            found.append(self._site(context, method, nodes))
        return found

    def _site(self, context: Context, function: cst.FunctionDef, nodes: list[cst.Name]) -> Site:
        line = context.tree.line(function.name)
        return Site(context.key("function", line, function.name.value), line, (function.name.value, tuple(nodes)))

    def _renameable_name(self, context: Context, name: str, has_tests: bool, definitions: dict[str, int]) -> bool:
        return (not name.startswith("__") and definitions.get(name) == 1 and name not in context.protected_names
                and (has_tests or _private(name))
                and re.search(rf"\b{re.escape(name)}\b", PythonFacts.of(context).strings) is None)

    def _module_function(self, context, function, has_tests, attributes, definitions) -> list[cst.Name]:
        name = function.name.value
        if not self._renameable_name(context, name, has_tests, definitions) or name in attributes:
            return []
        scope = PythonFacts.of(context).scopes.get(function)
        assignments = [a for a in scope.assignments if a.name == name] if scope is not None else []
        if len(assignments) != 1 or assignments[0].node is not function:
            return []
        references = [r.node for r in assignments[0].references]
        if not all(isinstance(node, cst.Name) for node in references):
            return []
        return [function.name, *references]

    def _method(self, context, cls, method, has_tests, attributes, definitions) -> list[cst.Name]:
        name = method.name.value
        bases = [arg for arg in cls.bases if not (isinstance(arg.value, cst.Name) and arg.value.value == "object")]
        if bases or method.decorators or not self._renameable_name(context, name, has_tests, definitions):
            return []
        receivers = {"self", "cls", cls.name.value}
        nodes = [method.name]
        for attribute in attributes.get(name, []):
            if not (isinstance(attribute.value, cst.Name) and attribute.value.value in receivers):
                return []
            if context.tree.enclosing(attribute, cst.ClassDef) is not cls:
                return []
            nodes.append(attribute.attr)
        if any(isinstance(node, cst.Name) and node.value == name and node not in nodes
               and not isinstance(context.tree.parents.get(node), cst.Attribute) for node in context.tree.parents):
            return []  # the bare name means something else somewhere
        return nodes

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        taken = set(PythonFacts.of(context).names) | context.protected_names
        return _rename_definitions(context, ranked[:strength * 4], strength, taken, "function")


# -- Java ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Local:
    method: Node
    name: str
    nodes: tuple[Node, ...]


def _locals(context: Context) -> list[_Local]:
    """Locals and parameters of each method or constructor with every identifier that means them."""
    tree = context.tree
    found = []
    for method in tree.nodes(*CALLABLES):
        body = method.child_by_field_name("body")
        if body is None:
            continue
        declarations: dict[str, list[Node]] = {}
        for node in tree.nodes("formal_parameter", "local_variable_declaration", "enhanced_for_statement",
                               "catch_formal_parameter", within=method):
            owner = tree.callable_of(node)
            if owner is None or node_key(owner) != node_key(method):
                continue
            if node.type == "local_variable_declaration":
                names = [d.child_by_field_name("name") for d in node.children_by_field_name("declarator")]
            else:
                names = [node.child_by_field_name("name")]
            for name in names:
                if name is not None:
                    declarations.setdefault(tree.code(name), []).append(node)
        nested = tree.nodes("class_body", within=body)
        for name, declared in sorted(declarations.items()):
            occurrences = _occurrences(tree, method, name)
            if any(n.start_byte <= o.start_byte < n.end_byte for o in occurrences for n in nested):
                continue
            if all(any(_in_scope(tree, d, o, method) for d in declared) for o in occurrences):
                found.append(_Local(method, name, tuple(occurrences)))
    return found


def _occurrences(tree: JavaTree, method: Node, name: str) -> list[Node]:
    """Identifiers named ``name`` in the method that are variables (not members after a dot, not labels)."""
    found = []
    for identifier in tree.nodes("identifier", within=method):
        if tree.code(identifier) != name:
            continue
        parent = identifier.parent
        if parent.type == "method_invocation" and node_key(parent.child_by_field_name("name")) == node_key(identifier):
            continue
        if parent.type == "field_access" and node_key(parent.child_by_field_name("field")) == node_key(identifier):
            continue
        if parent.type == "method_reference" and node_key(parent.named_children[0]) != node_key(identifier):
            continue  # the method's name; the receiver of `factory::create` is the variable
        if parent.type in ("method_declaration", "constructor_declaration", "labeled_statement", "break_statement",
                           "continue_statement", "annotation", "marker_annotation", "element_value_pair",
                           "scoped_identifier"):
            continue
        found.append(identifier)
    return found


def _in_scope(tree: JavaTree, declaration: Node, identifier: Node, method: Node) -> bool:
    offset = identifier.start_byte
    if declaration.type == "formal_parameter" and node_key(declaration.parent.parent) == node_key(method):
        return True
    if declaration.type == "local_variable_declaration":
        scope = declaration.parent
        if scope.type == "for_statement":
            return scope.start_byte <= offset < scope.end_byte
        return declaration.start_byte <= offset < scope.end_byte
    if declaration.type == "enhanced_for_statement":
        return declaration.start_byte <= offset < declaration.end_byte
    if declaration.type == "catch_formal_parameter":
        return declaration.parent.start_byte <= offset < declaration.parent.end_byte
    return False


class JavaMisleadingNames(Spm):
    """Scope-aware renaming of a method's locals and parameters to names that suggest another role,
    or swapping the names of two of them. Fields are never renamed."""

    not_applicable = "no local variable or parameter that can be renamed safely"

    def sites(self, context: Context) -> list[Site]:
        found = []
        by_method: dict[tuple, list[_Local]] = {}
        for local in _locals(context):
            line = context.tree.line(local.nodes[0])
            found.append(Site(context.key("name", line, local.name), line, (local,)))
            by_method.setdefault(node_key(local.method), []).append(local)
        for group in by_method.values():
            for first, second in zip(group, group[1:]):
                line = context.tree.line(first.nodes[0])
                found.append(Site(context.key("swap", line, first.name, second.name), line, (first, second)))
        return found

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        return apply_renames(context, ranked, strength, language="java", taken=set(JavaFacts.of(context).identifiers),
                             scope_of=lambda local: node_key(local.method))


class JavaRenameFunctions(Spm):
    """Private methods renamed to misleading names with every call and method reference updated:
    nothing outside the class can call them and nothing can override them."""

    not_applicable = "no private method to rename"

    def sites(self, context: Context) -> list[Site]:
        tree = context.tree
        methods: dict[str, list[Node]] = {}
        for method in tree.nodes("method_declaration"):
            methods.setdefault(tree.code(method.child_by_field_name("name")), []).append(method)
        found = []
        for name, declared in sorted(methods.items()):
            if not all("private" in modifier_words(m) for m in declared) or name in context.protected_names:
                continue
            classes = {node_key(tree.enclosing(m, "class_body", "enum_body", "interface_body")) for m in declared}
            if len(classes) != 1 or re.search(rf"\b{re.escape(name)}\b", JavaFacts.of(context).strings):
                continue
            owner = tree.enclosing(declared[0], "class_declaration", "enum_declaration", "record_declaration")
            owner_name = tree.code(owner.child_by_field_name("name")) if owner is not None else None
            nodes = [m.child_by_field_name("name") for m in declared]
            usable = True
            for call in JavaFacts.of(context).calls_by_name.get(name, []):
                if call.type == "method_invocation":
                    receiver = call.child_by_field_name("object")
                    if receiver is not None and receiver.type != "this" and tree.code(receiver) != owner_name \
                            and tree.expression_type(receiver) != owner_name:
                        usable = False
                        break
                    nodes.append(call.child_by_field_name("name"))
                else:
                    nodes.append(call.named_children[-1])
            if usable:
                line = tree.line(declared[0])
                found.append(Site(context.key("method", line, name), line, (name, tuple(nodes))))
        return found

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        return _rename_definitions(context, ranked, strength, set(JavaFacts.of(context).identifiers), "method")
