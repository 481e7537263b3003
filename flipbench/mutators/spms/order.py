"""The order of definitions (``function_shuffle``): definitions swapped within a group whose order cannot
matter, for Python and Java.

Both languages share the planner (:class:`ReorderDefinitions`): a language only says which groups of
definitions may be reordered. Python groups are runs of adjacent functions none of whose decorators or
defaults could observe the order; Java groups are the methods, constructors and nested types of one
class, never its fields or initializer blocks.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass

import libcst as cst

from flipbench.mutators.rewrites import Rewrite, reorder_blocks
from flipbench.mutators.sampling import rank
from flipbench.mutators.spms.base import Application, Context, Site, Spm
from flipbench.mutators.spms.java_facts import Node
from flipbench.mutators.spms.python_facts import walk


@dataclass(frozen=True)
class Movable:
    """A definition that may trade places with another of its group."""

    identity: str
    """What ranks its partners and tells a swap from the same swap undone."""
    name: str
    line: int
    """Where its site and its edit are recorded."""
    block: tuple[int, int]
    """Its lines, leading comments included: what moves."""


@dataclass(frozen=True)
class Group:
    """Definitions that may be reordered among themselves, and the lines the group spans."""

    members: tuple[Movable, ...]
    region: tuple[int, int]


class ReorderDefinitions(Spm):
    """Swaps within groups: each site is a definition, swapped with a seeded partner of its group; the
    same pair is never swapped straight back, and of two nested groups (a class inside a function being
    moved) only one is reordered at a time."""

    site_kind = "definition"

    @abstractmethod
    def groups(self, context: Context) -> list[Group]:
        """Every group of two or more definitions whose order cannot matter."""

    def sites(self, context: Context) -> list[Site]:
        return [Site(context.key(self.site_kind, member.line, member.name), member.line, (index, group, member))
                for index, group in enumerate(self.groups(context)) for member in group.members]

    def apply(self, context: Context, ranked: list[Site], strength: int) -> list[Application]:
        orders: dict[int, list[Movable]] = {}
        groups: dict[int, Group] = {}
        swaps: list[tuple[int, Movable, Movable]] = []
        last_swap: dict[int, frozenset[str]] = {}
        for site in ranked:
            if len(swaps) == strength:
                break
            index, group, member = site.payload
            region = group.region
            if any(other != index and region[0] <= used.region[1] and used.region[0] <= region[1]
                   for other, used in groups.items()):
                continue
            groups[index] = group
            order = orders.setdefault(index, list(group.members))
            partners = sorted((m for m in group.members if m is not member),
                              key=lambda m: rank(0, f"{site.key}\x00{m.identity}"))
            partner = next((m for m in partners if frozenset((member.identity, m.identity)) != last_swap.get(index)),
                           None)
            if partner is None:
                continue
            i, j = order.index(member), order.index(partner)
            order[i], order[j] = order[j], order[i]
            last_swap[index] = frozenset((member.identity, partner.identity))
            swaps.append((index, member, partner))
        if not swaps:
            return []
        rewrites = {index: self._reorder(context, groups[index], order) for index, order in orders.items()}
        applications = []
        for position, (index, member, partner) in enumerate(swaps):
            # a group's one rewrite goes with its last swap: earlier ones only describe themselves
            own = (rewrites[index],) if rewrites[index] is not None and all(
                later[0] != index for later in swaps[position + 1:]) else ()
            applications.append(Application(own, f"swapped {member.name} and {partner.name}", member.line))
        return applications

    @staticmethod
    def _reorder(context: Context, group: Group, order: list[Movable]) -> Rewrite | None:
        return reorder_blocks(context.tree.text, [member.block for member in group.members],
                              [group.members.index(member) for member in order])


# -- Python ------------------------------------------------------------------------------------------

_PURE_DECORATORS = frozenset({"staticmethod", "classmethod", "abstractmethod", "cache", "lru_cache",
                              "cached_property"})


class PythonFunctionShuffle(ReorderDefinitions):
    """Functions and methods reordered within runs of adjacent definitions, where nothing evaluated at
    definition time (decorators, defaults) could observe the order."""

    not_applicable = "no two adjacent function definitions can be reordered safely"
    site_kind = "function"

    def groups(self, context: Context) -> list[Group]:
        tree = context.tree
        groups = []
        for run in self._runs(context):
            members = tuple(Movable(function.name.value, function.name.value, tree.line(function),
                                    (tree.positions[function].start.line - len(function.leading_lines),
                                     tree.positions[function].end.line)) for function in run)
            groups.append(Group(members, (tree.line(run[0]), tree.positions[run[-1]].end.line)))
        return groups

    def _runs(self, context: Context) -> list[tuple[cst.FunctionDef, ...]]:
        tree = context.tree
        bodies = [tree.module.body] + [node.body.body for node in tree.parents
                                       if isinstance(node, cst.ClassDef) and isinstance(node.body, cst.IndentedBlock)]
        runs = []
        for body in bodies:
            current: list[cst.FunctionDef] = []
            for statement in list(body) + [None]:
                if isinstance(statement, cst.FunctionDef) and self._movable(context, statement):
                    current.append(statement)
                    continue
                names = [f.name.value for f in current]
                if len(current) >= 2 and len(set(names)) == len(names) and not self._cross_references(current):
                    runs.append(tuple(current))
                current = []
        return runs

    def _movable(self, context: Context, function: cst.FunctionDef) -> bool:
        tree = context.tree
        for decorator in function.decorators:
            target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
            name = target.attr.value if isinstance(target, cst.Attribute) else getattr(target, "value", None)
            if name not in _PURE_DECORATORS or isinstance(decorator.decorator, cst.Call) and name != "lru_cache":
                return False
        evaluated = [p.default for p in (*function.params.posonly_params, *function.params.params,
                                         *function.params.kwonly_params) if p.default is not None]
        if any(isinstance(n, cst.Call) for e in evaluated for n in walk(e)):
            return False
        start = tree.positions[function].start.line - len(function.leading_lines)
        return tree.starts_line(function) and start >= 1

    @staticmethod
    def _cross_references(run: list[cst.FunctionDef]) -> bool:
        """A default or decorator naming another function of the run would see the order."""
        names = {function.name.value for function in run}
        for function in run:
            evaluated = [p.default for p in (*function.params.params, *function.params.kwonly_params) if p.default]
            evaluated += [d.decorator for d in function.decorators]
            if any(isinstance(n, cst.Name) and n.value in names for e in evaluated for n in walk(e)):
                return True
        return False


# -- Java --------------------------------------------------------------------------------------------

MOVABLE_MEMBERS = ("method_declaration", "constructor_declaration", "class_declaration", "interface_declaration",
                   "enum_declaration", "record_declaration", "annotation_type_declaration",
                   "compact_constructor_declaration")
MEMBER_BODIES = ("class_body", "interface_body", "enum_body_declarations")


class JavaFunctionShuffle(ReorderDefinitions):
    """Methods, constructors and nested types reordered within their class; fields and initializer
    blocks (whose order matters) stay where they are."""

    not_applicable = "no class with two members that can be reordered"
    site_kind = "member"

    def groups(self, context: Context) -> list[Group]:
        groups = []
        for blocks in self._classes(context):
            members = tuple(Movable(str(first), self._name(context, member), first, (first, last))
                            for first, last, member in blocks)
            groups.append(Group(members, (blocks[0][0], blocks[-1][1])))
        return groups

    @staticmethod
    def _name(context: Context, member: Node) -> str:
        name = member.child_by_field_name("name")
        return context.tree.code(name) if name is not None else member.type

    def _classes(self, context: Context) -> list[tuple[tuple[int, int, Node], ...]]:
        tree = context.tree
        result = []
        for body in tree.nodes(*MEMBER_BODIES):
            children = body.named_children
            blocks = []
            for position, member in enumerate(children):
                if member.type not in MOVABLE_MEMBERS:
                    continue
                if not (tree.starts_line(member) and tree.ends_line(member)):
                    blocks = []
                    break
                first = tree.line(member)
                back = position - 1
                while back >= 0 and children[back].type.endswith("comment") \
                        and tree.last_line(children[back]) == first - 1 and tree.starts_line(children[back]):
                    first = tree.line(children[back])
                    back -= 1
                blocks.append((first, tree.last_line(member), member))
            if len(blocks) >= 2:
                result.append(tuple(blocks))
        return result
