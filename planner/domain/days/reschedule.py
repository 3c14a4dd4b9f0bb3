"""Changing training days part-way through a plan without touching what is already recorded.

The change starts with the next week (or at once if the plan has not begun),
so sessions already done or missed keep their dates. The number of sessions a
week stays the same, so doses and volume are exactly as built: only the
weekdays move. To train more or fewer days, build a new plan.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.errors import PlannerError
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.model import DAY_NAMES, WEEKDAYS, PlanInputs, Weekday
from planner.domain.records import Adjustment


def _names(days: list[Weekday]) -> str:
    return ", ".join(DAY_NAMES[WEEKDAYS.index(d)][:3] for d in days)


def reschedule(inputs: PlanInputs, state: AdaptationState, today: dt.date,
               days: list[Weekday]) -> tuple[PlanInputs, Adjustment]:
    """New inputs with ``days`` from the next week on, and the adjustment that records why."""
    wanted = [d for d in WEEKDAYS if d in days]
    count = len(inputs.days)
    if len(wanted) != count:
        raise PlannerError(f"days: pick {count} weekday{'s' if count != 1 else ''} (you picked {len(wanted)}); "
                           "the plan keeps its number of sessions a week. To change that, build a new plan")
    elapsed = (today - inputs.start).days
    from_week = 1 if elapsed < 0 else elapsed // 7 + 2
    if from_week > inputs.weeks:
        raise PlannerError("days: this is the plan's last week, so there is no later week to move; "
                           "build a new plan to go on")
    current = inputs.days_in_week(from_week - 1)  # the days the changing week has now
    if wanted == list(current):
        raise PlannerError(f"days: the plan already trains on {_names(wanted)}")
    changed = inputs.with_days_from(from_week, wanted)
    first = inputs.start + dt.timedelta(days=7 * (from_week - 1))
    when = "from the start" if from_week == 1 else f"from week {from_week} (starting {first:%a %d %b}) on"
    reason = (f"Training days changed from {_names(list(current))} to {_names(wanted)} {when}, as you asked; "
              "the doses stay as planned and sessions already recorded keep their dates.")
    return changed, Adjustment(date=today, kind="days", reason=reason, state=state.dump())
