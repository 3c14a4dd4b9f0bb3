"""Each exercise track has a position of its own (issue 25, "What to build" 2): it moves up with the plan only
in weeks it was done; a hold freezes every track; the day shows a dose the plan already asked for; the
record is never rewritten. In process, through the engine Today runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.days.day import day_view
from planner.domain.days.track_position import track_lag
from planner.domain.library.loading import Library
from planner.domain.library.models import Category
from planner.domain.pain.adaptation import AdaptationState, apply_pain_report
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.records import Completion, History, PainReport, SessionRecord
from tests.domain.test_one_change_a_week_lived import INCREASE, START, live


def test_a_track_left_undone_lags_by_the_weeks_the_plan_moved_on_without_it(library: Library) -> None:
    """Core flexibility at 15 minutes has its hip hinge on Fridays only. Left undone in weeks 10-11 while the
    rest was done, it stays on the broomstick hinge at 2x10 (its own week 11) while the plan is on the hinge
    lift in week 13, and says why; every other track is at the plan's week. (16 weeks: with a settling week
    before each harder variant past the big three's named forms, the hinge lift comes in week 13.)"""
    days = live(library, "core-flexibility", 15, 1, lambda week, p: p.slot == "bridge-hinge" and 10 <= week <= 11,
                weeks=16)
    eleventh = next(view for _, week, view in days if week == 13 and any(p.slot == "bridge-hinge" for p in view.exercises))
    assert eleventh.week == 13
    hinge = next(p for p in eleventh.exercises if p.slot == "bridge-hinge")
    assert (hinge.id, hinge.sets, hinge.reps) == ("hip-hinge-dowel", 2, 10)
    assert any("moves up only in weeks it was done" in r for r in eleventh.reasons), eleventh.reasons
    plan = build_plan(PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=15, level=1,
                                 weeks=16, start=START), library)
    planned = {p.track: p for p in plan.weeks[12].sessions[2].exercises}
    assert planned["hip-hinge-dowel"].id == "hinge-lift"
    assert [p for p in eleventh.exercises if p.slot != "bridge-hinge" and not p.apart] == \
        [p for p in planned.values() if p.slot != "bridge-hinge" and not p.apart]


def test_a_lagging_track_in_today_json_counts_no_sessions_it_does_not_wait_for(library: Library) -> None:
    """``held_back`` in ``today --json`` counts sessions at the easier variant's top dose. A track that lags
    is not waiting for such sessions (done again, it moves up with the plan week by week), so its counts are
    null, never "0 of 0" (which reads as already earned); the reason says why it stays."""
    days = live(library, "core-flexibility", 15, 1, lambda week, p: p.slot == "bridge-hinge" and 10 <= week <= 11,
                weeks=16)
    eleventh = next(view for _, week, view in days if week == 13 and any(p.slot == "bridge-hinge" for p in view.exercises))
    row = next(e for e in eleventh.as_json()["exercises"] if e["slot"] == "bridge-hinge")
    held = row["held_back"]
    assert (held["id"], held["instead_of"]) == ("hip-hinge-dowel", "hinge-lift")
    assert held["sessions_done"] is None and held["sessions_needed"] is None, held
    assert "moves up only in weeks it was done" in held["reason"]


def test_a_track_moves_up_only_after_weeks_it_was_done(library: Library) -> None:
    """The lag is the weeks the plan moved on while the track was planned and not done: a week repeated as
    a whole (the plan did not move on) adds none, and done weeks take none away."""
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=8, start=START), library)

    def week_of(calendar: int, position: int, skip: str | None) -> tuple[list[Completion], list[SessionRecord]]:
        completions, records = [], []
        for session in plan.weeks[position - 1].sessions:
            day = START + dt.timedelta(days=7 * (calendar - 1) + (session.date - plan.weeks[position - 1]
                                                                    .sessions[0].date).days)
            records.append(SessionRecord(day, position, tuple(session.exercises)))
            completions += [Completion(day, p.id, "done") for p in session.exercises if p.track != skip]
        return completions, records

    parts = [week_of(1, 1, "seated-piriformis-stretch"), week_of(2, 2, "seated-piriformis-stretch"),
             week_of(3, 2, "seated-piriformis-stretch"),  # the plan repeated week 2: no move, no lag
             week_of(4, 3, None)]
    history = History(completions=tuple(c for cs, _ in parts for c in cs),
                      sessions=tuple(r for _, rs in parts for r in rs))
    monday = START + dt.timedelta(days=7 * 4)
    # 1 -> 2 moved on without it (1); week 2 repeated (0); 2 -> 3 moved on without it (1); done at 3 (0).
    assert track_lag(plan, history, monday, 4, "seated-piriformis-stretch") == 2
    assert track_lag(plan, history, monday, 4, "figure-four-stretch") == 0


def test_a_hold_freezes_every_track_and_shows_no_more_than_the_plan_asked(library: Library) -> None:
    """Stretches lagging since weeks 3-5, then pain 4 after the sessions of week 7 on (a hold): each week of
    the hold shows the same sessions, lagging tracks included; and no day ever shows an exercise at more
    than the plan asked of it up to the day's week."""
    days = live(library, "core-flexibility", 30, 1, lambda week, p: p.slot == "stretch" and 3 <= week <= 5,
                pain=lambda week: 4 if 7 <= week <= 9 else 1)
    plan = build_plan(PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)
    held = {(day.weekday(), week): (view.week, [(p.id, p.volume_seconds) for p in view.exercises])
            for day, week, view in days if 7 <= week <= 8}
    assert any("stays at" in r for _, week, view in days if week == 8 for r in view.reasons), "tracks lag"
    assert any("Doses held since" in r for _, week, view in days if week == 8 for r in view.reasons)
    # The hold began after Monday's session of week 7: from Wednesday on, the same sessions week after week.
    assert all(held[(weekday, 7)] == held[(weekday, 8)] for weekday in (2, 4)), held
    for _, _, view in days:
        if view.week is None:
            continue
        for p in view.exercises:
            if p.category is Category.RELIEF or p.apart:
                continue
            most = max((q.volume_seconds for w in plan.weeks[:view.week] for s in w.sessions for q in s.exercises
                        if q.id == p.id), default=0)
            assert p.volume_seconds <= most, (view.date, p.id, p.volume_seconds, most)


def test_a_later_pain_report_leaves_every_past_day_as_it_was(library: Library) -> None:
    """The record is the truth: with tracks lagging, every past day reads the same before and after a pain
    report of 7 (recorded days from their record; a missed day from the record before it)."""
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=8, start=START), library)
    completions = []
    for week in plan.weeks[:3]:
        for session in week.sessions[:2]:  # Fridays missed
            completions += [Completion(session.date, p.id, "done") for p in session.exercises
                            if p.track != "seated-piriformis-stretch"]
    records = tuple(SessionRecord(s.date, w.number, tuple(s.exercises)) for w in plan.weeks[:3] for s in w.sessions[:2])
    history = History(completions=tuple(completions), sessions=records, usual_pain=1)
    today = START + dt.timedelta(days=7 * 3 + 2)
    days = [START + dt.timedelta(days=n) for n in range((today - START).days)]
    before = [day_view(plan, library, AdaptationState(), history, d, INCREASE, today).as_json() for d in days]
    report = PainReport(today, "after", 7)
    state, adjustments, _ = apply_pain_report(plan, library, AdaptationState(), history, report, INCREASE)
    later = replace(history, pain=(report,), adjustments=tuple(adjustments))
    after = [day_view(plan, library, state, later, d, INCREASE, today).as_json() for d in days]
    assert before == after


def test_a_movement_never_done_since_it_joined_stays_at_its_first_dose(library: Library) -> None:
    """Core foundation's everyday loaded movement joins in week 5; left undone every time while the rest
    is done, it stays at the dose it came in at (never the later weeks' more), however far behind it is."""
    days = live(library, "core-foundation", 30, 1, lambda week, p: p.slot == "loaded")
    loaded = [(view.week, p) for _, _, view in days for p in view.exercises if p.slot == "loaded"]
    assert loaded, "the loaded movement joined"
    first = loaded[0][1]
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=START), library)
    for week, p in loaded:
        easier = plan.weeks[week - 1].deload  # an easier week cuts it as it cuts the rest
        assert p.id == first.id and (p.volume_seconds < first.volume_seconds if easier
                                     else p.volume_seconds == first.volume_seconds), (week, p.dose_text())
    assert max(w for w, _ in loaded) >= 10, "the plan itself moved on meanwhile (all but one done counts)"
