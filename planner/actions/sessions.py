"""Check off, skip, take back and note a day's session; and today's catch-up (the gap rule)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.actions.situation import NoPlan, Outcome, Situation, decide
from planner.context import Context
from planner.domain.days.day import DayView, day_view
from planner.domain.errors import PlannerError, UsageError
from planner.domain.plan.model import Prescription
from planner.domain.records import Completion, CompletionStatus
from planner.store.active_plan import ActivePlan, load_active, open_store
from planner.store.database import StoreError

SKIPPED = "Missing a session is fine; the plan carries on."


def view_of(active: ActivePlan, situation: Situation, day: dt.date) -> DayView:
    """A day exactly as ``planner today`` shows it."""
    return day_view(active.plan, situation.library, active.state, active.history, day, active.weekly_increase,
                    situation.today, active.rules)


def check_ids(view: DayView, ids: list[str]) -> None:
    """Refuse ids that are not in the day's session, with the nearest one and the day's list."""
    known = {p.id for p in view.exercises}
    unknown = [i for i in ids if i not in known]
    if unknown:
        import difflib  # only when something is misspelt

        listed = ", ".join(sorted(known)) or "none"
        close = [m for u in unknown for m in difflib.get_close_matches(u, sorted(known), n=1)]
        guess = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UsageError(f"not in {view.date.isoformat()}'s session: {', '.join(unknown)}{guess}; "
                         f"its exercises are: {listed}")


@dataclass
class CheckOff(Outcome):
    chosen: list[Prescription] = field(default_factory=list)
    after: DayView | None = None  # the day as it stands after the check-off


def check_off(context: Context, day: dt.date, exercise_ids: list[str] | None = None,
              status: CompletionStatus = "done", sets: int | None = None) -> CheckOff:
    """Check ``day``'s exercises off (all of them, or ``exercise_ids``); ``sets`` records how many sets were
    done of a partial one. Refused for a day to come, before the plan, a rest day, or while paused."""
    return decide(context, check_off_action(day, exercise_ids, status, sets))


def check_off_action(day: dt.date, exercise_ids: list[str] | None = None, status: CompletionStatus = "done",
                     sets: int | None = None) -> Callable[[Situation], CheckOff]:
    """:func:`check_off`'s decision and writes, on a situation read inside a write transaction (also what a
    rehearsal runs: :mod:`planner.actions.rehearsal`)."""
    ids = list(exercise_ids or [])

    def act(s: Situation) -> CheckOff:
        active = s.require()
        s.check_record_date(day)
        if day == s.today:  # as 'planner today' would first: a new week's doses are settled before any record
            active.catch_up(s.today)
        view = view_of(active, s, day)
        if view.status == "paused" and not view.exercises:
            raise PlannerError("the program is paused after a warning sign; nothing to check off. "
                               "See 'planner today'")
        if not view.exercises:
            raise UsageError(f"{day.isoformat()} is a rest day in your plan; nothing to check off")
        check_ids(view, ids)
        # No ids: the session (its own exercises). Its walk apart is for any time that day and is checked off on
        # its own, as the runner does, so a session done in the morning never records a walk not yet taken.
        chosen = [p for p in view.exercises if p.id in ids or not ids and p not in view.walks] or view.exercises
        # The first check-off of a day keeps its session as prescribed now: the record that shows it from then on.
        active.check_off([
            Completion(day, p.id, status, p.sets if sets is None else sets, p.reps, p.hold_seconds, p.minutes)
            for p in chosen], view)
        after = view_of(active, s, day)
        names = ", ".join(p.name for p in chosen)
        if not after.planned:  # a walk on a day without a session: counted apart from the sessions
            lines = [f"Checked off {names} on {day.isoformat()}; there is no session that day."]
        else:
            done, planned = after.session_count
            walk_only = all(p in after.walks for p in chosen)
            lines = [f"Checked off {names} on {day.isoformat()}"
                     + (f", the walk apart from the session; the session is {after.status_words} ({done}/{planned})."
                        if walk_only else f": session {after.status_words} ({done}/{planned}).")]
            walks = [p for p in after.walks if p.id not in after.done_ids]
            if walks:
                lines.append("Still to do, at any time that day: " + ", ".join(
                    f"the {p.minutes}-minute {p.name.lower()}" for p in walks) + " (check it off on its own).")
        if s.state.pause == "red-flag" and after.alert is not None:  # ticked after a warning sign was reported
            lines.append("Recorded as done before it; your program is paused after a warning sign: "
                         "see 'planner today' for what to do.")
        if day < s.today:  # a session of last week checked off late: a repeat it makes needless is taken back
            active.reconsider(s.today)
        return CheckOff(lines, changed=True, active=active, chosen=chosen, after=after)

    return act


@dataclass
class Removed(Outcome):
    count: int = 0


def undo_check_off(context: Context, day: dt.date, exercise_ids: list[str] | None = None) -> Removed:
    """Take back ``day``'s check-offs (those of ``exercise_ids``, or all of them and the day's skip)."""
    ids = list(exercise_ids or [])

    def act(s: Situation) -> Removed:
        active = s.require()
        if ids:
            check_ids(view_of(active, s, day), ids)
        count = s.store.remove_completions(active.record.id, day, ids or None)
        active.reload()
        return Removed([f"Took back {count} record{'s' if count != 1 else ''} for {day.isoformat()}."],
                       changed=True, active=active, count=count)

    return decide(context, act)


def skip(context: Context, day: dt.date, why: str = "") -> Outcome:
    """Skip ``day``'s planned session, with the person's reason if they gave one."""
    def act(s: Situation) -> Outcome:
        active = s.require()
        s.check_record_date(day)
        view = view_of(active, s, day)
        if not view.planned:
            raise UsageError(f"{day.isoformat()} has no planned session to skip ({view.status})")
        checked = active.history.completions_on(day)
        if checked:  # a skip clears the day: it would erase what was recorded as done (the record is the truth)
            raise PlannerError(f"{day.isoformat()} already has {len(checked)} exercise{'s' if len(checked) != 1 else ''} "
                               "checked off, and a skip would erase them; if they were checked off by mistake, take "
                               "them back first (planner undo, or z in the app)")
        s.store.record_skip(active.record.id, day, why.strip())
        active.reload()
        return Outcome([f"Skipped the session on {day.isoformat()}. {SKIPPED}"], changed=True, active=active)

    return decide(context, act)


def note(context: Context, day: dt.date, text: str, *, add: bool = False) -> Outcome:
    """Keep a short note with ``day``'s session (an empty text removes it). ``add`` (``planner note``): the
    day must have happened, and the text is added after a note already kept that day, never over it."""
    def act(s: Situation) -> Outcome:
        active = s.require("Build a plan first: a note is kept with a session.")
        kept = text
        if add:
            s.check_record_date(day)
            before = active.history.note_on(day)
            kept = f"{before}; {text}" if before else text
        s.store.set_note(active.record.id, day, kept)
        active.reload()
        if add:
            return Outcome([f"{'Added to' if kept != text else 'Kept'} your note for {day.isoformat()}: "
                            f"{active.history.note_on(day)}"], active=active)
        return Outcome(["Note kept with the session." if text.strip() else "Note removed."], active=active)

    return decide(context, act)


def catch_up(context: Context, *, create: bool = False) -> Outcome:
    """Open the active plan for today, recording what the first look at a day records (what ``planner today``
    and the app do on opening): the gap rule's step down after 7+ days away, or the repeat of a week mostly
    not done (:func:`planner.domain.pain.moving_on.catch_up`). Reads only, unless the rule applies: then the
    check is made again inside a write transaction, so two planners opening at once record it once."""
    library, rules = context.library, context.pain_rules
    store = open_store(context.data_dir, create=create)
    if store is None:
        return Outcome()
    with store:
        active = load_active(store, library, rules)
        if active is None or not active.catch_up_due(context.today):
            return Outcome(active=active)

    def act(s: Situation) -> Outcome:
        active = s.active
        if active is None:
            return Outcome()
        before = len(active.history.adjustments)
        active.catch_up(s.today)
        return Outcome(changed=len(active.history.adjustments) != before, active=active)

    try:
        return decide(context, act)
    except NoPlan:
        return Outcome()
    except StoreError:
        # A read must not need a write: on a full disk or a read-only copy, today is shown with the
        # easing in memory (as 'status' shows it), and the next command that can write records it.
        active.ease_in_memory(context.today)
        return Outcome(active=active)
