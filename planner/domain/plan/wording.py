"""A dose in words ("2 sets of 8 reps on each side, rest 30s between sets"), read the same in the app and the shell."""

from __future__ import annotations

from planner.domain.plan.model import Prescription, set_reps


def dose_words(item: Prescription, per_side: bool = False) -> str:
    rest = f", rest {item.rest_seconds}s between sets" if item.sets > 1 and item.rest_seconds else ""
    side = " on each side (left, then right)" if per_side else ""
    if item.kind == "reps" and getattr(item, "descending", False):
        # "3 sets (6, then 4, then 2 reps)": a list of counts read as one number per set, not "sets of 6, 4, 2".
        reps = ", then ".join(map(str, set_reps(item.sets, item.reps or 0, True)))
        seconds = getattr(item, "seconds_per_rep", None)
        held = f", each held {seconds}s" if seconds else ""
        sets = f"{item.sets} sets ({reps} reps)" if item.sets > 1 else f"1 set of {reps} reps"
        return f"{sets}{held}{side}{rest}"
    if item.kind == "reps":
        return f"{item.sets} set{'s' if item.sets > 1 else ''} of {item.reps} reps{side}{rest}"
    if item.kind == "hold":
        return f"{item.sets} × hold {item.hold_seconds}s{side}{rest}"
    return f"{item.minutes} minutes{side}"
