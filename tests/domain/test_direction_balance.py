"""Bending forward is balanced by leaning back: programs with an extension slot bring it to every session."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.library.models import Direction
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
WITH_EXTENSION = sorted(p for p, t in LIBRARY.programs.items() if any(s.slot.value == "extension" for s in t.slots))


def test_the_core_and_stretch_programs_have_an_extension_slot() -> None:
    assert {"core-flexibility", "flexibility"} <= set(WITH_EXTENSION)


@pytest.mark.parametrize("minutes", [15, 20, 30, 45])
@pytest.mark.parametrize("program", WITH_EXTENSION)
def test_every_session_with_flexion_work_also_leans_back(program: str, minutes: int) -> None:
    """core-flexibility's Friday was knee rocks, a curl-up, a lumbar rotation and a seated buttock stretch,
    with nothing that leans the back the other way; the flexibility program's back extension was optional
    and so never came in at 15 or 20 minutes."""
    template = LIBRARY.programs[program]
    plan = build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, level=1, weeks=12,
                                 start=dt.date(2026, 3, 2)), LIBRARY)
    for week in plan.weeks:
        for session in week.sessions:
            directions = [LIBRARY.exercises[p.id].direction for p in session.exercises]
            if Direction.FLEXION in directions:
                assert Direction.EXTENSION in directions, (week.number, session.date, [p.id for p in session.exercises])


def test_leaning_back_still_waits_when_bending_forward_eases_the_back() -> None:
    template = LIBRARY.programs["core-flexibility"]
    plan = build_plan(PlanInputs(program="core-flexibility", days=template.default_days, minutes=30, level=1,
                                 weeks=8, start=dt.date(2026, 3, 2), eases="forward"), LIBRARY)
    early = {p.id for week in plan.weeks[:4] for s in week.sessions for p in s.exercises}
    assert not any(LIBRARY.exercises[i].direction is Direction.EXTENSION for i in early)
