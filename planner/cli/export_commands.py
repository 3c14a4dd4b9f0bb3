"""``export`` and ``import``: the plan as a file to edit, print or put in a calendar, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.output import notice
from planner.cli.session_commands import open_active
from planner.context import Context
from planner.domain.errors import InvalidFile, PlannerError, display_path
from planner.exports.exporting import export_plan
from planner.exports.figure_files import figures_folder, write_plan_figures
from planner.exports.files import write_export
from planner.exports.ics import parse_remind, parse_time
from planner.exports.importing import import_plan as load_plan_file
from planner.exports.importing import read_plan_file
from planner.store.active_plan import open_store

NO_PLAN = "no plan to export yet: build one with 'planner plan new --program ID' (see 'planner programs')"


def export(args: argparse.Namespace, context: Context) -> int:
    at = parse_time(args.time)
    remind = parse_remind(args.remind)
    active = open_active(context, write=False)
    if active is None:
        raise PlannerError(NO_PLAN)
    target = Path(args.output).expanduser() if args.output is not None else None
    figures = figures_folder(target) if target is not None and args.format == "md" else None
    with active.store:
        text = export_plan(active, context.library, args.format, at, remind, figures=figures)
    if target is None:
        sys.stdout.write(text)
        return 0
    write_export(target, text, force=args.force)
    notice(f"wrote {display_path(target)}")
    if figures is not None:
        folder = write_plan_figures(target, active.plan, context.library)
        notice(f"wrote the figures in {display_path(folder)}")
    return 0


def import_plan(args: argparse.Namespace, context: Context) -> int:
    """Load FILE as the active plan; a file with problems is listed line by line and changes nothing."""
    path = Path(args.file).expanduser()
    try:
        return _import(path, context)
    except InvalidFile as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        count = len(err.problems)
        notice(f"{count} problem{'s' if count != 1 else ''} in {display_path(path)}; nothing was changed")
        return 1


def _import(path: Path, context: Context) -> int:
    store = open_store(context.data_dir, create=False)
    if store is None:
        # Check the file before creating anything, so a bad file leaves no trace.
        read_plan_file(path, context.library, context.today)
        store = open_store(context.data_dir, create=True)
    assert store is not None
    with store:
        result = load_plan_file(store, context.library, path, context.today)
    inputs = result.plan_file.plan
    print(f"Imported {display_path(path)}: {result.plan_file.program_name}, {inputs.weeks} weeks from "
          f"{inputs.start.isoformat()}. It is now your active plan; the previous one is kept in your history, "
          f"and what you recorded from {inputs.start.isoformat()} on (check-offs, skips, pain) comes along.")
    for line in result.notes:
        print(line)
    return 0
