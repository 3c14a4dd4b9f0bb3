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

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

from planner.domain.days.plan_variants import novel_in_week, tracks_of, variants_before
from planner.domain.days.top_dose_done import done_at_top, first_shown
from planner.domain.days.track_position import lagging, track_lags
from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.plan.model import Plan, Prescription, prescribe
from planner.domain.plan.progression import TrackState, scaled_dose, starting_dose
from planner.domain.records import History

SESSIONS_AT_TOP = 2  # completed sessions at the top dose before the harder variant comes


@dataclass(frozen=True)
class HeldBack:
    """The plan's harder variant, and the easier one kept in its place until its top dose is done."""

    planned: Prescription
    kept: Prescription
    done: int  # sessions at the top dose checked off as done so far
    needed: int  # 0: a track that lags the plan (see ``lagging``), not waiting for sessions at a top dose
    why: str = ""  # earned, yet waiting: for a hold, cut or rebuild, or for another change this week

    @property
    def lagging(self) -> bool:
        """Kept back because its track lags the plan (:mod:`planner.domain.days.track_position`): no count of
        sessions releases it; done again, it moves up with the plan week by week."""
        return self.needed == 0

    @property
    def reason(self) -> str:
        if self.lagging:
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
        """The JSON of ``today --json`` and ``plan show --json``: the session counts are null for a lagging
        track, which waits for no sessions (a count of 0 of 0 would read as already earned)."""
        counted = not self.lagging
        return {"id": self.kept.id, "instead_of": self.planned.id,
                "sessions_done": self.done if counted else None, "sessions_needed": self.needed if counted else None,
                "reason": self.reason}


def held_back(plan: Plan, library: Library, history: History, week: int, day: dt.date,
              item: Prescription) -> HeldBack | None:
    """The easier variant to keep in place of ``item`` on ``day`` (plan week ``week``), or ``None``."""
    variants = variants_before(plan, item.track, week)
    for exercise_id, (top, top_dates) in variants.items():
        if exercise_id == item.id or exercise_id not in library.exercises:
            return None  # every easier variant before this one was earned (or the chain's first one)
        needed = min(SESSIONS_AT_TOP, len(top_dates))
        done = done_at_top(plan, history, top, top_dates, day)
        if done < needed:
            return HeldBack(item, _kept(plan, library, week, item, exercise_id, top), done, needed)
    return None


def _kept(plan: Plan, library: Library, week: int, item: Prescription, exercise_id: str,
          top: Prescription) -> Prescription:
    """``exercise_id`` at its top dose ``top`` in place of ``item`` (as an easier week cuts it, in one)."""
    exercise = library.exercises[exercise_id]
    dose = replace(starting_dose(exercise), sets=top.sets, reps=top.reps,
                   hold_seconds=top.hold_seconds, minutes=top.minutes, extra_holds=top.extra_holds)
    if plan.weeks[week - 1].deload:
        dose = scaled_dose(TrackState(exercise, dose), _deload_factor(plan, week, item))
    return prescribe(exercise, dose, item.track, item.slot)


def _easier_before(plan: Plan, library: Library, week: int, item: Prescription) -> HeldBack | None:
    """The variant just easier than ``item`` in the plan before ``week``, at its top dose, earned (``None``:
    ``item`` is the first of its track in the plan, so nothing about it is harder)."""
    variants = variants_before(plan, item.track, week)
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
                       hold_seconds=earlier.hold_seconds, minutes=earlier.minutes, extra_holds=earlier.extra_holds)
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
    first = first_shown(history) if week_start is not None else {}
    novel = novel_in_week(plan, week) if week_start is not None else {}
    changed: set[str] = set()
    stepped: dict[str, set[str]] = {}  # track -> the exercises first checked off on it earlier this week
    if week_start is not None:
        # The tracks already changed this week: the plan's own step while still new this week, and any
        # exercise (relief aside) first checked off earlier this week.
        changed = {track for exercise_id, track in novel.items() if first.get(exercise_id, day) >= week_start}
        tracks = tracks_of(plan)
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
