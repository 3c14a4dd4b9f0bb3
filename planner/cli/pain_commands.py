"""``pain``, ``resume`` and ``adjustments``: the plan listens, and says why."""

from __future__ import annotations

import argparse
import sys

from planner.cli.output import notice, print_json
from planner.cli.session_commands import _day, open_active, say_live_problem
from planner.context import Context
from planner.domain.errors import UsageError
from planner.domain.kinds import AlertLevel
from planner.domain.pain.warning_signs import DISCLAIMER, RESUME_MEANS
from planner.domain.records import PainReport

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.actions.pain import PainOutcome


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
    from planner.actions.pain import report_pain

    score = _score(args.score)
    report = PainReport(_day(args, context), args.when, score, args.where.strip(), tuple(args.aggravated),
                        tuple(args.flag), settled=getattr(args, "settled", False))
    rules_notices(context)
    outcome = report_pain(context, report)
    if args.json:
        assert outcome.report is not None
        print_json({"report": outcome.report.as_json(), "adjustments": [a.as_json() for a in outcome.adjustments],
                    "notes": outcome.lines, "paused": outcome.paused,
                    "alert": outcome.alert.as_json() if outcome.alert else None})
        say_live_problem(outcome)
        return 0
    sys.stdout.write(pain_text(outcome))
    say_live_problem(outcome)
    return 0


def pain_text(outcome: PainOutcome) -> str:
    """What ``planner pain`` prints for ``outcome`` without ``--json`` (also kept with a prepared write)."""
    emergency = outcome.alert is not None and outcome.alert.level == AlertLevel.EMERGENCY
    lines = ["!" * 60] if emergency else []
    if not emergency and outcome.alert is not None and not outcome.alert.pauses:
        # Advice or soon: the reason below says what changed, the box the advice, once (as Today shows it).
        lines += ["-" * 60, *outcome.alert.lines(), "-" * 60]
    lines += outcome.lines
    if emergency:
        lines.append("!" * 60)
    return "".join(f"{line}\n" for line in lines)


def resume(args: argparse.Namespace, context: Context) -> int:
    from planner.actions.pain import resume as lift

    if not args.confirm:
        print(f"planner resume --confirm: {RESUME_MEANS}")
        return 2
    rules_notices(context)
    outcome = lift(context)
    print(*outcome.lines, sep="\n")
    say_live_problem(outcome)
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
