"""A dose counted and said: its working seconds, its honest time with rests, and its words ("6-4-2×10s").

Every face and every progression rule counts a dose the same way through these functions, so a plan's
volume, Today's minutes and the session runner's timers never disagree. They take the dose's fields, not a
:class:`~planner.domain.plan.model.Prescription`, so the library's doses are counted the same way too.
"""

from __future__ import annotations

from planner.domain.library.models import Kind

TRANSITION_SECONDS = 30
# The session runner's pauses, counted in every estimate: the time to roll over to the other side (each set
# of a one-sided exercise) and the short let-go between two holds of a descending set.
SWITCH_SECONDS = 5
RELAX_SECONDS = 3


def set_reps(sets: int, reps: int, descending: bool, extra: int = 0) -> list[int]:
    """The reps of each set: all the same, or 2 fewer each set for descending sets (6-4-2), with one more
    hold on each of the last ``extra`` sets (6-4-2 with 1 is 6-4-3, with 2 is 6-5-3: a step of one hold)."""
    if not descending:
        return [reps] * sets
    return [max(reps - 2 * i, 1) + (i >= sets - extra) for i in range(sets)]


def set_holds(kind: Kind, sets: int, reps: int | None, descending: bool, extra: int = 0) -> list[int] | None:
    """Each set's holds of a descending dose, as the runner counts them (``[6, 4, 3]``); ``None`` for any
    other dose. What ``--json`` gives so a script rebuilds the sets without knowing the one-hold steps."""
    if kind is not Kind.REPS or not descending:
        return None
    return set_reps(sets, reps or 0, True, extra)


def holds_added(counts: list[int]) -> int | None:
    """How many sets of a descending list have their one hold more (``[6, 4, 3]`` → 1, ``[6, 4, 2]`` → 0), or
    ``None`` when the list is no such descending set."""
    return next((extra for extra in range(len(counts))
                 if counts and set_reps(len(counts), counts[0], True, extra) == counts), None)


def volume_seconds(
    kind: Kind, sets: int, reps: int | None, hold: int | None, minutes: int | None, per_rep: int,
    *, per_side: bool = False, descending: bool = False, extra: int = 0,
) -> int:
    """Working seconds, both sides counted: the measure every progression rule bounds."""
    sides = 2 if per_side else 1
    if kind is Kind.REPS:
        return sides * sum(set_reps(sets, reps or 0, descending, extra)) * per_rep
    if kind is Kind.HOLD:
        return sides * sets * (hold or 0)
    return (minutes or 0) * 60


def estimated_seconds(volume: int, kind: Kind, sets: int, rest_seconds: int, *, per_side: bool = False,
                      reps: int | None = None, extra: int = 0) -> int:
    """Honest time: the work (each side), the rests between sets, rolling over to the other side, the let-go
    between the holds of a descending set (``reps``: its first set's holds), and moving on to the next one."""
    if kind is Kind.DURATION:
        return volume + TRANSITION_SECONDS
    rest = rest_seconds * max(sets - 1, 0)
    switch = SWITCH_SECONDS * sets if per_side else 0
    holds = sum(set_reps(sets, reps, True, extra)) if reps is not None and kind is Kind.REPS else sets
    relax = RELAX_SECONDS * max(holds - sets, 0) * (2 if per_side else 1)
    return volume + rest + switch + relax + TRANSITION_SECONDS


def dose_text(
    kind: Kind, sets: int, reps: int | None, hold: int | None, minutes: int | None, per_rep: int,
    *, per_side: bool = False, descending: bool = False, extra: int = 0,
) -> str:
    """"2×20s", "6-4-2×10s" (descending sets of 10 s holds), "2×8 each side", "10 min"."""
    side = " each side" if per_side else ""
    if kind is Kind.REPS:
        if descending:
            return "-".join(map(str, set_reps(sets, reps or 0, True, extra))) + f"×{per_rep}s{side}"
        return f"{sets}×{reps}{side}"
    if kind is Kind.HOLD:
        return f"{sets}×{hold}s{side}"
    return f"{minutes} min"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int, what: str) -> str:
    """"three sets", "one set", "12 sets": small numbers in words, as a person would say them."""
    word = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
    return f"{word} {what}{'' if n == 1 else 's'}"


def explain_dose(
    kind: Kind, sets: int, reps: int | None, hold: int | None, minutes: int | None, per_rep: int,
    *, per_side: bool = False, descending: bool = False, extra: int = 0,
) -> str:
    """The dose in words, for the first time a person meets it: "6-4-2×10s: three sets of 10-second holds,
    6 then 4 then 2". Today explains it once; the session runner says it the same way."""
    short = dose_text(kind, sets, reps, hold, minutes, per_rep, per_side=per_side, descending=descending,
                      extra=extra)
    side = ", on each side" if per_side else ""
    if kind is Kind.REPS and descending:
        counts = set_reps(sets, reps or 0, True, extra)
        order = " then ".join(map(str, counts))
        return f"{short}: {_count(sets, 'set')} of {per_rep}-second holds, {order}{side}"
    if kind is Kind.REPS:
        return f"{short}: {_count(sets, 'set')} of {reps} reps{side}"
    if kind is Kind.HOLD:
        return f"{short}: {_count(sets, 'hold')} of {hold} seconds{side}"
    return f"{short}: {minutes} minutes in one go"

