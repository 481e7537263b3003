"""Control flow rewritten without changing it: ``if``/``else`` swapped under a negated condition,
``for`` <-> ``while`` where provably equivalent; for Python and Java."""

from __future__ import annotations

import libcst as cst

from flipbench.mutators.content import validate_identifier
from flipbench.mutators.java_tree import JavaTree, can_complete_normally, node_key
from flipbench.mutators.python_tree import PythonTree
from flipbench.mutators.rewrites import Rewrite
from flipbench.mutators.source_text import Splice
from flipbench.mutators.spms.base import Application, Context, Site, Spm
from flipbench.mutators.spms.java_facts import STATEMENT_PARENTS, JavaFacts, Node, brace_layout
from flipbench.mutators.spms.python_facts import PythonFacts, walk

# -- Python ------------------------------------------------------------------------------------------

def _is_python_negation(test: cst.BaseExpression) -> bool:
    """``not c``, which :func:`_negation` negates by taking the ``not`` away."""
    return isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and not test.lpar


def _python_negation(tree: PythonTree, test: cst.BaseExpression) -> str:
    if _is_python_negation(test):
        return tree.code(test.expression, outer=True)
    if isinstance(test, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) or test.lpar:
        return f"not {tree.code(test, outer=True)}"
    return f"not ({tree.code(test)})"


class PythonSwapIfElse(Spm):
    """``if c: A else: B`` becomes ``if not c: B else: A``."""

    not_applicable = "no if/else with both branches on their own lines"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.parents:
            if not isinstance(node, cst.If) or not isinstance(node.orelse, cst.Else):
                continue
            if not isinstance(node.body, cst.IndentedBlock) or not isinstance(node.orelse.body, cst.IndentedBlock):
                continue
            header = tree.line(node)
            if tree.positions[node.test].end.line != header or not tree.starts_line(node):
                continue
            else_line = tree.line(node.orelse)
            if not tree.starts_line(node.orelse) or node.orelse.body.header.comment is not None \
                    or tree.line(node.orelse.body.body[0]) <= else_line or tree.line(node.body.body[0]) <= header:
                continue
            if header in context.fault_lines and _is_python_negation(node.test):
                continue  # un-negating would erase fault-line code (after negated_condition: the fault itself)
            found.append(Site(context.key("swap-if", header), header, (node, else_line)))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        node, else_line = site.payload
        header = site.line
        last = tree.positions[node].end.line
        starts = tree.text.line_starts
        begin = starts[header]
        end = starts[last] if last < len(starts) else len(tree.text.data)
        if not tree.text.data[begin:end].endswith(b"\n"):
            return None
        then_lines = list(range(header + 1, else_line))
        else_lines = list(range(else_line + 1, last + 1))
        new_order = else_lines + [else_line] + then_lines
        block = b"".join(tree.text.data[starts[line - 1]:starts[line] if line < len(starts) else len(tree.text.data)]
                         for line in new_order)
        position = {old: index for index, old in enumerate(new_order)}
        line_map = tuple((position[line],) for line in range(header + 1, last + 1))
        negated = Rewrite(tree.replace(node.test, _python_negation(tree, node.test), outer=bool(node.test.lpar)))
        return Application((negated, Rewrite(Splice(begin, end, block), line_map)),
                           f"swapped the branches of `if {tree.code(node.test)}`", header)


class PythonLoopRewrite(Spm):
    """``for i in range(a, b):`` rewritten as the equivalent ``while`` loop, where provably equivalent:
    no ``continue``, ``i`` not assigned in the body nor used outside the loop, no ``else``."""

    not_applicable = "no range() loop that a while loop can replace exactly"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for statement in PythonFacts.of(context).statements:
            node = statement.node
            if isinstance(node, cst.For) and statement.function is not None and self._convertible(context, node,
                                                                                                statement.function):
                line = tree.line(node)
                found.append(Site(context.key("for", line), line, node))
        return found

    def _convertible(self, context: Context, loop: cst.For, function: cst.FunctionDef) -> bool:
        tree = context.tree
        call = loop.iter
        if loop.orelse is not None or loop.asynchronous is not None or not isinstance(loop.target, cst.Name):
            return False
        if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "range"
                and 1 <= len(call.args) <= 2 and not any(a.keyword or a.star for a in call.args)):
            return False
        if "range" in PythonFacts.of(context).names - {"range"} or not isinstance(loop.body, cst.IndentedBlock):
            return False
        if tree.positions[loop].start.line != tree.line(loop.body.body[0]) - 1 - len(loop.body.body[0].leading_lines):
            return False  # the header must be one line
        name = loop.target.value
        loop_start, loop_end = tree.span(loop)
        for node in tree.parents:
            if isinstance(node, cst.Name) and node.value == name and node is not loop.target:
                start, _ = tree.span(node)
                inside_function = tree.span(function)[0] <= start < tree.span(function)[1]
                if inside_function and not loop_start <= start < loop_end:
                    return False  # the variable's final value would differ by one
        checker = _LoopBody(name)
        loop.body.visit(checker)
        stop = call.args[-1].value
        return checker.ok and not any(isinstance(n, cst.Name) and n.value == name for n in walk(stop))

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        loop: cst.For = site.payload
        call: cst.Call = loop.iter
        name = loop.target.value
        start = tree.code(call.args[0].value, outer=True) if len(call.args) == 2 else "0"
        stop_node = call.args[-1].value
        indent = PythonFacts.of(context).indentation(site.line)
        body_indent = PythonFacts.of(context).indentation(tree.line(loop.body.body[0]))
        newline = tree.text.newline.decode()
        lines = [f"{indent}{name} = {start}"]
        if isinstance(stop_node, (cst.Integer, cst.Name)):
            stop = tree.code(stop_node, outer=True)
        else:
            stop = next(n for n in ("stop", "end", "limit", "bound", f"{name}_stop")
                        if validate_identifier(n, "python", PythonFacts.of(context).names) is None)
            lines.append(f"{indent}{stop} = {tree.code(stop_node, outer=True)}")
        header_text = tree.text.line_bytes(site.line).decode("utf-8").rstrip("\r")
        colon = header_text.index(":", header_text.index(" in "))
        lines.append(f"{indent}while {name} < {stop}:{header_text[colon + 1:]}")
        last = tree.positions[loop].end.line
        start, end = tree.text.line_starts[site.line - 1], (
            tree.text.line_starts[last] if last < len(tree.text.line_starts) else len(tree.text.data))
        body = tree.text.data[tree.text.line_starts[site.line]:end]
        if not body.endswith(b"\n"):
            return None
        increment = f"{body_indent}{name} += 1{newline}".encode()
        text = (newline.join(lines) + newline).encode() + body + increment
        header_lines = len(lines)
        body_count = last - site.line
        # the header becomes the initialisation, the condition and the increment
        line_map = ((*range(header_lines), header_lines + body_count),) + tuple(
            (header_lines + offset,) for offset in range(body_count))
        return Application((Rewrite(Splice(start, end, text), line_map),), f"for {name} in range(...) -> while loop",
                           site.line)


class _LoopBody(cst.CSTVisitor):
    """A loop body qualifies when it never continues this loop nor assigns its variable."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.ok = True
        self.depth = 0

    def visit_Continue(self, node: cst.Continue) -> None:
        if self.depth == 0:
            self.ok = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.For, cst.While)):
            self.depth += 1
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr, cst.AsName)):
            target = getattr(node, "target", None) or getattr(node, "name", None)
            if target is not None and any(isinstance(n, cst.Name) and n.value == self.name for n in walk(target)):
                self.ok = False
        if isinstance(node, (cst.Global, cst.Nonlocal, cst.Del)):
            self.ok = False
        return super().on_visit(node)

    def on_leave(self, node: cst.CSTNode) -> None:
        if isinstance(node, (cst.For, cst.While)):
            self.depth -= 1
        super().on_leave(node)


# -- Java ------------------------------------------------------------------------------------------

def _is_java_negation(condition: Node) -> bool:
    """``!c``, which :func:`_negation` negates by taking the ``!`` away."""
    return condition.type == "unary_expression" and condition.child_by_field_name("operator").type == "!"


def _java_negation(tree: JavaTree, condition: Node) -> str:
    """Negated text of an ``if``'s parenthesized condition's inner expression."""
    if _is_java_negation(condition):
        operand = condition.child_by_field_name("operand")
        inner = operand.named_children[0] if operand.type == "parenthesized_expression" else operand
        return tree.code(inner)
    if condition.type in ("identifier", "method_invocation", "field_access", "parenthesized_expression", "true",
                          "false", "array_access"):
        return "!" + tree.code(condition)
    return f"!({tree.code(condition)})"


class JavaSwapIfElse(Spm):
    """``if (c) { A } else { B }`` becomes ``if (!(c)) { B } else { A }``."""

    not_applicable = "no if/else with both branches in braces laid out one statement per line"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.nodes("if_statement"):
            consequence, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
            if alternative is None or not brace_layout(tree, consequence) or not brace_layout(tree, alternative):
                continue
            condition = node.child_by_field_name("condition")
            if tree.line(condition) != tree.last_line(condition) or tree.last_line(consequence) != tree.line(alternative):
                continue
            if tree.line(condition) in context.fault_lines and _is_java_negation(condition.named_children[0]):
                continue  # un-negating would erase fault-line code (after negated_condition: the fault itself)
            found.append(Site(context.key("swap-if", tree.line(node)), tree.line(node), node))
        return found

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        node = site.payload
        consequence, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        condition = node.child_by_field_name("condition").named_children[0]
        first_inner, else_line = tree.line(consequence) + 1, tree.last_line(consequence)
        last_inner = tree.last_line(alternative) - 1
        then_lines = list(range(first_inner, else_line))
        else_lines = list(range(else_line + 1, last_inner + 1))
        if not then_lines or not else_lines:
            return None
        order = else_lines + [else_line] + then_lines
        start, end = tree.text.line_span(first_inner, last_inner)
        block = b"".join(tree.text.data[slice(*tree.text.line_span(line, line))] for line in order)
        position = {old: index for index, old in enumerate(order)}
        line_map = tuple((position[line],) for line in range(first_inner, last_inner + 1))
        return Application((Rewrite(tree.replace(condition, _java_negation(tree, condition))),
                            Rewrite(Splice(start, end, block), line_map)),
                           f"swapped the branches of `if ({tree.code(condition)})`", site.line)


class JavaLoopRewrite(Spm):
    """``for (int i = a; c; u) { B }`` becomes ``int i = a; while (c) { B u; }`` when the body never
    continues the loop, surely completes normally (else ``u;`` would be unreachable) and ``i`` is not
    used after it; any ``while (c)`` becomes ``for (; c; )``."""

    not_applicable = "no loop that can be rewritten exactly"

    def sites(self, context: Context) -> list[Site]:
        tree, found = context.tree, []
        for node in tree.nodes("for_statement", "while_statement"):
            if node.parent is None or node.parent.type not in STATEMENT_PARENTS or not tree.starts_line(node):
                continue
            condition = node.child_by_field_name("condition")
            if condition is None or tree.line(condition) != tree.last_line(condition):
                continue
            if node.type == "while_statement" or self._for_convertible(tree, node):
                found.append(Site(context.key(node.type, tree.line(node)), tree.line(node), node))
        return found

    def _for_convertible(self, tree: JavaTree, loop: Node) -> bool:
        init = loop.child_by_field_name("init")
        updates = loop.children_by_field_name("update")
        body = loop.child_by_field_name("body")
        if init is None or init.type != "local_variable_declaration" or len(updates) != 1 or body is None:
            return False
        declarators = init.children_by_field_name("declarator")
        if len(declarators) != 1 or not brace_layout(tree, body) or tree.line(body) != tree.line(loop):
            return False
        if any(self._continues(tree, node, loop) for node in tree.nodes("continue_statement", within=body)):
            return False
        if not can_complete_normally(tree, body):
            return False  # the update, moved to the end of the body, would be unreachable: javac rejects it
        name = tree.code(declarators[0].child_by_field_name("name"))
        # the hoisted declaration is in scope to the end of the enclosing block (a switch group's: the switch's)
        scope = loop.parent.parent if loop.parent.type == "switch_block_statement_group" else loop.parent
        after = [i for i in tree.nodes("identifier", within=scope)
                 if i.start_byte >= loop.end_byte and tree.code(i) == name]
        return not after

    @staticmethod
    def _continues(tree: JavaTree, statement: Node, loop: Node) -> bool:
        """Whether this ``continue`` targets ``loop`` (unlabelled and not inside an inner loop)."""
        if statement.named_children:
            return True  # labelled: be safe
        current = statement.parent
        while node_key(current) != node_key(loop):
            if current.type in ("for_statement", "enhanced_for_statement", "while_statement", "do_statement",
                                "lambda_expression", "class_body"):
                return False
            current = current.parent
        return True

    def rewrite(self, context: Context, site: Site) -> Application | None:
        tree = context.tree
        loop = site.payload
        condition = loop.child_by_field_name("condition")
        if loop.type == "while_statement":
            inner = condition.named_children[0]
            return Application((Rewrite(Splice(loop.start_byte, condition.end_byte,
                                               f"for (; {tree.code(inner)}; )".encode())),),
                               "while loop -> for (; c; ) loop", site.line)
        init = loop.child_by_field_name("init")
        update = loop.children_by_field_name("update")[0]
        body = loop.child_by_field_name("body")
        indent = JavaFacts.of(context).indentation(site.line)
        newline = tree.text.newline.decode()
        header_start, header_end = tree.text.line_span(site.line, site.line)
        rest = tree.text.data[body.start_byte:header_end].decode("utf-8")
        header = f"{indent}{tree.code(init)}{newline}{indent}while ({tree.code(condition)}) {rest}"
        statements = body.named_children
        facts = JavaFacts.of(context)
        inner_indent = facts.indentation(tree.line(statements[0])) if statements else indent + facts.unit
        close_line = tree.last_line(body)
        inner = tree.text.data[header_end:tree.text.line_starts[close_line - 1]]
        closing = tree.text.data[slice(*tree.text.line_span(close_line, close_line))]
        if not closing.endswith(b"\n"):
            return None
        update_line = f"{inner_indent}{tree.code(update)};{newline}".encode()
        inner_count = close_line - site.line - 1
        # the header becomes the declaration, the condition and the update
        line_map = ((0, 1, 2 + inner_count),) + tuple((2 + offset,) for offset in range(inner_count)) + (
            (3 + inner_count,),)
        start, end = tree.text.line_span(site.line, close_line)
        return Application((Rewrite(Splice(start, end, header.encode() + inner + update_line + closing), line_map),),
                           "for loop -> while loop", site.line)
