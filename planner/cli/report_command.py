"""``planner report``: a summary and the evidence behind it, for a physiotherapist or doctor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.actions import files
from planner.cli.output import notice
from planner.clock import parse_date
from planner.context import Context
from planner.domain.errors import display_path
from planner.reports.writing import format_for, write_report


def report(args: argparse.Namespace, context: Context) -> int:
    since = parse_date(args.since, "--since") if args.since else None
    target = Path(args.output).expanduser() if args.output else None
    fmt = format_for(target, args.format)
    text = files.report_text(context, fmt, since)
    if target is None:
        sys.stdout.write(text)
        return 0
    write_report(target, text, force=args.force)
    notice(f"wrote {display_path(target)} (readable only by you)")
    return 0
