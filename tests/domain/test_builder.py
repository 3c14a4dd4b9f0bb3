"""The plan builder's promises, for every built-in program and random valid inputs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.domain.builder import build_plan
from planner.domain.errors import UsageError
from planner.domain.library import Library, Source, load_library
from planner.domain.plan import WEEKDAYS, PlanInputs
from planner.domain.progression import caps, is_stretch
from planner.locations import built_in_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


PROGRAMS = ["core-flexibility", "core-foundation", "desk-posture", "first-days-relief", "flexibility", "gentle-return"]

inputs = st.builds(
    PlanInputs,
    program=st.sampled_from(PROGRAMS),
    days=st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True).map(
        lambda d: sorted(d, key=WEEKDAYS.index)),
    minutes=st.integers(10, 60),
    level=st.integers(1, 5),
    weeks=st.integers(1, 16),
    start=st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inputs=inputs)
def test_every_rule_holds(library: Library, inputs: PlanInputs) -> None:
    try:
        plan = build_plan(inputs, library)
    except UsageError:
        assume(False)
    program = library.programs[inputs.program]
    assert plan == build_plan(inputs, library), "the same inputs build the same plan"
    last_full = None
    previous = None
    for week in plan.weeks:
        assert week.reasons
        first = inputs.start + dt.timedelta(days=7 * (week.number - 1))
        assert len(week.sessions) == len(inputs.days)
        for session in week.sessions:
            assert first <= session.date < first + dt.timedelta(days=7)
            assert WEEKDAYS[session.date.weekday()] in inputs.days
            assert session.exercises, "no empty sessions"
            assert session.estimated_minutes <= inputs.minutes
            for item in session.exercises:
                exercise = library.exercises[item.id]
                main_cap, sets_cap = caps(exercise)
                assert 1 <= item.sets <= sets_cap
                assert 1 <= getattr(item, exercise.primary_field) <= main_cap
                if is_stretch(exercise):
                    assert 15 <= item.hold_seconds <= 60 and 2 <= item.sets <= 4
        assert week.deload == (week.number % program.deload_every == 0)
        if week.deload:
            assert 0.5 * previous.volume_seconds <= week.volume_seconds <= 0.8 * previous.volume_seconds
        elif last_full is not None:
            assert week.volume_seconds <= last_full.volume_seconds * (1 + program.max_weekly_increase)
            for before, after in zip(last_full.sessions, week.sessions, strict=True):
                for a, b in zip(before.exercises, after.exercises, strict=True):
                    chain = library.chain(a.id)
                    assert chain.index(b.id) - chain.index(a.id) in (0, 1), "never skips a step of the chain"
        if not week.deload:
            last_full = week
        previous = week


def test_a_pinned_plan(library: Library) -> None:
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=20, level=1,
                                 weeks=2, start=dt.date(2026, 3, 2)), library)
    first = plan.weeks[0].sessions[0]
    assert [(p.id, p.dose_text()) for p in first.exercises] == [
        ("abdominal-bracing", "3×10s"), ("curl-up-head-supported", "2×6"), ("heel-taps", "2×8"),
        ("calf-stretch", "2×20s"), ("knee-side-plank", "2×10s"), ("pelvic-tilt-bridge", "2×8"),
    ]
    assert plan.weeks[1].volume_seconds > plan.weeks[0].volume_seconds
