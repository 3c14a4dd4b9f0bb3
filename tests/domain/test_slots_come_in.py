"""Every movement a program is built around comes into its plan, or the plan says why it cannot."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.plan.active_first import is_lying
from planner.domain.plan.builder import build_plan
from planner.domain.plan.choice import chains_for
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
START = dt.date(2026, 1, 5)


def _plan(program: str, minutes: int, level: int = 1):
    template = LIBRARY.programs[program]
    return build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, level=level,
                                 weeks=12, start=START), LIBRARY)


def _movement_slots(program: str, level: int) -> list[str]:
    """The slots of movement (not optional, not lying-down relief) that join within the plan's weeks."""
    template = LIBRARY.programs[program]
    slots = []
    for spec in template.slots:
        chains = chains_for(LIBRARY, spec, level)
        if spec.optional or not chains or all(is_lying(LIBRARY.exercises[c[0]]) for c in chains):
            continue
        if spec.from_week <= min(12, template.max_weeks):
            slots.append(spec.slot.value)
    return slots


@pytest.mark.parametrize("minutes", [15, 20, 30, 45])
@pytest.mark.parametrize("program", sorted(LIBRARY.programs))
def test_each_movement_slot_comes_in_or_the_week_it_was_due_says_why_not(program: str, minutes: int) -> None:
    """From 20 minutes every movement slot comes in (at level 5, whose variants are longer, from 30); a slot
    that finds no room in shorter sessions is named in the week it was due, so the person knows."""
    for level in range(1, LIBRARY.programs[program].max_level + 1):
        plan = _plan(program, minutes, level)
        held = {p.slot for week in plan.weeks for session in week.sessions for p in session.exercises}
        missing = [slot for slot in _movement_slots(program, level) if slot not in held]
        if minutes >= 30 or (minutes >= 20 and level <= 4):
            assert not missing, f"{program} at {minutes} min, level {level}: never brings {missing}"
        template = LIBRARY.programs[program]
        for spec in template.slots:
            if spec.slot.value in missing:
                assert any(r.startswith(f"No room in {minutes} minutes a session for the work due from this week")
                           for r in plan.weeks[spec.from_week - 1].reasons), (program, minutes, level, spec.slot)


def test_core_foundation_at_20_minutes_brings_its_loaded_movement_in_place_of_a_second_stretch() -> None:
    """A slot joining a full session takes the place of a slot's second exercise, and the week says which.
    (Gentle return's week-3 bridge was the example until its walk went apart from the session.)"""
    plan = _plan("core-foundation", 20)
    week = next(w for w in plan.weeks if any(r.startswith("New this week, an everyday loaded movement")
                                             for r in w.reasons))
    assert week.number == 5
    assert all(any(p.slot == "loaded" for p in s.exercises) for s in week.sessions)
    assert any("one stretch exercise instead of two" in r for r in week.reasons)
    for session in week.sessions:
        assert sum(p.estimated_seconds for p in session.exercises if not p.apart) <= 20 * 60
        assert sum(p.slot == "stretch" for p in session.exercises) == 1
        assert sum(p.slot == "walk" for p in session.exercises) == 1  # the walk is never what makes way


def test_a_joining_loaded_movement_is_the_same_in_every_session_of_the_week() -> None:
    plan = _plan("core-foundation", 20)
    loaded = [{p.id for s in week.sessions for p in s.exercises if p.slot == "loaded"} for week in plan.weeks]
    first = next(ids for ids in loaded if ids)
    assert len(first) == 1
