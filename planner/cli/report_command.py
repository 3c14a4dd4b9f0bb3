"""``planner report``: a summary and the evidence behind it, for a physiotherapist or doctor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.output import notice
from planner.cli.session_commands import open_active
from planner.clock import parse_date
from planner.context import Context
from planner.domain.errors import PlannerError, UsageError, display_path
from planner.reports.writing import format_for, render_report, write_report


def report(args: argparse.Namespace, context: Context) -> int:
    since = parse_date(args.since, "--since") if args.since else None
    if since is not None and since > context.today:
        raise UsageError(f"--since: {since.isoformat()} is after today ({context.today.isoformat()})")
    target = Path(args.output).expanduser() if args.output else None
    fmt = format_for(target, args.format)
    active = open_active(context, write=False)
    if active is None:
        raise PlannerError("no plan yet, so nothing to report: build one with 'planner plan new --program ID'")
    with active.store:
        text = render_report(active, context.library, context.today, fmt, since)
    if target is None:
        sys.stdout.write(text)
        return 0
    write_report(target, text, force=args.force)
    notice(f"wrote {display_path(target)} (readable only by you)")
    return 0
