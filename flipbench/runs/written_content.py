"""Model-written SPM content (``content = "model"``): the requests a run puts to its localizers, and the
variants made from their answers.

As in the study, each localizer that can write (its capabilities say ``writes_content``) is asked, for
every faulty program it goes on to stage 2 with and every strength of the experiment, for that many
misleading comments, misleading variable names and dead-code statements; the answers are reused by
every SPM condition of that program and strength, single and composite, and its variants are asked of
that localizer alone. A localizer that cannot write (a baseline) is asked about variants with built-in
content, as in a run without model content.

Each item is checked in place by the SPM that inserts it (the same checks as ``--content`` files); a
rejected item, or a site left without one, is recorded with its reason, and either built-in content
takes its place (``content_fallback = "builtin"``) or the variant is left out (``"drop"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flipbench.localizers import CONTENT_ASKS, ContentAsk, Localizer
from flipbench.model import FaultyProgram, Subject, Variant
from flipbench.mutators import MODEL_KINDS, BuiltinContent, ModelContent, NotApplicable, Rejection, mutate
from flipbench.runs.experiment import Experiment
from flipbench.runs.planning import condition_label, make_variants
from flipbench.runs.store import ContentRejection, Store

if TYPE_CHECKING:
    from flipbench.runs.executor import Executor, Tally

CONTENT_STAGE = "content"


@dataclass(frozen=True)
class ContentJob:
    """One request for content: ``strength`` items of one kind, for a faulty program, of one localizer."""

    faulty_id: str
    localizer: str
    strength: int
    ask: ContentAsk

    @property
    def id(self) -> str:
        return f"{CONTENT_STAGE}:{self.localizer}:{self.faulty_id}:{self.strength}:{self.ask}"


def content_label(localizer: str) -> str:
    """The content source's label, recorded in each variant's parameters (so in its id)."""
    return f"model:{localizer}"


def content_jobs(faulty_ids: Iterable[str], writers: Sequence[str], strengths: Sequence[int],
                 eligible: Callable[[str, str], bool]) -> Iterator[ContentJob]:
    """Every request of the content stage: per faulty program, each writer that goes on to stage 2 with it,
    each strength, the three kinds (the study's three prompts)."""
    for faulty_id in faulty_ids:
        for localizer in writers:
            if not eligible(localizer, faulty_id):
                continue
            for strength in strengths:
                for ask in CONTENT_ASKS:
                    yield ContentJob(faulty_id, localizer, strength, ask)


@dataclass(frozen=True)
class WrittenVariants:
    """The variants made with one localizer's content for one faulty program, and what was rejected."""

    variants: tuple[Variant, ...]
    rejections: tuple[ContentRejection, ...]
    skipped: tuple[str, ...]
    """Conditions that could not apply (with why), or were dropped."""


def variants_with_written_content(faulty: FaultyProgram, experiment: Experiment, localizer: str,
                                  written: Callable[[int], dict[str, tuple[str, ...]]]) -> WrittenVariants:
    """Every SPM condition of the experiment applied to ``faulty`` with ``localizer``'s content for each
    strength (``written(strength)``: its items per kind). Built-in content fills what the model's items do
    not; under ``content_fallback = "drop"`` a variant that needed it is left out."""
    label = content_label(localizer)
    variants: list[Variant] = []
    rejections: list[ContentRejection] = []
    skipped: list[str] = []
    for strength in experiment.strengths:
        items = written(strength)
        for chain in experiment.spms:
            for placement in experiment.placements:
                condition = condition_label(chain, strength, placement)
                content = ModelContent(items, label=label, fallback=BuiltinContent(experiment.seed))
                try:
                    variant, refused = mutate(faulty, chain, strength=strength, seed=experiment.seed,
                                              placement=placement, content=content)
                except NotApplicable as reason:
                    skipped.append(f"{condition}: {reason}")
                    continue
                model_refusals = _model_refusals(refused, label)
                dropped = experiment.content_fallback == "drop" and bool(model_refusals)
                rejections += [ContentRejection(faulty.id, localizer, strength, condition,
                                                None if dropped else variant.id, refusal.kind, refusal.site,
                                                refusal.item, refusal.problem, outcome)
                               for refusal, outcome in _outcomes(refused, label, dropped)]
                if dropped:
                    skipped.append(f"{condition}: dropped ({len(model_refusals)} model-written items rejected)")
                    continue
                variants.append(variant)
    return WrittenVariants(tuple(variants), tuple(rejections), tuple(skipped))


def _model_refusals(refused: Sequence[Rejection], label: str) -> list[Rejection]:
    """The rejections of the model's own items (not of built-in content asked after them, nor of what the model
    is not asked to write, which comes from the built-in generator directly)."""
    return [refusal for refusal in refused if refusal.source == label and refusal.kind in MODEL_KINDS]


def _outcomes(refused: Sequence[Rejection], label: str, dropped: bool) -> Iterator[tuple[Rejection, str]]:
    """Each refusal of the model's items with what became of its site: the variant was dropped, built-in
    content fitted it (``builtin``), or that was refused too (``none``: the site was skipped)."""
    builtin_refused = {refusal.site for refusal in refused if refusal.source and refusal.source != label}
    for refusal in _model_refusals(refused, label):
        yield refusal, "dropped" if dropped else "none" if refusal.site in builtin_refused else "builtin"


def writers_of(experiment: Experiment, localizers: Mapping[str, Localizer]) -> frozenset[str]:
    """The localizers that write their own variants' content in this run (none unless ``content = "model"``)."""
    if experiment.content != "model":
        return frozenset()
    return frozenset(name for name, localizer in localizers.items() if localizer.capabilities.writes_content)


def ask_for_content(executor: Executor, store: Store, faulty_ids: Sequence[str], writers: frozenset[str],
                    experiment: Experiment, eligible: Callable[[str, str], bool]) -> Tally:
    """The content stage: every request not yet answered in this run, asked through ``executor``."""
    done = store.finished_content_ids()

    def jobs() -> Iterator[ContentJob]:
        ordered = [name for name in experiment.models if name in writers]
        return (job for job in content_jobs(faulty_ids, ordered, experiment.strengths, eligible) if job.id not in done)

    return executor.write_content(jobs(), description="content: written by the localizers",
                                  total=sum(1 for _ in jobs()))


class VariantAudience:
    """Who is asked about a variant: the localizer whose content it holds, else every localizer that does not
    write its own (all of them in a run with built-in content)."""

    def __init__(self, store: Store, writers: frozenset[str]) -> None:
        self.store, self.writers = store, writers
        self._faulty_id: str | None = None
        self._owners: dict[str, str] = {}

    def __call__(self, localizer: str, variant: Subject) -> bool:
        if not self.writers:
            return True
        if variant.faulty_id != self._faulty_id:  # stage 2 plans one faulty program's variants after another
            self._faulty_id, self._owners = variant.faulty_id, self.store.variant_owners(variant.faulty_id)
        owner = self._owners.get(variant.id)
        return owner == localizer if owner is not None else localizer not in self.writers


@dataclass(frozen=True)
class MadeVariants:
    """A faulty program's variants for every localizer asked about it, whose content each holds, and what
    the checks rejected of the written content."""

    variants: tuple[Variant, ...]
    owners: Mapping[str, str]
    rejections: tuple[ContentRejection, ...]


def variants_for(faulty: FaultyProgram, experiment: Experiment, writers: frozenset[str],
                 asked: Sequence[str], written: Callable[[str, str, int], dict[str, tuple[str, ...]]]
                 ) -> MadeVariants:
    """The variants of ``faulty`` that the localizers in ``asked`` will be asked about: built-in content for
    those that do not write (if any), and for each writer, its own (``written(faulty id, localizer,
    strength)``)."""
    variants: list[Variant] = []
    owners: dict[str, str] = {}
    rejections: list[ContentRejection] = []
    if not writers or any(name not in writers for name in asked):
        variants += make_variants(faulty, experiment)[0]
    for name in asked:
        if name not in writers:
            continue
        made = variants_with_written_content(faulty, experiment, name,
                                             lambda strength, name=name: written(faulty.id, name, strength))
        variants += made.variants
        owners.update((variant.id, name) for variant in made.variants)
        rejections += made.rejections
    return MadeVariants(tuple(variants), owners, tuple(rejections))
