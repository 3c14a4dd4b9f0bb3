"""A dose in words ("2 sets of 8 reps on each side, rest 30s between sets"), read the same in the app and the shell;
and what the plan as built is, said the same way wherever it is shown."""

from __future__ import annotations

from planner.domain.plan.doses import set_reps
from planner.domain.plan.model import Prescription

# The plan as built (plan show, the export, the builder's preview) is one path; the record sets the pace.
AS_BUILT = ("the path if every session is done with pain 0-2: what you do and how your back answers set the "
            "pace ('planner today'; 'planner simulate' shows other reports)")
AS_BUILT_SENTENCE = f"The plan as built is {AS_BUILT}."
# simulate runs the engine real reports go through, on a copy.
SIMULATED = "the same rules your real reports and check-offs go through, run on a copy"


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
