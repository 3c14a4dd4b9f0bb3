"""Gentle return keeps moving on, gradually, for as long as the person keeps doing it well.

At 20 minutes its walk was inside the session: it stopped at 13 minutes in week 2, every other step soon
found the session full, and from week 7 the plan said "Doses stay as they were." week after week (weeks 9 to
16 of a 16-week plan were all the same). Now the walk is apart from the session and grows gradually towards half an hour,
and the floor work keeps taking small steps within the 8% weekly limit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.plan.progression import is_load
from planner.domain.plan.wording import LOAD
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
PROGRAM = LIBRARY.programs["gentle-return"]


def _load(week) -> int:
    return sum(p.volume_seconds for s in week.sessions for p in s.exercises if is_load(LIBRARY.exercises[p.id]))


@pytest.mark.parametrize("minutes", [15, 20, 25])
def test_gentle_return_never_stalls_and_never_jumps(minutes: int) -> None:
    plan = build_plan(PlanInputs(program="gentle-return", days=PROGRAM.default_days, minutes=minutes, level=1,
                                 weeks=16, start=dt.date(2026, 3, 2)), LIBRARY)
    walks = []
    last_full = plan.weeks[0]
    for week in plan.weeks[1:]:
        for session in week.sessions:
            assert sum(p.estimated_seconds for p in session.exercises if not p.apart) <= minutes * 60
        walks.append(next(p.minutes for s in week.sessions for p in s.exercises if p.slot == "walk"))
        if week.deload:
            continue
        assert "Doses stay as they were." not in week.reasons, (week.number, week.reasons)
        # A settling week after a set more (a step up too) holds on purpose, and says so. Once the stretches
        # keep two sets for a big-three exercise (week 9 on), a 15-minute session may be full of strength work
        # late in a long plan: the floor work holds at the minutes, said so, while the walk goes on growing.
        two_sets = any("the stretches keep two sets" in r for w in plan.weeks[:week.number] for r in w.reasons)
        assert any(r.startswith(LOAD) for r in week.reasons) or week.reasons[-1].startswith(
            "What limits this week:") and "a settling week between harder variants" in week.reasons[-1] or \
            two_sets and week.number > 12 and minutes == 15 and week.reasons[-1] == \
            "What limits this week: your 15 minutes a session." and week.reasons[0].startswith("Easy walk:"), \
            (week.number, week.reasons)
        assert _load(week) <= _load(last_full) * (1 + PROGRAM.max_weekly_increase) + 1e-9, week.number
        last_full = week
    # Gradually (the review found 3 minutes a week too fast): the weekly limit of its minutes, at least one.
    assert all(0 <= b - a <= max(1, a * PROGRAM.max_weekly_increase) for a, b in zip(walks, walks[1:], strict=False)), \
        walks
    assert walks[-1] >= 20, walks
