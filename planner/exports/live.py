"""The live calendar file: an ``.ics`` kept in step with the plan as it adapts.

A person names a path once (``planner calendar --live PATH``, or the app's
palette); from then on every change to the plan or the history rewrites that
file atomically, so a calendar subscribed to it shows the doses as adapted to
pain (held, cut, paused), not the plan as first built.

Reading the setting is one SQL query; icalendar is imported only when a path
is set, so quick commands stay quick for everyone else.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.library.loading import Library
from planner.store.active_plan import ActivePlan, load_active
from planner.store.store import Store

SETTING = "live_calendar"
PRIVATE = 0o600
# How far past the plan's last week to look: a gap or a cut can push sessions later.
_SPILL_DAYS = 7 * 12
_PAUSE_DAYS = dt.timedelta(days=14)


@dataclass(frozen=True)
class LiveCalendar:
    path: Path
    at: dt.time = dt.time(7, 0)
    remind: int = 15

    def to_json(self) -> str:
        return json.dumps({"path": str(self.path), "time": self.at.strftime("%H:%M"), "remind": self.remind})

    @classmethod
    def from_json(cls, text: str) -> LiveCalendar | None:
        try:
            data = json.loads(text)
            return cls(Path(data["path"]), dt.time.fromisoformat(data["time"]), int(data["remind"]))
        except (ValueError, KeyError, TypeError):
            return None


def live_setting(store: Store) -> LiveCalendar | None:
    text = store.setting(SETTING)
    return LiveCalendar.from_json(text) if text else None


def set_live(store: Store, live: LiveCalendar | None) -> None:
    """Name the live file (``None`` turns it off; the file itself is left where it is)."""
    store.set_setting(SETTING, live.to_json() if live is not None else "")


PRODID = "-//planner//live calendar//EN"


def is_live_calendar(path: Path) -> bool:
    """Whether ``path`` is a calendar planner wrote (its ``PRODID`` is ours): such a file is replaced
    without ``--force``; any other file is someone's own and is left alone."""
    import os

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        head = handle.read(4096)
    return head.startswith(b"BEGIN:VCALENDAR") and b"PRODID:-//planner//" in head


def check_target(path: Path, *, force: bool = False) -> None:
    """Refuse a path the live file could never be written to, before it is saved as the setting."""
    from planner.exports.files import check_target as check_file

    check_file(path, force=force, ours=is_live_calendar)


def live_text(active: ActivePlan | None, library: Library, today: dt.date, live: LiveCalendar) -> str:
    """The calendar as the plan stands: sessions done or missed as they were, the rest as adapted now."""
    from planner.exports.ics import sessions_calendar

    if active is None:
        from icalendar import Calendar

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        return calendar.to_ical().decode("utf-8")
    return sessions_calendar(active.plan, adapted_sessions(active, library, today), live.at, remind=live.remind)


def adapted_sessions(active: ActivePlan, library: Library, today: dt.date) -> list:
    """Each session day as ``planner today`` (or, for past days, ``planner history``) shows it."""
    from planner.domain.days.adapted import slot_on
    from planner.domain.days.day import day_view
    from planner.domain.days.easier import doses_words
    from planner.domain.days.progress import state_on
    from planner.exports.ics import CalendarSession

    plan = active.plan
    name = plan.program_name
    sessions = []
    last = plan.end + dt.timedelta(days=_SPILL_DAYS)
    day = plan.inputs.start
    while day <= last:
        state = state_on(active.history, day) if day < today else active.state
        view = day_view(plan, library, state, active.history, day, active.weekly_increase, today)
        day += dt.timedelta(days=1)
        if view.status == "rest" and view.exercises:  # the walk on a day without a session: its own event
            from planner.exports.ics import walk_summary

            done = " ✓ done" if all(p.id in view.done_ids for p in view.exercises) else ""
            sessions.append(CalendarSession(view.date, walk_summary(plan, view.exercises) + done, view.exercises))
            continue
        if view.status in ("rest", "no-plan"):
            continue
        if view.status == "paused":
            # A pause has no end date: show it on the training days of the next two weeks only.
            if view.date < today or view.date > today + _PAUSE_DAYS or slot_on(plan, view.date) is None:
                continue
            summary = f"{name}: paused, see planner today"
            if view.exercises:
                summary = f"{name}: relief routine (paused)"
        else:
            tag = {"done": " ✓ done", "skipped": " (skipped)", "missed": " (missed)", "partial": " (partly done)"}
            # The week as Today numbers it ("week 8 of 12 (week 4's doses)"), easier only where the doses are.
            tag["partial"] = f" ✓ {view.status_words}" if view.one_left_out else tag["partial"]
            summary = f"{name}: {doses_words(view) or f'week {view.week}'}{tag.get(view.status, '')}"
        sessions.append(CalendarSession(view.date, summary, view.exercises, tuple(view.reasons)))
    return sessions


def write_live(store: Store, library: Library, today: dt.date, active: ActivePlan | None = None,
               live: LiveCalendar | None = None, *, force: bool = False) -> Path | None:
    """Rewrite the live file if one is set; returns its path (``None`` when none is set)."""
    live = live or live_setting(store)
    if live is None:
        return None
    if active is None:
        active = load_active(store, library)
    from planner.exports.files import write_export

    write_export(live.path, live_text(active, library, today, live), force=force, mode=PRIVATE,
                 ours=is_live_calendar)
    return live.path


def refresh_live(store: Store, library: Library, today: dt.date, active: ActivePlan | None = None) -> str | None:
    """After a change: rewrite the live file; a failure is returned as a sentence, never raised,
    because the change itself is already safely recorded."""
    try:
        write_live(store, library, today, active)
    except PlannerError as err:
        return f"the live calendar file was not updated: {err}"
    return None
