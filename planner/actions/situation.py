"""The situation an action decides from, read inside its write transaction, and the outcome it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from planner.context import Context
from planner.domain.errors import PlannerError, UsageError
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.rules import PainRules
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.model import Plan
from planner.domain.records import History
from planner.store.active_plan import ActivePlan, load_active, open_store, standing_state
from planner.store.store import DamagedPlan, Store

NO_PLAN = "no plan yet: build one with 'planner plan new --program ID' (see 'planner programs')"


class NoPlan(PlannerError):
    """The action needs a plan and there is none yet."""

    def __init__(self, message: str = NO_PLAN):
        super().__init__(message)


@dataclass
class Situation:
    """Everything the domain needs to decide one change: the plan, its history and adaptation state, the
    library, the pain rules and today. Read inside the action's write transaction, so nothing another planner
    writes can slip in between what is read and what is written."""

    store: Store
    library: Library
    rules: PainRules
    today: dt.date
    active: ActivePlan | None

    def require(self, message: str = NO_PLAN) -> ActivePlan:
        if self.active is None:
            raise NoPlan(message)
        return self.active

    @property
    def plan(self) -> Plan | None:
        return self.active.plan if self.active is not None else None

    @property
    def history(self) -> History:
        return self.active.history if self.active is not None else History()

    @property
    def state(self) -> AdaptationState:
        """Where pain and warning signs left the person (before any plan: what a screening left)."""
        return self.active.state if self.active is not None else standing_state(self.store)

    def check_record_date(self, day: dt.date) -> None:
        """A record is for a day that has happened, within the plan: never tomorrow, never before it began."""
        active = self.require()
        if day > self.today:
            raise UsageError(f"{day.isoformat()} is after today ({self.today.isoformat()}); "
                             "record only what has happened", field="date")
        if day < active.plan.inputs.start:
            raise UsageError(f"{day.isoformat()} is before your plan started "
                             f"({active.plan.inputs.start.isoformat()})", field="date")


@dataclass
class Outcome:
    """What an action did: the sentences to say, an alert to show, whether the plan or history changed,
    and the plan as committed (its store is closed; read its fields only)."""

    lines: list[str] = field(default_factory=list)
    alert: Alert | None = None
    changed: bool = False
    live_problem: str | None = None  # the live calendar file could not be rewritten (the change is kept)
    active: ActivePlan | None = None


OutcomeT = TypeVar("OutcomeT", bound=Outcome)


def decide(context: Context, action: Callable[[Situation], OutcomeT], *, create: bool = True,
           replaces_plan: bool = False, needs_no_plan: bool = False) -> OutcomeT:
    """Run ``action`` on the situation read inside one write transaction, commit, then refresh the live
    calendar once from the committed state if the action changed the plan or its history. An action that
    ``replaces_plan`` runs even when the active plan is damaged (it archives it: the way out), and so does
    one that ``needs_no_plan`` (the safety screening: a warning sign is heard whatever state the plan is in)."""
    library, rules = context.library, context.pain_rules  # files are read before the lock is taken
    store = open_store(context.data_dir, create=create)
    if store is None:
        raise NoPlan()
    with store:
        with store.transaction():
            try:
                active = load_active(store, library, rules)
            except DamagedPlan:
                if not (replaces_plan or needs_no_plan):
                    raise
                active = None
            situation = Situation(store, library, rules, context.today, active)
            outcome = action(situation)
        if outcome.changed:
            outcome.live_problem = refresh_live_calendar(store, library, rules, context.today)
    return outcome


@contextmanager
def reading(context: Context) -> Iterator[Situation | None]:
    """The situation for an action that only reads (export, report); ``None`` when there is no store yet.
    Reading never creates files."""
    library, rules = context.library, context.pain_rules
    store = open_store(context.data_dir, create=False)
    if store is None:
        yield None
        return
    with store:
        yield Situation(store, library, rules, context.today, load_active(store, library, rules))


def refresh_live_calendar(store: Store, library: Library, rules: PainRules, today: dt.date) -> str | None:
    """Rewrite the live calendar file, if one is set, from the committed state.

    The file is written while holding the write lock, reading the state again inside it: no other planner
    can commit while it is written, so the last file written always shows the last commit, whatever runs
    beside. A failure is returned as a sentence, never raised: the change itself is already recorded.
    """
    from planner.exports.live import live_setting

    if live_setting(store) is None:  # one query: the quick commands stay quick for everyone else
        return None
    from planner.exports.live import write_live

    try:
        with store.transaction():
            live = live_setting(store)
            if live is None:
                return None
            write_live(store, library, today, load_active(store, library, rules), live)
    except PlannerError as err:
        return f"the live calendar file was not updated: {err}"
    return None
