"""A harder variant is earned by doing the top dose of the easier one, not by the calendar alone.

The plan is built from its inputs only, so it moves an exercise to its harder variant once
the easier one has been *planned* at its top dose. Whether that dose was *done* is in what
was checked off. The day's session keeps the easier variant, at its top dose, until that
dose has been checked off as done in :data:`SESSIONS_AT_TOP` sessions (or in every session
the plan had it, when it had fewer). Skipped, missed and partly done sessions do not count,
and the check-offs of the day itself do not change that day's session.

This never adds work because of pain: it only keeps a dose the plan already asked for, and
the pain rules (a reduced volume, an easier variant after pain) apply on top of it.

A harder variant earned late (its easier one's top dose done weeks after the plan moved it up) is a change
of its own, so it also waits (:func:`earned_session`):

- while a hold, cut or rebuild is in force, for no harder variant comes then (only one already shown
  before that day stays);
- in a week that already brings another new or harder exercise (the plan's own for that week, or one first
  shown earlier that week): one change a week, so that if the back complains the cause is plain.
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Collection
from dataclasses import dataclass, replace

from planner.domain.days.track_position import lagging, track_lags
from planner.domain.library.loading import Library
from planner.domain.library.models import Category
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
    why: str = ""  # earned, yet waiting: for a hold, cut or rebuild, or for another change this week

    @property
    def reason(self) -> str:
        if self.needed == 0:  # a track that lags the plan (planner.domain.days.track_position)
            plan = self.planned.dose_text() if self.planned.id == self.kept.id else \
                f"{self.planned.name} {self.planned.dose_text()}"
            return (f"{self.kept.name} stays at {self.kept.dose_text()}, not the plan's {plan}: each exercise "
                    "moves up only in weeks it was done, and it was left undone in a week the plan moved on. If "
                    "it hurts, name it when you report pain: when the pain calls for a change, it is eased or "
                    "replaced first.")
        if self.done >= self.needed:
            why = self.why or "one new or harder exercise a week, and none while the plan is held or eased"
            return (f"{self.planned.name} waits: you stay on {self.kept.name} at its top dose "
                    f"({self.kept.dose_text()}) for now: {why}.")
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
# (10,000 sessions: seconds). Kept per plan object while it lives, so a plan is read once per question; and
# each track's weeks are walked once, in order (a later week picks up where the last one asked stopped).
_VARIANTS: dict[int, dict[tuple[str, int], dict[str, tuple[Prescription, list[dt.date]]]]] = {}


def _variants(plan: Plan, track: str, week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
    """The track's variants in the plan's weeks before ``week``, in order: each with its top dose
    (the largest the plan asked for) and the dates the plan asked for that dose."""
    known = _VARIANTS.get(id(plan))
    if known is None:
        known = _VARIANTS[id(plan)] = {}
        weakref.finalize(plan, _VARIANTS.pop, id(plan), None)
    if (track, week) not in known:
        walks = _WALKS.get(id(plan))
        if walks is None:
            walks = _WALKS[id(plan)] = {}
            weakref.finalize(plan, _WALKS.pop, id(plan), None)
        walk = walks.get(track)
        if walk is None or walk.week > week:  # asked for an earlier week: read it from the start
            walk = walks[track] = _Walk(_track_items(plan, track))
        known[(track, week)] = walk.to(week)
    return known[(track, week)]


_Item = tuple[int, dt.date, Prescription, tuple[int, int]]


_TRACKS: dict[int, dict[str, list[_Item]]] = {}


def _track_items(plan: Plan, track: str) -> list[_Item]:
    """Every prescription of ``track`` in the plan, in order, with its week's position (from 1), date and
    size (volume, sets): read once per plan and track, kept like ``_VARIANTS``."""
    known = _TRACKS.get(id(plan))
    if known is None:  # every track in one reading of the plan
        known = {}
        for position, plan_week in enumerate(plan.weeks, 1):
            for session in plan_week.sessions:
                for p in session.exercises:
                    known.setdefault(p.track, []).append((position, session.date, p, (p.volume_seconds, p.sets)))
        _TRACKS[id(plan)] = known
        weakref.finalize(plan, _TRACKS.pop, id(plan), None)
    return known.get(track, [])


class _Walk:
    """One track's prescriptions read in order, up to a week: each variant's items, its top (the first of
    the largest) and the dates the plan asked for at least that top; what :func:`_find_variants` gives for
    that week, without reading the weeks before it again."""

    def __init__(self, items: list[_Item]):
        self.items, self.next, self.week = items, 0, 0
        self.seen: dict[str, list[_Item]] = {}
        self.tops: dict[str, _Item] = {}
        self.dates: dict[str, list[dt.date]] = {}

    def to(self, week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
        items, seen, tops, dates = self.items, self.seen, self.tops, self.dates
        while self.next < len(items) and items[self.next][0] < week:
            item = items[self.next]
            self.next += 1
            exercise_id = item[2].id
            top = tops.get(exercise_id)
            seen.setdefault(exercise_id, []).append(item)
            if top is None or item[3] > top[3]:
                tops[exercise_id] = item
                dates[exercise_id] = [d for _, d, p, _ in seen[exercise_id] if _at_least(p, item[2])]
            elif _at_least(item[2], top[2]):
                dates[exercise_id].append(item[1])
        self.week = week
        return {exercise_id: (tops[exercise_id][2], list(dates[exercise_id])) for exercise_id in seen}


_WALKS: dict[int, dict[str, _Walk]] = {}  # per plan and track, kept like _VARIANTS


def _find_variants(items: list[_Item], week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
    """What :class:`_Walk` works out, read from the start (the definition its tests compare with)."""
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
    return bisect.bisect_left(_dates_at_top(history, top, top_dates), before)


# A history is immutable (tuples in a frozen dataclass), and _done_at_top is asked for every exercise of
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


def _done_by_exercise(history: History) -> dict[str, list[Completion]]:
    """The history's check-offs marked done, by exercise, in their recorded order."""
    return _done_entry(history)[1]


def _dates_at_top(history: History, top: Prescription, top_dates: list[dt.date]) -> list[dt.date]:
    """The distinct dates, in order, on which ``top``'s exercise was checked off as done at that dose."""
    _, known, tops, undated = _done_entry(history)
    # The plan's dates matter only to a check-off without its dose; the list itself is kept with the answer,
    # so its id is not reused while it is part of a key.
    plan_dates = top_dates if top.id in undated else None
    key = (top.id, top.sets, top.reps, top.hold_seconds, top.minutes, id(plan_dates))
    kept = tops.get(key)
    if kept is not None and kept[0] is plan_dates:
        return kept[1]
    dates = set()
    for c in known.get(top.id, ()):
        if (c.date in top_dates) if _undated(c) else _at_least(c, top):
            dates.add(c.date)
    found = sorted(dates)
    tops[key] = (plan_dates, found)
    return found


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
            return HeldBack(item, _kept(plan, library, week, item, exercise_id, top), done, needed)
    return None


def _kept(plan: Plan, library: Library, week: int, item: Prescription, exercise_id: str,
          top: Prescription) -> Prescription:
    """``exercise_id`` at its top dose ``top`` in place of ``item`` (as an easier week cuts it, in one)."""
    exercise = library.exercises[exercise_id]
    dose = replace(starting_dose(exercise), sets=top.sets, reps=top.reps,
                   hold_seconds=top.hold_seconds, minutes=top.minutes)
    if plan.weeks[week - 1].deload:
        dose = scaled_dose(TrackState(exercise, dose), _deload_factor(plan, week, item))
    return prescribe(exercise, dose, item.track, item.slot)


def _easier_before(plan: Plan, library: Library, week: int, item: Prescription) -> HeldBack | None:
    """The variant just easier than ``item`` in the plan before ``week``, at its top dose, earned (``None``:
    ``item`` is the first of its track in the plan, so nothing about it is harder)."""
    variants = _variants(plan, item.track, week)
    order = list(variants)
    easier = order[:order.index(item.id)] if item.id in variants else order
    if not easier or easier[-1] not in library.exercises:
        return None
    top, top_dates = variants[easier[-1]]
    needed = max(1, min(SESSIONS_AT_TOP, len(top_dates)))
    return HeldBack(item, _kept(plan, library, week, item, easier[-1], top), needed, needed)


def _deload_factor(plan: Plan, week: int, item: Prescription) -> float:
    """How much an easier week cut this track: its volume against the last full week's, at most 1."""
    for earlier in reversed(plan.weeks[:week - 1]):
        if earlier.deload:
            continue
        volumes = [p.volume_seconds for s in earlier.sessions for p in s.exercises if p.track == item.track]
        if volumes and max(volumes):
            return min(1.0, item.volume_seconds / max(volumes))
    return 1.0


def _as_in_week(plan: Plan, library: Library, week: int, planned: Prescription, earlier: Prescription,
                ) -> Prescription:
    """A lagging track's earlier prescription as shown in plan week ``week``: cut as its easier week cuts
    the track when ``week`` is one, and never more than planned of the same exercise."""
    if plan.weeks[week - 1].deload and earlier.id in library.exercises:
        exercise = library.exercises[earlier.id]
        dose = replace(starting_dose(exercise), sets=earlier.sets, reps=earlier.reps,
                       hold_seconds=earlier.hold_seconds, minutes=earlier.minutes)
        dose = scaled_dose(TrackState(exercise, dose), _deload_factor(plan, week, planned))
        earlier = prescribe(exercise, dose, planned.track, planned.slot)
    if earlier.id == planned.id and earlier.volume_seconds >= planned.volume_seconds:
        return planned
    return replace(earlier, slot=planned.slot)


HELD_WHY = "no harder variant comes while a hold, a cut or its rebuild is in force"


def earned_session(plan: Plan, library: Library, history: History, week: int, day: dt.date,
                   items: list[Prescription], skip: Collection[str] = (), week_start: dt.date | None = None,
                   frozen: bool = False, session: int | None = None) -> tuple[list[Prescription], list[HeldBack]]:
    """``items`` with each harder variant not yet earned replaced by the easier one; and what was kept.

    Tracks in ``skip`` (eased after pain) are left as they are. With ``session`` (the day's session of its
    week), a track left undone in weeks the plan moved on stays at its own position
    (:mod:`planner.domain.days.track_position`). With ``week_start`` (the first day of the
    calendar week of ``day``), a harder variant first shown this week (earned late, or the plan's own step)
    also waits while the plan is ``frozen`` (a hold, cut or rebuild) unless it was shown before ``day``,
    and, earned late, waits for a week in which no other exercise is new or harder.
    """
    kept: list[HeldBack] = []
    result = []
    lags = track_lags(plan, history, day, week) if session is not None else {}
    first = _first_shown(history) if week_start is not None else {}
    novel = _novel(plan, week) if week_start is not None else {}
    changed: set[str] = set()
    stepped: dict[str, set[str]] = {}  # track -> the exercises first checked off on it earlier this week
    if week_start is not None:
        # The tracks already changed this week: the plan's own step while still new this week, and any
        # exercise (relief aside) first checked off earlier this week.
        changed = {track for exercise_id, track in novel.items() if first.get(exercise_id, day) >= week_start}
        tracks = _tracks_of(plan)
        for exercise_id, when in first.items():
            if week_start <= when < day and exercise_id in library.exercises \
                    and library.exercises[exercise_id].category is not Category.RELIEF:
                stepped.setdefault(tracks.get(exercise_id, exercise_id), set()).add(exercise_id)
        changed |= set(stepped)
    for planned in items:
        item, at = planned, week
        behind = None if not lags or item.track in skip else lagging(plan, library, lags, week, session, item)
        if behind is not None:
            at, item = behind[0], _as_in_week(plan, library, week, planned, behind[1])
            behind = None if item == planned else HeldBack(planned, item, 0, 0)
            item = planned if behind is None else item
        held = None if item.track in skip else held_back(plan, library, history, at, day, item)
        if held is not None and behind is not None:
            held = replace(held, planned=planned)
        if held is None and week_start is not None and item.track not in skip \
                and item.category is not Category.RELIEF:
            shown = first.get(item.id, dt.date.max)
            easier = _easier_before(plan, library, at, item) if shown >= week_start else None
            if easier is not None:  # a harder variant, new this week
                wait = HELD_WHY if frozen and shown >= day else None
                if wait is None and stepped.get(item.track, {item.id}) != {item.id}:
                    wait = "one step a week for each exercise, and this one has already moved up this week"
                if wait is None and novel.get(item.id) != item.track and changed - {item.track}:
                    wait = ("one new or harder exercise a week, and this week already brings one, so that if "
                            "your back complains you know which change to undo")
                if wait is not None:
                    held = replace(easier, planned=planned, why=wait)
                else:
                    changed.add(item.track)
        held = held or behind
        if held is not None:
            kept.append(held)
            item = held.kept
        result.append(item)
    return result, kept


# Kept like _DONE, per completions tuple: the first day each exercise was checked off (done, in part or
# skipped): the day it was first shown and acted on. Check-offs kept before sessions were recorded count too.
_FIRST: dict[int, tuple[tuple[Completion, ...], dict[str, dt.date]]] = {}


def _first_shown(history: History) -> dict[str, dt.date]:
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


_NOVEL: dict[int, dict[int, dict[str, str]]] = {}


_TRACK_OF: dict[int, dict[str, str]] = {}


def _tracks_of(plan: Plan) -> dict[str, str]:
    """Each exercise of the plan with its track (an exercise not in it, a replacement, is its own track)."""
    known = _TRACK_OF.get(id(plan))
    if known is None:
        known = _TRACK_OF[id(plan)] = {}
        weakref.finalize(plan, _TRACK_OF.pop, id(plan), None)
        for week in plan.weeks:
            for session in week.sessions:
                for p in session.exercises:
                    known.setdefault(p.id, p.track)
    return known


def _novel(plan: Plan, week: int) -> dict[str, str]:
    """The exercises plan week ``week`` brings that no week before it had (new or harder), with their tracks;
    relief items aside. The plan as built brings at most one a week."""
    known = _NOVEL.get(id(plan))
    if known is None:  # every week in one reading of the plan
        known = _NOVEL[id(plan)] = {}
        weakref.finalize(plan, _NOVEL.pop, id(plan), None)
        seen: set[str] = set()
        for number, plan_week in enumerate(plan.weeks, 1):
            items = [p for s in plan_week.sessions for p in s.exercises]
            known[number] = {p.id: p.track for p in items if p.id not in seen and p.category is not Category.RELIEF}
            seen |= {p.id for p in items}
    return known.get(week, {})
