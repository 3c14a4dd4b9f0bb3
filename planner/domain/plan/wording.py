"""A dose in words ("2 sets of 8 reps on each side, rest 30s between sets"), read the same in the app and the shell;
and what the plan as built is, said the same way wherever it is shown."""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.library.models import Category
from planner.domain.plan.doses import set_reps
from planner.domain.plan.model import Prescription

# The plan as built (plan show, the export, the builder's preview) is one path; the record sets the pace.
AS_BUILT = ("the path if every session is done with pain 0-2: what you do and how your back answers set the "
            "pace ('planner today'; 'planner simulate' shows other reports)")
AS_BUILT_SENTENCE = f"The plan as built is {AS_BUILT}."
# simulate runs the engine real reports go through, on a copy.
SIMULATED = "the same rules your real reports and check-offs go through, run on a copy"

# What the weekly limit and the easier weeks count (planner.domain.plan.progression.is_load): a week's
# headline counts every minute of work, walks and warm-ups too, so each number says what it counts.
LOAD = "Strength and stretch work"
LOAD_CATEGORIES = (Category.CORE, Category.FLEXIBILITY)


def load_change_words(rise: float, limit: float) -> str:
    """The week's change in strength and stretch work on the last full week, with the limit only beside a
    rise ("down 8% (the limit is 8% up)" read as a contradiction)."""
    if rise >= 0.005:
        return f"{LOAD} up {rise:.0%} on the last full week (a week may add up to {limit:.0%}; walks and warm-ups " \
               "are not counted in it):"
    if rise <= -0.005:
        return f"{LOAD} down {-rise:.0%} on the last full week (walks and warm-ups are not counted in it):"
    return f"{LOAD} about level with the last full week (walks and warm-ups are not counted in it):"


def work_words(items: Iterable[Prescription]) -> str:
    """A week's minutes of work, and how many of them the weekly limit counts: "85 min of work, 52 of them
    strength and stretch" (walks, warm-ups and relief make up the rest)."""
    items = list(items)
    total = sum(p.volume_seconds for p in items) // 60
    load = sum(p.volume_seconds for p in items if p.category in LOAD_CATEGORIES) // 60
    if load == total:
        return f"{total} min of work"
    return f"{total} min of work, {load} of them strength and stretch"


def dose_words(item: Prescription, per_side: bool = False) -> str:
    rest = f", rest {item.rest_seconds}s between sets" if item.sets > 1 and item.rest_seconds else ""
    side = " on each side (left, then right)" if per_side else ""
    if item.kind == "reps" and getattr(item, "descending", False):
        # "3 sets (6, then 4, then 2 reps)": a list of counts read as one number per set, not "sets of 6, 4, 2".
        reps = ", then ".join(map(str, set_reps(item.sets, item.reps or 0, True,
                                                 getattr(item, "extra_holds", 0))))
        seconds = getattr(item, "seconds_per_rep", None)
        held = f", each held {seconds}s" if seconds else ""
        sets = f"{item.sets} sets ({reps} reps)" if item.sets > 1 else f"1 set of {reps} reps"
        return f"{sets}{held}{side}{rest}"
    if item.kind == "reps":
        return f"{item.sets} set{'s' if item.sets > 1 else ''} of {item.reps} reps{side}{rest}"
    if item.kind == "hold":
        return f"{item.sets} × hold {item.hold_seconds}s{side}{rest}"
    return f"{item.minutes} minutes{side}"
