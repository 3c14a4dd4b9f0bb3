""""What limits this week" names what held the plan back, never a limit the load did not reach."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])


def _plan(program: str, minutes: int):
    template = LIBRARY.programs[program]
    return build_plan(PlanInputs(program=program, days=template.default_days, minutes=minutes, level=1, weeks=12,
                                 start=dt.date(2026, 3, 2)), LIBRARY)


@pytest.mark.parametrize("minutes", [15, 20, 30, 45])
@pytest.mark.parametrize("program", sorted(LIBRARY.programs))
def test_a_week_whose_load_did_not_rise_does_not_blame_the_weekly_limit(program: str, minutes: int) -> None:
    for week in _plan(program, minutes).weeks[1:]:
        limits = [r for r in week.reasons if r.startswith("What limits this week:")]
        assert len(limits) == 1, week.reasons
        flat = not any(r.startswith("Training load up") for r in week.reasons)
        if flat:
            assert "weekly limit" not in limits[0], (week.number, week.reasons)


def test_a_step_bigger_than_the_allowance_is_named_as_such() -> None:
    """Gentle return at 15 minutes: the load stays level because each stretch's next step (20 s more over
    the week's sessions) is more than 8% of so small a load; it used to say "the 8% weekly limit"."""
    weeks = _plan("gentle-return", 15).weeks
    line = next(r for r in weeks[5].reasons if r.startswith("What limits this week:"))
    assert "Doses stay as they were." in weeks[5].reasons
    assert "would on its own add more than 8% to the week's strength and stretch work" in line
    assert "child's pose" in line and "weekly limit" not in line
