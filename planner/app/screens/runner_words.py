"""The session runner's words for the run: its title, each exercise's line in the list, the set dots, what
the line above the clock says, what the clock shows while it waits, and the hint of the keys that act now.
Kept apart from the screen so the screen stays about drawing and keys."""

from __future__ import annotations

from textual.content import Content

from planner.app.marked_rows import marked_rows
from planner.app.widgets.countdown import clock_text
from planner.domain.days import session_run as run_events
from planner.domain.days.session_run import RELAX_SECONDS, Mark, Phase, SessionRun, unit_seconds, work_seconds
from planner.domain.library.models import Kind

MARKS = {Mark.DONE: "✓", Mark.SKIPPED: "–", Mark.PARTIAL: "◐"}


def set_dots(done: int, sets: int) -> str:
    """● for each set done, ○ for each to go: reads without colour."""
    return " ".join(["●"] * done + ["○"] * (sets - done))


def progress_title(run: SessionRun) -> str:
    """"2 of 5 exercises finished · 1 skipped · walk done": the session's own exercises, as 'planner done'
    and history count them; the walk apart from the session is said on its own."""
    done = run_events.count(run, Mark.DONE, session_only=True)
    skipped = run_events.count(run, Mark.SKIPPED, session_only=True)
    walked = any(p.apart for p in run.items) and all(
        progress.mark is Mark.DONE for p, progress in zip(run.items, run.progress, strict=True) if p.apart)
    return (f"{done} of {sum(not p.apart for p in run.items)} exercises finished"
            + (f" · {skipped} skipped" if skipped else "") + (" · walk done" if walked else ""))


def exercise_heading(run: SessionRun) -> Content:
    """The exercise's name, its dose and where it is in the session ("(2/5)"; a walk apart: "any time
    today"): the count is the session's own exercises, as in 'planner done' and history."""
    item = run.item
    each_side = " each side" if run.sided[run.current] and not item.per_side else ""
    return Content.assemble(
        (item.name, "bold"), f"  {item.dose_text()}{each_side}",
        "  any time today" if item.apart else
        f"  ({run.current + 1 - sum(p.apart for p in run.items[:run.current])}/"
        f"{sum(not p.apart for p in run.items)})")


def set_progress(run: SessionRun) -> Content:
    """"Set 2 of 3 · left side   ● ○ ○"."""
    item, here = run.item, run.here
    side = f" · {run.side} side" if run.side else ""
    return Content.assemble((f"Set {min(here.sets_done + 1, item.sets)} of {item.sets}", "bold"), f"{side}   ",
                            set_dots(here.sets_done, item.sets))


def clock_face(run: SessionRun) -> tuple[str, int, int]:
    """What the clock shows and how far its bar is (text, total, progress): the set's length while it
    waits, the rep being counted while reps are counted at their tempo, else the seconds left."""
    if run.phase is Phase.READY:
        return clock_text(ready_seconds(run)), 1, 0
    if run.phase is Phase.WORK and run.item.kind is Kind.REPS and not run.descending:
        return str(run.counted + 1), run.units, run.counted
    return clock_text(run.remaining), run.total, run.total - run.remaining


def list_line(run: SessionRun, index: int, width: int | None = None) -> str:
    """One exercise in the runner's list: its mark (done, skipped, part-done, the current one) and name,
    a long name wrapped to ``width`` with its next lines under the name (None: one line, as it is)."""
    item, progress = run.items[index], run.progress[index]
    mark = MARKS.get(progress.mark, "▶" if index == run.current else " ") if progress.mark else (
        "▶" if index == run.current else "◐" if progress.sets_done else " ")
    later = " (any time)" if item.apart else ""
    return "\n".join(marked_rows(mark, f"{item.name}{later}", width))


def hint_words(run: SessionRun, question: str | None = None) -> str:
    """The keys that act now, in a line; while a question is asked inline, its answers."""
    if question is not None:
        return f"{question}  y: yes · n: no"
    if run_events.all_closed(run):
        return "All finished. Press f to finish and say how your back feels."
    if not run_events.left_to_do(run):
        return ("The session is finished. The walk can wait for any time today (check it off on Today): "
                "f finishes now, or s times the walk.")
    if run.here.mark is not None:
        return "This one is finished. Pick another with ↑↓, or press f to finish."
    if run.paused:
        return "Paused: p resumes · space: set done · m: partial · x: skip"
    if run.phase is Phase.REST:
        return "Resting: space ends the rest early · p: pause"
    if run.phase is Phase.SWITCH:
        return "Roll over: space starts the other side now · p: pause"
    what = f"{run.side} side done" if run.side else "set done"
    if run.timing:
        return f"s or space: {what} now · p: pause · m: partial · x: skip"
    return f"s: start the count · space: {what} · m: partial · x: skip · b: sound"


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
