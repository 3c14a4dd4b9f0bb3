"""The quick commands: ``today``, ``done``, ``undo``, ``skip``, ``history``.

These run over SSH from a phone, so they import only the domain and the
store (never Textual) and print a few plain lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from planner.cli.output import print_json
from planner.clock import parse_date
from planner.context import Context
from planner.domain.days.day import DayView, day_view
from planner.domain.days.progress import progress
from planner.domain.errors import PlannerError, UsageError
from planner.domain.pain.alerts import current_alert
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.model import DAY_NAMES
from planner.domain.records import Completion, History
from planner.store.active_plan import ActivePlan, load_active, open_store, standing_state


def _day(args: argparse.Namespace, context: Context) -> dt.date:
    return parse_date(args.date, "--date") if getattr(args, "date", None) else context.today


def open_active(context: Context, *, write: bool) -> ActivePlan | None:
    store = open_store(context.data_dir, create=write)
    if store is None:
        return None
    active = load_active(store, context.library, context.pain_rules)
    if active is None:
        store.close()
    return active


def require_active(context: Context) -> ActivePlan:
    active = open_active(context, write=True)
    if active is None:
        raise PlannerError("no plan yet: build one with 'planner plan new --program ID' (see 'planner programs')")
    return active


def check_record_date(day: dt.date, context: Context, active: ActivePlan) -> None:
    """A record is for a day that has happened, within the plan: never tomorrow, never before it began."""
    if day > context.today:
        raise UsageError(f"--date: {day.isoformat()} is after today ({context.today.isoformat()}); "
                         "record only what has happened")
    if day < active.plan.inputs.start:
        raise UsageError(f"--date: {day.isoformat()} is before your plan started "
                         f"({active.plan.inputs.start.isoformat()})")


def view_for(active: ActivePlan | None, context: Context, day: dt.date) -> DayView:
    if active is None:
        return day_view(None, context.library, None, None, day, 0.1)  # type: ignore[arg-type]
    return day_view(active.plan, context.library, active.state, active.history, day,
                    active.weekly_increase, context.today, active.rules)


def today(args: argparse.Namespace, context: Context) -> int:
    day = _day(args, context)
    active = open_active(context, write=False)
    try:
        if active is not None and day == context.today:
            before = len(active.history.adjustments)
            active.catch_up(day)
            if len(active.history.adjustments) != before:  # the gap rule eased the plan: the live file follows
                from planner.exports.live import refresh_live

                problem = refresh_live(active.store, context.library, context.today, active)
                if problem:
                    print(f"planner: {problem}", file=sys.stderr)
        view = view_for(active, context, day)
        if active is None:
            view.alert = _alert_before_any_plan(context, day)
    finally:
        if active is not None:
            active.store.close()
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


# Each status in words; the raw name stays in ``--json``.
STATUS_WORDS = {
    "planned": "planned, not started yet",
    "done": "done, every exercise checked off",
    "partial": "partly done",
    "skipped": "skipped",
    "missed": "missed",
    "rest": "a rest day",
    "paused": "paused",
    "no-plan": "no plan yet - run planner plan new",
}


def _alert_before_any_plan(context: Context, day: dt.date) -> Alert | None:
    """With no plan yet, a "yes" at the safety screening still shows its alert (and its pause)."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return None
    with store:
        state = standing_state(store)
    return current_alert(state, History(), day)


def render_day(view: DayView) -> str:
    heading = f"{DAY_NAMES[view.date.weekday()]} {view.date.isoformat()}"
    if view.week:
        heading += f" · week {view.week}"
    words = STATUS_WORDS.get(view.status, view.status)
    if view.status == "done" and any(p.apart and p.id not in view.done_ids for p in view.exercises):
        words = "done, the session checked off; the walk is still to do, at any time today"
    lines = [f"{heading}: {words}"]
    if view.alert is not None:
        border = "!" * 60 if view.alert.level == "emergency" else "-" * 60
        lines += [border, *(f"  {line}" for line in view.alert.lines()), border]
    for p in view.exercises:
        mark = "x" if p.id in view.done_ids else "~" if p.id in view.partial_ids else " "
        apart = "  any time today, apart from the session" if p.apart else ""
        lines.append(f"  [{mark}] {p.name:<32} {p.dose_text():>9}   ({p.id}){apart}")
    for reason in view.reasons:
        lines.append(f"  · {reason}")
    if view.status in ("planned", "partial"):
        lines.append("  Check off with: planner done   (or: planner done EXERCISE_ID ...)")
    return "\n".join(lines)


def _check_ids(view: DayView, ids: list[str]) -> None:
    known = {p.id for p in view.exercises}
    unknown = [i for i in ids if i not in known]
    if unknown:
        import difflib  # only when something is misspelt

        listed = ", ".join(sorted(known)) or "none"
        close = [m for u in unknown for m in difflib.get_close_matches(u, sorted(known), n=1)]
        guess = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UsageError(f"not in {view.date.isoformat()}'s session: {', '.join(unknown)}{guess}; "
                         f"its exercises are: {listed}")


def done(args: argparse.Namespace, context: Context) -> int:
    day = _day(args, context)
    active = require_active(context)
    with active.store:
        check_record_date(day, context, active)
        view = view_for(active, context, day)
        if view.status == "paused" and not view.exercises:
            raise PlannerError("the program is paused after a warning sign; nothing to check off. "
                               "See 'planner today'")
        if not view.exercises:
            raise UsageError(f"{view.date.isoformat()} is a rest day in your plan; nothing to check off")
        _check_ids(view, args.exercises)
        chosen = [p for p in view.exercises if not args.exercises or p.id in args.exercises]
        active.store.record_completions(active.record.id, [
            Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in chosen])
        active.reload()
        after = view_for(active, context, day)
    names = ", ".join(p.name for p in chosen)
    print(f"Checked off {names} on {day.isoformat()}: session {after.status} "
          f"({len(after.done_ids)}/{len(after.exercises)}).")
    if after.status == "done":
        print("How is your back? Report pain with: planner pain SCORE (0-10)")
    return 0


def undo(args: argparse.Namespace, context: Context) -> int:
    if getattr(args, "pain", False):
        return undo_pain(context)
    day = _day(args, context)
    active = require_active(context)
    with active.store:
        if args.exercises:
            _check_ids(view_for(active, context, day), args.exercises)
        removed = active.store.remove_completions(active.record.id, day, args.exercises or None)
    print(f"Took back {removed} record{'s' if removed != 1 else ''} for {day.isoformat()}.")
    return 0


def undo_pain(context: Context) -> int:
    """``planner undo --pain``: take back the latest pain report; the plan is as the earlier records left it."""
    active = require_active(context)
    with active.store:
        removed = active.undo_pain()
        view = view_for(active, context, context.today)
    print(f"Took back the pain report of {removed.score} on {removed.date.isoformat()}; today is {view.status} "
          "as your other records leave it.")
    return 0


def skip(args: argparse.Namespace, context: Context) -> int:
    day = _day(args, context)
    active = require_active(context)
    with active.store:
        check_record_date(day, context, active)
        view = view_for(active, context, day)
        if not view.planned:
            raise UsageError(f"{day.isoformat()} has no planned session to skip ({view.status})")
        active.store.record_skip(active.record.id, day, args.why.strip())
    print(f"Skipped the session on {day.isoformat()}. Missing a session is fine; the plan carries on.")
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
        print(f"{view.date.isoformat()} {DAY_NAMES[view.date.weekday()][:3]}  {view.status:<8} "
              f"{len(view.done_ids)}/{len(view.exercises)}" + (f"  pain: {scores}" if scores else ""))
    print(f"Adherence {summary.adherence}% · current streak {summary.current_streak} · "
          f"best streak {summary.best_streak}")
    for adjustment in adjustments:
        print(f"  {adjustment['date']}: {adjustment['reason']}")
    if notes:
        print("Your notes:")
    for note in notes:
        print(f"  {note.date.isoformat()}: {note.text}")
    return 0
