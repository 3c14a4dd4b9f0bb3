"""Looking back: each planned session's status, adherence and streaks.

A session done but for one of its exercises (of three or more) counts as done here, as it does when the plan
moves on; its record still says partial, and the faces say "done, one left out" where they list sessions.

Days are read through :func:`planner.domain.days.day.day_view` with the
adaptation state that was in force on that day, so history shows what the
plan asked for then, not what it asks for now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.domain.days.day import SAME_DAY_KINDS, DayView, day_view, state_on
from planner.domain.library.loading import Library
from planner.domain.pain.which_session import session_of
from planner.domain.plan.model import Plan
from planner.domain.records import History

__all__ = ["SAME_DAY_KINDS", "Progress", "progress", "state_on", "streaks"]


@dataclass
class Progress:
    sessions: list[tuple[DayView, list]] = field(default_factory=list)
    adherence: int = 0
    current_streak: int = 0
    best_streak: int = 0
    walks_done: int = 0  # walks apart from the session, counted on their own (session days and the days between)
    walks_due: int = 0

    @property
    def walk_adherence(self) -> int:
        return round(100 * self.walks_done / self.walks_due) if self.walks_due else 0

    def as_json(self) -> dict:
        return {
            "sessions": [
                {
                    "date": view.date.isoformat(),
                    "status": view.status,  # as recorded: a session with one exercise left out is "partial"
                    "one_left_out": view.one_left_out,  # ...and counted as done, as the plan counts it
                    "week": view.week,
                    "week_text": view.week_text,  # as 'today' numbers it: "week 3 of 12 (week 2's doses)"
                    "easier_week": view.easier,
                    # The session's own exercises; its walk apart (for any time that day) is counted on its own.
                    "exercises_done": view.session_count[0],
                    "exercises_planned": view.session_count[1],
                    "walk_done": all(p.id in view.done_ids for p in view.walks) if view.walks else None,
                    "pain": [p.as_json() for p in pain],
                }
                for view, pain in self.sessions
            ],
            "adherence": self.adherence,
            "current_streak": self.current_streak,
            "best_streak": self.best_streak,
            "walks": {"done": self.walks_done, "due": self.walks_due, "adherence": self.walk_adherence},
        }


def progress(
    plan: Plan, library: Library, history: History, today: dt.date, weekly_increase: float,
    date_from: dt.date | None = None, date_to: dt.date | None = None,
) -> Progress:
    first = plan.inputs.start
    last = min(today, plan.end + dt.timedelta(days=7 * 26))
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    views: list[DayView] = []
    walks_due = walks_done = 0
    for day in days:
        view = day_view(plan, library, state_on(history, day), history, day, weekly_increase, today)
        in_range = (date_from is None or day >= date_from) and (date_to is None or day <= date_to)
        for walk in (p for p in view.exercises if p.apart) if in_range and view.status != "paused" else ():
            # A walk is due once its day is over (or done today); a missed one never touches the session.
            if walk.id in view.done_ids:
                walks_due, walks_done = walks_due + 1, walks_done + 1
            elif day < today:
                walks_due += 1
        if view.status in ("rest", "no-plan"):
            continue
        views.append(view)
    due = [v for v in views if v.status not in ("paused", "planned")]
    done = [v for v in due if v.counts_as_done]
    adherence = round(100 * len(done) / len(due)) if due else 0
    current, best = streaks(due)
    shown = [v for v in views if (date_from is None or v.date >= date_from) and (date_to is None or v.date <= date_to)]
    # Each report under the session it is about (as its reason names it): a report the next morning, or on a
    # rest day, belongs to the session before it, not to the day it was made (it was left out of History).
    about: dict[dt.date, list] = {}
    done_days = {c.date for c in history.completions if c.status != "skipped"}
    for report in history.pain:
        about.setdefault(session_of(plan, history, report, done_days), []).append(report)
    return Progress(
        sessions=[(v, about.get(v.date, [])) for v in shown],
        adherence=adherence,
        current_streak=current,
        best_streak=best,
        walks_done=walks_done,
        walks_due=walks_due,
    )


def streaks(due: list[DayView]) -> tuple[int, int]:
    """The current and the best run of done sessions (one exercise left out counts as done) among the
    sessions that were due, in date order."""
    best = run = 0
    for view in due:
        run = run + 1 if view.counts_as_done else 0
        best = max(best, run)
    current = 0
    for view in reversed(due):
        if not view.counts_as_done:
            break
        current += 1
    return current, best
