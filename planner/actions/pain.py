"""Report pain, take the latest report back, and lift a pause once assessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.actions.situation import Outcome, Situation, decide
from planner.context import Context
from planner.domain.errors import PlannerError, UsageError
from planner.domain.kinds import TAKEN_BACK_WITH_PAIN
from planner.domain.pain.adaptation import (
    AdaptationState,
    apply_pain_report,
    in_force,
)
from planner.domain.pain.alerts import current_alert
from planner.domain.pain.pauses import resume_confirmed
from planner.domain.pain.recurring import recurring_pain
from planner.domain.pain.warning_signs import pain_report_undoable
from planner.domain.records import Adjustment, PainReport
from planner.store.active_plan import standing_state


@dataclass
class PainOutcome(Outcome):
    report: PainReport | None = None
    adjustments: list[Adjustment] = field(default_factory=list)
    paused: bool = False


def report_pain(context: Context, report: PainReport) -> PainOutcome:
    """Record ``report`` and what it changes (held, cut, paused), and say why. The alert, when a warning sign
    was reported, is worked out here once for both faces."""
    return decide(context, report_pain_action(report), needs_no_plan=bool(report.flags))


def report_pain_action(report: PainReport) -> Callable[[Situation], PainOutcome]:
    """:func:`report_pain`'s decision and writes, on a situation read inside a write transaction (also what a
    rehearsal runs: :mod:`planner.actions.rehearsal`)."""
    def act(s: Situation) -> PainOutcome:
        if s.active is None and report.flags and s.store.active_plan_id() is not None:
            return _warning_sign_while_damaged(s, report)
        active = s.require()
        s.check_record_date(report.date)
        unknown = [i for i in report.aggravated if i not in s.library.exercises]
        if unknown:
            guesses = "".join(s.library.suggest(i, s.library.exercises) for i in unknown)
            raise UsageError(f"unknown exercise id {', '.join(unknown)}{guesses}; see 'planner today' for "
                             "today's ids", field="aggravated")
        if report.date == s.today:  # a new week's position is settled before a report of today is weighed
            active.catch_up(s.today)
        state, adjustments, notes = apply_pain_report(active.plan, s.library, active.state, active.history,
                                                      report, active.weekly_increase, active.rules)
        saved = s.store.record_pain(active.record.id, report, adjustments)
        active.reload()
        lines = [a.reason for a in adjustments] + notes
        if not lines:
            lines.append(f"Pain {report.score} recorded. {_standing(state, report.date, active.weekly_increase)}")
        advice = recurring_pain(active.history, report.date, active.rules, active.plan.inputs.start)
        if advice:
            lines.append(advice)
        alert = current_alert(active.state, active.history, report.date) if report.flags else None
        return PainOutcome(lines, alert, changed=True, active=active, report=saved, adjustments=list(adjustments),
                           paused=state.pause is not None)

    return act


def _warning_sign_while_damaged(s: Situation, report: PainReport) -> PainOutcome:
    """A warning sign reported while the active plan is damaged (so no plan to weigh the report against):
    heard, kept, and its pause recorded as the screening records one; the pause carries to the new plan."""
    from planner.domain.pain.pauses import stronger_pause
    from planner.domain.pain.warning_signs import alert_for, pausing

    alert = alert_for(report.flags)
    signs = pausing(report.flags)
    adjustments: list[Adjustment] = []
    if alert is not None and signs:
        state = stronger_pause(standing_state(s.store), AdaptationState(pause="red-flag", symptoms=list(signs)))
        adjustments.append(Adjustment(report.date, "red-flag", (
            f"{alert.heading}. In your pain report on {report.date.isoformat()} you reported: "
            f"{'; '.join(alert.labels)}. {alert.detail}"), state.dump()))
    plan_id = s.store.active_plan_id()
    assert plan_id is not None
    saved = s.store.record_pain(plan_id, report, adjustments)
    lines = alert.lines() if alert else []  # as the screening shows it: heading, what was reported, what to do
    lines.append("Your plan is damaged, so the rest of this report is not weighed: build a new plan with "
                 "'planner plan new --program ID' or 'planner import FILE'"
                 + ("; the pause stays until 'planner resume --confirm'." if adjustments else "."))
    return PainOutcome(lines, alert, changed=bool(adjustments), report=saved, adjustments=adjustments,
                       paused=bool(adjustments))


def _standing(state: AdaptationState, day: dt.date, weekly_increase: float) -> str:
    """What goes on when a report changes nothing: the change already in force, or the plan as built (a
    report during a rebuild once answered "Progression continues as planned" beside Today's rebuild line)."""
    standing = in_force(state, day, weekly_increase)
    if standing == "rebuild":
        return "Nothing new changes: the build back after the last cut goes on (see 'planner today')."
    if standing == "hold":
        return "Nothing new changes: the hold in force goes on, and the next sessions repeat the current doses."
    return "Progression continues as planned."


@dataclass
class PainTakenBack(Outcome):
    removed: PainReport | None = None


def undo_pain(context: Context) -> PainTakenBack:
    """Take back the latest pain report and the changes it made; the state falls back to the earlier records.
    A report that paused for a warning sign is refused: only ``resume --confirm`` lifts that pause."""
    def act(s: Situation) -> PainTakenBack:
        active = s.require()
        latest = active.history.pain[-1] if active.history.pain else None
        if latest is None:
            raise UsageError("there is no pain report to take back")
        if not pain_report_undoable(active.history):  # the same test Today uses before offering u
            raise PlannerError("a warning sign paused your program, and taking the report back would lift that "
                               "pause; once a health professional has assessed you, use 'planner resume --confirm'")
        removed = s.store.remove_latest_pain(active.record.id, TAKEN_BACK_WITH_PAIN)
        assert removed is not None  # read in this same transaction
        active.reload()
        return PainTakenBack([f"Took back the pain report of {removed.score} on {removed.date.isoformat()}."],
                             changed=True, active=active, removed=removed)

    return decide(context, act)


@dataclass
class Resumed(Outcome):
    state: AdaptationState | None = None


def resume(context: Context) -> Resumed:
    """The person confirms a health professional assessed them: lift the pause (a plan's, or before any plan
    the one a screening recorded) and restart gently."""
    def act(s: Situation) -> Resumed:
        active = s.active
        if active is None:
            state, adjustment = resume_confirmed(standing_state(s.store), None, s.today, 0.1)
        else:
            state, adjustment = resume_confirmed(active.state, active.plan, s.today, active.weekly_increase,
                                                 active.rules)
        if adjustment is None:
            return Resumed(["The program is not paused; nothing to resume."], active=active, state=state)
        s.store.record_adjustments(active.record.id if active else None, [adjustment])
        if active is not None:
            active.reload()
        return Resumed([adjustment.reason], changed=active is not None, active=active, state=state)

    return decide(context, act)
