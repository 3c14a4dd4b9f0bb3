"""Sessions as calendar events (RFC 5545, written with the icalendar package).

Times are *floating* local times (no time zone attached): 07:00 means 07:00
wherever the person's calendar is, which is what "at 7 in the morning" means,
and it needs no guess at the system's zone name. Each event's UID is made from
the plan's start and the session's date, so importing a new export into the
same calendar updates the events instead of adding copies.

Every event carries a reminder (a ``VALARM``, 15 minutes before by default),
because a session that nobody is reminded of is a session missed; ``remind=0``
leaves it out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event, vText

from planner.domain.errors import UsageError
from planner.domain.files.control import clean_text
from planner.domain.pain.warning_signs import CALENDAR_NOTE
from planner.domain.plan.model import Plan, Prescription, apart_text, session_minutes

PRODID = "-//planner//plan export//EN"
DEFAULT_REMIND_MINUTES = 15
MAX_REMIND_MINUTES = 24 * 60
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_time(text: str) -> dt.time:
    match = _TIME.match(text.strip())
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    raise UsageError(f"--time: '{text}' is not a time of day; use HH:MM on a 24-hour clock, e.g. 07:00 or 18:30")


def parse_remind(text: str | int) -> int:
    """Minutes before a session to remind; 0 means no reminder."""
    try:
        minutes = int(str(text).strip())
    except ValueError:
        minutes = -1
    if not 0 <= minutes <= MAX_REMIND_MINUTES:
        raise UsageError(f"--remind: '{text}' is not a number of minutes; use 0 (no reminder) "
                         f"to {MAX_REMIND_MINUTES} (a day before)")
    return minutes


def event_uid(plan: Plan, day: dt.date) -> str:
    return f"{plan.inputs.start:%Y%m%d}-{day:%Y%m%d}@planner"


def _line(item: Prescription) -> str:
    rest = f", rest {item.rest_seconds} s" if item.sets > 1 and item.rest_seconds and item.kind.value != "duration" else ""
    return f"- {item.name}: {item.dose_text()}{rest}"


@dataclass(frozen=True)
class CalendarSession:
    """One event to write: what the day holds (as planned, or as adapted to pain)."""

    date: dt.date
    summary: str
    exercises: list[Prescription]
    notes: tuple[str, ...] = ()

    @property
    def walk_only(self) -> bool:
        """A day without a session, with only the walk (``walk_days = "all"``): its own event."""
        return bool(self.exercises) and all(p.apart for p in self.exercises)

    @property
    def minutes(self) -> int:
        """The session's own minutes: a walk apart from it is done at another time of the day."""
        if self.walk_only:
            return sum(p.minutes or 0 for p in self.exercises) or 15
        return session_minutes(self.exercises) if self.exercises else 15


def planned_sessions(plan: Plan) -> list[CalendarSession]:
    """The plan as built: one event per session, the weeks' doses as written, and with ``walk_days =
    "all"`` one event for the walk on each day between (the week's walk, as on its session days)."""
    events = []
    for week in plan.weeks:
        events += [CalendarSession(session.date, f"{plan.program_name}: week {week.number}"
                                   f"{' (easier week)' if week.deload else ''}", session.exercises)
                   for session in week.sessions]
        walks = [p for p in week.sessions[0].exercises if p.apart] if week.sessions else []
        if plan.inputs.walk_days == "all" and walks:
            first = plan.inputs.start + dt.timedelta(days=7 * (week.number - 1))
            taken = {s.date for s in week.sessions}
            events += [CalendarSession(day, walk_summary(plan, walks), walks)
                       for day in (first + dt.timedelta(days=i) for i in range(7)) if day not in taken]
    return sorted(events, key=lambda e: e.date)


def walk_summary(plan: Plan, walks: list[Prescription]) -> str:
    return f"{plan.program_name}: " + ", ".join(f"{p.name.lower()} {p.dose_text()}" for p in walks)


def plan_calendar(plan: Plan, at: dt.time = dt.time(7, 0), stamp: dt.datetime | None = None,
                  remind: int = DEFAULT_REMIND_MINUTES) -> str:
    """One event per planned session, at ``at`` local time, lasting its estimated minutes."""
    return sessions_calendar(plan, planned_sessions(plan), at, stamp, remind)


def sessions_calendar(plan: Plan, sessions: Iterable[CalendarSession], at: dt.time = dt.time(7, 0),
                      stamp: dt.datetime | None = None, remind: int = DEFAULT_REMIND_MINUTES) -> str:
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    # An X- property is written as given: vText escapes it, as the standard's own text properties are.
    calendar.add("x-wr-calname", vText(clean_text(plan.program_name)))
    for session in sessions:
        event = Event()
        event.add("uid", event_uid(plan, session.date))
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.combine(session.date, at))
        event.add("duration", dt.timedelta(minutes=session.minutes))
        event.add("summary", session.summary)
        lines = [_line(p) for p in session.exercises if not p.apart]
        if session.walk_only:
            lines = [*(_line(p) for p in session.exercises), "", "At any time today; no session today.",
                     CALENDAR_NOTE]
        elif walk := apart_text(session.exercises, "at any time today"):
            lines += ["", walk]
        if session.notes:
            lines += ["", *session.notes]
        if session.exercises and not session.walk_only:
            lines += ["", f"About {session.minutes} minutes. Stop if pain is sharp or spreading; "
                      "check 'planner today' for the day's session after any changes for pain.", CALENDAR_NOTE]
        event.add("description", "\n".join(lines))
        if remind:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", session.summary)
            alarm.add("trigger", dt.timedelta(minutes=-remind))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
