"""Which session a pain report is about, and how its reason names it ("after Monday's session")."""

from __future__ import annotations

import datetime as dt

from planner.domain.pain.position import is_session_day
from planner.domain.plan.model import DAY_NAMES, Plan
from planner.domain.records import History, PainReport


def session_words(plan: Plan, day: dt.date, when: str, history: History | None = None,
                   paused: bool = False) -> str:
    """Which session a report is about, in words: the one that day, or for a report the morning after (or on
    a rest day) the latest one in the three days before that was checked off; otherwise just its day."""
    weekday = DAY_NAMES[day.weekday()]
    if paused:
        return f"on {weekday}, during the pause"
    if when != "next-morning" and is_session_day(plan, day):
        return f"{'during' if when == 'during' else 'after'} {weekday}'s session"
    for back in range(1, 4):
        session = day - dt.timedelta(days=back)
        if is_session_day(plan, session):
            if history is not None and not any(c.date == session and c.status != "skipped"
                                               for c in history.completions):
                break  # that session was not done: the report is not about it
            name = DAY_NAMES[session.weekday()]
            if when == "next-morning" and back == 1:
                return f"the morning after {name}'s session"
            return f"on {weekday}, after {name}'s session"
    return f"on {weekday}, with no session done in the days before"



def session_of(plan: Plan, history: History, report: PainReport,
               done: set[dt.date] | None = None) -> dt.date:
    """The session day a report is about: its own day for a report during or after a session, else the
    latest session checked off in the three days before (a report the next morning, or on a rest day).
    ``done``, the days with a check-off that is not a skip, may be passed by a caller placing many reports
    (History), so the check-offs are read once, not once a report."""
    if done is None:
        done = {c.date for c in history.completions if c.status != "skipped"}
    if report.when != "next-morning" and (is_session_day(plan, report.date) or report.date in done or any(
            c.date == report.date for c in history.completions if c.status == "skipped")):
        return report.date
    for back in range(1, 4):
        earlier = report.date - dt.timedelta(days=back)
        if earlier in done:
            return earlier
    return report.date - dt.timedelta(days=1) if report.when == "next-morning" else report.date

