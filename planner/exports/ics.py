"""Sessions as calendar events (RFC 5545, written with the icalendar package).

Times are *floating* local times (no time zone attached): 07:00 means 07:00
wherever the person's calendar is, which is what "at 7 in the morning" means,
and it needs no guess at the system's zone name. Each event's UID is made from
the plan's start and the session's date, so importing a new export into the
same calendar updates the events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar, Event

from planner.domain.errors import UsageError
from planner.domain.pain.warning_signs import CALENDAR_NOTE
from planner.domain.plan.model import Plan, Prescription

PRODID = "-//planner//plan export//EN"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_time(text: str) -> dt.time:
    match = _TIME.match(text.strip())
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    raise UsageError(f"--time: '{text}' is not a time of day; use HH:MM on a 24-hour clock, e.g. 07:00 or 18:30")


def event_uid(plan: Plan, day: dt.date) -> str:
    return f"{plan.inputs.start:%Y%m%d}-{day:%Y%m%d}@planner"


def _line(item: Prescription) -> str:
    rest = f", rest {item.rest_seconds} s" if item.sets > 1 and item.rest_seconds and item.kind.value != "duration" else ""
    return f"- {item.name}: {item.dose_text()}{rest}"


def plan_calendar(plan: Plan, at: dt.time = dt.time(7, 0), stamp: dt.datetime | None = None) -> str:
    """One event per planned session, at ``at`` local time, lasting its estimated minutes."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan.program_name)
    for week in plan.weeks:
        for session in week.sessions:
            event = Event()
            event.add("uid", event_uid(plan, session.date))
            event.add("dtstamp", stamp)
            event.add("dtstart", dt.datetime.combine(session.date, at))
            event.add("duration", dt.timedelta(minutes=session.estimated_minutes))
            easier = " (easier week)" if week.deload else ""
            event.add("summary", f"{plan.program_name}: week {week.number}{easier}")
            event.add("description", "\n".join(
                [*(_line(p) for p in session.exercises), "",
                 f"About {session.estimated_minutes} minutes. Check 'planner today' for the day's session "
                 "after any changes for pain.", CALENDAR_NOTE]))
            calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
