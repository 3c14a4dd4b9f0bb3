"""McGill's big three grow by one hold on one set a week, and change one at a time when one changes form.

Review 8: Core foundation at level 1 and 30 minutes took the supported curl-up from 6-4-2 to 8-6-4 in one
week (+50%), the knee side plank 4-2 → 5-3 (+33%), and in week 9 brought the full side plank alongside a
bigger bird-dog. The week's minute limit hid these jumps. Now each descending dose adds one hold on one set
(6-4-2 → 6-4-3 → 6-5-3 → 7-5-3 …), and a week in which one of the three takes a harder variant or one more
set leaves the other two where they were.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.exchange.plan_file import plan_from_toml, plan_to_toml
from planner.domain.library.loading import Library
from planner.domain.library.models import Dose, Kind
from planner.domain.plan.builder import build_plan
from planner.domain.plan.doses import dose_text, holds_added, set_reps
from planner.domain.plan.model import Plan, PlanInputs, Prescription
from planner.domain.plan.progression import TrackState, one_more_hold, scaled_dose

BIG_THREE = ("curl-up", "side-plank", "bird-dog")


def _plan(library: Library) -> Plan:
    return build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=dt.date(2026, 3, 2)), library)


def _big_three(plan: Plan, number: int) -> dict[str, Prescription]:
    return {p.slot: p for p in plan.weeks[number - 1].sessions[0].exercises if p.slot in BIG_THREE}


def _holds(p: Prescription) -> int:
    return sum(set_reps(p.sets, p.reps or 0, True, p.extra_holds))


def test_one_more_hold_fills_the_last_sets_first() -> None:
    counts = []
    dose = Dose(sets=3, reps=6, seconds_per_rep=10, descending=True)
    for _ in range(6):
        counts.append(dose_text(Kind.REPS, dose.sets, dose.reps, None, None, 10, descending=True,
                                extra=dose.extra_holds))
        dose = one_more_hold(dose)
    assert counts == ["6-4-2×10s", "6-4-3×10s", "6-5-3×10s", "7-5-3×10s", "7-5-4×10s", "7-6-4×10s"]
    assert holds_added([6, 5, 3]) == 2 and holds_added([6, 4, 2]) == 0 and holds_added([6, 5, 2]) is None


def test_each_big_three_step_is_one_hold_or_one_set_and_one_changes_form_at_a_time(library: Library) -> None:
    plan = _plan(library)
    full = [w for w in plan.weeks if not w.deload]
    for before, after in zip(full, full[1:], strict=False):
        was, now = _big_three(plan, before.number), _big_three(plan, after.number)
        changed_form = [s for s in BIG_THREE if was[s].id != now[s].id or now[s].sets > was[s].sets]
        grown = [s for s in BIG_THREE if was[s] != now[s]]
        for slot in grown:
            if was[slot].id == now[slot].id and now[slot].sets == was[slot].sets:
                assert _holds(now[slot]) == _holds(was[slot]) + 1, (after.number, slot, was[slot], now[slot])
        assert len(changed_form) <= 1, (after.number, changed_form)
        if changed_form:
            assert grown == changed_form, (after.number, grown, changed_form)
    curl_ups = [_big_three(plan, n)["curl-up"].dose_text() for n in (1, 3, 5, 6)]
    assert curl_ups == ["6-4-2×10s", "6-4-3×10s", "6-5-3×10s", "6-5-3×10s"], curl_ups


def test_the_waiting_exercises_are_named_with_the_change_the_week_is_for(library: Library) -> None:
    plan = _plan(library)
    said = [r for r in plan.weeks[1].reasons if "keep their doses this week" in r]
    assert said == ["Curl-up, head supported and side plank on the knees keep their doses this week: Hands-and-knees "
                    "leg reach takes the place of hands-and-knees arm reach, and when one of McGill's big three "
                    "changes form or gains a set the other two wait a week, so that if your back complains you "
                    "know which change to undo."], plan.weeks[1].reasons
    assert "one change at a time in the big three" in plan.weeks[1].reasons[-1]


def test_an_easier_week_cuts_a_one_hold_dose_as_finely(library: Library) -> None:
    exercise = library.exercises["curl-up-head-supported"]
    state = TrackState(exercise, Dose(sets=3, reps=6, seconds_per_rep=10, rest_seconds=20, descending=True,
                                      extra_holds=2))  # 6-5-3: 14 holds
    cut = scaled_dose(state, 0.65)
    assert sum(set_reps(cut.sets, cut.reps or 0, True, cut.extra_holds)) == 9  # 5-4, the nearest under 65%


def test_a_plan_file_keeps_a_one_hold_dose(library: Library) -> None:
    plan = _plan(library)
    text = plan_to_toml(plan)
    assert "sets = [6, 4, 3]" in text
    again = plan_from_toml(text, "plan.toml", library).to_plan(library)
    assert _big_three(again, 3)["curl-up"].dose_text() == "6-4-3×10s"
