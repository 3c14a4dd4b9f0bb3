"""The rebuild's last step (85% of the plan back to its full doses) comes by the calendar, with no pain
report that day. It is recorded on the day it takes effect (the first look at that day, as the gap and
repeat rules are), with a reason, and `today` shows that reason: every change has a recorded, readable
reason (found by a physiotherapist-minded review: the doses rose with no line on the day)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.days.day import adapted_session, day_view
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.model import Plan
from planner.domain.records import PainReport
from tests.domain.person import INCREASE, START, Person, core_foundation


@pytest.fixture(scope="module")
def plan(library: Library) -> Plan:
    return core_foundation(library)


class Looking(Person):
    """A person who opens `today` on each session day and the morning after, as the faces record it."""

    def session(self, day: dt.date, after: int, morning: int) -> None:
        self.look(day)
        self.check_off(day, self.adapted(day))
        self.report(PainReport(day, "after", after))
        self.look(day + dt.timedelta(days=1))
        self.report(PainReport(day + dt.timedelta(days=1), "next-morning", morning))


def test_the_step_back_to_the_full_plan_is_recorded_and_shown_on_its_day(plan: Plan, library: Library) -> None:
    person = Looking(plan, library)
    day = START
    while day < dt.date(2026, 3, 16):
        if day.weekday() in (0, 2, 4):
            person.session(day, 1, 1)
        day += dt.timedelta(days=1)
    person.session(dt.date(2026, 3, 16), 7, 6)  # Monday of week 3: a flare, cut to 70%
    assert "reduce" in [a.kind for a in person.history.adjustments]
    full_day = None
    day = dt.date(2026, 3, 18)
    while full_day is None and day < dt.date(2026, 4, 20):
        if day.weekday() in (0, 2, 4):
            before = len(person.history.adjustments)
            person.look(day)
            view = person.view(day)
            if not any("Today's volume is" in r for r in view.reasons) and \
                    person.history.adjustments[:before][-1].kind in ("rebuild", "reduce", "hold"):
                full_day = day
                break
            person.session(day, 2, 1)
        day += dt.timedelta(days=1)
    assert full_day is not None, "the rebuild never reached the full plan"
    last = person.history.adjustments[-1]
    assert last.date == full_day and last.kind == "rebuilt", [(a.date, a.kind) for a in person.history.adjustments]
    assert "full plan" in last.reason and "85%" in last.reason, last.reason
    view = person.view(full_day)
    assert last.reason in view.reasons, view.reasons
    assert person.look(full_day) == [], "recorded once"
    assert person.look(full_day + dt.timedelta(days=2)) == []
    # The record changes no dose: it writes down what the calendar already did.
    items = adapted_session(plan, library, person.state, full_day, INCREASE)
    stale = adapted_session(plan, library, AdaptationState.load(person.history.adjustments[-2].state), full_day,
                            INCREASE)
    assert items == stale
    # A day gone by reads as it did: the line stays on that day's view the day after.
    past = day_view(plan, library, person.state, person.history, full_day, INCREASE, full_day + dt.timedelta(days=1))
    assert last.reason in past.reasons, past.reasons
