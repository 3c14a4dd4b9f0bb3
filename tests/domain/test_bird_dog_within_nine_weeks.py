"""Someone who does every session at low pain reaches the full bird-dog within 9 weeks, at 30 minutes and
more within 7 (the leg reach grows one hold a week, and where the minutes are short its week may go to the
side plank or the curl-up: one of the big three changes form at a time).

The arm reach and the leg reach are steps towards McGill's bird-dog, not ends in themselves: the arm
reach is learnt at its first dose, the leg reach grows one step, and the steps towards the named form of
the big three come before the other strength work's (one new or harder exercise a week still holds).
Before, a level-1 plan kept the arm reach for all 8 weeks at every length of session.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
START = dt.date(2026, 1, 5)
FULL = {"bird-dog", "bird-dog-hold"}


def _plan(program: str, minutes: int, level: int, weeks: int = 8) -> Plan:
    template = LIBRARY.programs[program]
    return build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, level=level,
                                 weeks=weeks, start=START), LIBRARY)


def _bird_dog(plan: Plan) -> list[str]:
    """The bird-dog slot's exercise, week by week."""
    return [next(p.id for s in w.sessions for p in s.exercises if p.slot == "bird-dog") for w in plan.weeks]


@pytest.mark.parametrize("level", [1, 2])
@pytest.mark.parametrize("minutes", [15, 20, 25, 30, 35, 40, 45])
@pytest.mark.parametrize("program", ["core-foundation", "core-flexibility"])
def test_the_full_bird_dog_arrives_within_nine_weeks(program: str, minutes: int, level: int) -> None:
    ids = _bird_dog(_plan(program, minutes, level, 9 if minutes < 30 else 7))
    assert FULL & set(ids), ids
    first = next(n for n, i in enumerate(ids) if i in FULL)
    # Through the leg reach: the arm reach never jumps straight to the full form.
    assert level > 1 or "quadruped-leg-reach" in ids[:first], ids


def test_core_foundation_at_30_minutes_moves_through_the_bird_dog_chain_one_week_at_a_time() -> None:
    ids = _bird_dog(_plan("core-foundation", 30, 1))
    assert ids[0] == "quadruped-arm-reach"
    assert ids[1] == "quadruped-leg-reach", ids  # the arm reach, learnt in a week
    assert "bird-dog" in ids[:7], ids

