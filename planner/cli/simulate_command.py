"""``simulate``: the coming weeks if pain stayed at one level, under the pain rules in force. Changes nothing."""

from __future__ import annotations

import argparse
import datetime as dt

from planner.cli.output import notice, print_json
from planner.cli.session_commands import open_active
from planner.context import Context
from planner.domain.days.projection import MAX_WEEKS, ProjectedWeek, project_pain, week_words
from planner.domain.errors import PlannerError, UsageError
from planner.domain.library.loading import BUILT_IN
from planner.domain.plan.model import DAY_NAMES, Plan
from planner.domain.plan.wording import SIMULATED


def _number(text: str | None, name: str, low: int, high: int, what: str) -> int | None:
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise UsageError(f"{name}: '{text}' is not {what}; use a whole number from {low} to {high}")
    return value


def simulate(args: argparse.Namespace, context: Context) -> int:
    score = _number(args.pain, "--pain", 0, 10, "a pain score")
    morning = _number(args.morning, "--morning", 0, 10, "a pain score")
    weeks = _number(args.weeks, "--weeks", 1, MAX_WEEKS, "a number of weeks")
    assert score is not None and weeks is not None
    active = open_active(context, write=False)  # read only: the database is never written
    if active is None:
        raise PlannerError("no plan yet: build one with 'planner plan new --program ID' (see 'planner programs')")
    loaded = context.loaded_pain_rules
    with active.store:
        projection = project_pain(active.plan, context.library, active.state, active.history, context.today,
                                  active.weekly_increase, score, morning, weeks, loaded.rules)
    for line in loaded.notices:
        notice(line)
    rules = "built-in" if loaded.origin == BUILT_IN else loaded.origin
    if args.json:
        print_json({"pain": score, "morning": morning, "weeks": weeks, "rules": rules,
                    "projection": [week.as_json() for week in projection]})
        return 0
    after = f"pain {score} after every session" + (f" and {morning} the next morning" if morning is not None else "")
    print(f"If you reported {after} (pain rules: {rules}): {SIMULATED}; nothing is recorded:")
    for week in projection:
        print()
        print(_week_lines(week, active.plan))
    return 0


def plan_weeks(plan: Plan, start: dt.date) -> str:
    """The plan's own week numbers for the seven days from ``start``, as Today numbers them ("week 8 of
    12", or "weeks 8–9 of 12" when the days run into the next week); "after the plan" past its end."""
    first, last = ((day - plan.inputs.start).days // 7 + 1 for day in (start, start + dt.timedelta(days=6)))
    total = len(plan.weeks)
    if first > total:
        return "after the plan"
    return f"week {first} of {total}" if last == first or last > total else f"weeks {first}–{last} of {total}"


def _week_lines(week: ProjectedWeek, plan: Plan) -> str:
    lines = [f"From {DAY_NAMES[week.start.weekday()]} {week.start.isoformat()} ({plan_weeks(plan, week.start)}): "
             f"{week_words(week)}"]
    for session in week.sessions:
        rest = "no exercise: see 'planner today'" if session.warning_sign else "relief routine only"
        doses = ", ".join(f"{p.name} {p.dose_text()}" + (" (any time that day)" if p.apart else "")
                          for p in session.exercises) or rest
        lines.append(f"  {DAY_NAMES[session.date.weekday()][:3]} {session.date.isoformat()}: {doses}")
    lines.extend(f"  - {reason}" for reason in week.reasons)
    return "\n".join(lines)
