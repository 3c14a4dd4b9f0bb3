"""Pain-guided adaptation: pure rules from (plan, state, report, date) to a new state and its reasons.

The plan built from its inputs never changes; what changes is an :class:`AdaptationState`
(:mod:`planner.domain.pain.state`) laid over it. :func:`apply_pain_report` reads a report against the
pain-monitoring model and decides, one concept per module: warning signs (:mod:`warning_signs`), the
relief pause (:mod:`pauses`), whether 3-5 is acceptable (:mod:`acceptable`), cuts, drops and returns of
single exercises (:mod:`easing`), and where the person stands on the plan (:mod:`position`). Every change
is returned as an :class:`Adjustment` with a plain-words reason, and the store keeps it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.library.loading import Library
from planner.domain.pain.acceptable import recovery_words, session_answer_ok, why_hold
from planner.domain.pain.easing import advise, cut, next_step_words, tried_again
from planner.domain.pain.pauses import RELIEF_LOW_DAYS, low_days_since_pause, resumes_when
from planner.domain.pain.position import (
    calendar_week,
    factor_on,
    first_step_now,
    in_force,
    is_session_day,
    position,
    settle,
    weeks_words,
)
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.state import AdaptationState, current_state
from planner.domain.pain.usual import usual_pain, worse_next_morning
from planner.domain.pain.warning_signs import SEE_A_PROFESSIONAL, alert_for, pausing
from planner.domain.pain.which_session import session_of, session_words
from planner.domain.plan.model import Plan
from planner.domain.records import Adjustment, History, PainReport

# The state and its position are read through this module too, by the modules that call it.
__all__ = ["AdaptationState", "apply_pain_report", "calendar_week", "current_state", "factor_on", "in_force",
           "is_session_day", "position", "settle"]

# The thresholds live in the pain-rules file (planner.domain.pain.rules); every rule below takes them.


# Said when pain stays high after the cut for it: what to do meanwhile, and when to get checked.
UNSETTLED = (" While the pain stays this high, the relief routine (rest positions, heat or cold, gentle movement) "
             "can take a session's place. If it has not begun to settle within a few days, have your back checked "
             "by a doctor or physiotherapist.")

# The reports whose change reaches the exercises a person names (see ``cut`` and ``advise`` in planner.domain.pain.easing).
EASES_NAMED = ("reduce", "advice", "red-flag", "pause")


def apply_pain_report(
    plan: Plan,
    library: Library,
    state: AdaptationState,
    history: History,
    report: PainReport,
    weekly_increase: float,
    rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, list[Adjustment], list[str]]:
    """The new state, the adjustments to record, and notes to show (that change nothing), under ``rules``
    (the pain-rules file in force; the safety floor is in :class:`PainRules` itself)."""
    new, adjustments, notes = _apply(plan, library, state, history, report, weekly_increase, rules)
    ids = [i for i in report.aggravated if i in library.exercises]
    named = [library.exercises[i].name for i in ids]
    if named and not any(a.kind in EASES_NAMED for a in adjustments):
        # A name given at a pain that changes nothing was passed over in silence ("the plan keeps progressing").
        one = len(named) == 1
        they, them = ("it", "it") if one else ("they", "them")
        # What a report of more pain would do to each, as the cut would do it (an exercise already at its
        # easiest is eased, and one already eased is stopped): never "an easier variant" that does not exist.
        week = position(plan, settle(plan, state, report.date, weekly_increase), report.date, weekly_increase)[0]
        steps = {name: next_step_words(plan, library, state, week, i) for i, name in zip(ids, named, strict=True)}
        if len(set(steps.values())) == 1:
            then = f"{they} {_plural(next(iter(steps.values())), one)}"
        else:
            then = "; ".join(f"{name} {step}" for name, step in steps.items())
        notes.append(f"You named {_and_list(named)} as making it worse. At this level of pain {they} "
                     f"{'keeps its' if one else 'keep their'} doses: do {them} within comfort (a smaller range, "
                     f"fewer reps or a shorter hold), or leave {them} out for now. If {they} "
                     f"{'brings' if one else 'bring'} your pain above {rules.hold_max}, or your back is worse "
                     f"the next morning, report that and {then}.")
    return new, adjustments, notes


def _plural(step: str, one: bool) -> str:
    """``step`` ("moves to ...", "stays at ...", "is stopped ...") for one exercise or for several."""
    if one:
        return step
    verb, _, rest = step.partition(" ")
    plural = {"moves": "move", "stays": "stay", "is": "are"}.get(verb, verb)
    return f"{plural} {rest.replace('its dose', 'their dose')}"


def _and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _apply(
    plan: Plan,
    library: Library,
    state: AdaptationState,
    history: History,
    report: PainReport,
    weekly_increase: float,
    rules: PainRules,
) -> tuple[AdaptationState, list[Adjustment], list[str]]:
    day = report.date
    label = f"Pain {report.score} {session_words(plan, day, report.when, history, state.pause is not None)}"
    notes: list[str] = []
    usual = usual_pain(history, plan.inputs.start, rules)
    worse = worse_next_morning(history, report, usual, rules)

    def adjust(kind: str, new: AdaptationState, reason: str) -> tuple[AdaptationState, list[Adjustment], list[str]]:
        return new, [Adjustment(day, kind, reason, new.dump())], notes

    signs = pausing(report.flags)
    if signs:
        # The highest level wins: a sign reported during a pause never lowers the standing one's words.
        alert = alert_for(report.flags, standing=state.symptoms if state.pause == "red-flag" else ())
        assert alert is not None
        new = replace(state, pause="red-flag", symptoms=list(dict.fromkeys([*state.symptoms, *signs])))
        return adjust("red-flag", new, f"{alert.heading}. {label}, with {'; '.join(alert.labels)}. {alert.detail}")
    advice = alert_for(report.flags)
    if state.pause == "red-flag":
        notes.append("Recorded. The program stays paused after a warning sign until you confirm "
                     "a health professional has assessed you: planner resume --confirm")
        if advice:
            notes.append(advice.message)
        return state, [], notes
    if report.score > rules.reduce_max:
        new = replace(state, pause="relief")
        return adjust("pause", new,
                      f"{label}: the program is paused; do only the relief routine (rest positions, heat or "
                      f"cold, gentle movement) until the pain settles. {SEE_A_PROFESSIONAL} It resumes gently "
                      f"{resumes_when(rules)}.")
    settled = settle(plan, state, day, weekly_increase)
    week, factor = position(plan, settled, day, weekly_increase)
    if state.pause == "relief":
        low_days = low_days_since_pause(history, report, rules)
        if report.score <= rules.progress_max and len(low_days) >= RELIEF_LOW_DAYS and report.settled:
            # Never above what a cut at this point would leave: pain bad enough to pause gives no more than a cut.
            restart = min(factor * rules.reduce_factor, rules.resume_factor)
            new = replace(settled, pause=None, frozen_week=week, factor=restart, growing_since=day, ceiling=None,
                          rebuild_weeks=rules.rebuild_weeks)
            return adjust("resume", new,
                          f"{label}, on a second day at {rules.progress_max} or less, and you can walk and move about "
                          f"as usual: the relief pause ends; sessions restart at {new.factor:.0%} of their volume "
                          f"and are back to the full plan within {weeks_words(rules.rebuild_weeks)} unless the pain rises again.")
        if report.score > rules.progress_max:
            notes.append(f"{label}: recorded. The program stays on the relief routine; it resumes "
                         f"{resumes_when(rules)}.")
        elif len(low_days) < RELIEF_LOW_DAYS:
            notes.append(f"{label}: recorded, a first day at {rules.progress_max} or less. The program stays on "
                         "the relief routine until a second day like it, when you can walk and move about as "
                         "usual (planner pain SCORE --settled).")
        else:
            notes.append(f"{label}: recorded, {len(low_days)} days at {rules.progress_max} or less. Can you walk "
                         f"and move about as usual? If yes, say so and the program resumes gently: "
                         f"planner pain {report.score} --settled")
        if advice:
            notes.append(advice.message)
        return state, [], notes
    if advice:
        return adjust("advice", *advise(plan, library, settled, week, factor, history, report, label, weekly_increase,
                                         rules, worse))
    session = session_of(plan, history, report)
    if (report.score > rules.hold_max or worse) and settled.cut_for is not None and settled.cut_for == session:
        # One cut per pain episode: this session was cut for already; the next sessions stay where that left them.
        new = replace(settled, frozen_week=week, growing_since=None)
        return adjust("hold", new,
                      f"{label}: the sessions after it were already cut to {factor:.0%} for this pain, so they are "
                      f"not cut again; they stay there, with no increase, until a report of {rules.hold_max} or "
                      "less that has settled." + (UNSETTLED if report.score > rules.hold_max else ""))
    if (report.score > rules.hold_max or worse) and \
            factor * rules.reduce_factor < rules.lowest_factor - 1e-9:
        # Cut after cut has not settled it: more cuts would leave doses like 1×1. Stop loading and get checked.
        new = replace(settled, pause="relief")
        return adjust("pause", new,
                      f"{label}, after sessions already cut to {factor:.0%} of the plan: lighter sessions are not "
                      f"settling the pain, so the program is paused; do only the relief routine (rest positions, "
                      f"heat or cold, gentle movement) until it settles. {SEE_A_PROFESSIONAL} It resumes gently "
                      f"{resumes_when(rules)}.")
    if report.score > rules.hold_max or worse:
        new, reason = cut(plan, library, settled, week, factor, report, label, weekly_increase, rules)
        return adjust("reduce", replace(new, cut_for=session), reason)
    why = why_hold(history, report, usual, rules) if report.score > rules.progress_max else None
    if why is not None:
        if settled.frozen_week is not None and settled.growing_since is None:
            notes.append(f"{label}, {why}: doses stay where they are until a report that is settled and not rising.")
            return state, [], notes
        new = replace(settled, frozen_week=week, growing_since=None)
        return adjust("hold", new,
                      f"{label}, {why}: the next sessions repeat the current doses, with no increase until a "
                      f"report of {rules.hold_max} or less that has settled and is not rising.")
    back = tried_again(library, settled, history, report, usual, rules) if report.score <= rules.progress_max else None
    if back is not None:
        return adjust("return", back[0], f"{label}: {back[1]}")
    fine = (f"back in the 0–{rules.progress_max} range" if report.score <= rules.progress_max else
            f"acceptable (up to {rules.hold_max}, {'settled by the morning, ' if report.when == 'next-morning' else ''}"
            "not far above your usual, and no higher than the week before)")
    recovering = recovery_words(history, report) if report.score > rules.progress_max else None
    if recovering is not None:
        fine = f"acceptable (up to {rules.hold_max}, not far above your usual) and {recovering}"
    if report.score > rules.progress_max and settled.frozen_week is None:
        notes.append(f"{label} is {fine}: the plan keeps progressing. Report again if it is worse next morning.")
        return state, [], notes
    if settled.frozen_week is not None and report.when == "next-morning" and \
            not session_answer_ok(history, session, usual, rules):
        # One decision per session: a settled morning does not undo what the report after it called for.
        notes.append(f"{label} is {fine}; the doses stay where the report after that session left them until "
                     "a session is reported at an acceptable pain.")
        return state, [], notes
    if settled.frozen_week is not None and settled.factor >= 1.0:
        new = replace(settled, frozen_week=None, growing_since=None, lag_weeks=calendar_week(plan, day) - week)
        return adjust("progress", new, f"{label} is {fine}, so the plan progresses again from week {week}.")
    tolerated = report.when == "next-morning" and any(
        c.date == session and c.status != "skipped" for c in history.completions)
    step = (f"the next step comes a week after that session, back to the full plan within "
            f"{weeks_words(rules.rebuild_weeks)} unless the pain rises again.")
    if settled.frozen_week is not None and (settled.growing_since is None or settled.ceiling is not None):
        new = replace(settled, growing_since=day, ceiling=None, rebuild_weeks=rules.rebuild_weeks)
        if not tolerated:
            # Said after a session, before its morning: the rebuild goes on only if that morning settles.
            morning = "" if report.when == "next-morning" else \
                ", as long as the next morning settles (one that does not holds the doses where they are)"
            return adjust("rebuild", new, f"{label} is {fine}: rebuilding from {factor:.0%} to the full planned "
                                          f"volume within {weeks_words(rules.rebuild_weeks)}{morning}.")
        new = first_step_now(new, session)
        return adjust("rebuild", new, f"{label} is {fine}: the session at {factor:.0%} has settled by the next "
                                      f"morning, so the rebuild begins with the next session a first step up, at "
                                      f"{factor_on(new, day, weekly_increase):.0%} of its volume; {step}")
    if tolerated and _rebuild_waits(history, state, session, day):
        # The pain-monitoring model: a session that has settled by the next morning was tolerated, so the
        # next one may step up; the first step need not wait a week from the report that began the rebuild.
        new = first_step_now(settled, session)
        return adjust("rebuild", new, f"{label} is {fine}: the session at {factor:.0%} has settled by the next "
                                      f"morning, so the next session takes the first step back, to "
                                      f"{factor_on(new, day, weekly_increase):.0%} of its volume; {step}")
    if report.score > rules.progress_max:
        notes.append(f"{label} is {fine}: the build back goes on as it was. "
                     "Report again if it is worse next morning.")
    return state, [], notes


def _rebuild_waits(history: History, state: AdaptationState, session: dt.date, day: dt.date) -> bool:
    """Whether a rebuild began with the report after ``session`` (or before it) and has taken no step since:
    the last change recorded is that rebuild, less than a week ago (the volume has not grown yet). A rebuild
    after a pause (``resume``) keeps its week: the pain was high enough to stop the sessions."""
    last = history.adjustments[-1] if history.adjustments else None
    return (last is not None and last.kind == "rebuild" and state.growing_since == last.date
            and state.ceiling is None and state.factor < 1.0 and state.growing_since <= session
            and (day - state.growing_since).days < 7 and state.frozen_week is not None and state.pause is None)


