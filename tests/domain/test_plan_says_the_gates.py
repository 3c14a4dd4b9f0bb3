"""Review 8, concerns in all three programs: the plan shows what gates each step up (the pain check-ins, as
the engine reads them, with the rules' own numbers), the walk's days a week, and McGill's cue to leave
stretches that hold the back bent until an hour after getting up, in the weeks such a stretch comes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace

import pytest

from planner.domain.library.loading import Library
from planner.domain.library.models import Direction
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report
from planner.domain.pain.rules import DEFAULT_RULES
from planner.domain.plan.builder import build_plan
from planner.domain.plan.gate import gate_words, step_gate_words
from planner.domain.plan.model import Plan, PlanInputs
from planner.domain.records import Completion, History, PainReport

START = dt.date(2026, 3, 2)  # a Monday
CUE = "Not in the first hour after getting up"


def _plan(library: Library, program: str = "gentle-return", minutes: int = 20, **more: object) -> Plan:
    inputs = PlanInputs(program=program, days=more.pop("days", ["mon", "wed", "fri", "sun"]), minutes=minutes,
                        level=1, weeks=12, start=START, **more)
    return build_plan(inputs, library)


@pytest.fixture(scope="module")
def gentle(library: Library) -> Plan:
    return _plan(library)


def test_week_one_says_what_gates_each_step_with_the_rules_numbers(gentle: Plan) -> None:
    words = " ".join(gentle.weeks[0].reasons)
    assert gate_words() in words
    rules = DEFAULT_RULES
    for part in (f"pain up to {rules.progress_max}/10", f"{rules.progress_max + 1} to {rules.hold_max}/10",
                 f"a morning check-in above {rules.progress_max} and above your usual pain holds", f"cuts the sessions to {rules.reduce_factor:.0%}",
                 f"{rules.reduce_max + 1} or more pauses", "at least half its sessions were done",
                 "With no check-ins nothing holds the plan back"):
        assert part in words, part


def test_each_week_that_steps_up_says_its_gate_and_an_easier_week_does_not(gentle: Plan) -> None:
    for week in gentle.weeks[1:]:
        stepped = any("→" in r for r in week.reasons)
        assert (step_gate_words() in week.reasons) == (stepped and not week.deload), (week.number, week.reasons)
        if step_gate_words() in week.reasons:  # said before what limits the week, which stays last
            assert week.reasons[-1].startswith("What limits"), week.reasons


def test_the_engine_does_what_the_gate_says(library: Library, gentle: Plan) -> None:
    """Pain of 3 to 5 not settled by the next morning holds; above 5 cuts to the rules' share; 8 pauses."""
    session = gentle.weeks[0].sessions[0]
    history = History(completions=tuple(Completion(START, p.id, "done", p.sets, p.reps, p.hold_seconds, p.minutes)
                                        for p in session.exercises))
    morning = START + dt.timedelta(days=1)

    def kinds(*reports: PainReport) -> list[str]:
        state, seen, out = AdaptationState(), history, []
        for report in reports:
            state, adjustments, _ = apply_pain_report(gentle, library, state, seen, report, 0.08)
            seen = replace(seen, pain=(*seen.pain, report), adjustments=(*seen.adjustments, *adjustments))
            out += [a.kind for a in adjustments]
        return out

    assert kinds(PainReport(START, "after", DEFAULT_RULES.progress_max)) == []
    assert kinds(PainReport(START, "after", 4)) == [], "with no morning check-in nothing holds it"
    assert kinds(PainReport(START, "after", 4), PainReport(morning, "next-morning", 4)) == ["hold"]
    assert kinds(PainReport(START, "after", 3), PainReport(morning, "next-morning", 2)) == []
    assert kinds(PainReport(START, "after", DEFAULT_RULES.hold_max + 1)) == ["reduce"]
    assert kinds(PainReport(START, "after", DEFAULT_RULES.reduce_max + 1)) == ["pause"]


def test_the_walk_says_its_days_a_week(library: Library, gentle: Plan) -> None:
    first = " ".join(gentle.weeks[0].reasons)
    assert "Easy walk: 10 min every day, session or not: 7 days a week (WalkBack" in first
    assert any(r.startswith("Easy walk: 10 → 11 min") and r.endswith(", 7 days a week") for r in gentle.weeks[1].reasons)
    sessions_only = _plan(library, walk_days="sessions")
    first = " ".join(sessions_only.weeks[0].reasons)
    assert "on each session day: 4 days a week" in first and "--walk-days all" in first
    assert any(r.endswith(", 4 days a week") for r in sessions_only.weeks[1].reasons)


def test_a_bending_stretch_brings_mcgills_morning_cue_in_its_first_week(gentle: Plan) -> None:
    cues = {w.number: r for w in gentle.weeks for r in w.reasons if r.startswith(CUE)}
    assert set(cues) == {1}
    assert cues[1].startswith(f"{CUE}: child's pose and single knee to chest. They hold the lower back bent")
    assert "lying twist" not in cues[1]  # a twist, not a bend held forward


def test_the_cue_follows_the_exercise_files_direction(library: Library) -> None:
    """Which stretches bend the back is the files' own ``direction``: none in flexion, no cue."""
    neutral = {i: dataclasses.replace(e, direction=Direction.NEUTRAL) for i, e in library.exercises.items()}
    plan = _plan(replace(library, exercises=neutral))
    assert not any(r.startswith(CUE) for w in plan.weeks for r in w.reasons)


def test_a_bending_stretch_left_out_for_the_direction_is_cued_when_it_comes_back(library: Library) -> None:
    plan = _plan(library, eases="back")
    cued = [w.number for w in plan.weeks for r in w.reasons if r.startswith(CUE)]
    assert cued and min(cued) > 4, cued
