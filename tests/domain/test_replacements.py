"""Replacements fit: the same movement slot, their own progression, and a stretch for every session that had one."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.days.adapted import adapted_session
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.tingling import NERVE_LOADING
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.plan.progression import dose_volume, is_stretch, starting_dose
from planner.domain.plan.substitutes import replacement_dose, replacement_for

START = dt.date(2026, 3, 2)


def test_every_side_plank_program_replaces_it_with_side_work(library: Library) -> None:
    for program in library.programs.values():
        plan = build_plan(PlanInputs(program=program.id, days=["mon", "wed", "fri"], minutes=30, level=1, weeks=4,
                                     start=START), library)
        tracks = {p.track for s in plan.sessions() for p in s.exercises}
        assert "side-lying-leg-lift" not in tracks, "kept for replacing only, never built into a plan"
        if "knee-side-plank" in tracks:
            other = replacement_for(library, plan, "knee-side-plank", {"knee-side-plank"})
            assert other == "side-lying-leg-lift", (program.id, other)
            assert "obliques" in library.exercises[other].targets


def test_a_replacement_moves_up_its_own_progression_a_step_a_week_within_the_planned_volume(
        library: Library) -> None:
    lift = library.exercises["side-lying-leg-lift"]
    first = starting_dose(lift)
    roomy = 10 * dose_volume(lift, first)
    doses = [replacement_dose(lift, roomy, weeks) for weeks in range(5)]
    assert doses[0] == first
    assert [(d.sets, d.reps) for d in doses] == [(2, 8), (2, 10), (2, 12), (3, 12), (3, 12)], "reps, then a set"
    tight = dose_volume(lift, doses[1])
    assert dose_volume(lift, replacement_dose(lift, tight, 4)) <= tight, "never above what it replaces"
    assert dose_volume(lift, replacement_dose(lift, tight // 2, 0)) <= tight // 2, "scaled down when even the first is more"


@pytest.mark.parametrize("minutes", [15, 20, 30, 45])
def test_dropping_a_stretch_never_leaves_a_session_without_one(library: Library, minutes: int) -> None:
    """Issue 25: any stretch dropped (for pain, or every nerve-loading one for tingling) in any program."""
    for program in sorted(library.programs):
        for days in (["mon", "wed", "fri"], ["tue", "thu"]):
            plan = build_plan(PlanInputs(program=program, days=days, minutes=minutes, level=1, weeks=3,
                                         start=START), library)
            stretches = sorted({p.track for s in plan.sessions() for p in s.exercises
                                if is_stretch(library.exercises[p.track])})
            drops = [[t] for t in stretches] + [[t for t in stretches if t in NERVE_LOADING]]
            for dropped in (d for d in drops if d):
                replaced: dict[str, str] = {}
                for track in dropped:
                    other = replacement_for(library, plan, track, set(dropped) | set(replaced.values())
                                            | (set(NERVE_LOADING) if len(dropped) > 1 else set()))
                    if other:
                        replaced[track] = other
                state = AdaptationState(dropped=dropped, replaced=replaced)
                for session in (s for w in plan.weeks for s in w.sessions):
                    if not any(is_stretch(library.exercises[p.id]) for p in session.exercises):
                        continue
                    adapted = adapted_session(plan, library, state, session.date, 0.1)
                    assert adapted is not None
                    assert any(is_stretch(library.exercises[p.id]) for p in adapted[1]), \
                        (program, days, minutes, dropped, session.date)


def test_a_replacement_never_bends_the_back_the_other_way(library: Library) -> None:
    """A neutral exercise is replaced by a neutral one (the plan may be keeping a direction out), a flexion
    one by flexion or neutral: before, a pelvic tilt that hurt gave way to lying on the elbows."""
    for program in sorted(library.programs):
        plan = build_plan(PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=30, level=1, weeks=4,
                                     start=START), library)
        for track in sorted({p.track for s in plan.sessions() for p in s.exercises}):
            other = replacement_for(library, plan, track, {track})
            if other is not None:
                gone, came = library.exercises[track].direction, library.exercises[other].direction
                assert came in (gone, "neutral"), (program, track, other)


def test_the_replacement_climbs_its_own_track_week_by_week_in_the_session(library: Library) -> None:
    """In the plan itself: first dose in the week it came in, a step up each week the plan moves on, and
    never more than the side plank planned for that day."""
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=8, start=START), library)
    state = AdaptationState(dropped=["knee-side-plank"], replaced={"knee-side-plank": "side-lying-leg-lift"},
                            replaced_at={"knee-side-plank": 1})
    lift = library.exercises["side-lying-leg-lift"]
    volumes = []
    for week in plan.weeks[:3] + plan.weeks[4:5]:  # week 4 is an easier week: the cap brings it down with it
        day = week.sessions[0].date
        adapted = adapted_session(plan, library, state, day, 0.1)
        assert adapted is not None and adapted[0] == week.number
        item = next(p for p in adapted[1] if p.id == "side-lying-leg-lift")
        planned = next(p for p in week.sessions[0].exercises if p.track == "knee-side-plank")
        assert item.slot == "side-plank" and item.volume_seconds <= planned.volume_seconds
        volumes.append(item.volume_seconds)
    first = dose_volume(lift, starting_dose(lift))
    assert volumes[0] <= first
    assert volumes[-1] > first, f"it progresses on its own track, past its first dose: {volumes}"
