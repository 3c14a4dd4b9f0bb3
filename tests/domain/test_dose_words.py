"""A dose in words, said once: the notation "6-4-2×10s" explained the first time a person meets it."""

from __future__ import annotations

from planner.domain.library.models import Category, Kind
from planner.domain.plan.doses import explain_dose
from planner.domain.plan.model import Prescription, doses_to_explain


def test_each_kind_of_dose_in_words() -> None:
    assert explain_dose(Kind.REPS, 3, 6, None, None, 10, descending=True) == \
        "6-4-2×10s: three sets of 10-second holds, 6 then 4 then 2"
    assert explain_dose(Kind.REPS, 2, 6, None, None, 10, descending=True, per_side=True) == \
        "6-4×10s each side: two sets of 10-second holds, 6 then 4, on each side"
    assert explain_dose(Kind.REPS, 2, 8, None, None, 3) == "2×8: two sets of 8 reps"
    assert explain_dose(Kind.HOLD, 1, None, 20, None, 3) == "1×20s: one hold of 20 seconds"
    assert explain_dose(Kind.DURATION, 1, None, None, 10, 3) == "10 min: 10 minutes in one go"


def curl_up(id: str = "curl-up") -> Prescription:
    return Prescription(id=id, name="Curl-up", track=id, category=Category.CORE, kind=Kind.REPS, sets=3, reps=6,
                        seconds_per_rep=10, descending=True)


def test_the_notation_is_explained_once_until_such_an_exercise_has_been_done() -> None:
    bridge = Prescription(id="bridge", name="Bridge", track="bridge", category=Category.CORE, kind=Kind.REPS,
                          sets=2, reps=8)
    today = [bridge, curl_up(), curl_up("bird-dog")]
    assert doses_to_explain(today, met=set()) == ["6-4-2×10s: three sets of 10-second holds, 6 then 4 then 2"]
    assert doses_to_explain(today, met={"bird-dog"}) == [], "done before: the person knows it now"
    assert doses_to_explain([bridge], met=set()) == [], "plain sets of reps need no explaining"
