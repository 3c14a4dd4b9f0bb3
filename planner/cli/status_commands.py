"""``status`` and ``calendar``: nudges that fit a terminal.

``planner status --line`` runs from a tmux status bar or a shell prompt, many
times a minute, so it is on the quick path (no Textual, no pydantic) and it
never writes: what the first look at a day records (the gap rule's step down, a week repeated), which
``planner today`` records, is only applied in memory here.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from planner.cli.output import print_json
from planner.cli.session_commands import active_for_views
from planner.context import Context
from planner.domain.days.day import day_view
from planner.domain.days.status import status_line
from planner.domain.errors import display_path
from planner.domain.pain.adaptation import AdaptationState


def status(args: argparse.Namespace, context: Context) -> int:
    day = context.today
    active = active_for_views(args, context)
    if active is None:
        view = day_view(None, context.library, None, None, day, 0.1)  # type: ignore[arg-type]
        plan, state, weekly_increase = None, None, 0.1
    else:
        with active.store:
            history, state = active.history, active.state
            due = active.due(day)
            if due:
                state = AdaptationState.load(due[-1].state)
                history = dataclasses.replace(history, adjustments=(*history.adjustments, *due))
            plan, weekly_increase = active.plan, active.weekly_increase
            view = day_view(plan, context.library, state, history, day, active.weekly_increase, day)
    state_name, line = status_line(view, plan, state, weekly_increase)
    views = getattr(args, "views", None)
    if views is not None:  # kept for the next run (planner/store/views.py)
        views["status"] = {"date": day.isoformat(), "state": state_name, "line": line}
    if args.ascii:
        line = line.replace("✓", "ok").replace("—", "-")
    if args.json:
        print_json({"date": day.isoformat(), "state": state_name, "line": line})
        return 0
    if args.line:
        print(line)
        return 0
    print(f"{line}  ({day.isoformat()}; 'planner today' shows the session)")
    return 0


def calendar(args: argparse.Namespace, context: Context) -> int:
    """Name, change, show or turn off the live calendar file."""
    from planner.actions.files import live_calendar, set_live_calendar
    from planner.exports.ics import parse_remind, parse_time
    from planner.exports.live import LiveCalendar

    at = parse_time(args.time) if args.time is not None else None
    remind = parse_remind(args.remind) if args.remind is not None else None
    if args.live is None and not args.off:
        live = live_calendar(context)
        if args.json:
            print_json(None if live is None else {"path": str(live.path), "time": live.at.strftime("%H:%M"),
                                                  "remind": live.remind})
        elif live is None:
            print("No live calendar file. Set one with: planner calendar --live PATH")
        else:
            print(f"Live calendar file: {display_path(live.path)} (sessions at {live.at:%H:%M}, "
                  f"reminder {live.remind} min before). Turn off with: planner calendar --off")
        return 0
    if args.off:
        set_live_calendar(context, None)
        print("The live calendar file is no longer updated (the file was left where it is).")
        return 0
    path = Path(args.live).expanduser().absolute()
    old = live_calendar(context)
    live = LiveCalendar(path, at or (old.at if old else LiveCalendar.at),
                        remind if remind is not None else (old.remind if old else LiveCalendar.remind))
    set_live_calendar(context, live, force=args.force)
    print(f"Wrote {display_path(path)}; it is rewritten after every check-off, pain report and plan change. "
          "Subscribe to it in your calendar app.")
    return 0
