"""Which chains fill a program's slot: chosen by purpose, never by file name.

A chain serves a slot when any of its variants lists the slot. The template may
name the chains itself (in its order of preference). Otherwise they are ranked
by what they are for: first the chains that work the areas the slot asks for,
each adding as many areas not yet covered as possible, then chains whose
starting variant is closest to the person's level; the id only breaks exact ties.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.library.loading import Library
from planner.domain.library.models import Exercise, SlotSpec


def starting_variant(library: Library, chain: Sequence[str], level: int) -> Exercise:
    """The hardest variant at or below the person's level (the easiest when none is)."""
    chosen = library.exercises[chain[0]]
    for exercise_id in chain:
        exercise = library.exercises[exercise_id]
        if exercise.level <= level:
            chosen = exercise
    return chosen


def serving_chains(library: Library, slot: str) -> list[list[str]]:
    """Every chain (easiest first) with a variant that can fill ``slot``, by its first id."""
    roots = sorted(i for i in library.exercises if i not in library.easier_of)
    chains = (library.chain(r) for r in roots)
    return [c for c in chains if any(slot in library.exercises[i].slots for i in c)]


def chains_for(library: Library, spec: SlotSpec, level: int) -> list[list[str]]:
    """The chains a slot rotates through, best first."""
    if spec.chains:
        chosen: list[list[str]] = []
        for ref in spec.chains:
            chain = library.chain(ref)
            if chain not in chosen:
                chosen.append(chain)
        return chosen
    candidates = serving_chains(library, spec.slot)
    wanted = set(spec.targets)

    def areas(chain: list[str]) -> set[str]:
        return set(starting_variant(library, chain, level).targets)

    def gap(chain: list[str]) -> int:
        return abs(starting_variant(library, chain, level).level - level)

    if wanted:
        hitting = [c for c in candidates if areas(c) & wanted]
        candidates = hitting or candidates
    ordered: list[list[str]] = []
    covered: set[str] = set()
    remaining = list(candidates)

    def rank(chain: list[str], covered: set[str]) -> tuple[int, int, int, int, str]:
        mine = areas(chain)
        return (-len((mine & wanted) - covered), -len(mine - covered), gap(chain), -len(mine & wanted), chain[0])

    while remaining:
        best = min(remaining, key=lambda chain: rank(chain, covered))  # noqa: B023 - used at once, in this pass
        ordered.append(best)
        covered |= areas(best)
        remaining.remove(best)
    return ordered
