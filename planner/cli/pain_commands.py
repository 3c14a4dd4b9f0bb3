"""``pain``, ``resume`` and ``adjustments``: the plan listens, and says why."""

from __future__ import annotations

import argparse

from planner.cli.output import notice, print_json
from planner.cli.session_commands import _day, check_record_date, open_active, require_active
from planner.context import Context
from planner.domain.errors import UsageError
from planner.domain.pain.adaptation import apply_pain_report, recurring_pain, resume_confirmed
from planner.domain.pain.alerts import current_alert
from planner.domain.pain.warning_signs import DISCLAIMER, RESUME_MEANS
from planner.domain.records import PainReport
from planner.store.active_plan import open_store, standing_state


def rules_notices(context: Context) -> None:
    """Say which pain-rules file is used, or that one is refused (and the built-in rules stay)."""
    for line in context.loaded_pain_rules.notices:
        notice(line)


def _score(text: str) -> int:
    try:
        score = int(text)
    except ValueError:
        score = -1
    if not 0 <= score <= 10:
        raise UsageError(f"SCORE: '{text}' is not a pain score; use a whole number from 0 (none) to 10 (worst)")
    return score


def pain(args: argparse.Namespace, context: Context) -> int:
    score = _score(args.score)
    day = _day(args, context)
    active = require_active(context)
    rules_notices(context)
    with active.store:
        check_record_date(day, context, active)
        unknown = [i for i in args.aggravated if i not in context.library.exercises]
        if unknown:
            library = context.library
            guesses = "".join(library.suggest(i, library.exercises) for i in unknown)
            raise UsageError(f"--aggravated: unknown exercise id {', '.join(unknown)}{guesses}; "
                             "see 'planner today' for today's ids")
        report = PainReport(day, args.when, score, args.where.strip(), tuple(args.aggravated), tuple(args.flag),
                            settled=getattr(args, "settled", False))
        state, adjustments, notes = apply_pain_report(
            active.plan, context.library, active.state, active.history, report, active.weekly_increase, active.rules)
        active.store.record_pain(active.record.id, report, adjustments)
        active.reload()
        advice = recurring_pain(active.history, day, active.rules)
        alert = current_alert(active.state, active.history, day) if report.flags else None
    lines = [a.reason for a in adjustments] + notes
    if not lines:
        lines.append(f"Pain {score} recorded. Progression continues as planned.")
    if advice:
        lines.append(advice)
    if args.json:
        print_json({"report": report.as_json(), "adjustments": [a.as_json() for a in adjustments],
                    "notes": lines, "paused": state.pause is not None,
                    "alert": alert.as_json() if alert else None})
        return 0
    if alert is not None and alert.level == "emergency":
        print("!" * 60)
    for line in lines:
        print(line)
    if alert is not None and alert.level == "emergency":
        print("!" * 60)
    return 0


def resume(args: argparse.Namespace, context: Context) -> int:
    if not args.confirm:
        print(f"planner resume --confirm: {RESUME_MEANS}")
        return 2
    active = open_active(context, write=True)
    if active is None:
        return _resume_without_a_plan(context)
    rules_notices(context)
    with active.store:
        state, adjustment = resume_confirmed(active.state, active.plan, context.today, active.weekly_increase,
                                             active.rules)
        if adjustment is None:
            print("The program is not paused; nothing to resume.")
            return 0
        active.store.record_adjustments(active.record.id, [adjustment])
    print(adjustment.reason)
    return 0


def _resume_without_a_plan(context: Context) -> int:
    """A pause from the safety screening, before any plan: lifted the same way."""
    with open_store(context.data_dir, create=True) as store:
        _, adjustment = resume_confirmed(standing_state(store), None, context.today, 0.1)
        if adjustment is None:
            print("The program is not paused; nothing to resume.")
            return 0
        store.record_adjustments(None, [adjustment])
    print(adjustment.reason)
    return 0


def adjustments(args: argparse.Namespace, context: Context) -> int:
    active = open_active(context, write=False)
    rows = []
    if active is not None:
        with active.store:
            rows = [a.as_json() for a in active.history.adjustments]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No adjustments yet: the plan runs as built.")
    for row in rows:
        print(f"{row['date']}  {row['kind']:<9} {row['reason']}")
    print(f"\n{DISCLAIMER}")
    return 0
