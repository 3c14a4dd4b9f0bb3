"""The safety screening before a plan: whether it is due, and keeping the answers."""

from __future__ import annotations

from planner.actions.situation import Outcome, Situation, decide
from planner.context import Context
from planner.domain.errors import PlannerError
from planner.domain.pain.screening import Screening, check_screened, screening_outcome
from planner.domain.plan.direction import EASES_WORDS, change_eases
from planner.domain.plan.model import Eases
from planner.store.active_plan import load_active, open_store, standing_state
from planner.store.eases import EASES_KEY


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


def screen(context: Context, yes: tuple[str, ...], usual_pain: int | None = None) -> Outcome:
    """Keep today's answers (the warning signs answered yes, and the usual pain if given); an emergency or
    urgent "yes" records a pause with them, on the active plan or, before any plan, on none. The outcome
    carries the alert to show."""
    screening = Screening(context.today, tuple(dict.fromkeys(yes)), usual_pain)

    def act(s: Situation) -> Outcome:
        alert, pause = screening_outcome(screening, standing_state(s.store))
        s.store.record_screening(screening, [pause] if pause else [])
        active = s.active
        if pause and s.active is not None:  # a damaged plan (s.active None) stays as it is: the pause is kept
            active = load_active(s.store, s.library, s.rules)
        return Outcome([alert.message] if alert else [], alert, changed=pause is not None, active=active)

    return decide(context, act, needs_no_plan=True)


def set_eases(context: Context, eases: Eases) -> Outcome:
    """Keep the answer to "which eases your back?" (``screen --eases``, the app's safety questions); an
    active plan built from inputs follows it from next week on, with an adjustment saying so."""
    def act(s: Situation) -> Outcome:
        s.store.set_setting(EASES_KEY, eases)
        active = s.active
        if active is None:
            return Outcome([f"Noted: {EASES_WORDS[eases]}. Your plan will follow it."])
        if active.record.plan_file is not None:
            return Outcome([f"Noted: {EASES_WORDS[eases]}. Your plan was imported from a file, so its weeks stay "
                            "as the file has them; your next plan will follow it."], active=active)
        changed = change_eases(active.record.inputs, active.state.dump(), s.today, eases)
        if changed is None:
            return Outcome([f"Noted: {EASES_WORDS[eases]}. Your plan already follows it."], active=active)
        inputs, adjustment = changed
        s.store.change_inputs(active.record.id, inputs, adjustment)
        active.rebuild(inputs, s.library)
        return Outcome([adjustment.reason], changed=True, active=active)

    return decide(context, act)


def set_usual_pain(context: Context, score: int) -> Outcome:
    """The person's usual pain, said deliberately (``planner screen --usual-pain N``): the settled test and
    "well above your usual" are judged against it from now on."""

    def act(s: Situation) -> Outcome:
        s.store.set_usual_pain(score)
        return Outcome([usual_pain_line(score)], changed=False, active=s.active)

    return decide(context, act)


def usual_pain_line(score: int) -> str:
    return f"Usual pain set to {score}: a next-morning report of {max(2, score)} or less counts as settled."
