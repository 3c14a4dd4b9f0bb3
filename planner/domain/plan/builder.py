"""Build a progressive weekly plan from a program template: pure and deterministic.

How a plan comes about:

1. The template names *slots* in the order a session runs (a warm-up, the
   strength slots, perhaps a walk, stretches last). Each slot rotates through
   the chains chosen for it by purpose (:mod:`planner.domain.plan.choice`), so
   the sessions of a week differ while every slot is served.
2. Week 1's sessions hold every slot (:mod:`planner.domain.plan.sessions`). When the minutes are short, extra
   exercises of a slot go first, then whole strength slots in turn (a
   different one each session). When they are long, the session is filled to
   the template's ``fill`` share of the minutes: more exercises of its slots,
   then more sets, then the optional slots (a walk), and only then a longer
   walk or a bigger dose. A session never runs past the minutes.
3. Each following week takes at most one step per exercise
   (:mod:`planner.domain.plan.weeks`, :mod:`planner.domain.plan.progression`), accepting steps only while the
   training load (strength and stretch work) stays within
   ``max_weekly_increase`` of the last full week and every session still fits.
   Walks grow by their own step (a few minutes a week) while there is room. A walk
   apart from the session (``apart = true``) takes none of its minutes and grows by the
   weekly limit on its own minutes (a minute or two) each full week towards 30 (:mod:`planner.domain.plan.walks`).
4. The direction that eases the back (``eases``) leaves the disliked direction's exercises out of the
   first four weeks; they come back at their easiest dose (:mod:`planner.domain.plan.direction`).
5. Every ``deload_every``-th week is an easier week at about ``deload_factor``
   of the training load; walks and relief items (heat, cold, rest positions,
   water) are never cut. A plan never ends on an easier week.
6. A big-three slot that joins after week 1 (Gentle return's knee side plank in week 9) is paid for by
   the stretches' third sets (:mod:`planner.domain.plan.funded`). Week 1 says what gates each step
   (the pain check-ins, :mod:`planner.domain.plan.gate`) and each week that steps up says it in a line;
   a stretch that holds the back bent brings McGill's morning cue (:mod:`planner.domain.plan.morning`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.errors import UsageError
from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.library.slots import SLOT_PURPOSE
from planner.domain.plan.active_first import settle_week
from planner.domain.plan.big_three import BIG_THREE
from planner.domain.plan.choice import starting_variant
from planner.domain.plan.direction import apply_direction
from planner.domain.plan.funded import big_three_joining, fund, funded_words
from planner.domain.plan.gate import gate_words, step_gate_words
from planner.domain.plan.joins import delay_joins, trim_fillers
from planner.domain.plan.left_out import left_out
from planner.domain.plan.model import DAY_NAMES, WEEKDAYS, Plan, PlanInputs, Session, Week, prescribe
from planner.domain.plan.morning import with_morning_cue
from planner.domain.plan.progression import TrackState
from planner.domain.plan.room import refill
from planner.domain.plan.sessions import Item, SessionPlanner
from planner.domain.plan.walks import walks_apart_start
from planner.domain.plan.weekly_load import easier_week, week_load
from planner.domain.plan.weeks import progress_week

__all__ = ["build_plan", "session_dates", "starting_variant"]


def session_dates(inputs: PlanInputs, week_index: int) -> list[dt.date]:
    return inputs.session_dates(week_index)


def _sessions(builder: SessionPlanner, inputs: PlanInputs, layouts: list[list[Item]], states: dict[str, TrackState],
              index: int) -> list[Session]:
    slots = builder.program.slots
    # A walk apart from the session comes last, after the floor work, done then or at any time that day.
    return [
        Session(date=day, slot=n, exercises=[
            prescribe(states[i.track].exercise, states[i.track].dose, i.track, slots[i.spec].slot.value,
                      apart=i.spec in builder.apart)
            for i in sorted(layouts[n], key=lambda i: i.spec in builder.apart)])
        for n, day in enumerate(session_dates(inputs, index))
    ]


def _made_way(builder: SessionPlanner, before: dict[int, list[Item]], layouts: list[list[Item]],
              states: dict[str, TrackState]) -> str:
    """The words for a slot's second exercises left out to make room for a joining slot ('' if none)."""
    gone: dict[str, list[str]] = {}
    for n, items in enumerate(layouts):
        kept = {i.track for i in items}
        specs = {i.spec for i in items}
        for item in before.get(n, []):
            if not item.extra and item.spec in specs and item.track not in kept:
                slot = builder.program.slots[item.spec].slot.value
                gone.setdefault(slot, []).append(states[item.track].exercise.name.lower())
    if not gone:
        return ""
    what = "; ".join(f"one {slot} exercise instead of two ({', '.join(dict.fromkeys(names))} "
                     f"make{'s' if len(set(names)) == 1 else ''} way)" for slot, names in gone.items())
    return f"To make room for it in your {builder.budget // 60} minutes, sessions hold {what}."


def build_plan(inputs: PlanInputs, library: Library) -> Plan:
    """Every week and session of the plan, with the reason for each change."""
    program = library.programs.get(inputs.program)
    if program is None:
        raise UsageError(
            f"unknown program '{inputs.program}'; choose one of: {', '.join(sorted(library.programs))}"
        )
    notes: list[str] = []
    if inputs.weeks > program.max_weeks:
        notes.append(f"This program lasts at most {program.max_weeks} week{'s' if program.max_weeks > 1 else ''} "
                     f"(you asked for {inputs.weeks}): after that, build a plan from another program.")
        inputs = replace(inputs, weeks=program.max_weeks)
    if inputs.start > dt.date.max - dt.timedelta(days=7 * inputs.weeks):
        raise UsageError(f"{inputs.start.isoformat()} is too late: {inputs.weeks} weeks from then "
                         "would run past the year 9999", field="start")
    minutes = min(inputs.minutes, program.max_minutes)
    if minutes < inputs.minutes:
        notes.append(f"Sessions are kept to at most {minutes} minutes (you asked for {inputs.minutes}): "
                     "this program keeps them short on purpose."
                     + (" Its walk is done apart from the session and comes on top."
                        if any(spec.apart for spec in program.slots) else ""))
    builder = SessionPlanner(program, library, inputs, minutes)
    weeks: list[Week] = []
    full_states: dict[str, TrackState] = {}
    full_load = 0
    day_list = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days)
    for index in range(inputs.weeks):
        number = index + 1
        count = len(session_dates(inputs, index))
        deload = number % program.deload_every == 0 and number != inputs.weeks
        funded: list[str] | None = None
        if number > 1:
            # A big-three slot joining later is paid for by the stretches' third sets (planner.domain.plan.funded):
            # tried with the stretches at two sets, kept only if the slot does join this week.
            joining_big = big_three_joining(builder, number) if not deload else []
            kept = (builder.states, full_states)
            if joining_big:
                builder.states, funded = fund(builder.states)
                full_states, _ = fund(full_states)
            delay_joins(builder, number, deload, full_load * (1 + program.max_weekly_increase) - full_load)
            if joining_big and not any(builder.joins[i] == number for i in joining_big):
                (builder.states, full_states), funded = kept, None
        before = {n: list(items) for n, items in builder.latest.items()}
        layouts = [builder.layout(index, n) for n in range(count)]
        if index == 0:
            notes += builder.fill_doses(index, layouts)
        if number == 1:
            week_states = dict(builder.states)
            reasons = [f"Starting doses for {program.name}, level {inputs.level}, "
                       f"{inputs.minutes} minutes on {day_list}.", *notes, *walks_apart_start(builder, layouts),
                       gate_words()]
        elif deload:
            week_states = easier_week(full_states, program.deload_factor)
            reasons = [f"Easier week: strength and stretch work at about {program.deload_factor:.0%} of week "
                       f"{number - 1}'s, so the body can absorb the work before the next step; walks, heat "
                       "and rest positions stay as they were.",
                       "What limits this week: it is an easier week."]
        else:
            builder.states = {**builder.states, **full_states}
            bound = full_load * (1 + program.max_weekly_increase)
            trim_fillers(builder, layouts, builder.states, bound)
            fresh = frozenset(i.track for items in layouts for i in items if builder.joins[i.spec] == number
                              and program.slots[i.spec].from_week > 1)
            week_states, reasons = progress_week(builder, layouts, full_load, number, fresh)
            if any(full_states.get(t) != s for t, s in week_states.items()):
                # Each step up is gated by the record (pain check-ins, sessions done): said where the steps are.
                at = len(reasons) - 1 if reasons and reasons[-1].startswith("What limits") else len(reasons)
                reasons.insert(at, step_gate_words())
            arrived = (week_states[i.track].exercise for items in layouts for i in items)
            builder.new_left = 0 if builder.last_change == number - 1 or any(
                e.id not in builder.seen and e.category is not Category.RELIEF for e in arrived) else 1
            refill(builder, layouts, week_states, full_states, index, bound)
            builder.new_left = None
            reasons += settle_week(builder, index, layouts, week_states, full_states)
        if not deload:
            builder.states = {**builder.states, **week_states}
            full_states = dict(builder.states)
            full_load = week_load(full_states, layouts)
        states = {**builder.states, **week_states}
        new_items = [i for items in layouts for i in items
                     if number > 1 and builder.joins[i.spec] == number and program.slots[i.spec].from_week > 1]
        joining = sorted({states[i.track].exercise.name for i in new_items})
        made_way = ""
        if joining:
            loaded = all(program.slots[i.spec].slot.value == "loaded" for i in new_items)
            reasons.insert(1 if len(reasons) > 1 else 0,
                           f"New this week{', an everyday loaded movement' if loaded else ''}: {', '.join(joining)}.")
            if funded is not None:
                big = sorted({states[i.track].exercise.name for i in new_items
                              if program.slots[i.spec].slot.value in BIG_THREE})
                reasons.insert(2 if len(reasons) > 1 else len(reasons),
                               funded_words(big, funded, bool(weeks) and weeks[-1].deload))
            made_way = _made_way(builder, before, layouts, states)
            if made_way:
                reasons.insert(2 if len(reasons) > 2 else len(reasons), made_way)
        if number > 1:
            at = len(reasons) - 1 if reasons and reasons[-1].startswith("What limits") else len(reasons)
            reasons[at:at] = left_out(builder, before, layouts, states, session_dates(inputs, index),
                                      made_way + " ".join(joining).lower())
        if any(states[i.track].exercise.id not in builder.seen and states[i.track].exercise.category
               is not Category.RELIEF for items in layouts for i in items) and number > 1:
            builder.last_change = number
        builder.seen |= {states[i.track].exercise.id for items in layouts for i in items}
        weeks.append(Week(number=number, deload=deload, reasons=reasons,
                          sessions=_sessions(builder, inputs, layouts, states, index)))
    _say_what_never_came(builder, weeks)
    return with_morning_cue(apply_direction(Plan(inputs=inputs, program_name=program.name, weeks=weeks), library),
                            library)


def _say_what_never_came(builder: SessionPlanner, weeks: list[Week]) -> None:
    """A slot due to join that found no room in the minutes all plan long says so in the week it was due."""
    program = builder.program
    held = {p.slot for week in weeks for session in week.sessions for p in session.exercises}
    for index, spec in enumerate(program.slots):
        if spec.from_week <= 1 or spec.from_week > len(weeks) or spec.optional or not builder.chains[index] \
                or spec.slot.value in held:
            continue
        reasons = weeks[spec.from_week - 1].reasons
        at = len(reasons) - 1 if reasons and reasons[-1].startswith("What limits") else len(reasons)
        reasons.insert(at, f"No room in {builder.budget // 60} minutes a session for the work due from this week "
                           f"({SLOT_PURPOSE[spec.slot]}): it stays out of this plan; longer sessions bring it.")
