"""McGill's morning cue: no stretch that holds the lower back bent in the first hour after getting up.

After a night lying down the discs of the spine have taken up fluid and are at their fullest, and for
about the first hour of the day a bend held at the end of its range loads them more than it does later;
McGill advises leaving such stretches (knees to the chest, child's pose, seated forward stretches) until
later in the day. Which stretches those are is the exercise files' own data: a stretch (category
``flexibility``) whose ``direction`` is ``flexion`` holds the lower back bent (``planner validate`` and the
JSON Schema check the word), so a stretch added to a library is covered without a list here.

The plan says it in the week such a stretch first comes into a session (week 1, or the week a left-out
direction comes back), naming the stretches, so it is read where those sessions are.

Pure: a built plan goes in, the plan with the cue in its weeks' reasons comes out.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Direction
from planner.domain.plan.model import Plan

MORNING = ("They hold the lower back bent, and early in the day, with the discs of the spine still full from "
           "the night, a held bend loads them most (McGill's advice). Do the rest of the session first thing if "
           "you like, and these later in the day.")


def bends_the_back(library: Library, exercise_id: str) -> bool:
    """Whether ``exercise_id`` is a stretch that holds the lower back bent (``direction = "flexion"``)."""
    exercise = library.exercises.get(exercise_id)
    return (exercise is not None and exercise.category is Category.FLEXIBILITY
            and exercise.direction is Direction.FLEXION)


def morning_words(names: list[str]) -> str:
    """The cue for ``names`` (the stretches that bend the back, as the plan names them)."""
    names = [n.lower() for n in names]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Not in the first hour after getting up: {listed}. {MORNING}"


def with_morning_cue(plan: Plan, library: Library) -> Plan:
    """``plan`` with the cue in each week whose sessions bring a stretch that bends the back for the first
    time, before the week's "What limits" line."""
    seen: set[str] = set()
    weeks = []
    for week in plan.weeks:
        new = [item.name for session in week.sessions for item in session.exercises
               if item.id not in seen and bends_the_back(library, item.id)]
        seen.update(item.id for session in week.sessions for item in session.exercises)
        if not new:
            weeks.append(week)
            continue
        reasons = list(week.reasons)
        at = len(reasons) - 1 if reasons and reasons[-1].startswith("What limits") else len(reasons)
        reasons.insert(at, morning_words(list(dict.fromkeys(new))))
        weeks.append(replace(week, reasons=reasons))
    return replace(plan, weeks=weeks)
