"""The active plan with its history and adaptation state, as both faces need it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planner.domain.adaptation import AdaptationState, current_state, gap_adjustment
from planner.domain.builder import build_plan
from planner.domain.errors import PlannerError
from planner.domain.library import Library
from planner.domain.plan import Plan
from planner.domain.records import History
from planner.store.store import PlanRecord, Store


@dataclass
class ActivePlan:
    store: Store
    record: PlanRecord
    plan: Plan
    history: History
    state: AdaptationState
    weekly_increase: float

    def reload(self) -> None:
        self.history = self.store.history(self.record.id)
        self.state = current_state(self.history)

    def catch_up(self, today: dt.date) -> None:
        """Record the gap rule's adjustment if the person has been away 7+ days."""
        result = gap_adjustment(self.plan, self.state, self.history, today, self.weekly_increase)
        if result is not None:
            self.store.record_adjustments(self.record.id, [result[1]])
            self.reload()


def load_active(store: Store, library: Library) -> ActivePlan | None:
    record = store.active_plan()
    if record is None:
        return None
    program = library.programs.get(record.inputs.program)
    if program is None:
        raise PlannerError(
            f"your plan uses program '{record.inputs.program}', which is not in the library any more; "
            "restore its file or build a new plan with 'planner plan new'"
        )
    plan = build_plan(record.inputs, library)
    history = store.history(record.id)
    return ActivePlan(store, record, plan, history, current_state(history), program.max_weekly_increase)


def open_store(data_dir: Path, *, create: bool) -> Store | None:
    if create:
        return Store(data_dir)
    return Store.open_existing(data_dir)
