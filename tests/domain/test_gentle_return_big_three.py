"""Review 8: Gentle return had one strength exercise in 12 weeks (about 70% stretching). From week 9, after the
easier week 8, McGill's side plank on the knees joins in short holds, paid for by the stretches' third sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs, Week

START = dt.date(2026, 3, 2)
PAID = "the stretches keep two sets from this week"


def _plan(library: Library, minutes: int, level: int, weeks: int = 12) -> Plan:
    return build_plan(PlanInputs(program="gentle-return", days=["mon", "wed", "fri", "sun"], minutes=minutes,
                                 level=level, weeks=weeks, start=START), library)


def _core(week: Week) -> set[str]:
    return {p.id for s in week.sessions for p in s.exercises if p.category is Category.CORE}


@pytest.mark.parametrize(("minutes", "level"), [(20, 1), (25, 2), (15, 1)])
def test_a_big_three_drill_joins_after_the_easier_week_paid_for_by_third_stretch_sets(
        library: Library, minutes: int, level: int) -> None:
    plan = _plan(library, minutes, level)
    joined = next(w.number for w in plan.weeks if "knee-side-plank" in _core(w))
    assert joined == 9, joined
    assert plan.weeks[joined - 2].deload, "a quiet (easier) week before the new movement"
    for week in plan.weeks[joined - 1:]:
        assert all("knee-side-plank" in {p.id for p in s.exercises} for s in week.sessions), week.number
        assert all(p.sets <= 2 for s in week.sessions for p in s.exercises
                   if p.category is Category.FLEXIBILITY), (week.number, "stretches keep two sets")
    for week in plan.weeks[:joined - 1]:
        assert _core(week) <= {"pelvic-tilt-bridge", "glute-bridge"}, week.number
    words = " ".join(plan.weeks[joined - 1].reasons)
    assert "New this week: Side plank on the knees." in words
    assert "one of McGill's big three" in words and PAID in words and "and a lighter week" in words
    if minutes >= 20:  # the stretches had reached three sets: each drop is named with its dose
        assert "child's pose 3×30s → 2×30s" in words
    # The knee side plank starts at its own short holds and grows one hold a week: never a jump.
    first = next(p for s in plan.weeks[joined - 1].sessions for p in s.exercises if p.id == "knee-side-plank")
    assert (first.sets, first.reps, first.seconds_per_rep, first.descending) == (2, 4, 10, True)


def test_stretching_is_no_longer_most_of_the_work(library: Library) -> None:
    plan = _plan(library, 20, 1)

    def share(week: Week, category: Category) -> float:
        work = [p for s in week.sessions for p in s.exercises if p.category in (Category.CORE, Category.FLEXIBILITY)]
        return sum(p.volume_seconds for p in work if p.category is category) / sum(p.volume_seconds for p in work)

    assert share(plan.weeks[7 - 1], Category.FLEXIBILITY) > 0.8  # before: the bridge beside five stretches
    assert share(plan.weeks[12 - 1], Category.CORE) > 0.3, share(plan.weeks[12 - 1], Category.CORE)


def test_an_eight_week_plan_ends_before_it_joins(library: Library) -> None:
    plan = _plan(library, 20, 1, weeks=8)
    assert not any("knee-side-plank" in _core(w) for w in plan.weeks)
    assert not any(PAID in r for w in plan.weeks for r in w.reasons)
