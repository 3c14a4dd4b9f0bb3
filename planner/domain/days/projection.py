"""What the coming weeks would look like if pain stayed at one level: ``planner simulate`` and the check-in.

Every session from ``today`` is assumed done and reported at the same pain (and,
if given, the same pain the next morning). The projection runs the very
functions real reports go through (:func:`apply_pain_report`, :func:`day_view`)
on an in-memory copy of the history and state, so it can never disagree with
what would happen, and it changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain.days.adapted import slot_on
from planner.domain.days.day import day_view, session_record
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import (
    AdaptationState,
    apply_pain_report,
    in_force,
    position,
)
from planner.domain.pain.moving_on import catch_up
from planner.domain.pain.recurring import recurring_pain
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.plan.model import Plan, Prescription
from planner.domain.records import Completion, History, PainReport

# How a week goes, from most to least volume; a week is named by its most restrictive session.
OUTCOMES = ("progresses", "holds", "cut", "paused")
OUTCOME_WORDS = {
    "progresses": "grows as planned",
    "holds": "held (no increase)",
    "cut": "cut",
    "paused": "paused: relief routine only",
}
WARNING_SIGN_WORDS = "paused after a warning sign: no exercise until you are assessed"
MAX_WEEKS = 26


@dataclass(frozen=True)
class ProjectedSession:
    date: dt.date
    paused: bool
    exercises: tuple[Prescription, ...]  # none while paused (the relief routine is not training volume)
    factor: float  # the share of the plan week's volume, after a cut
    held: bool  # the plan week is held still (a hold, or a cut that has not yet climbed back)
    easier: bool = False  # a planned easier week (about 65%): lighter by design, not because of pain
    warning_sign: bool = False  # paused after a warning sign: no exercise at all until resume --confirm

    @property
    def volume_seconds(self) -> int:
        return sum(p.volume_seconds for p in self.exercises)


@dataclass(frozen=True)
class ProjectedWeek:
    number: int
    start: dt.date
    outcome: str  # one of OUTCOMES, or "no sessions" once the plan has ended
    sessions: tuple[ProjectedSession, ...]
    planned_seconds: int  # the same days' sessions in the plan as built, before any pain
    reasons: tuple[str, ...]

    @property
    def volume_seconds(self) -> int:
        return sum(s.volume_seconds for s in self.sessions)

    @property
    def easier(self) -> bool:
        """Every session this week is from a planned easier week."""
        return bool(self.sessions) and all(s.easier for s in self.sessions)

    @property
    def share(self) -> float | None:
        return self.volume_seconds / self.planned_seconds if self.planned_seconds else None

    def as_json(self) -> dict:
        return {
            "week": self.number,
            "start": self.start.isoformat(),
            "outcome": self.outcome,
            "easier_week": self.easier,
            "volume_seconds": self.volume_seconds,
            "planned_seconds": self.planned_seconds,
            "share_of_plan": None if self.share is None else round(self.share, 3),
            "reasons": list(self.reasons),
            "sessions": [{
                "date": s.date.isoformat(),
                "paused": s.paused,
                "held": s.held,
                "easier_week": s.easier,
                "volume_seconds": s.volume_seconds,
                "exercises": [{"id": p.id, "name": p.name, "sets": p.sets, "reps": p.reps,
                               "hold_seconds": p.hold_seconds, "minutes": p.minutes,
                               "holds": p.holds(),  # a descending dose's holds, set by set
                               "volume_seconds": p.volume_seconds} for p in s.exercises],
            } for s in self.sessions],
        }


def week_words(week: ProjectedWeek) -> str:
    """How a projected week goes, in a few words (a phone is 40 columns): ``cut to 68% of the plan``."""
    if not week.sessions:
        return "no sessions (the plan has ended)"
    if week.outcome == "paused" and any(s.warning_sign for s in week.sessions):
        return WARNING_SIGN_WORDS
    if week.outcome == "paused" or week.share is None:
        return OUTCOME_WORDS[week.outcome]
    if week.outcome == "cut":
        return f"cut to {week.share:.0%} of the plan"
    if week.outcome == "progresses" and week.easier:  # lighter by design, not held: said as Today says it
        return f"an easier week: {week.share:.0%} of the plan"
    return f"{OUTCOME_WORDS[week.outcome]}: {week.share:.0%} of the plan"


def project_pain(
    plan: Plan, library: Library, state: AdaptationState, history: History, today: dt.date,
    weekly_increase: float, score: int, morning: int | None = None, weeks: int = 6,
    rules: PainRules = DEFAULT_RULES,
) -> list[ProjectedWeek]:
    """The next ``weeks`` weeks from ``today`` (from the plan's first day, for a plan not begun yet) if
    every session were done and reported at ``score``."""
    state, history = _catch_up(plan, state, history, today, weekly_increase, rules)
    planned = {s.date: sum(p.volume_seconds for p in s.exercises) for s in plan.sessions()}
    result: list[ProjectedWeek] = []
    first = max(today, plan.inputs.start)
    for number in range(1, weeks + 1):
        start = first + dt.timedelta(days=7 * (number - 1))
        sessions: list[ProjectedSession] = []
        reasons: list[str] = []
        seen_kinds: set[str] = set()
        for offset in range(7):
            day = start + dt.timedelta(days=offset)
            if morning is not None and _is_session(plan, day - dt.timedelta(days=1)):
                state, history = _report(plan, library, state, history, PainReport(day, "next-morning", morning,
                                                                    settled=morning <= rules.progress_max),
                                         weekly_increase, rules, reasons, seen_kinds)
            if not _is_session(plan, day):
                continue
            # As the first look at the day records it (a week mostly not done repeats): what then happens.
            state, history = _catch_up(plan, state, history, day, weekly_increase, rules, reasons, seen_kinds)
            view = day_view(plan, library, state, history, day, weekly_increase, day, rules)
            if view.status == "rest":  # the plan has ended
                continue
            paused = view.status == "paused"
            exercises = () if paused else tuple(view.exercises)
            factor = 0.0 if paused else position(plan, state, day, weekly_increase)[1]
            # Held while a hold or a rebuild is in force (not once a rebuild is back at full doses, though the
            # state still names the week it held); easier where the doses are an easier week's, as Today says.
            held = in_force(state, day, weekly_increase) is not None
            sessions.append(ProjectedSession(day, paused, exercises, factor, held, not paused and view.easier,
                                             paused and state.pause == "red-flag"))
            done = tuple(Completion(day, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes) for p in exercises)
            record = session_record(view) if done else None  # the record is the truth here too
            history = replace(history, completions=(*history.completions, *done),
                              sessions=(*history.sessions, *([record] if record else [])))
            state, history = _report(plan, library, state, history, PainReport(day, "after", score,
                                                                         settled=score <= rules.progress_max),
                                     weekly_increase, rules, reasons, seen_kinds)
        advice = recurring_pain(history, start + dt.timedelta(days=6), rules, plan.inputs.start)
        if advice:
            reasons.append(advice)
        outcome = _outcome(sessions) if sessions else "no sessions"
        planned_seconds = sum(planned.get(start + dt.timedelta(days=i), 0) for i in range(7))
        result.append(ProjectedWeek(number, start, outcome, tuple(sessions), planned_seconds, tuple(reasons)))
    return result


def _is_session(plan: Plan, day: dt.date) -> bool:
    return day >= plan.inputs.start and slot_on(plan, day) is not None


def _catch_up(
    plan: Plan, state: AdaptationState, history: History, day: dt.date, weekly_increase: float, rules: PainRules,
    reasons: list[str] | None = None, seen_kinds: set[str] | None = None,
) -> tuple[AdaptationState, History]:
    state, adjustments = catch_up(plan, state, history, day, weekly_increase, rules)
    for adjustment in adjustments:
        if reasons is not None and seen_kinds is not None and adjustment.kind not in seen_kinds:
            seen_kinds.add(adjustment.kind)
            reasons.append(adjustment.reason)
    return state, replace(history, adjustments=(*history.adjustments, *adjustments))


def _report(
    plan: Plan, library: Library, state: AdaptationState, history: History, report: PainReport,
    weekly_increase: float, rules: PainRules, reasons: list[str], seen_kinds: set[str],
) -> tuple[AdaptationState, History]:
    state, adjustments, _ = apply_pain_report(plan, library, state, history, report, weekly_increase, rules)
    for adjustment in adjustments:
        if adjustment.kind not in seen_kinds:  # one reason of each kind a week is enough to say what happens
            seen_kinds.add(adjustment.kind)
            reasons.append(adjustment.reason)
    history = replace(history, pain=(*history.pain, report), adjustments=(*history.adjustments, *adjustments))
    return state, history


def _outcome(sessions: list[ProjectedSession]) -> str:
    if any(s.paused for s in sessions):
        return "paused"
    if any(s.factor < 1.0 for s in sessions):
        return "cut"
    return "holds" if any(s.held for s in sessions) else "progresses"
