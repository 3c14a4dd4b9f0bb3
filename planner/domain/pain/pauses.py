"""Pauses that stand: lifting one only when the person confirms they were assessed, and carrying one onto
whatever comes next (a new plan, an imported file, a screening), never weakened on the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.pain.position import position, weeks_words
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.state import AdaptationState
from planner.domain.pain.warning_signs import SEE_A_PROFESSIONAL, alert_for
from planner.domain.plan.model import Plan
from planner.domain.records import Adjustment, History, PainReport

RELIEF_LOW_DAYS = 2  # a relief pause ends after low pain on this many different days (and moving as usual)


def resumes_when(rules: PainRules) -> str:
    return (f"after reports of {rules.progress_max} or less on two different days, once you can walk and move "
            "about as usual")


def low_days_since_pause(history: History, report: PainReport, rules: PainRules) -> set[dt.date]:
    """The days with a report of ``progress_max`` or less since the relief pause began (this one included)."""
    began = next((a.date for a in reversed(history.adjustments) if a.kind == "pause"), None)
    low = {p.date for p in history.pain if p.score <= rules.progress_max and (began is None or p.date >= began)}
    if report.score <= rules.progress_max:
        low.add(report.date)
    return low


def resume_confirmed(state: AdaptationState, plan: Plan | None, day: dt.date, weekly_increase: float,
                     rules: PainRules = DEFAULT_RULES) -> tuple[AdaptationState, Adjustment | None]:
    """The person confirms they were assessed: lift any pause, restart gently (with no plan yet, the
    pause a screening recorded is lifted, and the first plan starts as built)."""
    if state.pause is None:
        return state, None
    if plan is None:
        reason = (f"Resumed on {day.isoformat()} after you confirmed a health professional assessed you; "
                  "your next plan starts as built.")
        return AdaptationState(), Adjustment(day, "resume", reason, AdaptationState().dump())
    week, factor = position(plan, state, day, weekly_increase)
    new = replace(state, pause=None, frozen_week=week, factor=min(factor, rules.resume_factor), growing_since=day,
                  ceiling=None, symptoms=[], rebuild_weeks=rules.rebuild_weeks)
    reason = (f"Resumed on {day.isoformat()} after you confirmed a health professional assessed you: sessions "
              f"restart at {new.factor:.0%} of their volume and are back to the full plan within {weeks_words(rules.rebuild_weeks)} "
              "unless pain rises again.")
    return new, Adjustment(day, "resume", reason, new.dump())


PAUSE_STRENGTH = {None: 0, "relief": 1, "red-flag": 2}


def stronger_pause(state: AdaptationState, standing: AdaptationState) -> AdaptationState:
    """``state`` with at least ``standing``'s pause and warning signs: nothing new (a plan, a file) can lift
    or weaken a pause that stands; only ``resume --confirm`` (or a relief pause's own rule) does."""
    if standing.pause is None:
        return state
    symptoms = list(dict.fromkeys([*state.symptoms, *standing.symptoms]))
    if PAUSE_STRENGTH[state.pause] >= PAUSE_STRENGTH[standing.pause]:
        return replace(state, symptoms=symptoms) if state.pause == "red-flag" else state
    return replace(state, pause=standing.pause, symptoms=symptoms if standing.pause == "red-flag" else [])


def carried_pause(standing: AdaptationState, day: dt.date, what: str,
                  rules: PainRules = DEFAULT_RULES) -> Adjustment | None:
    """The adjustment that starts ``what`` (a new plan, an imported one) paused, when a pause stands."""
    if standing.pause is None:
        return None
    new = stronger_pause(AdaptationState(), standing)
    if standing.pause == "red-flag":
        alert = alert_for(new.symptoms, paused=True)
        assert alert is not None
        reason = (f"{what.capitalize()} starts paused: a warning sign paused your program before it was "
                  f"made. {alert.with_heading()}")
        return Adjustment(day, "red-flag", reason, new.dump())
    reason = (f"{what.capitalize()} starts paused on the relief routine, as the plan before it was: do only the "
              f"relief routine until the pain settles. {SEE_A_PROFESSIONAL} It resumes gently "
              f"{resumes_when(rules)}.")
    return Adjustment(day, "pause", reason, new.dump())
