"""Each exercise track has a position of its own: it moves up with the plan only in weeks it was done.

The whole plan's position (:func:`planner.domain.pain.adaptation.position`) moves on a week at a time when
the week was mostly done and the back answered well; a hold, cut or rebuild freezes it. Within it, one
exercise can still be left undone week after week (the side plank skipped on every session, a stretch on
the one day it comes). Its track then stays where it was: its *lag* is the number of weeks the plan moved
on while the track was planned and not once checked off as done. Its position is the plan's less its lag
(never before the week it first came), and the day shows the plan's dose of that track at that position:
a dose the plan already asked for, never more.

Only the record decides it, and only the weeks before the day's own calendar week: a week counts when
something of a session was checked off as done in it (weeks with nothing done are the whole plan's
business: a week repeated, a step down after a break), and the plan's position is read from the sessions
recorded that week. A hold, cut or rebuild moves no position, so no track moves during one either, and
nothing written later (a pain report) changes a past day: a recorded day is read from its record.

Walks and relief items keep the plan's own steps (a walk has its own tick and its own rule).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.plan.model import Plan, Prescription
from planner.domain.plan.progression import is_load
from planner.domain.records import History


@dataclass(frozen=True)
class _Week:
    """One calendar week of the record: the plan week its sessions were at, what was planned, what was done."""

    calendar: int
    position: int
    planned: frozenset[str]
    done: frozenset[str]


def _weeks(plan: Plan, history: History) -> list[_Week]:
    """The calendar weeks in which something of a session was checked off as done, in order."""
    start = plan.inputs.start
    positions: dict[int, int] = {}
    recorded: dict[int, set[str]] = {}
    track_on: dict[tuple[dt.date, str], str] = {}
    for record in history.sessions:
        if record.week is None or record.date < start:
            continue
        calendar = (record.date - start).days // 7 + 1
        positions[calendar] = max(positions.get(calendar, 0), record.week)
        for p in record.exercises:
            if not p.apart:
                recorded.setdefault(calendar, set()).add(p.track)
                track_on[(record.date, p.id)] = p.track
    done: dict[int, set[str]] = {}
    for c in history.completions:
        calendar = (c.date - start).days // 7 + 1
        track = track_on.get((c.date, c.exercise_id))
        if c.status == "done" and calendar in positions and track is not None:
            done.setdefault(calendar, set()).add(track)
    weeks = []
    for calendar in sorted(done):
        position = positions[calendar]
        if not 1 <= position <= len(plan.weeks):
            continue
        planned = {p.track for s in plan.weeks[position - 1].sessions for p in s.exercises if not p.apart}
        weeks.append(_Week(calendar, position, frozenset(planned | recorded.get(calendar, set())),
                           frozenset(done[calendar])))
    return weeks


# Kept per (plan, check-offs, records): Today, history and the report read many days of one history; with
# each, the lags already worked out (by calendar week and plan week).
_Kept = tuple[tuple, list["_Week"], list[int], dict[tuple[int, int], dict[str, int]]]
_KEPT: dict[tuple[int, int, int], _Kept] = {}
_KEPT_MAX = 4


def _record_weeks(plan: Plan, history: History) -> _Kept:
    key = (id(plan), id(history.completions), id(history.sessions))
    kept = _KEPT.get(key)
    if kept is not None and kept[0][0] is plan and kept[0][1] is history.completions \
            and kept[0][2] is history.sessions:
        return kept
    weeks = _weeks(plan, history) if history.sessions else []
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()  # one step, safe beside the app's worker threads; rebuilt on the next ask
    kept = _KEPT[key] = ((plan, history.completions, history.sessions), weeks, [w.calendar for w in weeks], {})
    return kept


def track_lags(plan: Plan, history: History, day: dt.date, week: int) -> dict[str, int]:
    """Each lagging track's lag on ``day`` at the plan's position ``week``: the weeks before day's calendar
    week in which the plan moved on while the track was planned and not done (tracks not lagging left out)."""
    _, weeks, calendars, known = _record_weeks(plan, history)
    calendar = (day - plan.inputs.start).days // 7 + 1
    lags = known.get((calendar, week))
    if lags is None:
        lags = {}
        upto = bisect.bisect_left(calendars, calendar)
        for n in range(upto):
            this = weeks[n]
            after = weeks[n + 1].position if n + 1 < upto else week
            if after > this.position:
                for track in this.planned - this.done:
                    lags[track] = lags.get(track, 0) + 1
        known[(calendar, week)] = lags
    return lags


def track_lag(plan: Plan, history: History, day: dt.date, week: int, track: str) -> int:
    """How many weeks ``track`` is behind the plan's position ``week`` on ``day`` (see :func:`track_lags`)."""
    return track_lags(plan, history, day, week).get(track, 0)


def at_position(plan: Plan, track: str, position: int, slot: int) -> Prescription | None:
    """The plan's prescription of ``track`` at plan week ``position`` (the latest week up to it that has
    the track; the same session of that week where it is there); ``None`` before the track first comes."""
    for number in range(min(position, len(plan.weeks)), 0, -1):
        sessions = plan.weeks[number - 1].sessions
        if plan.weeks[number - 1].deload:
            continue  # an easier week's dose is not a position to stay at (the day's own easier week cuts it)
        same = sessions[slot].exercises if slot < len(sessions) else ()
        found = next((p for p in same if p.track == track), None) or next(
            (p for s in sessions for p in s.exercises if p.track == track), None)
        if found is not None:
            return found
    return None


def lagging(plan: Plan, library: Library, lags: dict[str, int], week: int, slot: int,
            item: Prescription) -> tuple[int, Prescription] | None:
    """(the track's own position, its prescription there) when ``item``'s track lags the plan's ``week`` by
    ``lags`` (:func:`track_lags`); ``None`` when it does not, or it is a walk or relief item."""
    lag = lags.get(item.track, 0)
    exercise = library.exercises.get(item.id)
    if lag == 0 or exercise is None or exercise.category is Category.RELIEF or not is_load(exercise) \
            or item.apart:
        return None
    position = max(1, week - lag)
    earlier = at_position(plan, item.track, position, slot)
    while earlier is None and position < week:  # never done since it first came: its first dose
        position += 1
        earlier = at_position(plan, item.track, position, slot)
    return None if earlier is None else (position, earlier)
