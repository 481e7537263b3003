"""Plan before paying: what a run would ask and what it would cost, without calling anything.

``flipbench run --dry-run`` chooses the faulty programs as a run does (the same seeded groups, the same
``faults_per_operator``, stratification and ``limit``) but certifies nothing: telling a live fault from an
equivalent one means running tests in a sandbox, which is a run's first real cost. So every count is an
**upper bound**: stage 1 as if every fault were live, stage 2 as if every localizer localized every
faulty program (under ``mode = "correct"`` and the existential filter stage 2 takes only the hits) and
every SPM condition applied. Tokens are estimated from the prompts' characters (``CHARS_PER_TOKEN``; no
tokenizer of any provider is at hand), a variant's prompt from its faulty program's plus the growth the
SPMs make, measured by mutating a seeded sample of the faulty programs; answers from the prompt's kind.
The cost is the experiment's ``[prices]`` applied to those tokens.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from flipbench import console
from flipbench.corpora import Corpus, load_corpus
from flipbench.localizers import PromptTemplate, Sampling, load_prompt
from flipbench.model import FaultyProgram, Program
from flipbench.mutators import NotApplicable, mutate
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import FaultPool, condition_label

CHARS_PER_TOKEN = 3.5
"""Characters per token of source code: SmolLM2's BPE tokenizer (49,152 tokens) gives 3.37 on the study's
Python seeds and 3.64 on its Java seeds (all but the 42,000-line files; llama.cpp's tokenizer on the
GGUF's vocabulary). Larger vocabularies (GPT-4o's 200,000) pack more characters into a token, so the
estimate errs high for them: an estimate, not any provider's count."""
ANSWER_TOKENS = 16
"""Tokens of a JSON line answer (``{"line": 123}`` with the chat format's overhead); a ``reasoning`` prompt's
answers are counted at ``max_tokens``."""
CONTENT_ASKS = ("comments", "names", "dead_code")
"""The study's three content requests, each asked per faulty program and strength (``content = "model"``)."""
CONTENT_INSTRUCTION_TOKENS = 80
"""A content request's words around the code (the names request shows no code)."""
CONTENT_ITEM_TOKENS = 20
"""Tokens of one written item (a comment, a name, a dead-code statement) in the JSON answer."""
GROWTH_SAMPLE = 4
"""Faulty programs per language mutated to measure how much each SPM condition lengthens a prompt."""
GROWTH_MAX_LINES = 400
"""... taken among programs of at most this many lines (a 42,000-line file would take a minute a condition)."""
PLANNING_WORKERS = 2
"""Processes injecting the faults of a whole corpus."""


@dataclass(frozen=True)
class FaultCount:
    language: str
    fault: str
    programs: int
    """Programs with at least one site for the operator."""
    faulty: int
    """Faulty programs the run would choose (before certification drops equivalent ones)."""


@dataclass(frozen=True)
class LocalizerPlan:
    localizer: str
    prompted: bool
    """It is sent the run's prompt (a chat model); baselines use no tokens."""
    stage_one: int
    stage_two: int
    """Upper bound: every faulty program localized, every condition applied (the control included)."""
    content_prompts: int
    input_tokens: int
    output_tokens: int
    cost: float | None
    """US$ at the experiment's ``[prices]``; None without a price for it."""

    @property
    def prompts(self) -> int:
        return (self.stage_one + self.stage_two + self.content_prompts) if self.prompted else 0


@dataclass(frozen=True)
class Plan:
    corpus: str
    programs: dict[str, int]
    """Usable programs per language."""
    excluded: int
    """Programs of the experiment's languages left out (they do not parse)."""
    faults: tuple[FaultCount, ...]
    conditions: tuple[str, ...]
    samples: int
    control: bool
    localizers: tuple[LocalizerPlan, ...]
    seconds: float
    notes: tuple[str, ...] = field(default=())

    @property
    def faulty(self) -> int:
        return sum(count.faulty for count in self.faults)

    def total(self, count: str) -> int:
        """A count of :class:`LocalizerPlan` (``stage_one``, ``prompts``, ``input_tokens``, ...) over every localizer."""
        return sum(getattr(localizer, count) for localizer in self.localizers)

    @property
    def stage_two_without_control(self) -> int:
        return self.faulty * len(self.conditions) * self.samples * len(self.localizers)

    @property
    def cost(self) -> float | None:
        costs = [localizer.cost for localizer in self.localizers if localizer.prompted]
        return None if not costs or any(cost is None for cost in costs) else sum(costs)


@dataclass
class _Totals:
    """What the estimate needs of the chosen faulty programs, summed: how many, their prompts' and code's
    characters, and the characters their variants add (every condition, per the measured growth)."""

    count: int = 0
    prompt_chars: int = 0
    code_chars: int = 0
    added_chars: float = 0.0


def plan_experiment(experiment: Experiment, prompted: dict[str, bool]) -> Plan:
    """The plan of ``experiment``; ``prompted`` says per localizer whether it is sent prompts (a chat model)."""
    started = time.perf_counter()
    corpus = load_corpus(experiment.corpus)
    template = load_prompt(experiment.prompt)
    programs = Counter(program.language for program in corpus.programs() if program.language in experiment.languages)
    excluded = sum(1 for entry in corpus.entries
                   if entry.excluded is not None and entry.program.language in experiment.languages)
    sites: Counter = Counter()
    chosen: Counter = Counter()
    faulty, per_language = _Totals(), Counter()
    for language, group, base, code in _chosen_faults(experiment, corpus, template):
        for fault, deltas in group.items():
            sites[(language, fault)] += 1
            chosen[(language, fault)] += len(deltas)
            per_language[language] += len(deltas)
            faulty.count += len(deltas)
            faulty.prompt_chars += base * len(deltas) + sum(deltas)
            faulty.code_chars += code * len(deltas) + sum(deltas)
    conditions = [(chain, strength, placement) for chain in experiment.spms for strength in experiment.strengths
                  for placement in experiment.placements]
    growth = _growth(_growth_sample(experiment, corpus), conditions, experiment.seed)
    faulty.added_chars = sum(count * growth.get((language, condition_label(*condition)), 0.0)
                             for language, count in per_language.items() for condition in conditions)
    localizers = tuple(_localizer_plan(experiment, name, prompted[name], faulty, conditions)
                       for name in experiment.models)
    counts = tuple(FaultCount(language, fault, sites[(language, fault)], chosen[(language, fault)])
                   for language in experiment.languages for fault in experiment.faults if (language, fault) in sites)
    notes = ["upper bounds: nothing is certified, so equivalent faults (about 1 in 20 on the built-in corpus) are "
             "still counted, and stage 2 counts every faulty program as localized and every condition as applied"]
    if experiment.mode == "correct" or experiment.filter == "existential":
        notes.append(f"stage 2 will take only what stage 1 localizes (mode {experiment.mode}, filter "
                     f"{experiment.filter}): at the paper's accuracies (4-83%), a small part of this bound")
    missing = [plan.localizer for plan in localizers if plan.prompted and plan.cost is None]
    if missing:
        notes.append(f"no [prices] for {', '.join(missing)}: their cost is not estimated")
    return Plan(experiment.corpus, dict(programs), excluded, counts,
                tuple(condition_label(chain, strength, placement) for chain, strength, placement in conditions),
                experiment.samples, experiment.control, localizers, time.perf_counter() - started, tuple(notes))


_Chosen = tuple[str, dict[str, list[int]], int, int]
"""A program's language, per operator the size changes of the faults chosen, and its prompt's and code's characters."""
_planned: tuple[FaultPool, PromptTemplate] | None = None
"""What forked planning workers read (set before they fork)."""


def _chosen_faults(experiment: Experiment, corpus: Corpus, template: PromptTemplate) -> Iterator[_Chosen]:
    """Per program, the faults a run would choose of each operator (before certification): all of them, or
    the seeded (stratified) sample; with a ``limit``, the run's seeded group order up to it. A whole corpus is
    planned in worker processes (injecting every fault of 1,000 programs takes a CPU-minute)."""
    global _planned
    pool = FaultPool(experiment, corpus)
    names = list(pool.programs)
    bar = console.progress(total=len(names), desc="planning faults", unit="program")
    if experiment.limit is None:
        _planned = (pool, template)
        workers = min(PLANNING_WORKERS, os.cpu_count() or 1)
        try:
            if workers > 1 and len(names) > 1:
                with multiprocessing.get_context("fork").Pool(workers) as processes:
                    for chosen in processes.imap(_plan_program, names, chunksize=4):
                        yield chosen
                        bar.update(1)
            else:
                for name in names:
                    yield _plan_program(name)
                    bar.update(1)
        finally:
            _planned = None
    else:
        left = experiment.limit
        taken: dict[str, dict[str, list[FaultyProgram]]] = defaultdict(dict)
        for name, fault in pool.groups():
            if left <= 0:
                break
            faults = pool.candidates(name, fault)[:left]
            if faults:
                taken[name][fault] = faults
                left -= len(faults)
        for name, group in taken.items():
            program = pool.programs[name]
            yield (program.language, {fault: [_delta(one) for one in faults] for fault, faults in group.items()},
                   _prompt_chars(template, program, program.source), len(program.source))
        bar.update(len(names))
    bar.close()


def _plan_program(name: str) -> _Chosen:
    if _planned is None:
        raise RuntimeError("_plan_program runs only inside _chosen_faults")
    pool, template = _planned
    program = pool.programs[name]
    group = {fault: [_delta(one) for one in pool.candidates(name, fault)] for fault in pool.experiment.faults}
    pool.forget(name)
    return (program.language, {fault: deltas for fault, deltas in group.items() if deltas},
            _prompt_chars(template, program, program.source), len(program.source))


def _delta(faulty: FaultyProgram) -> int:
    """How many characters the fault adds to its program (0 when only the faulty text is known)."""
    return 0 if faulty.edit is None else len(faulty.edit.after) - len(faulty.edit.before)


def _growth_sample(experiment: Experiment, corpus: Corpus) -> dict[str, list[FaultyProgram]]:
    """The first faults of the first programs of each language (at most ``GROWTH_SAMPLE`` programs each)."""
    pool = FaultPool(dataclasses.replace(experiment, faults_per_operator=1, stratify=False), corpus)
    samples: dict[str, list[FaultyProgram]] = defaultdict(list)
    for name, program in pool.programs.items():
        if len(samples[program.language]) < GROWTH_SAMPLE and program.line_count <= GROWTH_MAX_LINES:
            found = next((faults for fault in experiment.faults if (faults := pool.candidates(name, fault))), None)
            if found:
                samples[program.language].append(found[0])
            pool.forget(name)
    return samples


def _prompt_chars(template: PromptTemplate, program: Program, source: str) -> int:
    query = template.render(source=source, spec=program.spec, language=program.language, sampling=Sampling())
    return len(query.system) + len(query.user)


def _growth(samples: dict[str, list[FaultyProgram]], conditions: Sequence[tuple[tuple[str, ...], int, str]],
            seed: int) -> dict[tuple[str, str], float]:
    """Per (language, condition): the mean characters a variant adds to its faulty program, over the sample
    (0 where the condition applies to none of it)."""
    growth = {}
    for language, faults in samples.items():
        for chain, strength, placement in conditions:
            added = [len(variant.source) - len(faulty.source)
                     for faulty in faults for variant in _variant(faulty, chain, strength, seed, placement)]
            growth[(language, condition_label(chain, strength, placement))] = sum(added) / len(added) if added else 0.0
    return growth


def _variant(faulty: FaultyProgram, chain: tuple[str, ...], strength: int, seed: int, placement: str) -> Iterable:
    try:
        variant, _ = mutate(faulty, chain, strength=strength, seed=seed, placement=placement)
    except NotApplicable:
        return ()
    return (variant,)


def _localizer_plan(experiment: Experiment, name: str, prompted: bool, faulty: _Totals,
                    conditions: Sequence[tuple[tuple[str, ...], int, str]]) -> LocalizerPlan:
    samples = experiment.samples
    asked = len(conditions) + (1 if experiment.control else 0)
    stage_one, stage_two = faulty.count * samples, faulty.count * asked * samples
    content = faulty.count * len(experiment.strengths) * len(CONTENT_ASKS) if (
        prompted and experiment.content == "model") else 0
    if not prompted:
        return LocalizerPlan(name, False, stage_one, stage_two, 0, 0, 0, None)
    input_tokens = (faulty.prompt_chars * (1 + asked) + faulty.added_chars) * samples / CHARS_PER_TOKEN
    answer = experiment.max_tokens if experiment.prompt == "reasoning" else min(ANSWER_TOKENS, experiment.max_tokens)
    output_tokens = float((stage_one + stage_two) * answer)
    if content:
        code_tokens = faulty.code_chars / CHARS_PER_TOKEN
        per_strength = 2 * code_tokens + faulty.count * len(CONTENT_ASKS) * CONTENT_INSTRUCTION_TOKENS
        input_tokens += per_strength * len(experiment.strengths)
        output_tokens += faulty.count * len(CONTENT_ASKS) * sum(experiment.strengths) * CONTENT_ITEM_TOKENS
    price = experiment.prices.get(name)
    input_tokens, output_tokens = round(input_tokens), round(output_tokens)
    cost = None if price is None else (input_tokens * price.input + output_tokens * price.output) / 1e6
    return LocalizerPlan(name, True, stage_one, stage_two, content, input_tokens, output_tokens, cost)
