"""``export`` and ``import``: the plan as a file to edit, print or put in a calendar, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.actions import files, plans
from planner.cli.output import notice
from planner.cli.session_commands import say_live_problem
from planner.context import Context
from planner.domain.errors import InvalidFile, display_path
from planner.exports.figure_files import check_figures_folder, figures_folder
from planner.exports.files import write_export
from planner.exports.ics import parse_remind, parse_time


def export(args: argparse.Namespace, context: Context) -> int:
    at = parse_time(args.time)
    remind = parse_remind(args.remind)
    target = Path(args.output).expanduser() if args.output is not None else None
    figures = figures_folder(target) if target is not None and args.format == "md" else None
    text = files.export_text(context, args.format, at, remind, figures=figures)
    if target is None:
        sys.stdout.write(text)
        return 0
    if figures is not None:
        check_figures_folder(target)  # refused before the plan is written: a refusal changes nothing
    write_export(target, text, force=args.force)
    notice(f"wrote {display_path(target)}")
    if figures is not None:
        folder = files.write_figures(context, target)
        notice(f"wrote the figures in {display_path(folder)}")
    return 0


def import_plan(args: argparse.Namespace, context: Context) -> int:
    """Load FILE as the active plan; a file with problems is listed line by line and changes nothing."""
    path = Path(args.file).expanduser()
    try:
        return _import(path, context)
    except InvalidFile as err:
        from planner.cli.problem_lines import problem_lines

        for line in problem_lines(err.problems, more_hint="fix these and import again to see the rest"):
            print(line, file=sys.stderr)
        count = len(err.problems)
        notice(f"{count} problem{'s' if count != 1 else ''} in {display_path(path)}; nothing was changed")
        return 1


def _import(path: Path, context: Context) -> int:
    # The file is checked first (a bad one is listed line by line), then the safety screening, as for
    # 'plan new' (asked here on a terminal, a one-line refusal elsewhere).
    from planner.cli.plan_commands import screened
    from planner.exports.importing import read_plan_file

    read_plan_file(path, context.library, context.today)
    if not screened(context):
        return 1
    outcome = plans.import_plan(context, path)
    inputs = outcome.inputs
    assert inputs is not None
    print(f"Imported {display_path(path)}: {outcome.program_name}, {inputs.weeks} weeks from "
          f"{inputs.start.isoformat()}. It is now your active plan; the previous one is kept in your history, "
          f"and what you recorded from {inputs.start.isoformat()} on (check-offs, skips, pain) comes along.")
    for line in outcome.lines:
        print(line)
    say_live_problem(outcome)
    return 0
