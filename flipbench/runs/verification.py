"""``flipbench verify``'s pipeline: certify a corpus's faults (live?) and SPM variants (preserving?) by
running them, and the tables that summarize the verdicts.

Per program: its reference runs, a seeded sample of faults per operator, each run with coverage;
the first live fault of each program then carries every SPM chain at every strength, each variant
run against that faulty program. The CLI only prints what this returns.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from flipbench import console
from flipbench.execution import FaultVerdict, Reference, VariantVerdict, reference_runs, verify_faults, verify_variants
from flipbench.localizers import ochiai, rank_lines
from flipbench.model import FaultyProgram, Program, Verdict, count_lines
from flipbench.mutators import NotApplicable, inject, mutate, sample_faults
from flipbench.sandbox import Sandbox
from flipbench.scoring import TIE_RULES, Localization, exam, locate


@dataclass(frozen=True)
class CorpusVerification:
    references: dict[str, Reference]
    faults: tuple[FaultVerdict, ...]
    variants: tuple[VariantVerdict, ...]
    not_applicable: Counter = field(default_factory=Counter)
    """(chain, language, strength) -> faulty programs the chain had nowhere to apply to."""

    def excluded(self) -> dict[str, str | None]:
        """Programs left out, with why (flaky, or failing their own tests)."""
        return {ref.program.name: ref.problem for ref in self.references.values() if not ref.usable}

    def changed(self) -> list[VariantVerdict]:
        return [verdict for verdict in self.variants if verdict.verdict == Verdict.CHANGED]

    def fault_table(self) -> list[dict]:
        """Live, equivalent and unverifiable faults per operator and language."""
        counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for verdict in self.faults:
            counts[(verdict.faulty.fault, verdict.faulty.program.language)][verdict.verdict] += 1
        rows = []
        for (operator, language), count in sorted(counts.items()):
            decided = count[Verdict.LIVE] + count[Verdict.EQUIVALENT]
            rows.append({"fault": operator, "language": language, "n": sum(count.values()),
                         "live": count[Verdict.LIVE], "equivalent": count[Verdict.EQUIVALENT],
                         "unverifiable": count[Verdict.UNVERIFIABLE],
                         "live_percent": _percent(count[Verdict.LIVE], decided)})
        return rows

    def variant_table(self) -> list[dict]:
        """Preserving, changed and not applicable variants per SPM chain, language and strength."""
        counts: dict[tuple[str, str, int], Counter] = defaultdict(Counter)
        for verdict in self.variants:
            variant = verdict.variant
            counts[("+".join(variant.chain), variant.faulty.program.language, variant.strength)][verdict.verdict] += 1
        rows = []
        for key in sorted(set(counts) | set(self.not_applicable)):
            count = counts[key]
            decided = count[Verdict.PRESERVING] + count[Verdict.CHANGED]
            rows.append({"spm": key[0], "language": key[1], "strength": key[2], "n": sum(count.values()),
                         "preserving": count[Verdict.PRESERVING], "changed": count[Verdict.CHANGED],
                         "not_applicable": self.not_applicable.get(key, 0),
                         "preserving_percent": _percent(count[Verdict.PRESERVING], decided)})
        return rows

    def ochiai_table(self) -> list[dict]:
        """Ochiai's rank of the fault line on each live fault, per operator and language, then overall:
        top-1 under each tie rule, top-5 and EXAM under average ties."""
        groups: dict[tuple[str, str], list[tuple[Localization | None, float | None]]] = defaultdict(list)
        for verdict in self.faults:
            if verdict.verdict != Verdict.LIVE or verdict.evidence is None:
                continue
            located = locate(rank_lines(verdict.evidence, ochiai), verdict.faulty.fault_lines)
            examined = None if located is None else exam(located.rank("average"), count_lines(verdict.faulty.source))
            language = verdict.faulty.program.language
            for key in ((verdict.faulty.fault, language), ("all", language), ("all", "all")):
                groups[key].append((located, examined))
        rows = []
        for (operator, language), found in sorted(groups.items(), key=lambda item: (item[0][0] == "all",
                                                                                     item[0][1] == "all", item[0])):
            located = [where for where, _ in found if where is not None]
            exams = [value for _, value in found if value is not None]
            rows.append({"fault": operator, "language": language, "live": len(found), "located": len(located),
                         **{f"top1_{ties}_percent": _percent(sum(where.top(1, ties) for where in located), len(found))
                            for ties in TIE_RULES},
                         "top5_average_percent": _percent(sum(where.top(5, "average") for where in located),
                                                          len(found)),
                         "exam_percent": _percent(sum(exams), len(exams))})
        return rows


def verify_corpus(programs: Sequence[Program], sandbox: Sandbox, *, operators: Sequence[str],
                  chains: Sequence[Sequence[str]], strengths: Sequence[int], seed: int,
                  faults_per_operator: int) -> CorpusVerification:
    references = reference_runs(programs, sandbox, coverage=True)
    faults: list[FaultyProgram] = []
    for program in console.progress(programs, desc="injecting", unit="program"):
        found = list(inject(program, tuple(operators)))
        for operator in operators:
            faults += sample_faults([f for f in found if f.fault == operator], seed=seed, limit=faults_per_operator)
    fault_verdicts = tuple(console.progress(verify_faults(faults, references, sandbox, coverage=True),
                                            total=len(faults), desc="faults", unit="fault"))
    live = {verdict.faulty.id for verdict in fault_verdicts if verdict.verdict == Verdict.LIVE}
    bases: dict[str, FaultyProgram] = {}
    for faulty in faults:  # one live fault per program carries the SPM variants: the first sampled, not the
        if faulty.id in live:  # first to finish (batches finish in any order)
            bases.setdefault(faulty.program.id, faulty)
    variants, not_applicable = [], Counter()
    for faulty in bases.values():
        for chain in chains:
            for strength in strengths:
                try:
                    variant, _ = mutate(faulty, chain, strength=strength, seed=seed)
                except NotApplicable:
                    not_applicable[("+".join(chain), faulty.program.language, strength)] += 1
                    continue
                variants.append(variant)
    variant_verdicts = tuple(console.progress(verify_variants(variants, sandbox, references=references),
                                              total=len(variants), desc="variants", unit="variant"))
    return CorpusVerification(references, fault_verdicts, variant_verdicts, not_applicable)


def ochiai_ranks(verdict: FaultVerdict) -> dict[str, float] | None:
    """Where Ochiai ranks a live fault's line under each tie rule (None: not live, or not executed)."""
    if verdict.verdict != Verdict.LIVE or verdict.evidence is None:
        return None
    located = locate(rank_lines(verdict.evidence, ochiai), verdict.faulty.fault_lines)
    return None if located is None else {ties: located.rank(ties) for ties in TIE_RULES}


def _percent(part: float, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
