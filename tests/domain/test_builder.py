"""The plan builder's promises, for every built-in program and random valid inputs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.errors import UsageError
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.library.models import Dose
from planner.domain.plan.builder import block_chains, build_plan, starting_variant
from planner.domain.plan.model import WEEKDAYS, Plan, PlanInputs, Prescription, prescribe
from planner.domain.plan.progression import TrackState, caps, is_stretch, next_step, starting_dose
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
PROGRAMS = sorted(LIBRARY.programs)
LAST_START = dt.date.max - dt.timedelta(weeks=16)


@pytest.fixture(scope="module")
def library() -> Library:
    return LIBRARY


def test_the_built_in_library_loads_cleanly() -> None:
    assert not LIBRARY.problems, [str(p) for p in LIBRARY.problems]
    assert not LIBRARY.notices
    assert len(PROGRAMS) >= 5 and len(LIBRARY.exercises) >= 40


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
        for block in program.blocks for chain in block_chains(library, block)
    )


def state_of(library: Library, item: Prescription) -> TrackState:
    dose = Dose(sets=item.sets, reps=item.reps, hold_seconds=item.hold_seconds, minutes=item.minutes,
                rest_seconds=item.rest_seconds, seconds_per_rep=item.seconds_per_rep)
    return TrackState(library.exercises[item.id], dose)


def one_step_up(library: Library, before: Prescription) -> Prescription | None:
    """What ``before`` becomes after exactly one step of progression, or ``None`` at the top."""
    state = state_of(library, before)
    harder = library.harder_of.get(before.id)
    step = next_step(state, library.exercises[harder] if harder else None)
    return None if step is None else prescribe(step.state.exercise, step.state.dose, before.track)


def check_dates(plan: Plan, inputs: PlanInputs) -> None:
    for week in plan.weeks:
        first = inputs.start + dt.timedelta(weeks=week.number - 1)
        dates = [s.date for s in week.sessions]
        assert dates == sorted(dates) and len(dates) == len(inputs.days)
        assert [s.slot for s in week.sessions] == list(range(len(dates)))
        for day in dates:
            assert first <= day < first + dt.timedelta(days=7)
            assert WEEKDAYS[day.weekday()] in inputs.days


def check_doses(plan: Plan, inputs: PlanInputs, library: Library) -> None:
    for week in plan.weeks:
        for session in week.sessions:
            assert session.exercises, "no empty sessions"
            assert session.estimated_minutes <= inputs.minutes
            assert len({p.id for p in session.exercises}) == len(session.exercises), "no exercise twice a session"
            for item in session.exercises:
                exercise = library.exercises[item.id]
                assert (item.category, item.kind) == (exercise.category, exercise.kind)
                assert item.id in library.chain(item.track) and library.chain(item.track)[0] == item.track
                main_cap, sets_cap = caps(exercise)
                main = getattr(item, exercise.primary_field)
                assert 1 <= item.sets <= sets_cap, item
                assert 1 <= main <= main_cap, item
                for other in {"reps", "hold_seconds", "minutes"} - {exercise.primary_field}:
                    assert getattr(item, other) is None
                if is_stretch(exercise):
                    assert 15 <= item.hold_seconds <= 60 and 2 <= item.sets <= 4, item


def check_progression(plan: Plan, inputs: PlanInputs, library: Library) -> None:
    program = library.programs[inputs.program]
    layout = [[p.track for p in s.exercises] for s in plan.weeks[0].sessions]
    for item in (p for s in plan.weeks[0].sessions for p in s.exercises):
        assert library.exercises[item.id].level <= inputs.level or item.id == item.track, "starts at the level"
    last_full = plan.weeks[0]
    for previous, week in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert week.reasons
        assert [[p.track for p in s.exercises] for s in week.sessions] == layout, "slots keep their exercises"
        for before, after in zip((p for s in previous.sessions for p in s.exercises),
                                 (p for s in week.sessions for p in s.exercises), strict=True):
            chain = library.chain(before.track)
            assert chain.index(after.id) - chain.index(before.id) in (0, 1), "never skips a step of the chain"
        assert week.deload == (week.number % program.deload_every == 0)
        if week.deload:
            assert 0.5 * previous.volume_seconds <= week.volume_seconds <= 0.8 * previous.volume_seconds
            assert [p.id for s in week.sessions for p in s.exercises] == [
                p.id for s in previous.sessions for p in s.exercises], "an easier week keeps the variants"
            continue
        assert week.volume_seconds <= last_full.volume_seconds * (1 + program.max_weekly_increase)
        for before, after in zip((p for s in last_full.sessions for p in s.exercises),
                                 (p for s in week.sessions for p in s.exercises), strict=True):
            assert after in (before, one_step_up(library, before)), "at most one step at a time"
        last_full = week


@settings(max_examples=120, deadline=None)
@given(inputs=inputs)
def test_every_promise_holds(inputs: PlanInputs) -> None:
    library = LIBRARY
    try:
        plan = build_plan(inputs, library)
    except UsageError as err:
        assert "too short" in str(err)
        assert inputs.minutes * 60 < shortest_seconds(library, inputs), "refused although an exercise fits"
        return
    assert plan == build_plan(inputs, library), "the same inputs build the same plan"
    assert plan.inputs == inputs and len(plan.weeks) == inputs.weeks
    assert plan.weeks[0].reasons and not plan.weeks[0].deload
    check_dates(plan, inputs)
    check_doses(plan, inputs, library)
    check_progression(plan, inputs, library)


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_programs_default_plan_grows_and_rests(library: Library, program: str) -> None:
    """With its own days and minutes, every program rises over its first weeks and has its easier week."""
    template = library.programs[program]
    weeks = max(template.weeks, template.deload_every)
    plan = build_plan(PlanInputs(program=program, days=template.default_days, minutes=template.default_minutes,
                                 level=1, weeks=weeks, start=dt.date(2026, 3, 2)), library)
    check_progression(plan, plan.inputs, library)
    assert plan.weeks[1].volume_seconds > plan.weeks[0].volume_seconds
    assert plan.weeks[template.deload_every - 1].deload


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
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=20, level=1,
                                 weeks=2, start=dt.date(2026, 3, 2)), library)
    assert [s.date.isoformat() for s in plan.weeks[0].sessions] == ["2026-03-02", "2026-03-04", "2026-03-06"]
    assert doses(plan, 1, 0) == [
        ("abdominal-bracing", "3×10s"), ("curl-up-head-supported", "2×6"), ("heel-taps", "2×8"),
        ("calf-stretch", "2×20s"), ("knee-side-plank", "2×10s"), ("pelvic-tilt-bridge", "2×8"),
    ]
    assert plan.weeks[0].volume_seconds == 698
    assert doses(plan, 2, 0) == [
        ("abdominal-bracing", "3×10s"), ("curl-up-head-supported", "2×7"), ("heel-taps", "2×9"),
        ("calf-stretch", "2×25s"), ("knee-side-plank", "2×10s"), ("pelvic-tilt-bridge", "2×8"),
    ]
    assert plan.weeks[1].volume_seconds == 764
    assert plan.weeks[1].reasons[0] == "Volume up 9% on week before (the limit is 10%):"
    assert "Heel taps: 2×8 → 2×9" in plan.weeks[1].reasons


def test_pinned_first_days_relief_every_day(library: Library) -> None:
    """Each day pairs settling (rest position, heat or cold) with moving or calming; walks grow a minute."""
    plan = build_plan(PlanInputs(program="first-days-relief", days=list(WEEKDAYS), minutes=20, level=1,
                                 weeks=2, start=dt.date(2026, 3, 2)), library)
    assert [doses(plan, 1, i) for i in (0, 1, 2, 6)] == [
        [("cold-therapy", "15 min")],
        [("hydration-break", "2 min"), ("rest-pillows-under-knees", "10 min")],
        [("diaphragmatic-breathing", "5 min"), ("easy-walk", "5 min"), ("hydration-break", "2 min")],
        [("heat-therapy", "15 min")],
    ]
    assert plan.weeks[1].reasons == ["Volume up 4% on week before (the limit is 10%):",
                                     "Slow belly breathing: 5 min → 6 min", "Easy walk: 5 min → 6 min"]
    assert doses(plan, 2, 2) == [("diaphragmatic-breathing", "6 min"), ("easy-walk", "6 min"),
                                 ("hydration-break", "2 min")]
    assert (plan.weeks[0].volume_seconds, plan.weeks[1].volume_seconds) == (5400, 5640)


def test_pinned_flexibility_easier_week(library: Library) -> None:
    plan = build_plan(PlanInputs(program="flexibility", days=["tue", "sat"], minutes=15, level=3, weeks=4,
                                 start=dt.date(2026, 3, 2)), library)
    assert [s.date.isoformat() for s in plan.weeks[3].sessions] == ["2026-03-24", "2026-03-28"]
    assert doses(plan, 3, 0) == [
        ("calf-stretch", "2×20s"), ("childs-pose", "2×30s"), ("doorway-chest-stretch", "2×30s"),
        ("cat-cow", "2×9"), ("figure-four-stretch", "2×25s"), ("hamstring-stretch-standing", "2×20s"),
    ]
    assert plan.weeks[3].deload
    assert doses(plan, 4, 0) == [
        ("calf-stretch", "2×15s"), ("childs-pose", "2×19s"), ("doorway-chest-stretch", "2×19s"),
        ("cat-cow", "2×5"), ("figure-four-stretch", "2×16s"), ("hamstring-stretch-standing", "2×15s"),
    ]
    assert (plan.weeks[2].volume_seconds, plan.weeks[3].volume_seconds) == (658, 428)
