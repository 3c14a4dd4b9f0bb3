"""The quick commands: ``today``, ``done``, ``undo``, ``skip``, ``history``.

These run over SSH from a phone, so they import only the domain and the
store (never Textual) and print a few plain lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from planner.actions import reading, sessions
from planner.actions.situation import Outcome
from planner.cli.output import notice, print_json
from planner.clock import parse_date
from planner.context import Context
from planner.domain.days.day import STATUSES, DayView, day_view
from planner.domain.days.easier import doses_words
from planner.domain.days.progress import progress
from planner.domain.errors import PlannerError, UsageError
from planner.domain.kinds import AlertLevel, DayStatus
from planner.domain.pain.alerts import current_alert
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.model import DAY_NAMES
from planner.domain.records import History

if TYPE_CHECKING:
    from planner.store.active_plan import ActivePlan


def _day(args: argparse.Namespace, context: Context) -> dt.date:
    return parse_date(args.date, "--date") if getattr(args, "date", None) else context.today


def open_active(context: Context, *, write: bool = False) -> ActivePlan | None:
    """The active plan as it stands, read once (reading never creates the store). Its store is closed:
    changes go through :mod:`planner.actions`."""
    return reading.active_plan(context)


def active_for_views(args: argparse.Namespace, context: Context) -> ActivePlan | None:
    """The active plan as read once for both views a write keeps (``args.active``), or read now."""
    return args.active if hasattr(args, "active") else open_active(context)


def say_live_problem(outcome: Outcome) -> None:
    """The change is recorded; the live calendar file could not follow it: say so on stderr."""
    if outcome.live_problem:
        notice(outcome.live_problem)


def view_for(active: ActivePlan | None, context: Context, day: dt.date) -> DayView:
    if active is None:
        return day_view(None, context.library, None, None, day, 0.1)  # type: ignore[arg-type]
    return day_view(active.plan, context.library, active.state, active.history, day,
                    active.weekly_increase, context.today, active.rules)


def today(args: argparse.Namespace, context: Context) -> int:
    day = _day(args, context)
    active = None
    if day == context.today and getattr(args, "views_only", False):  # kept after a write: it writes nothing
        active = active_for_views(args, context)
        if active is not None and active.catch_up_due(context.today):
            return 0  # a step down or a week repeated is a write: the next 'planner today' records it and shows the day
    elif day == context.today:
        opened = sessions.catch_up(context)  # the gap rule or a repeated week, recorded once; the live file follows
        say_live_problem(opened)
        active = opened.active
    else:
        active = open_active(context)
    view = view_for(active, context, day)
    if active is None:
        view.alert = _alert_before_any_plan(context, day)
    if day == context.today:  # every two weeks, one line asking to rate the activities again
        from planner.actions.function import summary
        from planner.domain.function import rerating_prompt

        function = args.function if hasattr(args, "function") else summary(context)  # read once for a rehearsal's views
        view.function_prompt = rerating_prompt(function, context.today)
    text = render_day(view)
    if args.json:
        print_json(view.as_json())
    else:
        print(text)
    views = getattr(args, "views", None)
    if views is not None and day == context.today:  # kept for the next run (planner/store/views.py)
        from planner.cli.read_model import json_text

        views["today"] = {"text": text + "\n", "json": json_text(view.as_json())}
    return 0


def _alert_before_any_plan(context: Context, day: dt.date) -> Alert | None:
    """With no plan yet, a "yes" at the safety screening still shows its alert (and its pause)."""
    state = reading.standing(context)
    return current_alert(state, History(), day) if state is not None else None


def render_day(view: DayView) -> str:
    heading = f"{DAY_NAMES[view.date.weekday()]} {view.date.isoformat()}"
    if view.week_text:
        heading += f" · {doses_words(view)}"  # "week 8 of 12 (week 4's doses), an easier week"
    words = DayStatus(view.status).words if view.status in STATUSES else view.status
    if view.one_left_out:  # as History and the report say it: the record counts the day as done
        words = view.status_words
    if view.status == "done" and any(p.apart and p.id not in view.done_ids for p in view.exercises):
        words = "done, the session checked off; the walk is still to do, at any time today"
    elif view.status == "rest" and view.exercises:
        walked = all(p.id in view.done_ids for p in view.exercises)
        words = "no session today; " + ("the walk is done" if walked else "a walk, at any time today")
    lines = [f"{heading}: {words}"]
    if view.alert is not None:
        border = "!" * 60 if view.alert.level == AlertLevel.EMERGENCY else "-" * 60
        lines += [border, *(f"  {line}" for line in view.alert.lines()), border]
    for p in view.exercises:
        mark = "x" if p.id in view.done_ids else "~" if p.id in view.partial_ids else " "
        apart = ("  any time today, apart from the session" if view.planned else "  any time today") if p.apart else ""
        lines.append(f"  [{mark}] {p.name:<32} {p.dose_text():>9}   ({p.id}){apart}")
    for reason in view.reasons:
        lines.append(f"  · {reason}")
    if view.status in ("planned", "partial"):
        lines.append("  Check off with: planner done   (or: planner done EXERCISE_ID ...)")
    if view.function_prompt:
        lines.append(f"  ? {view.function_prompt}")
    return "\n".join(lines)


def done(args: argparse.Namespace, context: Context) -> int:
    outcome = sessions.check_off(context, _day(args, context), args.exercises)
    sys.stdout.write(done_text(outcome))
    say_live_problem(outcome)
    return 0


def done_text(outcome: sessions.CheckOff) -> str:
    """What ``planner done`` prints for ``outcome`` (also kept with a prepared write: planner/cli/prepared_writes.py)."""
    lines = list(outcome.lines)
    if outcome.after is not None and outcome.after.status == "done" and any(not p.apart for p in outcome.chosen):
        lines.append("How is your back? Report pain with: planner pain SCORE (0-10)")
    return "\n".join(lines) + "\n"


def undo(args: argparse.Namespace, context: Context) -> int:
    if getattr(args, "pain", False):
        return undo_pain(context)
    outcome = sessions.undo_check_off(context, _day(args, context), args.exercises)
    print(*outcome.lines, sep="\n")
    say_live_problem(outcome)
    return 0


def undo_pain(context: Context) -> int:
    """``planner undo --pain``: take back the latest pain report; the plan is as the earlier records left it."""
    from planner.actions.pain import undo_pain as take_back

    try:
        outcome = take_back(context)
    except PlannerError as err:
        err.args = (f"undo --pain: {err}",)
        raise
    assert outcome.active is not None and outcome.removed is not None
    view = view_for(outcome.active, context, context.today)
    print(f"Took back the pain report of {outcome.removed.score} on {outcome.removed.date.isoformat()}; today is "
          f"{view.status_words} as your other records leave it.")
    say_live_problem(outcome)
    return 0


def skip(args: argparse.Namespace, context: Context) -> int:
    outcome = sessions.skip(context, _day(args, context), args.why)
    print(*outcome.lines, sep="\n")
    say_live_problem(outcome)
    return 0


def history(args: argparse.Namespace, context: Context) -> int:
    date_from = parse_date(args.date_from, "--from") if args.date_from else None
    date_to = parse_date(args.date_to, "--to") if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    active = open_active(context, write=False)
    if active is None:
        result = {"sessions": [], "adherence": 0, "current_streak": 0, "best_streak": 0}
        if args.json:
            print_json(result | {"adjustments": [], "notes": []})
        else:
            print("No history yet: build a plan with 'planner plan new --program ID'.")
        return 0
    active.ease_in_memory(context.today)  # what Today's first look records, shown already (nothing is written)
    with active.store:
        summary = progress(active.plan, context.library, active.history, context.today,
                           active.weekly_increase, date_from, date_to)
    def shown(day: dt.date) -> bool:
        return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)

    adjustments = [a.as_json() for a in active.history.adjustments if shown(a.date)]
    notes = [n for n in active.history.notes if shown(n.date)]
    if args.json:
        print_json(summary.as_json() | {"adjustments": adjustments, "notes": [n.as_json() for n in notes]})
        return 0
    for view, pain in summary.sessions:
        scores = ", ".join(f"{p.score} {p.when}" for p in pain)
        done, planned = view.session_count
        walk = (" + walk ✓" if all(p.id in view.done_ids for p in view.walks) else " + walk –") if view.walks else ""
        print(f"{view.date.isoformat()} {DAY_NAMES[view.date.weekday()][:3]}  {view.status_words:<8} "
              f"{done}/{planned}{walk}" + (f"  pain: {scores}" if scores else ""))
    print(f"Adherence {summary.adherence}% · current streak {summary.current_streak} · "
          f"best streak {summary.best_streak}")
    if summary.walks_due:
        print(f"Walks (apart from the sessions): {summary.walks_done} of {summary.walks_due} done "
              f"({summary.walk_adherence}%)")
    for adjustment in adjustments:
        print(f"  {adjustment['date']}: {adjustment['reason']}")
    if notes:
        print("Your notes:")
    for note in notes:
        print(f"  {note.date.isoformat()}: {note.text}")
    return 0
