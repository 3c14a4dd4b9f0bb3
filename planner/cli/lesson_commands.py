"""``lessons`` and ``lesson``: short reads about backs, in order, and which ones you have read."""

from __future__ import annotations

import argparse
import difflib
import textwrap

from planner.actions import reading, settings
from planner.cli.output import notice, print_json
from planner.context import Context
from planner.domain.errors import PlannerError, UsageError
from planner.domain.lessons.loading import Lessons


def _read_ids(context: Context) -> dict[str, str]:
    return reading.lessons_read(context)


def _checked(context: Context) -> Lessons:
    lessons = context.lessons
    for line in lessons.notices:
        notice(line)
    if lessons.problems:
        count = len({p.path for p in lessons.problems})
        notice(f"{count} lesson file{'s' if count != 1 else ''} with problems skipped; "
               "run 'planner validate' for details")
    return lessons


def list_lessons(args: argparse.Namespace, context: Context) -> int:
    lessons = _checked(context)
    read = _read_ids(context)
    ordered = lessons.in_order()
    next_one = lessons.next_unread(read)
    if args.json:
        print_json([{"id": x.id, "title": x.title, "order": x.order, "summary": x.summary, "minutes": x.minutes,
                     "read": x.id in read, "read_at": read.get(x.id), "source": lessons.origin[x.id]}
                    for x in ordered])
        return 0
    width = max((len(x.id) for x in ordered), default=2)
    for number, lesson in enumerate(ordered, start=1):
        mark = "✓" if lesson.id in read else ("→" if lesson is next_one else " ")
        print(f"{mark} {number:>2}. {lesson.id:<{width}}  {lesson.title} ({lesson.minutes} min)")
    print(f"\n{len(read.keys() & lessons.by_id.keys())} of {len(ordered)} read. "
          + (f"Next: planner lesson {next_one.id}" if next_one else "You have read them all."))
    return 0


def show_lesson(args: argparse.Namespace, context: Context) -> int:
    """Print a lesson (the next unread one without an ID) and record it as read."""
    lessons = _checked(context)
    if args.id is None:
        lesson = lessons.next_unread(_read_ids(context))
        if lesson is None:
            print("You have read every lesson. 'planner lessons' lists them to read again.")
            return 0
    else:
        lesson = lessons.by_id.get(args.id)
        if lesson is None:
            close = difflib.get_close_matches(args.id, list(lessons.by_id), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise UsageError(f"ID: no lesson '{args.id}'{hint}; 'planner lessons' lists them")
    try:
        settings.mark_lesson_read(context, lesson.id)
    except PlannerError as err:
        notice(f"not recorded as read: {err}")
    print(f"{lesson.title}\n{'=' * len(lesson.title)}\n")
    for paragraph in lesson.paragraphs():
        print(textwrap.fill(paragraph.replace("**", ""), width=78) + "\n")
    ordered = lessons.in_order()
    index = ordered.index(lesson)
    if index + 1 < len(ordered):
        print(f"Next: planner lesson {ordered[index + 1].id}")
    return 0
