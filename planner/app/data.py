"""The app's single door to the store, and the snapshot every screen reads.

Each operation opens the store, does what the matching CLI command does (same
domain functions, nothing re-implemented), and returns a fresh
:class:`Snapshot`. Operations run in worker threads; SQLite connections are
bound to the thread that made them, so each call opens and closes its own,
and a lock keeps the app's writes in the order the person made them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.context import Context
from planner.domain.days.day import DayView, day_view
from planner.domain.days.progress import Progress, progress
from planner.domain.errors import PlannerError, display_path
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import (
    AdaptationState,
    apply_pain_report,
    recurring_pain,
    resume_confirmed,
)
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.screening import Screening, check_screened, screening_outcome
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import Plan, PlanInputs, Prescription, Weekday
from planner.domain.records import Completion, CompletionStatus, History, PainReport
from planner.exports.exporting import Format, export_plan
from planner.exports.figure_files import figures_folder, write_plan_figures
from planner.exports.files import write_export
from planner.exports.live import LiveCalendar
from planner.store.active_plan import ActivePlan, load_active, standing_state, start_plan
from planner.store.store import Store

if TYPE_CHECKING:
    from planner.domain.days.projection import ProjectedWeek
    from planner.domain.lessons.loading import Lessons
    from planner.reports.writing import ReportFormat


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

    def day(self, day: dt.date | None = None) -> DayView:
        """A day exactly as ``planner today`` shows it."""
        return day_view(self.plan, self.library, self.state, self.history, day or self.today,
                        self.weekly_increase, self.today, self.rules)

    def progress(self) -> Progress | None:
        if self.plan is None:
            return None
        return progress(self.plan, self.library, self.history, self.today, self.weekly_increase)


@dataclass(frozen=True)
class Outcome:
    """What a write left behind, and the sentences to show the person about it."""

    snapshot: Snapshot
    lines: list[str] = field(default_factory=list)
    alert: Alert | None = None  # a warning sign's alert the write called for (the screening's answers)


class AppData:
    def __init__(self, context: Context):
        self.context = context
        self._lock = threading.Lock()

    @property
    def today(self) -> dt.date:
        return self.context.today

    @contextmanager
    def _active(self) -> Iterator[tuple[Store, ActivePlan | None]]:
        with self._lock, Store(self.context.data_dir) as store:
            yield store, load_active(store, self.context.library, self.context.pain_rules)

    def _snapshot(self, active: ActivePlan | None) -> Snapshot:
        if active is None:
            return Snapshot(self.today, self.context.library)
        return Snapshot(self.today, self.context.library, active.plan, active.history, active.state,
                        active.weekly_increase, active.rules)

    def saved_setting(self, key: str) -> str | None:
        """A choice the person made last time (``theme``, ``sound``); reading never creates a store."""
        store = Store.open_existing(self.context.data_dir)
        if store is None:
            return None
        with store:
            return store.setting(key)

    def save_setting(self, key: str, value: str) -> None:
        with self._lock, Store(self.context.data_dir) as store:
            store.set_setting(key, value)

    def saved_theme(self) -> str | None:
        return self.saved_setting("theme")

    def save_note(self, day: dt.date, text: str) -> Outcome:
        """Keep a short note with ``day``'s session (an empty one removes it)."""
        with self._active() as (store, active):
            if active is None:
                raise PlannerError("Build a plan first: a note is kept with a session.")
            store.set_note(active.record.id, day, text)
            active.reload()
            return Outcome(self._snapshot(active), ["Note kept with the session." if text.strip()
                                                    else "Note removed."])

    def load(self) -> Outcome:
        """Open the library and the active plan; apply the gap rule as ``planner today`` does."""
        with self._active() as (_, active):
            if active is not None:
                active.catch_up(self.today)
            return Outcome(self._snapshot(active))

    def screening_needed(self) -> str | None:
        """Why the safety questions must be asked before a plan is built, or ``None`` (see ``plan new``)."""
        store = Store.open_existing(self.context.data_dir)
        latest = None
        if store is not None:
            with store:
                latest = store.latest_screening()
        try:
            check_screened(latest, self.today)
        except PlannerError as err:
            return str(err)
        return None

    def record_screening(self, yes: tuple[str, ...]) -> Outcome:
        """Keep the screening's answers (``planner screen``); a "yes" shows its alert and may record a pause."""
        screening = Screening(self.today, yes)
        with self._lock, Store(self.context.data_dir) as store:
            alert, pause = screening_outcome(screening, standing_state(store))
            store.record_screening(screening, [pause] if pause else [])
            active = load_active(store, self.context.library, self.context.pain_rules)
            return Outcome(self._snapshot(active), [alert.message] if alert else [], alert)

    def create_plan(self, inputs: PlanInputs) -> Outcome:
        built = build_plan(inputs, self.context.library)
        with self._lock, Store(self.context.data_dir) as store:
            _, carried = start_plan(store, built.inputs, built.program_name, self.today, self.context.pain_rules)
            active = load_active(store, self.context.library, self.context.pain_rules)
            return Outcome(self._snapshot(active), [f"Plan created: {built.program_name}, {inputs.weeks} weeks.",
                                                    *([carried.reason] if carried else []),
                                                    *self._changed(store, active)])

    def record(self, items: list[Prescription], status: CompletionStatus, sets: int | None = None) -> Outcome:
        """Check exercises off (``planner done``); ``sets`` records how many were done of a partial one."""
        with self._active() as (store, active):
            if active is None:
                return Outcome(self._snapshot(None))
            active.check_off([
                Completion(self.today, p.id, status, p.sets if sets is None else sets, p.reps, p.hold_seconds,
                           p.minutes) for p in items], self._snapshot(active).day())
            return Outcome(self._snapshot(active), self._changed(store, active))

    def undo(self, exercise_ids: list[str]) -> Outcome:
        """Take check-offs back (``planner undo``)."""
        with self._active() as (store, active):
            if active is None:
                return Outcome(self._snapshot(None))
            store.remove_completions(active.record.id, self.today, exercise_ids)
            active.reload()
            return Outcome(self._snapshot(active), self._changed(store, active))

    def skip_day(self, why: str = "") -> Outcome:
        """Skip today's session (``planner skip``)."""
        with self._active() as (store, active):
            if active is None:
                return Outcome(self._snapshot(None))
            store.record_skip(active.record.id, self.today, why)
            active.reload()
            return Outcome(self._snapshot(active), ["Skipped today. Missing a session is fine; the plan carries on.",
                                                    *self._changed(store, active)])

    def projection(self, snapshot: Snapshot, score: int, weeks: int = 3) -> list[ProjectedWeek]:
        """The coming weeks if every session were reported at ``score`` (``planner simulate``); reads only."""
        from planner.domain.days.projection import project_pain

        if snapshot.plan is None:
            return []
        return project_pain(snapshot.plan, snapshot.library, snapshot.state, snapshot.history, snapshot.today,
                            snapshot.weekly_increase, score, None, weeks, snapshot.rules)

    def report_pain(self, report: PainReport) -> Outcome:
        """Record a pain report (``planner pain``) and say what changed and why."""
        with self._active() as (store, active):
            if active is None:
                return Outcome(self._snapshot(None), ["Build a plan first: pain reports adjust a plan."])
            _, adjustments, notes = apply_pain_report(active.plan, self.context.library, active.state,
                                                      active.history, report, active.weekly_increase, active.rules)
            store.record_pain(active.record.id, report, adjustments)
            active.reload()
            lines = [a.reason for a in adjustments] + notes
            if not lines:
                lines.append(f"Pain {report.score} recorded. Progression continues as planned.")
            advice = recurring_pain(active.history, report.date, active.rules)
            if advice:
                lines.append(advice)
            return Outcome(self._snapshot(active), lines + self._changed(store, active))

    def undo_pain(self) -> Outcome:
        """Take back the latest pain report (``planner undo --pain``)."""
        with self._active() as (_, active):
            if active is None:
                raise PlannerError("Build a plan first: there is no pain report to take back.")
            removed = active.undo_pain()
            return Outcome(self._snapshot(active), [f"Took back the pain report of {removed.score} on "
                                                    f"{removed.date.isoformat()}."])

    def resume(self) -> Outcome:
        """Lift a pause once a professional has assessed the person (``planner resume --confirm``)."""
        with self._active() as (store, active):
            if active is None:
                raise PlannerError("Build a plan first: there is nothing to resume.")
            _, adjustment = resume_confirmed(active.state, active.plan, self.today, active.weekly_increase,
                                             active.rules)
            if adjustment is None:
                return Outcome(self._snapshot(active), ["The program is not paused; nothing to resume."])
            store.record_adjustments(active.record.id, [adjustment])
            active.reload()
            return Outcome(self._snapshot(active), [adjustment.reason])

    def export(self, fmt: Format, path: Path, at: dt.time, *, force: bool = False) -> Outcome:
        """Write the plan to ``path`` (``planner export -o``): atomic, and never over a file without ``force``."""
        with self._active() as (_, active):
            if active is None:
                raise PlannerError("Build a plan first: there is nothing to export yet.")
            figures = figures_folder(path) if fmt == "md" else None
            text = export_plan(active, self.context.library, fmt, at, figures=figures)
            write_export(path, text, force=force)
            if figures is not None:
                write_plan_figures(path, active.plan, self.context.library)
            return Outcome(self._snapshot(active), [f"Wrote {display_path(path)}."])

    def report(self, fmt: ReportFormat, path: Path, since: dt.date | None, *, force: bool = False) -> Outcome:
        """Write the report (``planner report -o``): private, atomic, never over a file without ``force``."""
        from planner.reports.writing import render_report, write_report

        if since is not None and since > self.today:
            raise PlannerError(f"Since: {since.isoformat()} is after today.")
        with self._active() as (_, active):
            if active is None:
                raise PlannerError("Build a plan first: there is nothing to report yet.")
            write_report(path, render_report(active, self.context.library, self.today, fmt, since), force=force)
            return Outcome(self._snapshot(active), [f"Wrote {display_path(path)} (readable only by you)."])

    def change_days(self, days: list[Weekday]) -> Outcome:
        """Move the training days from next week on (``planner plan days``)."""
        with self._active() as (store, active):
            if active is None:
                raise PlannerError("Build a plan first: there are no training days to change yet.")
            adjustment = active.change_days(days, self.today, self.context.library)
            return Outcome(self._snapshot(active), [adjustment.reason, *self._changed(store, active)])

    # Lessons -------------------------------------------------------------

    def lessons(self) -> Lessons:
        return self.context.lessons

    def lessons_read(self) -> dict[str, str]:
        store = Store.open_existing(self.context.data_dir)
        if store is None:
            return {}
        with store:
            return store.lessons_read()

    def mark_lesson_read(self, lesson_id: str) -> None:
        """Record a lesson as read (``planner lesson ID`` does the same)."""
        with self._lock, Store(self.context.data_dir) as store:
            store.mark_lesson_read(lesson_id)

    # The live calendar file ----------------------------------------------

    def _changed(self, store: Store, active: ActivePlan | None) -> list[str]:
        """After every change to the plan or history: rewrite the live calendar file, if one is set."""
        from planner.exports.live import refresh_live

        problem = refresh_live(store, self.context.library, self.today, active)
        return [f"Note: {problem}."] if problem else []

    def live_calendar(self) -> LiveCalendar | None:
        store = Store.open_existing(self.context.data_dir)
        if store is None:
            return None
        with store:
            from planner.exports.live import live_setting

            return live_setting(store)

    def set_live_calendar(self, live: LiveCalendar | None) -> Outcome:
        """Name the live file and write it now (``planner calendar --live``), or stop (``--off``)."""
        from planner.exports.live import check_target, set_live, write_live

        with self._active() as (store, active):
            if live is None:
                set_live(store, None)
                return Outcome(self._snapshot(active), ["The live calendar file is no longer updated."])
            check_target(live.path)
            write_live(store, self.context.library, self.today, active, live)
            set_live(store, live)
            return Outcome(self._snapshot(active), [f"Wrote {display_path(live.path)}; it now follows every change."])
