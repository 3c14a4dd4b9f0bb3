"""The week's training load, and the easier week at a share of it.

The training load is the working seconds of strength and stretch work (:func:`is_load`): what the
program's ``max_weekly_increase`` caps and what an easier week cuts. Walks, warm-ups and relief items
are outside it.
"""

from __future__ import annotations

from planner.domain.plan.progression import TrackState, is_load, scaled_dose
from planner.domain.plan.sessions import DELOAD_CEILING, DELOAD_FLOOR, Item


def week_load(states: dict[str, TrackState], sessions: list[list[Item]]) -> int:
    """The week's training load: working seconds of strength, stretch and mobility work."""
    return sum(states[i.track].volume for items in sessions for i in items if is_load(states[i.track].exercise))


def easier_week(states: dict[str, TrackState], factor: float) -> dict[str, TrackState]:
    """Training load at about ``factor``, in round doses; walks and relief items stay as they are.

    Coarse doses cannot always come close (3 sets of 6 has no round dose at 65%): then the
    nearest dose up to the ceiling is taken rather than cutting the work by two thirds.
    """
    easier = {}
    for track, state in states.items():
        if not is_load(state.exercise):
            easier[track] = state
            continue
        dose = scaled_dose(state, factor)
        if TrackState(state.exercise, dose).volume < DELOAD_FLOOR * state.volume:
            higher = scaled_dose(state, DELOAD_CEILING)
            if TrackState(state.exercise, higher).volume >= DELOAD_FLOOR * state.volume:
                dose = higher
        easier[track] = TrackState(state.exercise, dose)
    return easier
