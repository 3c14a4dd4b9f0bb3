"""One short line about today, for a tmux status bar or a shell prompt.

It has to fit beside a clock in a status bar, so it says only what to do next:
"core 20m due", "done ✓", "rest", "EMERGENCY — see Today", "paused — see Today".
"""

from __future__ import annotations

from collections import Counter

from planner.domain.days.day import DayView
from planner.domain.kinds import AlertLevel
from planner.domain.pain.adaptation import AdaptationState, position
from planner.domain.plan.model import DAY_NAMES, Plan


def _minutes(view: DayView, remaining_only: bool) -> int:
    """The session's minutes (or those left): a walk apart from it is done at another time of the day."""
    items = [p for p in view.exercises if not p.apart and (not remaining_only or p.id not in view.done_ids)]
    return max(1, -(-sum(p.estimated_seconds for p in items) // 60))


def _main_category(view: DayView) -> str:
    """The category with most of the session's time: what the session is mostly about."""
    seconds: Counter[str] = Counter()
    for item in view.exercises:
        if not item.apart:
            seconds[item.category.value] += item.estimated_seconds
    return seconds.most_common(1)[0][0] if seconds else "session"


SOON_WORDS = " · book a physio this week"  # tingling that persists (the "soon" alert)


def status_line(view: DayView, plan: Plan | None, state: AdaptationState | None = None,
                weekly_increase: float = 0.1) -> tuple[str, str]:
    """(state, line): the state is a stable word for scripts, the line is for people."""
    name, line = _status_line(view, plan, state, weekly_increase)
    if view.alert is not None and view.alert.level == AlertLevel.SOON:
        line += SOON_WORDS
    return name, line


def _status_line(view: DayView, plan: Plan | None, state: AdaptationState | None = None,
                 weekly_increase: float = 0.1) -> tuple[str, str]:
    if view.status == "no-plan" or plan is None:
        return "no-plan", "no plan yet"
    # The level leads, so a glance at a status bar tells an emergency from a pain pause; and it leads whatever
    # the day's record says: a sign reported after part of the session was done leaves the day "partial".
    if view.alert is not None and view.alert.level == AlertLevel.EMERGENCY:
        return "paused", "EMERGENCY — see Today"
    if view.alert is not None and view.alert.level == AlertLevel.URGENT:
        return "paused", "URGENT — see a doctor today"
    if view.status == "paused":
        return "paused", "paused — see Today"
    if view.status == "done":
        walks = [p for p in view.exercises if p.apart and p.id not in view.done_ids]
        return "done", "done ✓" + (f" · walk {sum(p.minutes or 0 for p in walks)}m" if walks else "")
    if view.status == "skipped":
        return "skipped", "skipped · rest"
    if view.status == "partial":
        left = sum(1 for p in view.exercises if not p.apart and p.id not in view.done_ids)
        return "partial", f"{_main_category(view)} {_minutes(view, True)}m left ({left} to go)"
    if view.status == "planned":
        return "due", f"{_main_category(view)} {_minutes(view, False)}m due"
    if view.date < plan.inputs.start:
        return "not-started", f"starts {DAY_NAMES[plan.inputs.start.weekday()][:3]} {plan.inputs.start:%d %b}"
    if view.date > plan.end and position(plan, state or AdaptationState(), view.date, weekly_increase)[0] > len(
            plan.weeks):
        return "finished", "plan finished"
    if view.exercises:  # a walk on a day without a session, counted apart from the sessions
        walks = [p for p in view.exercises if p.id not in view.done_ids]
        return "rest", ("rest · walk " + (f"{sum(p.minutes or 0 for p in walks)}m" if walks else "✓"))
    return "rest", "rest"
