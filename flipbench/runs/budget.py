"""Budgets: a run that would cost more than its owner meant to spend does not start, and one whose money
runs out on the way stops asking.

``max_cost`` (US$ at the experiment's ``[prices]``) and ``max_tokens_total`` (input plus output tokens the
providers reported) bound the whole run, and ``[budgets."<localizer>"]`` tables bound one localizer. Only
prompted localizers (chat models) spend; baselines and tools go on whatever the budgets say.

Before a run starts, the dry run's estimate (an upper bound, :mod:`flipbench.runs.dry_run`) is checked
against every budget (:func:`over_budget`). While it runs, :class:`Spending` counts what the recorded
responses cost -- those of earlier invocations of the same run included, at today's prices -- and the
executor asks it before submitting each task: once a budget is spent, its localizers' tasks are no longer
submitted (the ones already open still finish, so a run may pass its budget by what its open requests
cost), the stage ends, and the run stops with :class:`BudgetReached` before the next stage. Tasks not
asked are not recorded, so the same command with a higher budget resumes exactly there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flipbench.errors import InputError

if TYPE_CHECKING:
    from flipbench.localizers import Localizer
    from flipbench.runs.dry_run import Plan
    from flipbench.runs.experiment import Experiment


@dataclass(frozen=True)
class Budget:
    """At most this much, for a run or for one localizer (None: no bound)."""

    max_cost: float | None = None
    """US dollars, at the experiment's ``[prices]``."""
    max_tokens_total: int | None = None
    """Input plus output tokens, as the providers report them."""

    def __post_init__(self) -> None:
        cost, tokens = self.max_cost, self.max_tokens_total
        if cost is not None and (isinstance(cost, bool) or not isinstance(cost, int | float) or cost <= 0):
            raise InputError(f"max_cost must be a positive number of US dollars, not {cost!r}")
        if tokens is not None and (isinstance(tokens, bool) or not isinstance(tokens, int) or tokens < 1):
            raise InputError(f"max_tokens_total must be a positive whole number of tokens, not {tokens!r}")

    @property
    def bounded(self) -> bool:
        return self.max_cost is not None or self.max_tokens_total is not None

    def exceeded_by(self, cost: float | None, tokens: int) -> str | None:
        """Which bound ``cost`` and ``tokens`` reach (``max_cost US$5.00``), or None."""
        if self.max_cost is not None and cost is not None and cost >= self.max_cost:
            return f"max_cost {money(self.max_cost)}"
        if self.max_tokens_total is not None and tokens >= self.max_tokens_total:
            return f"max_tokens_total {self.max_tokens_total:,}"
        return None


class BudgetReached(Exception):
    """A run stopped because a budget was spent; what finished is recorded and a re-run with a higher budget
    resumes (the CLI ends with :attr:`flipbench.exits.ExitStatus.BUDGET`)."""


PriceOf = Mapping[str, "tuple[float, float]"]
"""Per localizer, US$ per million input and output tokens."""


@dataclass(frozen=True)
class Budgets:
    """The run's budget and each localizer's, with what is needed to price tokens."""

    run: Budget
    localizers: Mapping[str, Budget]
    prices: PriceOf

    @property
    def bounded(self) -> bool:
        return self.run.bounded or any(budget.bounded for budget in self.localizers.values())

    def check(self, prompted: Iterable[str]) -> None:
        """Refuse budgets that cannot be enforced: on a localizer the run does not have, or in dollars for a
        localizer without a price."""
        prompted = list(prompted)
        for name in self.localizers:
            if name not in prompted:
                raise InputError(f"budgets.{name}: not a prompted localizer of the experiment "
                                 f"(those that spend: {', '.join(prompted) or 'none'})")
        priced = [name for name in prompted if name not in self.prices and (
            self.run.max_cost is not None or self.localizers.get(name, Budget()).max_cost is not None)]
        if priced:
            raise InputError(f"max_cost needs a price: add [prices.\"{priced[0]}\"] (input, output US$ per million "
                             "tokens)")

    def cost(self, localizer: str, input_tokens: int, output_tokens: int) -> float | None:
        price = self.prices.get(localizer)
        return None if price is None else (input_tokens * price[0] + output_tokens * price[1]) / 1e6


def budgets_of(experiment: Experiment) -> Budgets:
    return Budgets(Budget(experiment.max_cost, experiment.max_tokens_total), dict(experiment.budgets),
                   {name: (price.input, price.output) for name, price in experiment.prices.items()})


def spending_for(experiment: Experiment, localizers: Mapping[str, Localizer],
                 spent: Callable[[], Mapping[str, tuple[int, int]]]) -> Spending | None:
    """The run's :class:`Spending`, starting from what ``spent()`` says its recorded responses used (per
    localizer: input and output tokens); None when the experiment sets no budget."""
    budgets = budgets_of(experiment)
    if not budgets.bounded:
        return None
    prompted = [name for name, localizer in localizers.items() if localizer.capabilities.prompted]
    budgets.check(prompted)
    return Spending(budgets, spent(), prompted)


def over_budget(budgets: Budgets, estimates: Iterable[tuple[str, int, float | None]]) -> str | None:
    """The first budget an estimate (per localizer: tokens, cost) exceeds, as the one line that refuses the
    run, or None. A bound equal to the estimate is enough."""
    estimates = list(estimates)
    for name, tokens, cost in estimates:
        budget = budgets.localizers.get(name, Budget())
        if _over(budget, cost, tokens):
            return f"{name}: its estimate ({_amounts(cost, tokens)}) exceeds its budget ({_bounds(budget)})"
    total_tokens = sum(tokens for _, tokens, _ in estimates)
    costs = [cost for _, _, cost in estimates]
    total_cost = None if any(cost is None for cost in costs) else sum(c for c in costs if c is not None)
    if _over(budgets.run, total_cost, total_tokens):
        return f"the run's estimate ({_amounts(total_cost, total_tokens)}) exceeds its budget ({_bounds(budgets.run)})"
    return None


def money(dollars: float) -> str:
    """US dollars as a budget message shows them: cents, or the first significant digits of less than a cent."""
    return f"US${dollars:,.2f}" if dollars >= 0.01 or dollars == 0 else f"US${dollars:.2g}"


def _over(budget: Budget, cost: float | None, tokens: int) -> bool:
    return (budget.max_cost is not None and cost is not None and cost > budget.max_cost) or (
        budget.max_tokens_total is not None and tokens > budget.max_tokens_total)


def _amounts(cost: float | None, tokens: int) -> str:
    return f"{tokens:,} tokens" + ("" if cost is None else f", {money(cost)}")


def _bounds(budget: Budget) -> str:
    parts = ([] if budget.max_cost is None else [f"max_cost {money(budget.max_cost)}"]) + (
        [] if budget.max_tokens_total is None else [f"max_tokens_total {budget.max_tokens_total:,}"])
    return ", ".join(parts)


class Spending:
    """What a run has spent so far, per localizer, and whether a localizer may still be asked.

    Counted from responses as they are recorded (this process's and its workers'); one instance per run,
    owned by the process that submits tasks."""

    def __init__(self, budgets: Budgets, spent: Mapping[str, tuple[int, int]], budgeted: Iterable[str]) -> None:
        self.budgets = budgets
        self.budgeted = frozenset(budgeted)
        """The localizers that spend (prompted ones); the others are never held back."""
        self.tokens: Counter = Counter()
        self.input: Counter = Counter()
        self.output: Counter = Counter()
        for name, (input_tokens, output_tokens) in spent.items():
            self.charge(name, input_tokens, output_tokens)
        self.held_back: Counter = Counter()
        """Per localizer, tasks (or content requests) not submitted since its budget was spent."""
        self.reason: str | None = None

    def charge(self, localizer: str, input_tokens: int | None, output_tokens: int | None) -> None:
        self.input[localizer] += input_tokens or 0
        self.output[localizer] += output_tokens or 0
        self.tokens[localizer] += (input_tokens or 0) + (output_tokens or 0)

    def cost(self, localizer: str) -> float | None:
        return self.budgets.cost(localizer, self.input[localizer], self.output[localizer])

    def admits(self, localizer: str) -> bool:
        """Whether a task of ``localizer`` may be submitted; counts the ones held back."""
        if localizer not in self.budgeted:
            return True
        reached = self._reached(localizer)
        if reached is None:
            return True
        self.held_back[localizer] += 1
        self.reason = self.reason or reached
        return False

    def _reached(self, localizer: str) -> str | None:
        own = self.budgets.localizers.get(localizer)
        if own is not None:
            bound = own.exceeded_by(self.cost(localizer), self.tokens[localizer])
            if bound is not None:
                return f"{localizer} spent its {bound} ({self._spent([localizer])})"
        costs = [self.cost(name) for name in self.budgeted]
        total_cost = None if any(cost is None for cost in costs) else sum(c for c in costs if c is not None)
        bound = self.budgets.run.exceeded_by(total_cost, sum(self.tokens[name] for name in self.budgeted))
        return None if bound is None else f"the run spent its {bound} ({self._spent(sorted(self.budgeted))})"

    def _spent(self, names: list[str]) -> str:
        tokens = sum(self.tokens[name] for name in names)
        costs = [self.cost(name) for name in names]
        spent = f"{tokens:,} tokens"
        if costs and all(cost is not None for cost in costs):
            spent += f", {money(sum(c for c in costs if c is not None))}"
        return spent

    def stop_if_spent(self, stage: str) -> None:
        """End the run after ``stage`` if a budget held anything back in it."""
        if self.held_back:
            held = sum(self.held_back.values())
            raise BudgetReached(f"budget reached: {self.reason}; {stage}: {held} not asked. Everything finished "
                                "is kept: run again with a higher budget to resume")


def refuse_over_budget(experiment: Experiment, plan: Plan) -> None:
    """Refuse (one line, exit status 2) a run whose dry-run estimate exceeds a budget."""
    budgets = budgets_of(experiment)
    if not budgets.bounded:
        return
    budgets.check(localizer.localizer for localizer in plan.localizers if localizer.prompted)
    over = over_budget(budgets, ((localizer.localizer, localizer.input_tokens + localizer.output_tokens, localizer.cost)
                                 for localizer in plan.localizers if localizer.prompted))
    if over is not None:
        raise InputError(f"{over}; the estimate is an upper bound (see run --dry-run): raise the budget or run "
                         "with --force")
