"""The session runner's words for the run: what the line above the clock says, and what the clock shows
while it waits. Kept apart from the screen so the screen stays about drawing and keys."""

from __future__ import annotations

from planner.app.widgets.countdown import clock_text
from planner.domain.days.session_run import RELAX_SECONDS, Phase, SessionRun, unit_seconds, work_seconds
from planner.domain.library.models import Kind


def ready_seconds(run: SessionRun) -> int:
    """What the waiting clock shows: one hold of a descending set, else the whole set."""
    return unit_seconds(run.item) if run.descending else work_seconds(run.item, run.here.sets_done)


def phase_words(run: SessionRun) -> str:
    """The line above the clock: what is being counted now, in words."""
    item, side = run.item, f" · {run.side} side" if run.side else ""
    paused = " · paused" if run.paused else ""  # how to resume is the hint's to say (once), or a question waits
    number = run.here.sets_done + 1
    if run.phase is Phase.READY:
        if run.here.mark is not None:
            return "Finished."
        if run.descending:
            return (f"Set {number}{side}: {run.units} holds of {unit_seconds(item)} s, "
                    f"{RELAX_SECONDS} s to relax between. s starts the count.")
        if item.kind is Kind.REPS:
            return (f"Set {number}{side}: {run.units} reps, {unit_seconds(item)} s each "
                    f"(about {clock_text(work_seconds(item, run.here.sets_done))}). s counts them.")
        if item.kind is Kind.DURATION:
            return f"{item.minutes} min{side}: s starts the timer."
        return f"Set {number}{side}: hold {clock_text(unit_seconds(item))}. s starts the timer."
    if run.phase is Phase.REST:
        return f"Rest before set {number}{paused}"
    if run.phase is Phase.SWITCH:
        return f"Now the {run.side} side: roll over{paused}"
    if run.phase is Phase.RELAX:
        return f"Relax · hold {run.counted + 1} of {run.units} next{side}{paused}"
    if run.descending:
        return f"Hold {run.counted + 1} of {run.units}{side}{paused}"
    if item.kind is Kind.REPS:
        return f"Rep {run.counted + 1} of {run.units}{side}{paused}"
    return f"{'Hold' if item.kind is Kind.HOLD else 'Keep going'}{side}{paused}"
