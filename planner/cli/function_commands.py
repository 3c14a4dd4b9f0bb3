"""``planner function``: the activities you want back, rated 0-10 every two weeks (the PSFS).

A quick command like ``today``: it reads and writes the store only (no library, no plan, no pydantic).
"""

from __future__ import annotations

import argparse

from planner.cli.output import print_json
from planner.context import Context
from planner.domain.function import (
    AVERAGE_CHANGE,
    SCALE,
    SINGLE_CHANGE,
    Activity,
    FunctionSummary,
    rerating_prompt,
)


def function(args: argparse.Namespace, context: Context) -> int:
    from planner.actions import function as act

    action = getattr(args, "function_command", None)
    if action is None:
        summary = act.summary(context)
        if args.json:
            print_json(summary.as_json())
        else:
            print(render(summary, context))
        return 0
    if action == "set":
        outcome = act.add_activities(context, args.names)
    elif action == "rate":
        outcome = act.rate_activities(context, args.scores)
    elif action == "rename":
        outcome = act.rename_activity(context, args.number, args.name)
    else:
        outcome = act.retire_activity(context, args.number)
    print("\n".join(outcome.lines))
    if action == "set":
        current = act.summary(context).current
        if current and not any(a.ratings for a in current):
            print(f"Now rate each, {SCALE}: planner function rate {' '.join(['N'] * len(current))}")
    return 0


def render(summary: FunctionSummary, context: Context) -> str:
    if not summary.activities:
        return ("No activities yet. Name up to five things your back makes hard, e.g.\n"
                "  planner function set \"Putting on socks\" \"Sitting through a film\"\n"
                f"then rate each {SCALE}: planner function rate 3 5")
    lines = [f"The activities you want back ({SCALE}):"]
    for number, activity in enumerate(summary.current, 1):
        lines.append(_activity_line(f"{number}.", activity))
    for activity in summary.retired:
        retired = activity.retired.isoformat() if activity.retired else ""
        lines.append(_activity_line("-", activity) + f"  (retired {retired})")
    if summary.averages:
        scores = " → ".join(f"{s:g}" for _, s in summary.averages)
        line = f"Average: {scores}"
        if summary.average_change is not None:
            line += f" ({summary.average_change:+g} since {summary.averages[0][0].isoformat()})"
            if summary.important_change:
                line += f": {'an important' if summary.average_change > 0 else 'a worrying'} change " \
                        f"(at least {AVERAGE_CHANGE:g} points)"
        lines.append(line)
    prompt = rerating_prompt(summary, context.today)
    if prompt:
        lines.append(prompt)
    lines.append(f"A change of {AVERAGE_CHANGE:g} points on the average, or {SINGLE_CHANGE} on one activity, "
                 "is more than day-to-day noise.")
    return "\n".join(lines)


def _activity_line(mark: str, activity: Activity) -> str:
    scores = " → ".join(str(r.score) for r in activity.ratings) or "not rated yet"
    line = f"  {mark} {activity.name}: {scores}"
    if activity.change is not None:
        line += f" ({activity.change:+d})"
        if activity.important_change:
            line += " important change"
    return line
