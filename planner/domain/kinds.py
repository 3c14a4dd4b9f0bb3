"""The closed sets of names the records and views use: adjustment kinds, day statuses and alert levels.

Each is a ``StrEnum``: a member is its plain string (``DayStatus.DONE == "done"``), so what is stored,
exported or printed as JSON stays exactly the name it always was, and a misspelt name fails at import
instead of matching nothing.
"""

from __future__ import annotations

from enum import StrEnum


class AdjustmentKind(StrEnum):
    """Why the plan changed (the ``kind`` of an adjustment record)."""

    HOLD = "hold"  # pain held the doses where they were
    REDUCE = "reduce"  # pain cut the volume
    PAUSE = "pause"  # very high pain: the relief routine only
    RED_FLAG = "red-flag"  # a warning sign paused the program
    PROGRESS = "progress"  # low pain again: progression resumes
    REBUILD = "rebuild"  # building back to the planned volume
    REBUILT = "rebuilt"  # a rebuild's last step came by the calendar: back at the full plan (on the day)
    ADVICE = "advice"  # one exercise changed or dropped, the rest as planned
    RESUME = "resume"  # the person confirmed an assessment, or a relief pause ended
    RETURN = "return"  # two settled weeks: what pain dropped or eased is tried again
    GAP = "gap"  # back after a break: a step down
    REPEAT = "repeat"  # the week before was mostly not done: its doses repeat (planner.domain.pain.moving_on)
    DAYS = "days"  # the training days moved
    DIRECTION = "direction"  # a new answer on which direction eases the back: the next weeks follow it


# What a pain report can record, and so what ``undo --pain`` takes back with it. Never a warning sign's
# pause (``red-flag``): only ``resume --confirm`` lifts that.
TAKEN_BACK_WITH_PAIN: tuple[AdjustmentKind, ...] = (
    AdjustmentKind.HOLD, AdjustmentKind.REDUCE, AdjustmentKind.PAUSE, AdjustmentKind.PROGRESS,
    AdjustmentKind.REBUILD, AdjustmentKind.ADVICE, AdjustmentKind.RESUME, AdjustmentKind.RETURN,
    AdjustmentKind.REBUILT)

# The changes pain made to the volume: marked on the app's charts.
PAIN_CHANGES: tuple[AdjustmentKind, ...] = (
    AdjustmentKind.HOLD, AdjustmentKind.REDUCE, AdjustmentKind.PAUSE, AdjustmentKind.RED_FLAG,
    AdjustmentKind.REBUILD, AdjustmentKind.REBUILT, AdjustmentKind.RESUME, AdjustmentKind.PROGRESS)


class DayStatus(StrEnum):
    """What a day is, as ``planner today`` and ``today --json`` say it."""

    PLANNED = "planned"
    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"
    MISSED = "missed"
    REST = "rest"
    PAUSED = "paused"
    NO_PLAN = "no-plan"

    @property
    def words(self) -> str:
        """The status in words (the raw name stays in JSON)."""
        return _STATUS_WORDS[self]


_STATUS_WORDS = {
    DayStatus.PLANNED: "planned, not started yet",
    DayStatus.DONE: "done, every exercise checked off",
    DayStatus.PARTIAL: "partly done",
    DayStatus.SKIPPED: "skipped",
    DayStatus.MISSED: "missed",
    DayStatus.REST: "a rest day",
    DayStatus.PAUSED: "paused",
    DayStatus.NO_PLAN: "no plan yet - run planner plan new",
}



class AlertLevel(StrEnum):
    """How serious a reported warning sign is, most serious first (worded in
    :mod:`planner.domain.pain.warning_signs`, the one module that says anything about them)."""

    EMERGENCY = "emergency"  # the emergency department now; the program pauses
    URGENT = "urgent"  # a doctor today; the program pauses
    SOON = "soon"  # tingling that persists or returns: a physiotherapist or doctor this week
    ADVICE = "advice"  # tingling in one leg: stop the exercise that brings it on

    @property
    def pauses(self) -> bool:
        return self in (AlertLevel.EMERGENCY, AlertLevel.URGENT)
