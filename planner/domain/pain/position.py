"""Where the person stands on a plan on a day: the plan week to follow and the volume factor.

A hold keeps the week (``frozen_week``); after a cut or a pause the factor climbs back, week by week, to
the doses before the pain (``ceiling``) or, once pain is low again, to the full plan within
``rebuild_weeks`` weeks: volume the person already managed before the pain is regained, not earned again
at the weekly increase.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

from planner.domain.pain.rules import DEFAULT_RULES
from planner.domain.pain.state import AdaptationState
from planner.domain.plan.model import Plan


def calendar_week(plan: Plan, day: dt.date) -> int:
    return (day - plan.inputs.start).days // 7 + 1


def factor_on(state: AdaptationState, day: dt.date, weekly_increase: float) -> float:
    """The volume factor on ``day``. Once it grows, it climbs back to ``ceiling`` (the level before a cut)
    or, once pain is low again, to the full plan within ``state.rebuild_weeks`` weeks: volume the person
    already managed before the pain is regained, not earned again at the weekly increase."""
    if state.growing_since is None or day < state.growing_since:
        return min(state.factor, 1.0)
    weeks = (day - state.growing_since).days // 7
    return max(min(state.factor, 1.0), min(_limit(state), state.factor + _weekly_step(state, weekly_increase) * weeks))


def _limit(state: AdaptationState) -> float:
    return 1.0 if state.ceiling is None else min(state.ceiling, 1.0)


def _weekly_step(state: AdaptationState, weekly_increase: float) -> float:
    """How much the factor climbs each week: enough to be back within ``state.rebuild_weeks`` weeks."""
    return max(state.factor * weekly_increase, (_limit(state) - state.factor) / max(state.rebuild_weeks, 1), 1e-6)


def weeks_words(weeks: int = DEFAULT_RULES.rebuild_weeks) -> str:
    return {1: "a week", 2: "two weeks", 3: "three weeks", 4: "four weeks"}.get(weeks, f"{weeks} weeks")


def _weeks_to_full(state: AdaptationState, weekly_increase: float) -> int:
    if state.factor >= 1:
        return 0
    return math.ceil((1.0 - state.factor) / _weekly_step(state, weekly_increase) - 1e-9)


def in_force(state: AdaptationState, day: dt.date, weekly_increase: float) -> str | None:
    """The change pain made that still shapes ``day``: "rebuild" (building back after a cut or a pause),
    "hold" (the doses repeat), or ``None`` (the plan moves on; a rebuild back at full doses is over)."""
    if state.frozen_week is None:
        return None
    if state.growing_since is not None:
        back = state.ceiling is None and factor_on(state, day, weekly_increase) >= 1.0
        return None if back else "rebuild"
    return "rebuild" if state.factor < 1.0 else "hold"


def position(plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float) -> tuple[int, float]:
    """(plan week to follow, volume factor) on ``day``; the week may be past the plan's end."""
    week = calendar_week(plan, day)
    if state.frozen_week is None:
        return max(1, week - state.lag_weeks), min(state.factor, 1.0)
    factor = factor_on(state, day, weekly_increase)
    if factor >= 1.0 and state.growing_since is not None and state.ceiling is None:
        released = state.growing_since + dt.timedelta(days=7 * _weeks_to_full(state, weekly_increase))
        lag = state.lag_weeks + calendar_week(plan, released) - state.frozen_week
        return max(1, week - lag), 1.0
    return state.frozen_week, factor


def settle(plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float) -> AdaptationState:
    """The same state written so that ``day`` needs no growth arithmetic (frozen week, current factor)."""
    week, factor = position(plan, state, day, weekly_increase)
    if state.frozen_week is not None and factor >= 1.0 and state.growing_since is not None and state.ceiling is None:
        return replace(state, frozen_week=None, factor=1.0, growing_since=None, lag_weeks=calendar_week(plan, day) - week)
    return replace(state, factor=factor, growing_since=day if state.growing_since is not None else None)


def is_session_day(plan: Plan, day: dt.date) -> bool:
    if day < plan.inputs.start:
        return False
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
    return weekday in plan.inputs.days_in_week((day - plan.inputs.start).days // 7)



def first_step_now(state: AdaptationState, session: dt.date) -> AdaptationState:
    """A rebuild whose first weekly step comes now instead of a week from now: its clock starts a week before
    ``session`` (the session a settled next morning showed was tolerated), so the steps keep their size and
    the next one comes a week after that session (:mod:`planner.domain.pain.adaptation`)."""
    return replace(state, growing_since=session - dt.timedelta(days=7))
