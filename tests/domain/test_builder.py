"""The plan builder's promises, for every built-in program and random valid inputs."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli.plan_commands import plan_json
from planner.domain.errors import UsageError
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.library.models import Category, Dose, Kind
from planner.domain.plan.active_first import is_lying
from planner.domain.plan.builder import build_plan
from planner.domain.plan.choice import chains_for, starting_variant
from planner.domain.plan.model import WEEKDAYS, Plan, PlanInputs, Prescription, prescribe
from planner.domain.plan.progression import (
    TrackState,
    caps,
    is_load,
    is_round,
    is_stretch,
    is_walk,
    next_step,
    starting_dose,
)
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
PROGRAMS = sorted(LIBRARY.programs)
LAST_START = dt.date.max - dt.timedelta(weeks=16)
WARM_UPS = {"warm-up", "gentle-movement"}


@pytest.fixture(scope="module")
def library() -> Library:
    return LIBRARY


def test_the_built_in_library_loads_cleanly() -> None:
    assert not LIBRARY.problems, [str(p) for p in LIBRARY.problems]
    assert not LIBRARY.notices
    assert len(PROGRAMS) >= 6 and len(LIBRARY.exercises) >= 55


inputs = st.builds(
    PlanInputs,
    program=st.sampled_from(PROGRAMS),
    days=st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True).map(
        lambda d: sorted(d, key=WEEKDAYS.index)),
    minutes=st.integers(5, 60),
    level=st.integers(1, 5),
    weeks=st.integers(1, 16),
    start=st.dates(max_value=LAST_START),
)


def shortest_seconds(library: Library, inputs: PlanInputs) -> int:
    """The quickest exercise the program could start this person on, worked out apart from the builder."""
    program = library.programs[inputs.program]
    return min(
        prescribe(e := starting_variant(library, chain, inputs.level), starting_dose(e), chain[0]).estimated_seconds
        for spec in program.slots if not spec.apart for chain in chains_for(library, spec, inputs.level)
    )


def state_of(library: Library, item: Prescription) -> TrackState:
    exercise = library.exercises[item.id]
    dose = Dose(sets=item.sets, reps=item.reps, hold_seconds=item.hold_seconds, minutes=item.minutes,
                rest_seconds=item.rest_seconds, seconds_per_rep=item.seconds_per_rep,
                descending=exercise.dose.descending, extra_holds=item.extra_holds)
    return TrackState(exercise, dose)


def one_step_up(library: Library, before: Prescription, rise: float = 1.5) -> Prescription | None:
    """What ``before`` becomes after exactly one step of progression, or ``None`` at the top (``rise``: the
    most one step multiplies the exercise's volume by; the plan's weeks pass the program's weekly limit)."""
    state = state_of(library, before)
    harder = library.harder_of.get(before.id)
    step = next_step(state, library.exercises[harder] if harder else None, rise)
    return None if step is None else prescribe(step.state.exercise, step.state.dose, before.track, before.slot)


def effective_minutes(inputs: PlanInputs) -> int:
    return min(inputs.minutes, LIBRARY.programs[inputs.program].max_minutes)


def items(week) -> list[Prescription]:
    return [p for s in week.sessions for p in s.exercises]


def load(week) -> int:
    return sum(p.volume_seconds for p in items(week) if is_load(LIBRARY.exercises[p.id]))


def check_dates(plan: Plan, inputs: PlanInputs) -> None:
    for week in plan.weeks:
        first = inputs.start + dt.timedelta(weeks=week.number - 1)
        dates = [s.date for s in week.sessions]
        assert dates == sorted(dates) and len(dates) == len(inputs.days)
        assert [s.slot for s in week.sessions] == list(range(len(dates)))
        for day in dates:
            assert first <= day < first + dt.timedelta(days=7)
            assert WEEKDAYS[day.weekday()] in inputs.days


def floor(session) -> list[Prescription]:
    """The session itself: what it holds apart from a walk done at any time that day."""
    return [p for p in session.exercises if not p.apart]


def check_doses(plan: Plan, inputs: PlanInputs, library: Library) -> None:
    minutes = effective_minutes(inputs)
    program = library.programs[inputs.program]
    order = {spec.slot.value: i for i, spec in reversed(list(enumerate(program.slots))) if not spec.apart}
    apart = {spec.slot.value for spec in program.slots if spec.apart}
    for week in plan.weeks:
        for session in week.sessions:
            assert floor(session), "no empty sessions"
            seconds = sum(p.estimated_seconds for p in floor(session))
            assert seconds <= minutes * 60, "never over the minutes"
            assert session.estimated_minutes == -(-seconds // 60), "a walk apart is not in the session's minutes"
            assert len({p.id for p in session.exercises}) == len(session.exercises), "no exercise twice a session"
            walks = session.apart
            assert session.exercises[len(session.exercises) - len(walks):] == walks, "a walk apart comes last"
            assert {p.slot for p in walks} == apart, "a walk apart is in every session, however short"
            assert all(is_walk(library.exercises[p.id]) for p in walks)
            places = [order[p.slot] for p in floor(session)]
            assert places == sorted(places), "the session runs in the template's slot order"
            slots = [p.slot for p in floor(session)]
            if "stretch" in slots:
                assert slots[slots.index("stretch"):] == ["stretch"] * slots.count("stretch"), "stretches last"
            for item in session.exercises:
                exercise = library.exercises[item.id]
                assert (item.category, item.kind, item.per_side) == (exercise.category, exercise.kind,
                                                                     exercise.per_side)
                assert item.slot in exercise.slots or any(
                    item.slot in library.exercises[i].slots for i in library.chain(item.id))
                assert item.id in library.chain(item.track) and library.chain(item.track)[0] == item.track
                main_cap, sets_cap = caps(exercise)
                main = getattr(item, exercise.primary_field)
                assert 1 <= item.sets <= sets_cap, item
                assert 1 <= main <= max(main_cap, getattr(exercise.dose, exercise.primary_field)), item
                assert is_round(exercise, state_of(library, item).dose), f"round doses: {item}"
                for other in {"reps", "hold_seconds", "minutes"} - {exercise.primary_field}:
                    assert getattr(item, other) is None
                if is_stretch(exercise):
                    assert 15 <= item.hold_seconds <= 60 and 2 <= item.sets <= 4, item


def check_minutes_are_used(plan: Plan, inputs: PlanInputs) -> None:
    """Full weeks fill at least 75% of the minutes, when the program has enough to offer at them."""
    program = LIBRARY.programs[inputs.program]
    minutes = effective_minutes(inputs)
    if minutes < program.default_minutes:
        return
    for week in plan.weeks:
        if week.deload:
            continue
        for session in week.sessions:
            seconds = sum(p.estimated_seconds for p in floor(session))
            assert seconds >= 0.75 * minutes * 60, (week.number, session.date, seconds / 60, minutes)


def check_slots_served(plan: Plan, inputs: PlanInputs) -> None:
    """At the program's own minutes or more, every slot it has that week is in at least one session."""
    program = LIBRARY.programs[inputs.program]
    if effective_minutes(inputs) < program.default_minutes:
        return
    per_week = len(inputs.days)
    for week in plan.weeks:
        served = {p.slot for p in items(week)}
        if "heat-cold" in served:
            served.add("rest-position")  # the pack goes on lying in the supported rest position (active_first)
        for spec in program.slots:
            first = (week.number - 1) * per_week
            days = [(s.date - inputs.start).days for s in week.sessions]
            active = spec.from_week <= week.number and any(spec.on_day(day, first + n) for n, day in enumerate(days))
            if spec.from_week > 1:
                # A later slot joins when the weekly limit has room for it (the week says so), then stays.
                joined = [w.number for w in plan.weeks if any(p.slot == spec.slot.value for p in items(w))]
                if joined:
                    assert any(r.startswith("New this week") for r in plan.weeks[joined[0] - 1].reasons)
                    active = week.number >= joined[0] and not week.deload
                else:
                    active = False
            if active and not spec.optional:
                assert spec.slot.value in served, (week.number, spec.slot)
        for session in week.sessions:
            first_slot = session.exercises[0].slot
            if any(p.slot in WARM_UPS for p in session.exercises):
                assert first_slot in WARM_UPS, "the warm-up comes first"


def check_progression(plan: Plan, inputs: PlanInputs, library: Library) -> None:
    program = library.programs[inputs.program]
    for item in items(plan.weeks[0]):
        assert library.exercises[item.id].level <= inputs.level or item.id == item.track, "starts at the level"
    assert not plan.weeks[-1].deload, "a plan never ends on an easier week"
    own_walks = {spec.slot.value for spec in program.slots if not spec.optional}
    check_walks_apart(plan, program)
    last_full = plan.weeks[0]
    for previous, week in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert week.reasons
        assert any(r.startswith("What limits this week:") for r in week.reasons), week.reasons
        assert week.deload == (week.number % program.deload_every == 0 and week.number != len(plan.weeks))
        before_of = {(s.slot, p.track): p for s in last_full.sessions for p in s.exercises}
        if week.deload:
            assert 0.5 * load(previous) <= load(week) <= 0.8 * load(previous) or load(previous) == 0
            assert [p.id for p in items(week)] == [p.id for p in items(previous)], "an easier week keeps variants"
            for before, after in zip(items(previous), items(week), strict=True):
                if not is_load(library.exercises[after.id]):
                    assert after == before, "walks and relief items are never cut in an easier week"
            continue
        assert load(week) <= load(last_full) * (1 + program.max_weekly_increase) + 1e-9 or \
            load(week) <= load(previous), "training load rises by at most the program's limit"
        check_one_new_thing_a_week(week, last_full, program, library)
        for session in week.sessions:
            for after in session.exercises:
                before = before_of.get((session.slot, after.track))
                if before is None:
                    continue
                if is_walk(library.exercises[after.id]) and after.id == before.id:
                    assert after.minutes <= 30 or after.minutes <= before.minutes, "walks grow to about 30 min"
                    if after.slot in own_walks and after.apart:  # gradually: the weekly limit's share, one at least
                        assert after.minutes - before.minutes in (0, 1, 2, 3, 4, 5), "walks grow 1 to 5 min a week"
                    elif after.slot in own_walks:
                        assert after.minutes - before.minutes in (0, 2, 3, 4, 5), "walks grow 2 to 5 min a week"
                    else:
                        assert after.minutes <= before.minutes + 5, "a walk that fills spare minutes may give way"
                        if after.minutes < before.minutes:
                            assert any("making room for" in r for r in week.reasons)
                    continue
                if after.id != before.id and any(r.startswith((f"{before.name} has no room to grow in your ",
                                                                f"{before.name}'s next step would add more than "))
                                                 for r in week.reasons):
                    # The minutes (or the weekly limit, for a step bigger than the whole allowance) leave no room
                    # for more: the harder variant at its first dose instead.
                    harder = library.exercises[library.harder_of[before.id]]
                    assert after == prescribe(harder, starting_dose(harder), before.track, before.slot)
                    continue
                if after.category is Category.FLEXIBILITY and after.sets == 2 < before.sets and any(
                        "the stretches keep two sets from this week" in r for r in week.reasons):
                    # A big-three exercise joining later is paid for by the stretches' third sets, said so.
                    assert replace(after, sets=before.sets) in (before, one_step_up(library, before, 1.5))
                    continue
                rise = 1 + program.max_weekly_increase if after.slot == "loaded" else 1.5  # a loaded movement
                assert after in (before, one_step_up(library, before, rise)), "at most one step at a time"
                if after.id != before.id:
                    assert one_step_up(library, state_top(library, before)) is not None
                    assert before == state_top(library, before), "a harder variant only from the top dose"
        last_full = week


def check_one_new_thing_a_week(week, last_full, program, library: Library) -> None:  # noqa: ANN001 - plan weeks
    """At most ``harder_per_week`` harder variants of strength or stretch work arrive in a week, a movement
    joining counting as one, and what waits is named in the week's reasons."""
    before = {p.track: p.id for p in items(last_full)}
    harder = {p.track for p in items(week) if p.track in before and p.id != before[p.track]
              and is_load(library.exercises[p.id])}
    joined = {p.track for p in items(week) if p.track not in before
              and any(spec.from_week > 1 and spec.slot.value == p.slot for spec in program.slots)}
    assert len(harder) + (1 if joined else 0) <= max(program.harder_per_week, 1 if joined else 0), \
        f"week {week.number}: {sorted(harder)} harder and {sorted(joined)} new at once"


def check_walks_apart(plan: Plan, program) -> None:  # noqa: ANN001 - a Program
    """A walk apart starts at its own dose (5 to 10 min), grows in every full week by the weekly limit of its
    minutes (at least one) until about 30 minutes, is kept as it was in an easier week and never shrinks."""
    if not any(spec.apart for spec in program.slots):
        return
    walks = [{p.minutes for s in w.sessions for p in s.apart} for w in plan.weeks]
    assert all(len(w) == 1 for w in walks), "every session of a week has the same walk"
    minutes = [w.pop() for w in walks]
    assert 5 <= minutes[0] <= 10, minutes
    for previous, week, now in zip(minutes, plan.weeks[1:], minutes[1:], strict=False):
        rise = now - previous
        assert now <= 30 and rise >= 0, minutes
        if week.deload:
            assert rise == 0, "an easier week neither cuts nor grows the walk"
        elif previous < 30:
            step = max(1, min(program.walk_step_minutes, int(previous * program.max_weekly_increase + 1e-9)))
            assert rise == min(step, 30 - previous), minutes
            assert any(r.startswith(f"Easy walk: {previous} → {now} min, ") for r in week.reasons), week.reasons
        else:
            assert now == 30 and rise == 0, minutes


def state_top(library: Library, item: Prescription) -> Prescription:
    exercise = library.exercises[item.id]
    main_cap, sets_cap = caps(exercise)
    dose = state_of(library, item).dose
    from dataclasses import replace
    top = replace(dose, sets=sets_cap, **{exercise.primary_field: main_cap})
    return prescribe(exercise, top, item.track, item.slot)


def check_relief(plan: Plan) -> None:
    for session in plan.sessions():
        ids = {p.id for p in session.exercises}
        assert not {"heat-therapy", "cold-therapy"} <= ids, "heat and cold never in one session"
        lying = sum(p.volume_seconds for p in session.exercises if is_lying(LIBRARY.exercises[p.id]))
        moving = sum(p.volume_seconds for p in session.exercises if not is_lying(LIBRARY.exercises[p.id]))
        assert moving >= lying, "movement and walking outweigh lying still (NICE NG59: stay active)"
        if "heat-cold" in {p.slot for p in session.exercises}:
            assert "rest-position" not in {p.slot for p in session.exercises}, "the pack goes on in the rest position"


@settings(max_examples=150, deadline=None)
@given(inputs=inputs)
def test_every_promise_holds(inputs: PlanInputs) -> None:
    library = LIBRARY
    try:
        plan = build_plan(inputs, library)
    except UsageError as err:
        assert "too short" in str(err)
        assert inputs.minutes * 60 < shortest_seconds(library, inputs), "refused although an exercise fits"
        return
    again = build_plan(inputs, library)
    assert json.dumps(plan_json(plan)) == json.dumps(plan_json(again)), "the same inputs build the same plan"
    program = library.programs[inputs.program]
    assert len(plan.weeks) == min(inputs.weeks, program.max_weeks)
    assert plan.inputs.weeks == len(plan.weeks)
    assert plan.weeks[0].reasons and not plan.weeks[0].deload
    if inputs.weeks > program.max_weeks:
        assert any(f"at most {program.max_weeks} week" in r for r in plan.weeks[0].reasons)
    if inputs.minutes > program.max_minutes:
        assert any(f"at most {program.max_minutes} minutes" in r for r in plan.weeks[0].reasons)
    check_dates(plan, plan.inputs)
    check_doses(plan, plan.inputs, library)
    check_minutes_are_used(plan, plan.inputs)
    check_slots_served(plan, plan.inputs)
    check_progression(plan, plan.inputs, library)
    check_relief(plan)


def promoted(plan: Plan) -> set[str]:
    first = {p.track: p.id for p in items(plan.weeks[0])}
    return {p.track for w in plan.weeks for p in items(w) if p.track in first and p.id != first[p.track]}


@settings(max_examples=30, deadline=None)
@given(program=st.sampled_from(["core-foundation", "core-flexibility"]),
       days=st.lists(st.sampled_from(WEEKDAYS), min_size=3, max_size=3, unique=True).map(
           lambda d: sorted(d, key=WEEKDAYS.index)),
       extra=st.integers(0, 20))
def test_core_programs_reach_harder_variants_within_twelve_weeks(program: str, days: list, extra: int) -> None:
    """Level 1, three days a week: at least two exercises move to their harder variant by week 12."""
    minutes = LIBRARY.programs[program].default_minutes + extra
    plan = build_plan(PlanInputs(program=program, days=days, minutes=minutes, level=1, weeks=12,
                                 start=dt.date(2026, 3, 2)), LIBRARY)
    assert len(promoted(plan) & {p.track for p in items(plan.weeks[0]) if p.category is Category.CORE}) >= 2 or \
        len(promoted(plan)) >= 2, promoted(plan)
    assert len(promoted(plan)) >= 2


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_programs_default_plan_grows_and_rests(library: Library, program: str) -> None:
    """With its own days and minutes, every program rises over its first weeks and has its easier week."""
    template = library.programs[program]
    weeks = min(max(template.weeks, template.deload_every + 1), template.max_weeks)
    plan = build_plan(PlanInputs(program=program, days=template.default_days, minutes=template.default_minutes,
                                 level=1, weeks=weeks, start=dt.date(2026, 3, 2)), library)
    check_progression(plan, plan.inputs, library)
    check_minutes_are_used(plan, plan.inputs)
    assert plan.weeks[1].volume_seconds > plan.weeks[0].volume_seconds
    if weeks > template.deload_every:
        assert plan.weeks[template.deload_every - 1].deload


WALKS_APART = [p for p in PROGRAMS if any(spec.apart for spec in LIBRARY.programs[p].slots)]


@pytest.mark.parametrize("program", WALKS_APART)
@pytest.mark.parametrize("minutes", [20, 30, 45])
def test_a_walk_apart_grows_to_half_an_hour_whatever_the_minutes(library: Library, program: str,
                                                                 minutes: int) -> None:
    """The core programs' walk is done apart from the session: 10 min, then a minute or so more each full
    week towards 30, at 20 minutes (where a walk inside the session had no room at all) as at 45."""
    template = library.programs[program]
    plan = build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, weeks=12,
                                 start=dt.date(2026, 3, 2)), library)
    walks = [next(p.minutes for p in items(w) if p.apart) for w in plan.weeks]
    assert walks == [10, 11, 12, 12, 13, 14, 15, 15, 16, 17, 18, 19], walks
    assert "Easy walk: 18 → 19 min, on the way to 30 (any time that day, apart from the session), 7 days a week" in \
        plan.weeks[11].reasons
    assert any(r.startswith("Easier week:") and "walks" in r for r in plan.weeks[3].reasons)
    check_progression(plan, plan.inputs, library)


@pytest.mark.parametrize("minutes", [15, 20, 25, 45])
def test_gentle_returns_walk_grows_apart_from_the_session_whatever_the_minutes(library: Library,
                                                                               minutes: int) -> None:
    """Gentle return's walk is done apart from the session, as in the other programs. Inside it, the walk
    stopped growing once the minutes were full (at 20 minutes it stayed at 13 from week 2, at the old default
    of 40 at 25, and the plan said "Doses stay as they were" for weeks), though the program promises a walk
    growing towards half an hour as in WalkBack."""
    plan = build_plan(PlanInputs(program="gentle-return", days=["mon", "wed", "fri", "sun"], minutes=minutes,
                                 weeks=8, start=dt.date(2026, 3, 2)), library)
    walks = [next(p.minutes for p in items(w) if p.apart) for w in plan.weeks]
    assert walks == [10, 11, 12, 12, 13, 14, 15, 16], walks
    assert not any(r == "Doses stay as they were." for w in plan.weeks for r in w.reasons)
    if minutes > 25:
        assert any("at most 25 minutes (you asked for 45)" in r and "comes on top" in r
                   for r in plan.weeks[0].reasons)


def test_walks_apart_are_every_program_but_the_first_days(library: Library) -> None:
    """The first days after a spasm keep their short walks inside the relief routine."""
    assert set(WALKS_APART) == set(PROGRAMS) - {"first-days-relief"}


def test_a_start_too_close_to_the_end_of_the_calendar_is_a_usage_error(library: Library) -> None:
    with pytest.raises(UsageError, match="too late"):
        build_plan(PlanInputs(program=PROGRAMS[0], days=["mon"], minutes=20, weeks=8,
                              start=dt.date(9999, 12, 1)), library)


def test_an_unknown_program_lists_the_real_ones(library: Library) -> None:
    with pytest.raises(UsageError, match="core-foundation") as err:
        build_plan(PlanInputs(program="core-foundaton", days=["mon"], minutes=20, weeks=8,
                              start=dt.date(2026, 3, 2)), library)
    assert err.value.exit_code == 2


def doses(plan: Plan, week: int, session: int) -> list[tuple[str, str]]:
    return [(p.id, p.dose_text()) for p in plan.weeks[week - 1].sessions[session].exercises]


def test_pinned_core_foundation(library: Library) -> None:
    """Warm-up, McGill's big three in descending 10-second holds, a bridge or hinge, stretches to finish."""
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=25, level=1,
                                 weeks=3, start=dt.date(2026, 3, 2)), library)
    assert [s.date.isoformat() for s in plan.weeks[0].sessions] == ["2026-03-02", "2026-03-04", "2026-03-06"]
    monday = plan.weeks[0].sessions[0].exercises
    assert [p.slot for p in monday][:5] == ["warm-up", "curl-up", "side-plank", "bird-dog", "bridge-hinge"]
    assert monday[-2].slot == "stretch"
    assert (monday[-1].id, monday[-1].minutes, monday[-1].apart) == ("easy-walk", 10, True), "the walk comes apart"
    assert doses(plan, 1, 0)[:4] == [
        ("cat-cow", "1×6"), ("curl-up-head-supported", "6-4-2×10s"),
        ("knee-side-plank", "4-2×10s each side"), ("quadruped-arm-reach", "4-2×10s each side"),
    ]
    stretches = {p.id for s in plan.weeks[0].sessions for p in s.exercises if p.slot == "stretch"}
    assert {"hip-flexor-stretch", "hamstring-stretch-strap", "figure-four-stretch"} <= stretches
    side_plank = monday[2]
    assert side_plank.volume_seconds == 2 * (4 + 2) * 10, "per side: both sides are timed"
    # The work, one rest between its two sets, a 5 s roll to the other side in each set, a 3 s let-go
    # between the holds of each set on each side ((4 - 1) + (2 - 1)) x 2, and moving on.
    assert side_plank.estimated_seconds == 120 + 20 + 2 * 5 + 4 * 2 * 3 + 30
    # Week 2 is the arm reach's move to the leg reach, so the curl-up waits; then it grows by one hold.
    assert any(r.startswith("Curl-up, head supported and side plank on the knees keep their doses this week: "
                            "Hands-and-knees leg reach takes the place of hands-and-knees arm reach")
               for r in plan.weeks[1].reasons), plan.weeks[1].reasons
    assert "Curl-up, head supported: 6-4-2×10s → 6-4-3×10s" in plan.weeks[2].reasons


def test_pinned_first_days_relief(library: Library) -> None:
    """Movement, a short walk, a rest position, cold on the first two days then heat, slow breathing."""
    plan = build_plan(PlanInputs(program="first-days-relief", days=list(WEEKDAYS), minutes=35, level=1,
                                 weeks=12, start=dt.date(2026, 3, 2)), library)
    assert len(plan.weeks) == 2 and plan.inputs.weeks == 2
    assert "This program lasts at most 2 weeks (you asked for 12)" in plan.weeks[0].reasons[1]
    slots = [[p.slot for p in s.exercises] for s in plan.sessions()]
    # The pack goes on lying in the supported rest position, so there is no separate rest position.
    assert all(s == ["gentle-movement"] * 3 + ["walk", "heat-cold", "breathing"] for s in slots), slots
    packs = [next((p.id, p.minutes) for p in s.exercises if p.slot == "heat-cold") for s in plan.sessions()]
    assert packs == [("cold-therapy", 11)] * 2 + [("heat-therapy", 11)] * 12
    walks = [next(p.minutes for p in s.exercises if p.id == "short-walk") for s in plan.sessions()]
    assert walks == [11] * 7 + [13] * 7
    assert {p.id for s in plan.sessions() for p in s.exercises if p.slot == "gentle-movement"} == {
        "supine-knee-rocks", "pelvic-tilt", "single-knee-to-chest"}, "no harder variant in the first two weeks"


def test_first_days_says_when_it_caps_the_minutes(library: Library) -> None:
    plan = build_plan(PlanInputs(program="first-days-relief", days=list(WEEKDAYS), minutes=60, level=1,
                                 weeks=2, start=dt.date(2026, 3, 2)), library)
    assert any("at most 35 minutes (you asked for 60)" in r for r in plan.weeks[0].reasons)
    assert all(sum(p.estimated_seconds for p in s.exercises) <= 35 * 60 for s in plan.sessions())


def test_pinned_flexibility_easier_week(library: Library) -> None:
    """The easier week goes back down in round numbers and keeps at least two sets of 15 s."""
    plan = build_plan(PlanInputs(program="flexibility", days=["tue", "sat"], minutes=20, level=3, weeks=5,
                                 start=dt.date(2026, 3, 2)), library)
    assert [s.date.isoformat() for s in plan.weeks[3].sessions] == ["2026-03-24", "2026-03-28"]
    assert plan.weeks[3].deload and not plan.weeks[4].deload
    for before, after in zip(items(plan.weeks[2]), items(plan.weeks[3]), strict=True):
        assert after.id == before.id
        if after.kind is Kind.HOLD:
            assert after.hold_seconds % 5 == 0 and after.hold_seconds >= 15 and after.sets >= 2
            assert after.volume_seconds < before.volume_seconds
