"""Every Message the app's screens and the app send each other, in one place (as harlequin's ``messages.py``).

A screen never runs an action itself: it posts a :class:`Request` (one class per use case, each naming the
:mod:`planner.actions` function it stands for through :class:`planner.app.data.AppData`). The app handles
every request with ``@on(Request)``, runs it in a thread worker, publishes the new snapshot, and posts the
answer back to the screen that asked: :class:`Done` with the outcome, or :class:`Refused` with the reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from concurrent.futures import Future

    from textual.content import Content
    from textual.message_pump import MessagePump

    from planner.app.data import AppData, Outcome
    from planner.domain.days.projection import ProjectedWeek
    from planner.domain.plan.model import Eases, PlanInputs, Prescription, Weekday
    from planner.domain.records import CompletionStatus, PainReport
    from planner.exports.exporting import Format
    from planner.exports.live import LiveCalendar
    from planner.reports.writing import ReportFormat


class Request(Message):
    """A screen asks the app to run one action off the UI thread; the answer comes back to ``asker``.

    ``refusal_here``: a refusal goes back to the asker as :class:`Refused` (a dialog shows it where the
    person is looking); otherwise the app shows it as a notification.
    """

    refusal_here = False

    def __init__(self, asker: MessagePump) -> None:
        super().__init__()
        self.asker = asker

    def run(self, data: AppData) -> Outcome:
        raise NotImplementedError


class Done(Message, bubble=False):
    """A request's action finished; the app has already published ``outcome.snapshot``."""

    def __init__(self, request: Request, outcome: Outcome) -> None:
        super().__init__()
        self.request = request
        self.outcome = outcome


class Refused(Message, bubble=False):
    """A request's action refused (a :class:`planner.domain.errors.PlannerError`), in a sentence."""

    def __init__(self, request: Request, reason: str) -> None:
        super().__init__()
        self.request = request
        self.reason = reason


# The requests, one per use case ------------------------------------------------------------------------

class Load(Request):
    """Open the library and the active plan (``planner today``'s gap rule included); ``opening`` is that
    load already under way before the app started (see ``run_app``)."""

    def __init__(self, asker: MessagePump, opening: Future[Outcome] | None = None) -> None:
        super().__init__(asker)
        self.opening = opening

    def run(self, data: AppData) -> Outcome:
        return self.opening.result() if self.opening is not None else data.load()


class Reload(Request):
    """Read the store again where the person is: another writer (``planner pain`` in a second terminal, a phone
    over SSH) may have changed it, a warning-sign pause above all. Asked when the app gets the terminal's
    focus back and when Today is asked for while on it (``t``)."""

    def run(self, data: AppData) -> Outcome:
        return data.load()


class CheckOff(Request):
    """``planner done``: check exercises off, ``sets`` of a partial one."""

    def __init__(self, asker: MessagePump, items: list[Prescription], status: CompletionStatus = "done",
                 sets: int | None = None, *, all_of_today: bool = False) -> None:
        super().__init__(asker)
        self.items, self.status, self.sets = items, status, sets
        self.all_of_today = all_of_today  # "all done": the screen says what comes next

    def run(self, data: AppData) -> Outcome:
        return data.record(self.items, self.status, self.sets)


class UndoCheckOff(Request):
    """``planner undo``: take check-offs back."""

    def __init__(self, asker: MessagePump, exercise_ids: list[str], *, all_of_today: bool = False) -> None:
        super().__init__(asker)
        self.exercise_ids = exercise_ids
        self.all_of_today = all_of_today  # taking back an "all done": the screen says so

    def run(self, data: AppData) -> Outcome:
        return data.undo(self.exercise_ids)


class SkipDay(Request):
    """``planner skip``: skip today's session."""

    def run(self, data: AppData) -> Outcome:
        return data.skip_day()


class SaveNote(Request):
    """``planner note``: keep a short note with a day's session."""

    def __init__(self, asker: MessagePump, day: dt.date, text: str) -> None:
        super().__init__(asker)
        self.day, self.text = day, text

    def run(self, data: AppData) -> Outcome:
        return data.save_note(self.day, self.text)


class ReportPain(Request):
    """``planner pain``: record a report; the outcome says what changed and carries any alert."""

    def __init__(self, asker: MessagePump, report: PainReport) -> None:
        super().__init__(asker)
        self.report = report

    def run(self, data: AppData) -> Outcome:
        return data.report_pain(self.report)


class UndoPain(Request):
    """``planner undo --pain``."""

    refusal_here = True

    def run(self, data: AppData) -> Outcome:
        return data.undo_pain()


class Resume(Request):
    """``planner resume --confirm``: lift a pause."""

    def run(self, data: AppData) -> Outcome:
        return data.resume()


class RecordScreening(Request):
    """``planner screen``: keep the safety questions' answers."""

    def __init__(self, asker: MessagePump, yes: tuple[str, ...], eases: Eases | None = None) -> None:
        super().__init__(asker)
        self.yes, self.eases = yes, eases

    def run(self, data: AppData) -> Outcome:
        return data.record_screening(self.yes, self.eases)


class CreatePlan(Request):
    """``planner plan new``: build the plan and make it the active one."""

    def __init__(self, asker: MessagePump, inputs: PlanInputs, activities: list[str] | None = None) -> None:
        super().__init__(asker)
        self.inputs, self.activities = inputs, activities

    def run(self, data: AppData) -> Outcome:
        return data.create_plan(self.inputs, self.activities)


class AddActivities(Request):
    """``planner function set``: name the activities the person wants back."""

    refusal_here = True

    def __init__(self, asker: MessagePump, names: list[str]) -> None:
        super().__init__(asker)
        self.names = names

    def run(self, data: AppData) -> Outcome:
        return data.add_activities(self.names)


class RateActivities(Request):
    """``planner function rate``: rate each activity, in order."""

    refusal_here = True

    def __init__(self, asker: MessagePump, scores: list[str]) -> None:
        super().__init__(asker)
        self.scores = scores

    def run(self, data: AppData) -> Outcome:
        return data.rate_activities(self.scores)


class ChangeDays(Request):
    """``planner plan days``: move the training days from next week on."""

    refusal_here = True

    def __init__(self, asker: MessagePump, days: list[Weekday]) -> None:
        super().__init__(asker)
        self.days = days

    def run(self, data: AppData) -> Outcome:
        return data.change_days(self.days)


class Export(Request):
    """``planner export -o``."""

    refusal_here = True

    def __init__(self, asker: MessagePump, fmt: Format, path: Path, at: dt.time, *, force: bool) -> None:
        super().__init__(asker)
        self.fmt, self.path, self.at, self.force = fmt, path, at, force

    def run(self, data: AppData) -> Outcome:
        return data.export(self.fmt, self.path, self.at, force=self.force)


class WriteReport(Request):
    """``planner report -o``."""

    refusal_here = True

    def __init__(self, asker: MessagePump, fmt: ReportFormat, path: Path, since: dt.date | None, *,
                 force: bool) -> None:
        super().__init__(asker)
        self.fmt, self.path, self.since, self.force = fmt, path, since, force

    def run(self, data: AppData) -> Outcome:
        return data.report(self.fmt, self.path, self.since, force=self.force)


class SetLiveCalendar(Request):
    """``planner calendar --live`` (or ``--off`` with ``None``)."""

    refusal_here = True

    def __init__(self, asker: MessagePump, live: LiveCalendar | None) -> None:
        super().__init__(asker)
        self.live = live

    def run(self, data: AppData) -> Outcome:
        return data.set_live_calendar(self.live)


# Settings ------------------------------------------------------------------------------------------------

class SaveSetting(Message):
    """Keep a choice for next time (``theme``, ``sound``, the runner's switch time); the app saves it in a
    worker, and a newer choice of the same setting replaces one still waiting."""

    def __init__(self, key: str, value: str) -> None:
        super().__init__()
        self.key, self.value = key, value


class SettingRead(Message, bubble=False):
    """A saved choice, read off the UI thread (``None``: never chosen, or the store could not say)."""

    def __init__(self, key: str, value: str | None) -> None:
        super().__init__()
        self.key, self.value = key, value


# Read-only work a screen runs in its own worker ----------------------------------------------------------

class ProjectionReady(Message):
    """The check-in's "if it stays at N" weeks, worked out in a worker for the score typed last."""

    def __init__(self, score: int, weeks: list[ProjectedWeek]) -> None:
        super().__init__()
        self.score, self.weeks = score, weeks


class PreviewReady(Message):
    """The builder's preview of the plan, built in a worker from the form as it stood."""

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content


class CreateChecked(Message):
    """The builder's form, checked in a worker before a plan is built: the error to show, if any, and
    whether the safety questions must be asked first."""

    def __init__(self, inputs: PlanInputs, activities: list[str], error: str | None, screening_first: bool) -> None:
        super().__init__()
        self.inputs, self.activities, self.error, self.screening_first = inputs, activities, error, screening_first
