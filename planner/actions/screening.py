"""The safety screening before a plan: whether it is due, and keeping the answers."""

from __future__ import annotations

from planner.actions.situation import Outcome, Situation, decide
from planner.context import Context
from planner.domain.errors import PlannerError
from planner.domain.pain.screening import Screening, check_screened, screening_outcome
from planner.store.active_plan import load_active, open_store, standing_state


def screening_needed(context: Context) -> str | None:
    """Why the safety questions must be answered before a plan is built, or ``None``. Reads only."""
    store = open_store(context.data_dir, create=False)
    latest = None
    if store is not None:
        with store:
            latest = store.latest_screening()
    try:
        check_screened(latest, context.today)
    except PlannerError as err:
        return str(err)
    return None


def screen(context: Context, yes: tuple[str, ...]) -> Outcome:
    """Keep today's answers (the warning signs answered yes); an emergency or urgent "yes" records a pause
    with them, on the active plan or, before any plan, on none. The outcome carries the alert to show."""
    screening = Screening(context.today, tuple(dict.fromkeys(yes)))

    def act(s: Situation) -> Outcome:
        alert, pause = screening_outcome(screening, standing_state(s.store))
        s.store.record_screening(screening, [pause] if pause else [])
        active = load_active(s.store, s.library, s.rules) if pause else s.active
        return Outcome([alert.message] if alert else [], alert, changed=pause is not None, active=active)

    return decide(context, act)
