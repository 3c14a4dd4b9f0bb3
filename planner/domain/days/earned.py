"""A harder variant is earned by doing the top dose of the easier one, not by the calendar alone.

The plan is built from its inputs only, so it moves an exercise to its harder variant once
the easier one has been *planned* at its top dose. Whether that dose was *done* is in what
was checked off. The day's session keeps the easier variant, at its top dose, until that
dose has been checked off as done in :data:`SESSIONS_AT_TOP` sessions (or in every session
the plan had it, when it had fewer). Skipped, missed and partly done sessions do not count,
and the check-offs of the day itself do not change that day's session.

This never adds work because of pain: it only keeps a dose the plan already asked for, and
the pain rules (a reduced volume, an easier variant after pain) apply on top of it.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Collection
from dataclasses import dataclass, replace

from planner.domain.library.loading import Library
from planner.domain.plan.model import Plan, Prescription, prescribe
from planner.domain.plan.progression import TrackState, scaled_dose, starting_dose
from planner.domain.records import Completion, History

SESSIONS_AT_TOP = 2  # completed sessions at the top dose before the harder variant comes


@dataclass(frozen=True)
class HeldBack:
    """The plan's harder variant, and the easier one kept in its place until its top dose is done."""

    planned: Prescription
    kept: Prescription
    done: int  # sessions at the top dose checked off as done so far
    needed: int

    @property
    def reason(self) -> str:
        left = self.needed - self.done
        sessions = f"{left} more session{'s' if left != 1 else ''}"
        return (f"{self.planned.name} waits: you stay on {self.kept.name} until you have done its top dose "
                f"({self.kept.dose_text()}) in {sessions}, checked off as done.")

    def as_json(self) -> dict:
        return {"id": self.kept.id, "instead_of": self.planned.id, "sessions_done": self.done,
                "sessions_needed": self.needed, "reason": self.reason}


def _at_least(done: Completion | Prescription, top: Prescription) -> bool:
    """Whether a dose reaches ``top``: as many sets, and as much of the main field (reps, hold, minutes)."""
    for name in ("sets", "reps", "hold_seconds", "minutes"):
        wanted = getattr(top, name)
        if wanted is not None and (getattr(done, name) is None or getattr(done, name) < wanted):
            return False
    return True


# _variants depends on the plan alone, and history, Today and the report ask it for every day of a plan
# (10,000 sessions: seconds). Kept per plan object while it lives, so a plan is read once per question.
_VARIANTS: dict[int, dict[tuple[str, int], dict[str, tuple[Prescription, list[dt.date]]]]] = {}


def _variants(plan: Plan, track: str, week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
    """The track's variants in the plan's weeks before ``week``, in order: each with its top dose
    (the largest the plan asked for) and the dates the plan asked for that dose."""
    known = _VARIANTS.get(id(plan))
    if known is None:
        known = _VARIANTS[id(plan)] = {}
        weakref.finalize(plan, _VARIANTS.pop, id(plan), None)
    if (track, week) not in known:
        known[(track, week)] = _find_variants(_track_items(plan, track), week)
    return known[(track, week)]


_Item = tuple[int, dt.date, Prescription, tuple[int, int]]


_TRACKS: dict[int, dict[str, list[_Item]]] = {}


def _track_items(plan: Plan, track: str) -> list[_Item]:
    """Every prescription of ``track`` in the plan, in order, with its week's position (from 1), date and
    size (volume, sets): read once per plan and track, kept like ``_VARIANTS``."""
    known = _TRACKS.get(id(plan))
    if known is None:
        known = _TRACKS[id(plan)] = {}
        weakref.finalize(plan, _TRACKS.pop, id(plan), None)
    if track not in known:
        known[track] = [(position, session.date, p, (p.volume_seconds, p.sets))
                        for position, plan_week in enumerate(plan.weeks, 1) for session in plan_week.sessions
                        for p in session.exercises if p.track == track]
    return known[track]


def _find_variants(items: list[_Item], week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
    found: dict[str, list[_Item]] = {}
    for item in items:
        if item[0] >= week:
            break
        found.setdefault(item[2].id, []).append(item)
    variants = {}
    for exercise_id, seen in found.items():
        top = max(seen, key=lambda item: item[3])[2]
        variants[exercise_id] = (top, [d for _, d, p, _ in seen if _at_least(p, top)])
    return variants


def _done_at_top(plan: Plan, history: History, top: Prescription, top_dates: list[dt.date],
                 before: dt.date) -> int:
    """Sessions before ``before`` in which ``top``'s exercise was checked off as done at that dose.

    A check-off that does not say its dose (from an older file) counts when the plan had the top dose that day.
    """
    dates = set()
    for c in _done_by_exercise(history).get(top.id, ()):
        if c.date >= before:
            continue
        unknown = c.sets is None and c.reps is None and c.hold_seconds is None and c.minutes is None
        if (c.date in top_dates) if unknown else _at_least(c, top):
            dates.add(c.date)
    return len(dates)


# A history is immutable (tuples in a frozen dataclass), and _done_at_top is asked for every exercise of
# every day of a plan (a year of check-offs: 70,000 completions scanned thousands of times). Its done
# check-offs, grouped by exercise, are kept per completions tuple: a day gone by is read from a copy of the
# history cut to that day (days.day._as_of), a new History around the same completions, so keying on the
# History object found nothing. The last few tuples are held (a tuple cannot be weakly referenced), which
# also keeps their ids from being reused while they are keys.
_DONE: dict[int, tuple[tuple[Completion, ...], dict[str, list[Completion]]]] = {}
_DONE_KEPT = 4


def _done_by_exercise(history: History) -> dict[str, list[Completion]]:
    """The history's check-offs marked done, by exercise, in their recorded order."""
    completions = history.completions
    kept = _DONE.get(id(completions))
    if kept is not None and kept[0] is completions:
        return kept[1]
    known: dict[str, list[Completion]] = {}
    for c in completions:
        if c.status == "done":
            known.setdefault(c.exercise_id, []).append(c)
    if len(_DONE) >= _DONE_KEPT:
        _DONE.clear()  # one step, safe beside the app's worker threads; rebuilt on the next ask
    _DONE[id(completions)] = (completions, known)
    return known


def held_back(plan: Plan, library: Library, history: History, week: int, day: dt.date,
              item: Prescription) -> HeldBack | None:
    """The easier variant to keep in place of ``item`` on ``day`` (plan week ``week``), or ``None``."""
    variants = _variants(plan, item.track, week)
    for exercise_id, (top, top_dates) in variants.items():
        if exercise_id == item.id or exercise_id not in library.exercises:
            return None  # every easier variant before this one was earned (or the chain's first one)
        needed = min(SESSIONS_AT_TOP, len(top_dates))
        done = _done_at_top(plan, history, top, top_dates, day)
        if done < needed:
            exercise = library.exercises[exercise_id]
            dose = replace(starting_dose(exercise), sets=top.sets, reps=top.reps,
                           hold_seconds=top.hold_seconds, minutes=top.minutes)
            if plan.weeks[week - 1].deload:
                dose = scaled_dose(TrackState(exercise, dose), _deload_factor(plan, week, item))
            return HeldBack(item, prescribe(exercise, dose, item.track, item.slot), done, needed)
    return None


def _deload_factor(plan: Plan, week: int, item: Prescription) -> float:
    """How much an easier week cut this track: its volume against the last full week's, at most 1."""
    for earlier in reversed(plan.weeks[:week - 1]):
        if earlier.deload:
            continue
        volumes = [p.volume_seconds for s in earlier.sessions for p in s.exercises if p.track == item.track]
        if volumes and max(volumes):
            return min(1.0, item.volume_seconds / max(volumes))
    return 1.0


def earned_session(plan: Plan, library: Library, history: History, week: int, day: dt.date,
                   items: list[Prescription], skip: Collection[str] = ()) -> tuple[list[Prescription], list[HeldBack]]:
    """``items`` with each harder variant not yet earned replaced by the easier one; and what was kept.

    Tracks in ``skip`` (eased after pain) are left as they are.
    """
    kept: list[HeldBack] = []
    result = []
    for item in items:
        held = None if item.track in skip else held_back(plan, library, history, week, day, item)
        if held is not None:
            kept.append(held)
            item = held.kept
        result.append(item)
    return result, kept
