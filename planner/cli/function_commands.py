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
    check_names,
    check_scores,
    pick,
    rerating_prompt,
    summarise,
)
from planner.store.active_plan import open_store
from planner.store.store import Store


def read_summary(store: Store | None) -> FunctionSummary:
    return summarise(store.activities()) if store is not None else FunctionSummary()


def function(args: argparse.Namespace, context: Context) -> int:
    action = getattr(args, "function_command", None)
    if action is None:
        store = open_store(context.data_dir, create=False)
        try:
            summary = read_summary(store)
        finally:
            if store is not None:
                store.close()
        if args.json:
            print_json(summary.as_json())
        else:
            print(render(summary, context))
        return 0
    with open_store(context.data_dir, create=True) as store:
        message = _change(action, args, store, context)
        summary = read_summary(store)
    print(message)
    if action == "set" and summary.current and not any(a.ratings for a in summary.current):
        print(f"Now rate each, {SCALE}: planner function rate {' '.join(['N'] * len(summary.current))}")
    return 0


def _change(action: str, args: argparse.Namespace, store: Store, context: Context) -> str:
    current = summarise(store.activities()).current
    day = context.today
    if action == "set":
        names = check_names(args.names, kept=len(current))
        store.add_activities(names, day)
        return f"Added {', '.join(names)}. You have {len(current) + len(names)} activities to rate."
    if action == "rate":
        scores = check_scores(args.scores, current)
        store.rate_activities([(a.id, s) for a, s in zip(current, scores, strict=True)], day)
        after = summarise(store.activities())
        line = f"Rated on {day.isoformat()}: " + ", ".join(f"{a.name} {s}" for a, s in zip(current, scores,
                                                                                          strict=True))
        if after.averages:
            line += f". Average {after.averages[-1][1]:g}"
            if after.average_change is not None:
                line += f" ({after.average_change:+g} since {after.averages[0][0].isoformat()})"
        return line + "."
    if action == "rename":
        activity = pick(current, args.number, "rename")
        (name,) = check_names([args.name], kept=0)
        store.rename_activity(activity.id, name)
        return f"Renamed '{activity.name}' to '{name}'; its scores stay with it."
    activity = pick(current, args.number, "retire")
    store.retire_activity(activity.id, day)
    return (f"Retired '{activity.name}': it is no longer rated, and its scores stay in your history and report. "
            "Add another with: planner function set \"NAME\"")


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
