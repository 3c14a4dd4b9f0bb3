"""The active plan with its history and adaptation state, as both faces need it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planner.domain.days.day import DayView, session_record
from planner.domain.errors import PlannerError
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState, current_state
from planner.domain.pain.moving_on import catch_up, taken_back
from planner.domain.pain.pauses import carried_pause
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import Adjustment, Completion, History
from planner.store.plan_cache import build_plan_cached
from planner.store.store import DamagedPlan, PlanRecord, Store


@dataclass
class ActivePlan:
    store: Store
    record: PlanRecord
    plan: Plan
    history: History
    state: AdaptationState
    weekly_increase: float
    carried: tuple[Adjustment, ...] = ()
    rules: PainRules = DEFAULT_RULES  # the pain rules in force (the pain-rules file)

    def reload(self) -> None:
        self.history = _with_carried(self.store.history(self.record.id), self.carried)
        self.state = current_state(self.history)

    def due(self, today: dt.date) -> list[Adjustment]:
        """What the first look at ``today`` records (:func:`planner.domain.pain.moving_on.catch_up`): the gap
        rule's step down after 7+ days away, or the repeat of a week mostly not done; empty when nothing is.

        An imported plan brings no check-offs, so the rules wait for its first one.
        """
        if self.record.plan_file is not None and not self.history.completions:
            return []
        return catch_up(self.plan, self.state, self.history, today, self.weekly_increase, self.rules)[1]

    def catch_up_due(self, today: dt.date) -> bool:
        """Whether the first look at ``today`` would record something (see :meth:`due`)."""
        return bool(self.due(today))

    def catch_up(self, today: dt.date) -> None:
        """Record what :meth:`due` says is due. Call it inside the store's write transaction (the actions
        do), so the check and the record cannot be split by another planner."""
        adjustments = self.due(today)
        if not adjustments:
            return
        self.store.record_adjustments(self.record.id, adjustments)
        self.reload()

    def reconsider(self, today: dt.date) -> None:
        """After a late check-off (a day before ``today``): record this week's repeat taken back, if last week
        now counts enough (:func:`planner.domain.pain.moving_on.taken_back`); nothing else is judged."""
        result = taken_back(self.plan, self.history, today, self.weekly_increase)
        if result is not None:
            self.store.record_adjustments(self.record.id, [result[1]])
            self.reload()

    def ease_in_memory(self, today: dt.date) -> None:
        """What :meth:`due` says is due, applied here only, as ``status`` shows it: for a store that cannot be
        written (a full disk, a read-only copy), where a read must still work. The next command that can
        write records it."""
        adjustments = self.due(today)
        if adjustments:
            self.state = AdaptationState.load(adjustments[-1].state)
            self.history = dataclasses.replace(self.history, adjustments=(*self.history.adjustments, *adjustments))

    def check_off(self, completions: list[Completion], view: DayView) -> int:
        """Record check-offs of ``view``'s day, and (at the first) the session as ``view`` prescribes it:
        the record that shows the day from then on (see :func:`planner.domain.days.day.day_view`)."""
        record = session_record(view)
        count = self.store.record_completions(self.record.id, completions, [record] if record else [])
        self.reload()
        return count

    def rebuild(self, inputs: PlanInputs, library: Library) -> None:
        """The same plan with new inputs (already stored): rebuilt, and its history read again."""
        self.record = dataclasses.replace(self.record, inputs=inputs)
        self.plan = build_plan_cached(inputs, library, plan_cache_dir(self.store))
        self.reload()


def plan_cache_dir(store: Store) -> Path:
    """Where the built plan is kept: the ``cache`` folder next to the database, with the library's."""
    return store.path.parent / "cache"


def load_active(store: Store, library: Library, rules: PainRules = DEFAULT_RULES) -> ActivePlan | None:
    record = store.active_plan()
    if record is None:
        return None
    program = library.programs.get(record.inputs.program)
    if program is None:
        raise PlannerError(
            f"your plan uses program '{record.inputs.program}', which is not in the library any more; "
            "restore its file or build a new plan with 'planner plan new'"
        )
    carried: tuple[Adjustment, ...] = ()
    if record.plan_file is not None:
        imported = _read_stored(store, record)
        plan, carried = imported.to_plan(library), imported.adjustment_records()
    else:
        plan = build_plan_cached(record.inputs, library, plan_cache_dir(store))
    history = _with_carried(store.history(record.id), carried)
    return ActivePlan(store, record, plan, history, current_state(history), program.max_weekly_increase, carried,
                      rules)


def standing_state(store: Store) -> AdaptationState:
    """Where pain and warning signs left the person: the active plan's state, or before any plan the
    state a screening left. A pause in it holds across new plans, imports and restarts."""
    plan_id = store.active_plan_id()
    if plan_id is None:
        loose = store.loose_adjustments()
        return AdaptationState.load(loose[-1].state) if loose else AdaptationState()
    carried: tuple[Adjustment, ...] = ()
    try:
        record = store.active_plan()
        if record is not None and record.plan_file is not None:
            carried = _read_stored(store, record).adjustment_records()
    except DamagedPlan:
        pass  # a damaged plan is being replaced: the pauses recorded in its history still stand
    return current_state(History(adjustments=carried + store.history(plan_id).adjustments))


def _read_stored(store: Store, record: PlanRecord):  # noqa: ANN202 (pydantic's PlanFile, imported late)
    """The plan file kept with an imported plan; :class:`DamagedPlan` if it cannot be read back."""
    from planner.domain.exchange.plan_file import (
        read_stored,  # pydantic: only for a plan imported from a file
    )

    assert record.plan_file is not None
    try:
        return read_stored(record.plan_file)
    except Exception:  # noqa: BLE001 (TOML syntax, pydantic's errors: whatever it is, the row is damaged)
        raise DamagedPlan(store.path, record.id, "its stored plan file") from None


def carried_pause_for_new_plan(store: Store, today: dt.date, rules: PainRules = DEFAULT_RULES) -> Adjustment | None:
    """The pause that stands, as an adjustment a new plan starts with (``None`` when there is none). Read it
    inside the write transaction that saves the plan."""
    return carried_pause(standing_state(store), today, "your new plan", rules)


def start_plan(store: Store, inputs: PlanInputs, program_name: str, today: dt.date,
               rules: PainRules = DEFAULT_RULES) -> tuple[PlanRecord, Adjustment | None]:
    """Save a newly built plan as the active one; a pause that stands comes with it (see :func:`standing_state`)."""
    with store.transaction():  # the pause read is the pause carried, whatever another planner writes beside
        carried = carried_pause_for_new_plan(store, today, rules)
        record = store.save_plan(inputs, program_name, adjustments=[carried] if carried else [])
    return record, carried


def _with_carried(history: History, carried: tuple[Adjustment, ...]) -> History:
    """An imported plan's history starts with the adjustments its file carried (and where they left it)."""
    if not carried:
        return history
    return dataclasses.replace(history, adjustments=carried + history.adjustments)


def open_store(data_dir: Path, *, create: bool) -> Store | None:
    if create:
        return Store(data_dir)
    return Store.open_existing(data_dir)
