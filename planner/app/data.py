"""The app's door to the actions, and the snapshot every screen reads.

Each operation calls the same function in :mod:`planner.actions` that the matching CLI command calls
(nothing re-implemented) and returns a fresh :class:`Snapshot`. Operations run in worker threads; SQLite
connections are bound to the thread that made them, so each action opens and closes its own, and a lock
keeps the app's writes in the order the person made them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.actions import function, reading, sessions, settings, views
from planner.actions import situation as actions
from planner.app import first_face
from planner.app.first_face import SETTINGS
from planner.context import Context
from planner.domain.days.adapted import slot_on
from planner.domain.days.day import DayView, day_view
from planner.domain.days.easier import any_eased
from planner.domain.days.progress import Progress, progress
from planner.domain.errors import PlannerError
from planner.domain.function import FunctionSummary
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.model import Eases, Plan, PlanInputs, Prescription, Weekday
from planner.domain.records import CompletionStatus, History, PainReport

if TYPE_CHECKING:
    from planner.domain.days.projection import ProjectedWeek
    from planner.domain.lessons.loading import Lessons
    from planner.exports.exporting import Format
    from planner.exports.live import LiveCalendar
    from planner.reports.writing import ReportFormat
    from planner.store.active_plan import ActivePlan


@dataclass(frozen=True)
class Snapshot:
    """The active plan as it stood after the last load or write; screens only read this."""

    today: dt.date
    library: Library
    plan: Plan | None = None
    history: History = field(default_factory=History)
    state: AdaptationState = field(default_factory=AdaptationState)
    weekly_increase: float = 0.1
    rules: PainRules = DEFAULT_RULES
    function: FunctionSummary = field(default_factory=FunctionSummary)  # the activities the person wants back

    def day(self, day: dt.date | None = None) -> DayView:
        """A day exactly as ``planner today`` shows it. Worked out once per snapshot and day: Today asks
        for its day each time it draws and each time it asks which keys apply, and the snapshot never
        changes (the views are only read). Kept without a lock, like :meth:`progress`: two threads asking
        at once only work the same day out twice."""
        day = day or self.today
        kept = self.__dict__.setdefault("_days", {})
        view = kept.get(day)
        if view is None:
            view = kept[day] = day_view(self.plan, self.library, self.state, self.history, day,
                                        self.weekly_increase, self.today, self.rules)
        return view

    def week_sessions(self, index: int) -> list[DayView]:
        """The plan's calendar week ``index`` (from 0): its session days, as Today shows (or showed) each."""
        if self.plan is None:
            return []
        first = self.plan.inputs.start + dt.timedelta(days=7 * index)
        days = [first + dt.timedelta(days=i) for i in range(7)]
        return [view for view in (self.day(d) for d in days if slot_on(self.plan, d) is not None) if view.planned]

    def easier_week(self, index: int, views: list[DayView] | None = None) -> bool:
        """Whether calendar week ``index`` has an easier week's doses (the label follows the doses, not
        the calendar; see :mod:`planner.domain.days.easier`)."""
        if self.plan is None:
            return False
        return any_eased(self.week_sessions(index) if views is None else views)

    def progress_counted(self) -> Progress | None:
        """The progress, if this snapshot has worked it out already (see :meth:`progress`)."""
        return self.__dict__.get("_progress")

    def progress(self) -> Progress | None:
        """Worked out once per snapshot (a year of history is every day of the plan worked out), though
        Today and History both ask for it, Today each time it is drawn. Today counts it in a worker after
        its first frame, and History opened meanwhile waits for that count instead of making a second one
        beside it (twice the time and the memory): a lock of this snapshot's own, since
        ``functools.cached_property`` on 3.11 holds one lock for every instance."""
        if self.plan is None:
            return None
        kept = self.progress_counted()
        if kept is not None:
            return kept
        with self.__dict__.setdefault("_progress_lock", threading.Lock()):  # setdefault: one lock, whoever asks first
            kept = self.progress_counted()
            if kept is None:
                kept = self.__dict__["_progress"] = progress(self.plan, self.library, self.history, self.today,
                                                             self.weekly_increase)
        return kept


@dataclass(frozen=True)
class Outcome:
    """What a write left behind, and the sentences to show the person about it."""

    snapshot: Snapshot
    lines: list[str] = field(default_factory=list)
    alert: Alert | None = None  # a warning sign's alert the write called for (the screening's answers)


def project(snapshot: Snapshot, score: int, weeks: int = 3) -> list[ProjectedWeek]:
    """The coming weeks if every session were reported at ``score`` (``planner simulate``); reads only, and
    pure: the check-in runs it in a worker."""
    from planner.domain.days.projection import project_pain

    if snapshot.plan is None:
        return []
    return project_pain(snapshot.plan, snapshot.library, snapshot.state, snapshot.history, snapshot.today,
                        snapshot.weekly_increase, score, None, weeks, snapshot.rules)


class AppData:
    """A thin adapter over :mod:`planner.actions`: each write is the same action the CLI calls; this adds
    the snapshot the screens read and keeps the app's writes in the order the person made them."""

    def __init__(self, context: Context, *, keep_faces: bool = False, first_key: views.Kept | None = None):
        """``keep_faces``: keep Today's face after each load for the next start's first frame (the
        ``planner`` command's app; an app made in process, as the tests make it, has no next start).
        ``first_key``: the face's key, read just before the first load (which need not read it again)."""
        self.context = context
        self.keep_faces = keep_faces
        self._first_key = first_key
        self._lock = threading.Lock()
        # The person's SETTINGS, read once with the first load (the app restores them before its first
        # frame); None until then, or when the store could not say.
        self.settings: dict[str, str | None] | None = None
        self._settings_read = False

    @property
    def today(self) -> dt.date:
        return self.context.today

    def _snapshot(self, active: ActivePlan | None) -> Snapshot:
        if active is None:
            return Snapshot(self.today, self.context.library)
        return Snapshot(self.today, self.context.library, active.plan, active.history, active.state,
                        active.weekly_increase, active.rules, function.summary(self.context))

    def _outcome(self, outcome: actions.Outcome, lines: list[str] | None = None) -> Outcome:
        """The action's outcome with the snapshot after it (a plan it did not touch is read again)."""
        active = outcome.active if outcome.active is not None else reading.active_plan(self.context)
        said = list(outcome.lines if lines is None else lines)
        if outcome.live_problem:
            said.append(f"Note: {outcome.live_problem}.")
        return Outcome(self._snapshot(active), said, outcome.alert)

    def saved_setting(self, key: str) -> str | None:
        """A choice the person made last time (``theme``, ``sound``); reading never creates a store."""
        return reading.setting(self.context, key)

    def save_setting(self, key: str, value: str) -> None:
        with self._lock:
            settings.save_setting(self.context, key, value)

    def saved_theme(self) -> str | None:
        return self.saved_setting("theme")

    def save_note(self, day: dt.date, text: str) -> Outcome:
        """Keep a short note with ``day``'s session (an empty one removes it)."""
        with self._lock:
            return self._outcome(sessions.note(self.context, day, text))

    def load(self) -> Outcome:
        """Open the library and the active plan; apply the gap rule as ``planner today`` does. Today's face
        for the next start (:mod:`planner.app.first_face`) is then due: :meth:`keep_face` keeps it, once the
        app has drawn this load (it is not worth a moment of the first frame)."""
        # The key before the read, as the read model's views are kept.
        kept, self._first_key = self._first_key or (first_face.lookup(self.context) if self.keep_faces else None), None
        with self._lock:
            outcome = self._outcome(sessions.catch_up(self.context, create=True))
        if not self._settings_read:
            self._settings_read = True
            try:
                self.settings = {key: self.saved_setting(key) for key in SETTINGS}
            except PlannerError:
                self.settings = None  # the app reads them again after its first frame, and says nothing
        if kept is not None and outcome.snapshot.plan is not None:
            self._face_due = (kept, outcome.snapshot)
        return outcome

    _face_due: tuple[views.Kept, Snapshot] | None = None

    def keep_face(self, *, read_again: bool = False) -> None:
        """Keep Today's face for the next start: the last load's if nothing was written since it began, else
        (a first look at the day that recorded the gap rule's step down, another writer, or ``read_again``
        after the app's own writes) from one more read. Never fails: a face not kept only means the next
        start loads first."""
        from planner.app import today_face

        if not self.keep_faces:
            return
        due, self._face_due = self._face_due, None
        if read_again or (due is not None and not views.face_holds(due[0])):
            with contextlib.suppress(PlannerError):
                self.load()
            due, self._face_due = self._face_due, None
        if due is None:
            return
        kept, snapshot = due
        try:
            settings = {key: self.saved_setting(key) for key in SETTINGS}
            views.keep_face(kept, today_face.kept(snapshot, settings), today_face.tomorrow(snapshot, settings))
        except (PlannerError, OSError, ValueError):  # the store or the file: the face waits for the next load
            return

    def screening_needed(self) -> str | None:
        """Why the safety questions must be asked before a plan is built, or ``None`` (see ``plan new``)."""
        from planner.actions import screening

        return screening.screening_needed(self.context)

    def record_screening(self, yes: tuple[str, ...], eases: Eases | None = None) -> Outcome:
        """Keep the screening's answers (``planner screen``); a "yes" shows its alert and may record a pause.
        ``eases`` is the answer to which direction eases the back (``planner screen --eases``)."""
        from planner.actions import screening

        with self._lock:
            outcome = screening.screen(self.context, yes)
            if eases is None or outcome.alert is not None:
                return self._outcome(outcome)
            return self._outcome(screening.set_eases(self.context, eases))

    def add_activities(self, names: list[str]) -> Outcome:
        """Name activities the back makes hard (``planner function set``)."""
        with self._lock:
            return self._outcome(function.add_activities(self.context, names))

    def rate_activities(self, texts: list[str]) -> Outcome:
        """Rate each current activity 0-10 (``planner function rate``)."""
        with self._lock:
            return self._outcome(function.rate_activities(self.context, texts))

    def create_plan(self, inputs: PlanInputs, activities: list[str] | None = None) -> Outcome:
        """Build and keep the plan, following the screening's answer on which direction eases the back;
        ``activities`` the person wants back are named with it."""
        from planner.actions import plans

        with self._lock:
            return self._outcome(plans.new_plan(self.context, inputs, activities=activities))

    def record(self, items: list[Prescription], status: CompletionStatus, sets: int | None = None) -> Outcome:
        """Check exercises off (``planner done``); ``sets`` records how many were done of a partial one."""
        if not items:  # nothing chosen: nothing to record (the action would take "none named" as all)
            return self._outcome(actions.Outcome())
        with self._lock:
            outcome = sessions.check_off(self.context, self.today, [p.id for p in items], status, sets)
            return self._outcome(outcome, [])

    def undo(self, exercise_ids: list[str]) -> Outcome:
        """Take check-offs back (``planner undo``)."""
        with self._lock:
            return self._outcome(sessions.undo_check_off(self.context, self.today, exercise_ids), [])

    def skip_day(self, why: str = "") -> Outcome:
        """Skip today's session (``planner skip``)."""
        with self._lock:
            outcome = sessions.skip(self.context, self.today, why)
            return self._outcome(outcome, [f"Skipped today. {sessions.SKIPPED}"])

    def report_pain(self, report: PainReport) -> Outcome:
        """Record a pain report (``planner pain``) and say what changed and why."""
        from planner.actions import pain

        with self._lock:
            return self._outcome(pain.report_pain(self.context, report))

    def undo_pain(self) -> Outcome:
        """Take back the latest pain report (``planner undo --pain``)."""
        from planner.actions import pain

        with self._lock:
            return self._outcome(pain.undo_pain(self.context))

    def resume(self) -> Outcome:
        """Lift a pause once a professional has assessed the person (``planner resume --confirm``)."""
        from planner.actions import pain

        with self._lock:
            return self._outcome(pain.resume(self.context))

    def export(self, fmt: Format, path: Path, at: dt.time, *, force: bool = False) -> Outcome:
        """Write the plan to ``path`` (``planner export -o``): atomic, and never over a file without ``force``."""
        from planner.actions import files

        return self._outcome(files.export(self.context, fmt, path, at, force=force))

    def report(self, fmt: ReportFormat, path: Path, since: dt.date | None, *, force: bool = False) -> Outcome:
        """Write the report (``planner report -o``): private, atomic, never over a file without ``force``."""
        from planner.actions import files

        return self._outcome(files.report(self.context, fmt, path, since, force=force))

    def change_days(self, days: list[Weekday]) -> Outcome:
        """Move the training days from next week on (``planner plan days``)."""
        from planner.actions import plans

        with self._lock:
            return self._outcome(plans.change_days(self.context, days))

    # Lessons -------------------------------------------------------------

    def lessons(self) -> Lessons:
        return self.context.lessons

    def lessons_read(self) -> dict[str, str]:
        return reading.lessons_read(self.context)

    def mark_lesson_read(self, lesson_id: str) -> None:
        """Record a lesson as read (``planner lesson ID`` does the same)."""
        with self._lock:
            settings.mark_lesson_read(self.context, lesson_id)

    # The live calendar file ----------------------------------------------

    def live_calendar(self) -> LiveCalendar | None:
        from planner.actions import files

        return files.live_calendar(self.context)

    def set_live_calendar(self, live: LiveCalendar | None) -> Outcome:
        """Name the live file and write it now (``planner calendar --live``), or stop (``--off``)."""
        from planner.actions import files

        with self._lock:
            return self._outcome(files.set_live_calendar(self.context, live))
