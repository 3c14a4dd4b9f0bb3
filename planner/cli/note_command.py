"""``planner note``: keep a few words with a day's session, from any terminal (the runner's notes, same store)."""

from __future__ import annotations

import argparse

from planner.actions import sessions
from planner.cli.output import print_json
from planner.cli.session_commands import open_active
from planner.clock import parse_date
from planner.context import Context
from planner.domain.errors import UsageError

NOTE_MAX = 500  # characters, as the plan file allows: a note is a line or two, not a diary


def note(args: argparse.Namespace, context: Context) -> int:
    text = " ".join(" ".join(args.text or []).split())
    if not text:
        return _list_notes(args, context)
    if len(text) > NOTE_MAX:
        raise UsageError(f"TEXT: {len(text)} characters is too long for a note; keep it to {NOTE_MAX}")
    day = parse_date(args.date, "--date") if args.date else context.today
    outcome = sessions.note(context, day, text, add=True)
    if args.json:
        kept = outcome.active.history.note_on(day) if outcome.active is not None else text
        print_json({"date": day.isoformat(), "text": kept})
        return 0
    for line in outcome.lines:
        print(line)
    return 0


def _list_notes(args: argparse.Namespace, context: Context) -> int:
    if not args.json:
        raise UsageError("TEXT: write the note, e.g. planner note 'left hip tight after bridges' "
                         "(or list your notes with planner note --json)")
    active = open_active(context)
    if active is None:
        print_json({"notes": []})
        return 0
    print_json({"notes": [n.as_json() for n in active.history.notes]})
    return 0
