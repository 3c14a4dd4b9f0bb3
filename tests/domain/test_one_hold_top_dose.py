"""A top dose with one-hold steps (7-6-4) is reached only by as many holds: a check-off keeps its sets and
first set (3 sets from 7), so which of 7-5-3, 7-5-4 or 7-6-4 was done is read from its day's record."""

from __future__ import annotations

import datetime as dt

from planner.domain.days.plan_variants import reaches
from planner.domain.days.top_dose_done import done_at_top
from planner.domain.library.models import Category, Kind
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs, Prescription
from planner.domain.records import Completion, History, SessionRecord

DAY = dt.date(2026, 3, 2)


def curl_up(extra: int, reps: int = 7) -> Prescription:
    return Prescription(id="curl-up", name="Curl-up", track="curl-up-head-supported", category=Category.CORE,
                        kind=Kind.REPS, sets=3, reps=reps, seconds_per_rep=10, descending=True, extra_holds=extra)


def test_a_dose_with_fewer_one_hold_steps_does_not_reach_the_top() -> None:
    top = curl_up(2)  # 7-6-4
    assert top.dose_text() == "7-6-4×10s"
    assert not reaches(curl_up(0), top) and not reaches(curl_up(1), top)  # 7-5-3, 7-5-4
    assert reaches(curl_up(2), top) and reaches(curl_up(0, reps=8), top)  # 7-6-4 itself, 8-6-4
    assert reaches(curl_up(1), curl_up(0))  # more than a round top reaches it, as before


def test_check_offs_count_at_a_one_hold_top_by_what_their_day_prescribed(library) -> None:  # noqa: ANN001
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=4, start=DAY), library)
    top = curl_up(2)
    days = [DAY + dt.timedelta(days=2 * i) for i in range(4)]
    asked = [curl_up(0), curl_up(1), curl_up(2), curl_up(2)]  # 7-5-3, 7-5-4, then 7-6-4 twice
    history = History(
        completions=tuple(Completion(day, "curl-up", "done", 3, 7) for day in days),  # each as prescribed
        sessions=tuple(SessionRecord(day, 1, (p,)) for day, p in zip(days, asked, strict=True)))
    assert done_at_top(plan, history, top, [], days[-1] + dt.timedelta(days=1)) == 2
    assert done_at_top(plan, history, curl_up(1), [], days[-1] + dt.timedelta(days=1)) == 3  # 7-5-4 and up
