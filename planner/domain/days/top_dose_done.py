"""What the history says was done: the sessions an exercise was checked off as done at a top dose, and the
day each exercise was first checked off.

Read by :mod:`planner.domain.days.earned` for every exercise of every day of a plan, so each answer is kept
per tuple of check-offs (a history is immutable) and a day's count is one bisection, not a scan of the year.
"""

from __future__ import annotations

import bisect
import datetime as dt

from planner.domain.days.plan_variants import reaches
from planner.domain.plan.model import Plan, Prescription
from planner.domain.records import Completion, History


def done_at_top(plan: Plan, history: History, top: Prescription, top_dates: list[dt.date],
                 before: dt.date) -> int:
    """Sessions before ``before`` in which ``top``'s exercise was checked off as done at that dose.

    A check-off that does not say its dose (from an older file) counts when the plan had the top dose that day.
    """
    return bisect.bisect_left(_dates_at_top(history, top, top_dates), before)


# A history is immutable (tuples in a frozen dataclass), and done_at_top is asked for every exercise of
# every day of a plan (a year of check-offs: 70,000 completions scanned thousands of times). Its done
# check-offs, grouped by exercise, are kept per completions tuple: a day gone by is read from a copy of the
# history cut to that day (days.day._as_of), a new History around the same completions, so keying on the
# History object found nothing. The last few tuples are held (a tuple cannot be weakly referenced), which
# also keeps their ids from being reused while they are keys. Beside them, for each top dose asked about,
# the sorted dates it was done on: a day's count is then one bisection instead of a scan of the year.
_Entry = tuple[tuple[Completion, ...], dict[str, list[Completion]], dict[tuple, tuple], set[str]]
_DONE: dict[int, _Entry] = {}
_DONE_KEPT = 4


def _undated(c: Completion) -> bool:
    """A check-off that does not say its dose (from an older file)."""
    return c.sets is None and c.reps is None and c.hold_seconds is None and c.minutes is None


def _done_entry(history: History) -> _Entry:
    completions = history.completions
    kept = _DONE.get(id(completions))
    if kept is not None and kept[0] is completions:
        return kept
    known: dict[str, list[Completion]] = {}
    for c in completions:
        if c.status == "done":
            known.setdefault(c.exercise_id, []).append(c)
    if len(_DONE) >= _DONE_KEPT:
        _DONE.clear()  # one step, safe beside the app's worker threads; rebuilt on the next ask
    undated = {exercise for exercise, done in known.items() if any(_undated(c) for c in done)}
    entry = _DONE[id(completions)] = (completions, known, {}, undated)
    return entry


def done_by_exercise(history: History) -> dict[str, list[Completion]]:
    """The history's check-offs marked done, by exercise, in their recorded order."""
    return _done_entry(history)[1]


def _dates_at_top(history: History, top: Prescription, top_dates: list[dt.date]) -> list[dt.date]:
    """The distinct dates, in order, on which ``top``'s exercise was checked off as done at that dose."""
    _, known, tops, undated = _done_entry(history)
    # The plan's dates matter only to a check-off without its dose; the list itself is kept with the answer,
    # so its id is not reused while it is part of a key.
    plan_dates = top_dates if top.id in undated else None
    key = (top.id, top.sets, top.reps, top.extra_holds, top.hold_seconds, top.minutes, id(plan_dates))
    kept = tops.get(key)
    if kept is not None and kept[0] is plan_dates:
        return kept[1]
    dates = set()
    for c in known.get(top.id, ()):
        if (c.date in top_dates) if _undated(c) else reaches(c, top, _recorded_extra(history, c, top)):
            dates.add(c.date)
    found = sorted(dates)
    tops[key] = (plan_dates, found)
    return found


def _recorded_extra(history: History, c: Completion, top: Prescription) -> int | None:
    """The one-hold steps of the dose ``c`` checked off, from its day's record (a check-off keeps its sets and
    first set only), when ``top`` has such steps and ``c`` matches it otherwise; ``None`` when it does not matter."""
    if not top.extra_holds or (c.sets, c.reps) != (top.sets, top.reps):
        return None
    record = history.session_on(c.date)
    done = next((p for p in record.exercises if p.id == c.exercise_id), None) if record is not None else None
    return done.extra_holds if done is not None and (done.sets, done.reps) == (c.sets, c.reps) else 0


# Kept like _DONE, per completions tuple: the first day each exercise was checked off (done, in part or
# skipped): the day it was first shown and acted on. Check-offs kept before sessions were recorded count too.
_FIRST: dict[int, tuple[tuple[Completion, ...], dict[str, dt.date]]] = {}


def first_shown(history: History) -> dict[str, dt.date]:
    """Each exercise's first check-off day."""
    completions = history.completions
    kept = _FIRST.get(id(completions))
    if kept is not None and kept[0] is completions:
        return kept[1]
    first: dict[str, dt.date] = {}
    for c in completions:
        if c.exercise_id not in first or c.date < first[c.exercise_id]:
            first[c.exercise_id] = c.date
    if len(_FIRST) >= _DONE_KEPT:
        _FIRST.clear()  # one step, safe beside the app's worker threads; rebuilt on the next ask
    _FIRST[id(completions)] = (completions, first)
    return first
