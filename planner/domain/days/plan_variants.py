"""What the plan asked of each track before a given week: its variants, each one's top dose and the dates.

Whether a harder variant is earned (:mod:`planner.domain.days.earned`) depends on what the plan asked of
the easier one before it: this module reads that from the plan alone, never from what was checked off.
History, Today and the report ask it for every day of a plan, so each answer is kept per plan object while
the plan lives (``weakref.finalize`` drops it with the plan).
"""

from __future__ import annotations

import datetime as dt
import weakref

from planner.domain.library.models import Category
from planner.domain.plan.model import Plan, Prescription
from planner.domain.records import Completion


def reaches(done: Completion | Prescription, top: Prescription, extra: int | None = None) -> bool:
    """Whether a dose reaches ``top``: as many sets, and as much of the main field (reps, hold, minutes); at a
    descending top's own sets and first set, as many one-hold steps too (6-4-2 does not reach 6-4-3).
    ``extra``: a check-off's one-hold steps, which its day's record knows (a prescription says its own)."""
    for name in ("sets", "reps", "hold_seconds", "minutes"):
        wanted = getattr(top, name)
        if wanted is not None and (getattr(done, name) is None or getattr(done, name) < wanted):
            return False
    if top.extra_holds and (done.sets, done.reps) == (top.sets, top.reps):
        return (getattr(done, "extra_holds", 0) if extra is None else extra) >= top.extra_holds
    return True


# variants_before depends on the plan alone, and history, Today and the report ask it for every day of a plan
# (10,000 sessions: seconds). Kept per plan object while it lives, so a plan is read once per question; and
# each track's weeks are walked once, in order (a later week picks up where the last one asked stopped).
_VARIANTS: dict[int, dict[tuple[str, int], dict[str, tuple[Prescription, list[dt.date]]]]] = {}


def variants_before(plan: Plan, track: str, week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
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
            walk = walks[track] = TrackWalk(track_items(plan, track))
        known[(track, week)] = walk.to(week)
    return known[(track, week)]


TrackItem = tuple[int, dt.date, Prescription, tuple[int, int]]


_TRACKS: dict[int, dict[str, list[TrackItem]]] = {}


def track_items(plan: Plan, track: str) -> list[TrackItem]:
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


class TrackWalk:
    """One track's prescriptions read in order, up to a week: each variant's items, its top (the first of
    the largest) and the dates the plan asked for at least that top; what :func:`find_variants` gives for
    that week, without reading the weeks before it again."""

    def __init__(self, items: list[TrackItem]):
        self.items, self.next, self.week = items, 0, 0
        self.seen: dict[str, list[TrackItem]] = {}
        self.tops: dict[str, TrackItem] = {}
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
                dates[exercise_id] = [d for _, d, p, _ in seen[exercise_id] if reaches(p, item[2])]
            elif reaches(item[2], top[2]):
                dates[exercise_id].append(item[1])
        self.week = week
        return {exercise_id: (tops[exercise_id][2], list(dates[exercise_id])) for exercise_id in seen}


_WALKS: dict[int, dict[str, TrackWalk]] = {}  # per plan and track, kept like _VARIANTS


def find_variants(items: list[TrackItem], week: int) -> dict[str, tuple[Prescription, list[dt.date]]]:
    """What :class:`TrackWalk` works out, read from the start (the definition its tests compare with)."""
    found: dict[str, list[TrackItem]] = {}
    for item in items:
        if item[0] >= week:
            break
        found.setdefault(item[2].id, []).append(item)
    variants = {}
    for exercise_id, seen in found.items():
        top = max(seen, key=lambda item: item[3])[2]
        variants[exercise_id] = (top, [d for _, d, p, _ in seen if reaches(p, top)])
    return variants


_NOVEL: dict[int, dict[int, dict[str, str]]] = {}


_TRACK_OF: dict[int, dict[str, str]] = {}


def tracks_of(plan: Plan) -> dict[str, str]:
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


def novel_in_week(plan: Plan, week: int) -> dict[str, str]:
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
