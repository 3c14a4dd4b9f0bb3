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


def all_chains(library: Library) -> list[list[str]]:
    """Every chain of the library (easiest first), in the order of their first ids."""
    roots = sorted(i for i in library.exercises if i not in library.easier_of)
    return [library.chain(r) for r in roots]


def serving_chains(library: Library, slot: str, *, replacements: bool = False) -> list[list[str]]:
    """Every chain (easiest first) with a variant that can fill ``slot``, by its first id.

    A chain whose first exercise is ``replacement_only`` is never chosen when a plan is built; with
    ``replacements`` only those are listed (see :mod:`planner.domain.plan.substitutes`)."""
    return [c for c in all_chains(library) if any(slot in library.exercises[i].slots for i in c)
            and library.exercises[c[0]].replacement_only is replacements]


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
    # Each chain's areas and distance from the person's level, worked out once (a library may hold 1,000).
    facts = {chain[0]: (set(starting_variant(library, chain, level).targets),
                        abs(starting_variant(library, chain, level).level - level)) for chain in candidates}
    if wanted:
        hitting = [c for c in candidates if facts[c[0]][0] & wanted]
        candidates = hitting or candidates
    ordered: list[list[str]] = []
    covered: set[str] = set()
    remaining = list(candidates)

    def rank(chain: list[str], covered: set[str]) -> tuple[int, int, int, int, str]:
        mine, gap = facts[chain[0]]
        return (-len((mine & wanted) - covered), -len(mine - covered), gap, -len(mine & wanted), chain[0])

    while remaining:
        best = min(remaining, key=lambda chain: rank(chain, covered))  # noqa: B023 - used at once, in this pass
        if rank(best, covered)[:2] == (0, 0):
            # Nothing left adds an area, so the rest keep this order whatever is covered: sort them once.
            ordered.extend(sorted(remaining, key=lambda chain: rank(chain, covered)))  # noqa: B023
            break
        ordered.append(best)
        covered |= facts[best[0]][0]
        remaining.remove(best)
    return ordered
