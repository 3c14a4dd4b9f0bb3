"""The person's position, not the calendar, decides the week (issue 25, "What to build" 2): an easier week
comes after three progressing weeks of the person's own and never during a hold; a cut meeting an easier
week takes the lower of the two, not their product. Runs the engine ``planner simulate`` runs, in process."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.days.day import day_view
from planner.domain.days.projection import project_pain
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import History
from planner.locations import built_in_library

START = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


@pytest.fixture(scope="module")
def plan(library: Library) -> Plan:
    return build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)


def session_load(items: list) -> int:
    return sum(p.volume_seconds for p in items if not p.apart)


def test_a_hold_has_no_easier_week_and_no_harder_work_in_week_8(plan: Plan, library: Library) -> None:
    """The issue's story: every session 5 after and 3 the next morning. The plan holds at week 1 for twelve
    weeks: the calendar's easier weeks 4 and 8 neither lift the hold (no curl-up 6-4, no full side plank, no
    farmer's walk) nor come during it (the held doses stay, not cut to an easier week's)."""
    weeks = project_pain(plan, library, AdaptationState(), History(), START, 0.1, 5, morning=3, weeks=12)
    first = [p.id for p in weeks[0].sessions[0].exercises]
    held = {s.volume_seconds for s in weeks[1].sessions}
    for week in weeks[1:]:
        assert not week.easier, week.number
        for session in week.sessions:
            assert session.volume_seconds in held, (week.number, session.date, session.volume_seconds, held)
    eighth = weeks[7].sessions
    assert all({p.id for p in s.exercises} <= set(first) | {p.id for s in weeks[0].sessions for p in s.exercises}
               for s in eighth)
    assert not {"farmers-walk", "side-plank", "curl-up"} & {p.id for s in eighth for p in s.exercises}


def test_a_cut_meeting_an_easier_week_takes_the_lower_of_the_two(plan: Plan, library: Library) -> None:
    """A cut to 70% made while the person is on an easier week (about 65% of the week before): the next
    sessions are the lower of the two shares of the full week, not 70% of 65% (about 46%)."""
    easier = next(w for w in plan.weeks if w.deload)
    full = plan.weeks[easier.number - 2]
    state = AdaptationState(frozen_week=easier.number, factor=0.7, ceiling=1.0)
    for slot, session in enumerate(easier.sessions):
        shown = session_load(day_view(plan, library, state, History(), session.date, 0.1).exercises)
        whole = session_load(full.sessions[slot].exercises)
        easier_share = session_load(session.exercises) / whole
        lower = min(0.7, easier_share)
        assert shown >= 0.85 * lower * whole, (slot, shown, whole, easier_share)
        assert shown <= 1.05 * lower * whole, (slot, shown, whole, easier_share)
