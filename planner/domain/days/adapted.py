"""The session a day holds as pain adapted it: the plan's session for that day with drops, replacements,
easier variants, a volume cut or a hold applied, and the walk on a day between sessions.

Kept apart from :mod:`planner.domain.days.day`, which reads a whole day (its status, reasons and record)
and asks this module only for the exercises; the dose rules here are the pain rules' (docs/), the plan's
own doses come from the builder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.days.earned import HeldBack, earned_session
from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Exercise
from planner.domain.pain.adaptation import AdaptationState, calendar_week, position, settle
from planner.domain.pain.easing import eased_dose
from planner.domain.plan.model import Plan, Prescription, prescribe
from planner.domain.plan.progression import TrackState, caps, dose_volume, is_load, scaled_dose, starting_dose
from planner.domain.plan.substitutes import replacement_dose
from planner.domain.records import History


def slot_on(plan: Plan, day: dt.date) -> int | None:
    """Which session of its week falls on ``day`` (any week, even past the plan's end)."""
    offset = (day - plan.inputs.start).days % 7
    first = day - dt.timedelta(days=offset)
    week_index = (first - plan.inputs.start).days // 7
    wanted = {("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(d) for d in plan.inputs.days_in_week(week_index)}
    dates = [first + dt.timedelta(days=i) for i in range(7) if (first + dt.timedelta(days=i)).weekday() in wanted]
    return dates.index(day) if day in dates else None


def _regressed(library: Library, item: Prescription, easier_id: str) -> Prescription:
    """The easier variant at the dose closest to (never above) the planned volume; the same variant, eased
    after pain at its easiest version, at a smaller dose (:func:`planner.domain.pain.easing.eased_dose`)."""
    if easier_id == item.id:
        return eased_dose(library, item)
    easier = library.exercises[easier_id]
    main_cap, sets_cap = caps(easier)
    top = replace(starting_dose(easier), **{"sets": sets_cap, easier.primary_field: main_cap})
    top_volume = dose_volume(easier, top)
    target = min(item.volume_seconds, top_volume)
    dose = scaled_dose(TrackState(easier, top), target / top_volume if top_volume else 1.0)
    start = starting_dose(easier)
    if dose_volume(easier, start) <= target:
        dose = dose if dose_volume(easier, dose) >= dose_volume(easier, start) else start
    return prescribe(easier, dose, item.track, item.slot)


def _replacement(exercise: Exercise, dropped: Prescription, weeks: int) -> Prescription:
    """Another exercise in a dropped one's place, ``weeks`` plan weeks after it came in: from its first dose up
    its own progression, never more volume than planned for the exercise it replaces."""
    return prescribe(exercise, replacement_dose(exercise, dropped.volume_seconds, weeks), exercise.id, dropped.slot)


def first_doses(plan: Plan) -> dict[str, Prescription]:
    """Each exercise's first prescription in the plan (for most, its week-1 dose)."""
    first: dict[str, Prescription] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                first.setdefault(item.id, item)
    return first


def adapted_session(
    plan: Plan, library: Library, state: AdaptationState, day: dt.date, weekly_increase: float,
    history: History | None = None, held: list[HeldBack] | None = None,
) -> tuple[int, list[Prescription]] | None:
    """(plan week, exercises) for ``day`` after adaptation, or ``None`` on a rest day or after the plan.

    A pain cut scales doses once: no dose goes below the exercise's first dose in the plan times the
    current factor, so an easier week, a cut and a step-down after a break never compound into doses
    below where the person started. Only pain that stays high (cut after cut) lowers the factor further.

    With ``history``, a harder variant whose easier one was not done at its top dose stays the easier
    one (see :mod:`planner.domain.days.earned`); what was kept back is added to ``held``.
    """
    slot = slot_on(plan, day)
    if slot is None or day < plan.inputs.start:
        return None
    week, factor = position(plan, state, day, weekly_increase)
    if week > len(plan.weeks):
        return None
    if factor < 1.0 and plan.weeks[week - 1].deload:
        # A cut meeting an easier week: the lower of the two applies to the full week before, not their product.
        full = full_week_before(plan, week)
        if full is not None:
            factor = min(factor, easier_share(plan, week, full, slot))
            week = full
    floors = first_doses(plan) if factor < 1.0 or state.frozen_week is not None else None
    live = settle(plan, state, day, weekly_increase)  # a hold already rebuilt to full is over
    # While a hold, cut or rebuild is in force no harder variant comes; outside them, one change a week.
    frozen = live.frozen_week is not None or factor < 1.0
    week_start = plan.inputs.start + dt.timedelta(days=7 * (calendar_week(plan, day) - 1))

    def adapt(number: int, scale: float, as_built: bool = False) -> tuple[list[Prescription], list[HeldBack]]:
        items, kept = plan.weeks[number - 1].sessions[slot].exercises, []
        if history is not None and not as_built:
            # A track eased after pain follows the pain rules alone.
            items, kept = earned_session(plan, library, history, number, day, items, skip=set(state.regressed),
                                         week_start=week_start, frozen=frozen, session=slot)
        return _adapt(library, state, items, scale, floors, number), kept

    def chosen(number: int, adapted: tuple[list[Prescription], list[HeldBack]]) -> tuple[int, list[Prescription]]:
        if held is not None:
            held.extend(adapted[1])
        return number, adapted[0]

    items = adapt(week, factor)
    calendar = max(1, calendar_week(plan, day) - live.lag_weeks)
    if live.frozen_week is not None and calendar <= len(plan.weeks):
        # A hold holds, whatever the calendar says: the held week's exercises stay (never the calendar
        # week's harder variants or new movements), and the calendar's easier weeks do not come during it
        # (an easier week follows three progressing weeks of the person's own). The plan as built for the
        # calendar's full week is still a cap: when it is lighter (a harder variant starting low) the held
        # exercises are scaled down to it, so more pain never has more volume than less. A walk apart from
        # the session is compared apart: a held plan keeps the held week's walk.
        if plan.weeks[calendar - 1].deload:
            calendar = full_week_before(plan, calendar) or calendar
        calendar_items = adapt(calendar, 1.0, as_built=True)[0]
        cap = _session_volume(_walks_as_held(calendar_items, items[0]))
        held_volume = _session_volume(items[0])
        if cap < held_volume:
            return chosen(week, adapt(week, factor * cap / held_volume))
    return chosen(week, items)


def full_week_before(plan: Plan, week: int) -> int | None:
    """The last week before ``week`` that is not an easier week (``None``: there is none)."""
    return next((w.number for w in reversed(plan.weeks[:week - 1]) if not w.deload), None)


def easier_share(plan: Plan, easier: int, full: int, slot: int) -> float:
    """How much of the full week's training load session ``slot`` of an easier week keeps (at most 1)."""
    def load(number: int) -> int:
        sessions = plan.weeks[number - 1].sessions
        items = sessions[min(slot, len(sessions) - 1)].exercises if sessions else []
        return sum(p.volume_seconds for p in items if not p.apart and p.category in (Category.CORE, Category.FLEXIBILITY))

    before = load(full)
    return min(1.0, load(easier) / before) if before else 1.0


def _session_volume(items: list[Prescription]) -> int:
    """Working seconds of the session itself (a walk apart from it not counted)."""
    return sum(p.volume_seconds for p in items if not p.apart)


def _walks_as_held(items: list[Prescription], held: list[Prescription]) -> list[Prescription]:
    """``items`` with each walk apart no longer than in the held week's session."""
    minutes = {p.track: p.minutes or 0 for p in held if p.apart}
    return [replace(p, minutes=minutes[p.track]) if p.apart and p.track in minutes
            and (p.minutes or 0) > minutes[p.track] else p for p in items]


def _adapt(
    library: Library, state: AdaptationState, planned: list[Prescription], factor: float,
    floors: dict[str, Prescription] | None = None, week: int = 1,
) -> list[Prescription]:
    """The planned items with drops, regressions and the volume ``factor`` applied; no item goes below
    its first dose in ``floors`` times the factor."""
    items = []
    taken = {item.track for item in planned}
    for item in planned:
        if item.track in state.dropped:
            other = state.replaced.get(item.track)
            if other is None or other in taken or other in state.dropped or other not in library.exercises:
                continue
            taken.add(other)
            item = _replacement(library.exercises[other], item, week - state.replaced_at.get(item.track, week))
        if item.track in state.regressed and state.regressed[item.track] in library.exercises:
            item = _regressed(library, item, state.regressed[item.track])
        # A pain cut is a cut of training load: the warm-up, walks and relief items stay whole (walking
        # is what keeps a sore back moving; NICE NG59), as they do in an easier week.
        if factor < 1.0 and item.id in library.exercises and is_load(library.exercises[item.id]):
            exercise = library.exercises[item.id]
            dose = replace(starting_dose(exercise), sets=item.sets, reps=item.reps,
                           hold_seconds=item.hold_seconds, minutes=item.minutes, extra_holds=item.extra_holds)
            scaled = prescribe(exercise, scaled_dose(TrackState(exercise, dose), factor, keep_stretch_sets=False),
                               item.track, item.slot)
            first = floors.get(item.id) if floors else None
            if first is not None and scaled.volume_seconds < first.volume_seconds * factor:
                floor = replace(starting_dose(exercise), sets=first.sets, reps=first.reps,
                                hold_seconds=first.hold_seconds, minutes=first.minutes, extra_holds=first.extra_holds)
                lowest = prescribe(exercise, scaled_dose(TrackState(exercise, floor), factor,
                                                         keep_stretch_sets=False), item.track, item.slot)
                if scaled.volume_seconds < lowest.volume_seconds:
                    scaled = lowest if lowest.volume_seconds <= item.volume_seconds else item
            item = scaled
        items.append(item)
    return items


def rest_day_walks(plan: Plan, library: Library, state: AdaptationState, day: dt.date,
                   weekly_increase: float) -> list[Prescription]:
    """The walk apart from the session on a day without one (``walk_days = "all"``): the same minutes as
    that week's session days, as adapted to pain (a held plan keeps the held week's walk). WalkBack's
    walking was most days of the week, not only on training days (see :mod:`planner.domain.plan.walks`)."""
    if plan.inputs.walk_days != "all" or day < plan.inputs.start or day > plan.end:
        return []
    index = (day - plan.inputs.start).days // 7
    dates = plan.inputs.session_dates(index)
    if not dates:
        return []
    adapted = adapted_session(plan, library, state, dates[0], weekly_increase)
    return [p for p in adapted[1] if p.apart] if adapted else []

