""""Easier week" follows the doses, not the calendar (issue 26): a session is marked easier only where its
doses are an easier week's, and every face reads that one mark through ``doses_words``."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.days.day import day_view
from planner.domain.days.easier import any_eased, doses_words
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import History

START = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture(scope="module")
def plan(library: Library) -> Plan:
    built = build_plan(PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=30, weeks=12,
                                  start=START), library)
    assert [w.number for w in built.weeks if w.deload][:2] == [4, 8], "easier weeks 4 and 8, as built"
    return built


def monday(week: int) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1))


def view(plan: Plan, library: Library, state: AdaptationState, week: int):  # noqa: ANN201
    day = monday(week)
    return day_view(plan, library, state, History(), day, 0.1, day)


def test_the_easier_weeks_doses_are_labelled_where_they_come_after_a_lag(plan: Plan, library: Library) -> None:
    """Four weeks behind the calendar, the calendar's week 8 has week 4's doses: an easier week's."""
    behind = AdaptationState(lag_weeks=4)
    late = view(plan, library, behind, 8)
    assert (late.week, late.easier) == (4, True)
    assert doses_words(late) == "week 8 of 12 (week 4's doses), an easier week"
    assert late.as_json()["easier_week"] is True
    on_time = view(plan, library, AdaptationState(), 8)
    assert (on_time.week, on_time.easier) == (8, True) and doses_words(on_time) == "week 8 of 12, an easier week"
    full = view(plan, library, AdaptationState(), 7)
    assert not full.easier and doses_words(full) == "week 7 of 12"


def test_a_held_week_is_not_an_easier_week_whatever_the_calendar_says(plan: Plan, library: Library) -> None:
    """A hold at 49% of week 2 in the calendar's week 4: its doses are below week 2's as built (pain cut
    them), but the calendar's easier week does not apply during a hold, so the label would be false."""
    held = AdaptationState(frozen_week=2, factor=0.49)
    session = view(plan, library, held, 4)
    built = sum(p.volume_seconds for p in plan.weeks[1].sessions[0].exercises if not p.apart)
    assert session.week == 2 and sum(p.volume_seconds for p in session.exercises if not p.apart) < built
    assert not session.easier and doses_words(session) == "week 4 of 12 (week 2's doses)"
    assert not any_eased([session])


def test_a_cut_meeting_an_easier_week_is_an_easier_week(plan: Plan, library: Library) -> None:
    """A cut in the calendar's easier week: the lower of the two applies to week 3's doses, an easier week."""
    session = view(plan, library, AdaptationState(factor=0.7), 4)
    assert session.week == 3 and session.easier
    assert doses_words(session) == "week 4 of 12 (week 3's doses), an easier week"


def test_a_rest_day_or_a_pause_is_never_an_easier_week(plan: Plan, library: Library) -> None:
    tuesday = monday(4) + dt.timedelta(days=1)
    rest = day_view(plan, library, AdaptationState(), History(), tuesday, 0.1, tuesday)
    assert not rest.planned and not rest.easier and not any_eased([rest])
    paused = view(plan, library, AdaptationState(pause="relief"), 4)
    assert paused.status == "paused" and not paused.easier
