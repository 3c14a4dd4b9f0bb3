"""In a program built on strength work, a full session keeps its strength exercises before a third stretch set.

A physiotherapist reading Core foundation at 30 minutes found the pelvic tilt bridge and the hip hinge
going to alternate days from week 6 while every stretch grew to 3×30s each side. The second strength
exercise now stays, stretches stay at two sets while the strength work needs the minutes, and a
program of stretches still fills its sessions with third sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.library.models import Category
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.plan.progression import is_stretch
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
START = dt.date(2026, 1, 5)


def _plan(program: str, minutes: int, level: int = 1, weeks: int | None = None) -> Plan:
    template = LIBRARY.programs[program]
    return build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, level=level,
                                 weeks=weeks or template.weeks, start=START), LIBRARY)


def _stretch_sets(plan: Plan, number: int) -> list[int]:
    return [p.sets for s in plan.weeks[number - 1].sessions for p in s.exercises
            if is_stretch(LIBRARY.exercises[p.id])]


@pytest.mark.parametrize("weeks", [8, 12])
def test_core_foundation_at_30_minutes_keeps_the_bridge_and_the_hinge_in_every_session(weeks: int) -> None:
    plan = _plan("core-foundation", 30, weeks=weeks)
    for week in plan.weeks:
        for session in week.sessions:
            tracks = {p.track for p in session.exercises}
            assert {"pelvic-tilt-bridge", "hip-hinge-dowel"} <= tracks, (week.number, session.date)


def test_stretches_stay_at_two_sets_while_the_strength_work_needs_the_minutes() -> None:
    plan = _plan("core-foundation", 30)
    assert all(sets == 2 for week in plan.weeks for sets in _stretch_sets(plan, week.number))
    # Two holds of 30 seconds each side, as the stretching guidance asks, are still reached (by week 9 since
    # harder variants past the big three's named forms each wait for a settling week, so the strength work
    # takes its own steps longer).
    assert any(p.hold_seconds == 30 for w in plan.weeks[:9] for s in w.sessions for p in s.exercises
               if is_stretch(LIBRARY.exercises[p.id]))
    said = [r for week in plan.weeks for r in week.reasons if "at two sets" in r]
    assert said and all(r.endswith("while the strength work in the same sessions needs the minutes.") for r in said)
    for name in ("figure-4 stretch", "hamstring stretch with a strap", "side-lying thigh stretch"):
        assert sum(name in r.lower() for r in said) == 1, f"{name}: named once, the first week it waits"


@pytest.mark.parametrize("minutes", [15, 20, 30, 45])
@pytest.mark.parametrize("program", sorted(LIBRARY.programs))
def test_no_full_week_has_fewer_strength_exercises_than_the_one_before(program: str, minutes: int) -> None:
    for level in range(1, 6):
        plan = _plan(program, minutes, level)
        before = None
        for week in (w for w in plan.weeks if not w.deload):
            counts = [sum(p.category is Category.CORE for p in s.exercises) for s in week.sessions]
            if before is not None:
                assert all(now >= then for now, then in zip(counts, before, strict=True)), \
                    (level, week.number, before, counts)
            before = counts


@pytest.mark.parametrize("minutes", [20, 30])
def test_a_stretching_program_still_fills_its_sessions_with_third_sets(minutes: int) -> None:
    """Flexibility has no strength work to make room for: its stretches take their third set as before."""
    plan = _plan("flexibility", minutes)
    assert max(_stretch_sets(plan, 1)) >= 3
    assert all(s.estimated_minutes >= 0.75 * minutes for w in plan.weeks if not w.deload for s in w.sessions)
