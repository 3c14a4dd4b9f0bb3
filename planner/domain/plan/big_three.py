"""McGill's big three change one at a time when one of them changes form or gains a set.

The curl-up, the side plank and the bird-dog (and the steps towards them) each grow by one hold a week
(:func:`planner.domain.plan.progression.one_more_hold`). A week in which one of them moves to another
variant or takes one more set is that exercise's week: the other two keep their doses, so that if the back
complains the new demand is plain. Single holds added to two or three of them in the same week are one small
rise of the same work (about 8% each) and may come together, within the weekly limit.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.domain.plan.progression import TrackState
    from planner.domain.plan.sessions import Item, SessionPlanner

BIG_THREE = ("curl-up", "side-plank", "bird-dog")


def big_three_tracks(builder: SessionPlanner, sessions: list[list[Item]]) -> list[str]:
    """The tracks that fill one of the big three's slots this week, in the order the slots come."""
    slots = builder.program.slots
    found: list[str] = []
    for items in sessions:
        for item in items:
            if slots[item.spec].slot.value in BIG_THREE and item.track not in found:
                found.append(item.track)
    return found


def is_big_change(before: TrackState, after: TrackState) -> bool:
    """Another variant, or one more set: a change of form or of structure, not a hold more."""
    return before.exercise.id != after.exercise.id or after.dose.sets > before.dose.sets


def waiting_for_the_big_change(
    tracks: list[str], before: dict[str, TrackState], after: dict[str, TrackState],
) -> tuple[str | None, list[str]]:
    """(the track whose form or sets changed this week, the other big-three tracks whose steps wait).

    The first such track in ``tracks`` keeps its change; every other big-three track that stepped this week
    goes back to where it was (a second change of form or sets too)."""
    changed = [t for t in tracks if t in before and t in after and before[t] != after[t]]
    big = next((t for t in changed if before[t].exercise.id != after[t].exercise.id), None) or \
        next((t for t in changed if is_big_change(before[t], after[t])), None)
    if big is None:
        return None, []
    return big, [t for t in changed if t != big]


def waiting_words(names: list[str], what: str) -> str:
    """The week's line for the big-three steps that wait (``what``: the change the week is for)."""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "keeps its dose" if len(names) == 1 else "keep their doses"
    return (f"{listed[0].upper()}{listed[1:]} {verb} this week: {what}, and when one of McGill's big three "
            "changes form or gains a set the other two wait a week, so that if your back complains you know "
            "which change to undo.")
