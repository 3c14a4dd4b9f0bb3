"""Today's screen as plain data: what it shows of a snapshot, worked out once, drawn from, and kept.

Today draws only from this face, whether it was just worked out from the store or read back from the
last run (:mod:`planner.app.first_face`): one way of drawing, so the first frame of a start shows exactly
what the screen shows once the plan is loaded. The face is JSON (strings, lists, booleans), made without
Textual; working it out needs the domain, drawing it does not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from planner.app.widgets.alert_box import alert_face
from planner.app.widgets.exercise_detail import detail_lines
from planner.app.widgets.week_strip import strip_days, week_of
from planner.domain.days.easier import doses_words
from planner.domain.function import rerating_prompt
from planner.domain.pain.warning_signs import pain_report_undoable
from planner.domain.plan.model import DAY_NAMES, doses_to_explain, session_minutes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from planner.app.data import Snapshot
    from planner.domain.days.progress import Progress

FORMAT = 1


def face_of(snapshot: Snapshot) -> dict[str, Any]:
    """The face of ``snapshot``'s today (worked out once per snapshot: Today draws it at every resize)."""
    kept = snapshot.__dict__.get("_face")
    if kept is None:  # through JSON, so a face read back from the file is drawn by the same code as this one
        kept = snapshot.__dict__["_face"] = json.loads(json.dumps(_work_out(snapshot), ensure_ascii=False))
    return kept


def _work_out(snapshot: Snapshot) -> dict[str, Any]:
    view = snapshot.day()
    planned = snapshot.plan is not None
    words = doses_words(view) if planned else ""  # easier only where the doses are
    week = f" · {words}" if words else ""
    paused = snapshot.state.pause is not None
    undoable = pain_report_undoable(snapshot.history)
    exercises = [{"id": item.id, "name": f"{item.name} (any time today)" if item.apart else item.name,
                  "mark": "[x]" if item.id in view.done_ids else "[~]" if item.id in view.partial_ids else "[ ]",
                  "dose": item.dose_text()} for item in view.exercises]
    return {
        "format": FORMAT,
        "today": snapshot.today.isoformat(),
        "plan": planned,
        "heading": f"{DAY_NAMES[view.date.weekday()]} {view.date.strftime('%d %B %Y')}{week} · {view.status_words}",
        "heading_short": f"{view.date.strftime('%a %d %b')} · {view.status_words}{week}",
        "alert": alert_face(view.alert),
        "week": strip_days([snapshot.day(d) for d in week_of(snapshot.today)]),
        "exercises": exercises,
        "details": {item.id: detail_lines(snapshot.library, item.id, item) for item in view.exercises},
        "notes": _notes(snapshot, undoable),
        "paused": paused,
        "undoable": undoable,
        "nothing_to_do": paused and not view.exercises,
        "checked_any": bool(view.done_ids | view.partial_ids),
        "stats": None,
    }


def stats_words(summary: Progress) -> str:
    """The streak line (the comfortable layout's; a phone's hides it)."""
    done = sum(1 for view, _ in summary.sessions if view.counts_as_done)  # one left out counts, as in adherence
    return (f"Streak {summary.current_streak} (best {summary.best_streak}) · adherence {summary.adherence}% "
            f"· {done} done so far")


def kept(snapshot: Snapshot, settings: dict[str, str | None]) -> dict[str, Any]:
    """The face kept for the next start: with the streak line counted (a frame drawn from it is then whole)
    and the person's settings (its theme is the first frame's)."""
    summary = snapshot.progress()
    return {**face_of(snapshot), "stats": None if summary is None else stats_words(summary), "settings": settings}


def tomorrow(snapshot: Snapshot, settings: dict[str, str | None]) -> tuple[str, dict[str, Any]] | None:
    """Tomorrow's face if nothing is written before then (its date and the face), for the day's first start;
    ``None`` when tomorrow's first look would record something first (the gap rule, a week repeated): the
    day must then be loaded. Its streak line is left to count on the day."""
    from planner.domain.pain.moving_on import catch_up

    day = snapshot.today + dt.timedelta(days=1)
    if snapshot.plan is None or catch_up(snapshot.plan, snapshot.state, snapshot.history, day,
                                         snapshot.weekly_increase, snapshot.rules)[1]:
        return None
    later = dataclasses.replace(snapshot, today=day)  # a new snapshot: nothing worked out for today is reused
    return day.isoformat(), {**face_of(later), "settings": settings}


def _notes(snapshot: Snapshot, undoable: bool) -> list[tuple[str, str]]:
    """The lines under the list: the day's reasons, then what to do next; each (text, style)."""
    view = snapshot.day()
    notes = [(f"• {reason}", "") for reason in view.reasons]
    if undoable and (snapshot.today - snapshot.history.pain[-1].date).days <= 1:
        notes.append(("Reported pain by mistake? Press u to undo the last pain report.", ""))
    if view.status == "paused" and not view.exercises and view.alert is not None and view.alert.pauses:
        # The alert above says when and how to resume (once); here only the app's key for it.
        notes.append(("Nothing to do but rest and get checked. In the app, c (Resume) is the "
                      "confirmation the alert asks for.", "bold"))
    elif view.status == "paused" and not view.exercises:
        notes.append(("Nothing to do but rest and get checked. When a health professional has "
                      "assessed you, press c to resume (or run: planner resume --confirm)", "bold"))
    elif view.status == "paused":
        notes.append(("Do only the relief routine above. Report pain (r) of 2 or less to resume.", ""))
    elif view.status in ("planned", "partial"):
        walk = "".join(f", and a {p.minutes}-minute {p.name.lower()} at any time today" for p in view.exercises
                       if p.apart and p.id not in view.done_ids)
        notes.append((f"About {session_minutes(view.exercises)} min{walk}. Enter starts the session "
                      "with timers; space checks off the highlighted exercise.", ""))
        met = {c.exercise_id for c in snapshot.history.completions
               if c.date < view.date and c.status != "skipped"}
        notes.extend((f"• {text}.", "") for text in doses_to_explain(view.exercises, met))
    elif view.status == "done":
        walk = "".join(f" The {p.minutes}-minute {p.name.lower()} is still to do, at any time today."
                       for p in view.exercises if p.apart and p.id not in view.done_ids)
        ask = "" if snapshot.history.pain_on(view.date) else " How is your back? Press r to report pain."
        notes.append((f"Session done.{walk}{ask}", ""))
    elif view.status == "rest":
        if any(p.id not in view.done_ids for p in view.exercises):  # the walk on a day between sessions
            notes.append(("Space checks the walk off when you have been.", ""))
        upcoming = next((d for d in (snapshot.today + dt.timedelta(days=i)
                                     for i in range(1, 8)) if snapshot.day(d).planned), None)
        if upcoming:
            notes.append((f"Next session: {upcoming.strftime('%A %d %B')}. "
                          "Back hurting? Press ! for the relief routine.", ""))
    prompt = rerating_prompt(snapshot.function, snapshot.today)
    if prompt:
        notes.append((f"? {prompt} (or ctrl+p: Activities you want back)", ""))
    return notes
