"""One person living a plan in process: sessions checked off and pain reported through the engine's own
entry points (the day view, the pain rules, the first look at a day), for the domain tests of pain rules.

The flare, rebuild and trial-dose tests each grew their own copy of this; one copy keeps them telling the
same story the faces tell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.days.day import DayView, adapted_session, day_view
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report
from planner.domain.pain.moving_on import catch_up
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs, Prescription
from planner.domain.records import Adjustment, Completion, History, PainReport

START = dt.date(2026, 3, 2)  # a Monday
INCREASE = 0.1


def core_foundation(library: Library) -> Plan:
    """Core foundation on Monday, Wednesday and Friday, 30 minutes, level 1, 12 weeks from ``START``."""
    return build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)


class Person:
    """A record built a session and a report at a time; ``said`` holds the last report's words."""

    def __init__(self, plan: Plan, library: Library, increase: float = INCREASE) -> None:
        self.plan, self.library, self.increase = plan, library, increase
        self.state, self.history = AdaptationState(), History()
        self.said: list[str] = []

    def look(self, day: dt.date) -> list[Adjustment]:
        """The first look at ``day`` (planner today, the app): what is due is recorded."""
        self.state, due = catch_up(self.plan, self.state, self.history, day, self.increase)
        self.history = replace(self.history, adjustments=(*self.history.adjustments, *due))
        return due

    def view(self, day: dt.date) -> DayView:
        return day_view(self.plan, self.library, self.state, self.history, day, self.increase, day)

    def adapted(self, day: dt.date) -> list[Prescription]:
        """The session on ``day`` as the pain rules adapted it."""
        items = adapted_session(self.plan, self.library, self.state, day, self.increase)
        assert items is not None, f"no session on {day}"
        return items[1]

    def volume(self, day: dt.date) -> int:
        """The session's own work on ``day`` in seconds (a walk apart from it not counted)."""
        return sum(p.volume_seconds for p in self.adapted(day) if not p.apart)

    def check_off(self, day: dt.date, items: list[Prescription]) -> list[Prescription]:
        """``items`` recorded as done on ``day``, each at the dose it was shown at."""
        self.history = replace(self.history, completions=(*self.history.completions, *(
            Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in items)))
        return items

    def report(self, pain: PainReport) -> list[Adjustment]:
        self.state, adjustments, notes = apply_pain_report(self.plan, self.library, self.state, self.history,
                                                           pain, self.increase)
        self.history = replace(self.history, pain=(*self.history.pain, pain),
                               adjustments=(*self.history.adjustments, *adjustments))
        self.said = [a.reason for a in adjustments] + notes
        return adjustments
