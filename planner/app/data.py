"""The app's single door to the store: open the active plan, read a day, record things.

Kept apart from the screens so no widget talks SQL and every call mirrors a CLI command.
"""

from __future__ import annotations

import datetime as dt

from planner.context import Context
from planner.domain.adaptation import apply_pain_report
from planner.domain.builder import build_plan
from planner.domain.day import DayView, day_view
from planner.domain.plan import PlanInputs
from planner.domain.progress import Progress, progress
from planner.domain.records import Completion, PainReport
from planner.store.active_plan import ActivePlan, load_active
from planner.store.store import Store


class AppData:
    def __init__(self, context: Context):
        self.context = context
        self.library = context.library
        self.store = Store(context.data_dir)
        self.active: ActivePlan | None = None
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self.context.today

    def refresh(self) -> None:
        self.active = load_active(self.store, self.library)
        if self.active is not None:
            self.active.catch_up(self.today)

    def day(self, day: dt.date | None = None) -> DayView:
        day = day or self.today
        if self.active is None:
            return day_view(None, self.library, None, None, day, 0.1)  # type: ignore[arg-type]
        a = self.active
        return day_view(a.plan, self.library, a.state, a.history, day, a.weekly_increase, self.today)

    def progress(self) -> Progress | None:
        if self.active is None:
            return None
        a = self.active
        return progress(a.plan, self.library, a.history, self.today, a.weekly_increase)

    def create_plan(self, inputs: PlanInputs) -> None:
        built = build_plan(inputs, self.library)
        self.store.save_plan(inputs, built.program_name)
        self.refresh()

    def toggle_done(self, exercise_id: str) -> None:
        assert self.active is not None
        view = self.day()
        if exercise_id in view.done_ids:
            self.store.remove_completions(self.active.record.id, self.today, [exercise_id])
        else:
            item = next(p for p in view.exercises if p.id == exercise_id)
            self.store.record_completions(self.active.record.id, [Completion(
                self.today, item.id, "done", item.sets, item.reps, item.hold_seconds, item.minutes)])
        self.active.reload()

    def all_done(self) -> None:
        assert self.active is not None
        view = self.day()
        self.store.record_completions(self.active.record.id, [
            Completion(self.today, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in view.exercises])
        self.active.reload()

    def report_pain(self, report: PainReport) -> list[str]:
        """Record the report and return what changed, in words."""
        assert self.active is not None
        a = self.active
        _, adjustments, notes = apply_pain_report(a.plan, self.library, a.state, a.history, report, a.weekly_increase)
        self.store.record_pain(a.record.id, report, adjustments)
        a.reload()
        return [x.reason for x in adjustments] + notes or [f"Pain {report.score} recorded. Progression continues as planned."]
