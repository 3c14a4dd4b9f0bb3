"""Properties of the engine over every program x minutes {15, 20, 30, 45} x levels (issue 25, "How we'll
know"): a hold never brings a harder variant or a new movement, whatever the calendar says, and never more
volume than the held week. Bounded examples, in process, so they run in seconds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.days.adapted import slot_on
from planner.domain.days.day import day_view
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.rules import DEFAULT_RULES
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import History
from planner.locations import built_in_library
from tests.domain.test_pain_rules import never_more, weekly_volumes

START = dt.date(2026, 3, 2)
LIBRARY = load_library([Source(built_in_library(), built_in=True)])


@pytest.fixture(scope="module")
def library() -> Library:
    return LIBRARY


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(program=st.sampled_from(sorted(LIBRARY.programs)), minutes=st.sampled_from([15, 20, 30, 45]),
       level=st.integers(1, 5), held=st.integers(1, 8), factor=st.sampled_from([1.0, 0.7, 0.49]))
def test_a_hold_never_brings_a_harder_variant_a_new_movement_or_more_volume(
        library: Library, program: str, minutes: int, level: int, held: int, factor: float) -> None:
    plan = build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes, level=level,
                                 weeks=12, start=START), library)
    held = min(held, len(plan.weeks))
    state = AdaptationState(frozen_week=held, factor=factor, ceiling=1.0 if factor < 1 else None)
    week = plan.weeks[held - 1]
    allowed: set[str] = set()
    for session in week.sessions:
        for p in session.exercises:
            allowed.update(library.chain(p.id)[:library.chain(p.id).index(p.id) + 1])
    for offset in range(7 * 4, 7 * 11):
        day = START + dt.timedelta(days=offset)
        if slot_on(plan, day) is None:
            continue
        view = day_view(plan, library, state, History(), day, 0.1)
        shown = {p.id for p in view.exercises}
        assert shown <= allowed, (day, shown - allowed)
        # The held week's own session that slot, as Today shows it with nothing yet done (an easier variant
        # kept at its top dose until the harder one is earned: a dose the plan already asked for).
        same = day_view(plan, library, AdaptationState(), History(), week.sessions[slot_on(plan, day)].date, 0.1)
        volume = sum(p.volume_seconds for p in view.exercises if not p.apart)
        assert volume <= sum(p.volume_seconds for p in same.exercises if not p.apart), day


PLANS: dict[tuple[str, int, int], Plan] = {}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(program=st.sampled_from(sorted(LIBRARY.programs)), minutes=st.sampled_from([15, 20, 30, 45]),
       level=st.integers(1, 5), low=st.integers(0, 10), high=st.integers(0, 10))
def test_more_pain_never_projects_more_volume_in_any_program(
        library: Library, program: str, minutes: int, level: int, low: int, high: int) -> None:
    """Over every program x minutes x level (the pain-rules tests take one plan): six weeks of every
    session reported at the higher score never have a week with more volume than at the lower score (an
    easier week is lighter by design and a hold moves it later, so it is compared with the week before)."""
    low, high = sorted((low, high))
    key = (program, minutes, level)
    if key not in PLANS:
        PLANS[key] = build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=minutes,
                                           level=level, weeks=12, start=START), library)
    plan = PLANS[key]
    less = weekly_volumes(plan, library, low, None, DEFAULT_RULES, START)
    more = weekly_volumes(plan, library, high, None, DEFAULT_RULES, START)
    assert never_more(more, less), (low, high, less, more)
