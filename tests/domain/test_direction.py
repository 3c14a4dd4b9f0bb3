"""The direction that eases the back: what waits four weeks, how it comes back, and changing the answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib

import pytest

from planner.domain.library.loading import Source, load_library
from planner.domain.library.models import Direction
from planner.domain.plan.builder import build_plan
from planner.domain.plan.direction import change_eases
from planner.domain.plan.model import Plan, PlanInputs
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])
START = dt.date(2026, 3, 2)


def inputs(program: str = "flexibility", **changes: object) -> PlanInputs:
    base = PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=30, weeks=8, start=START)
    return dataclasses.replace(base, **changes)


def ids(plan: Plan, number: int) -> list[list[str]]:
    return [[p.id for p in s.exercises] for s in plan.weeks[number - 1].sessions]


def tracks(plan: Plan, number: int) -> list[list[str]]:
    return [[p.track for p in s.exercises] for s in plan.weeks[number - 1].sessions]


def directions(plan: Plan, number: int) -> set[Direction]:
    return {LIBRARY.exercises[i].direction for session in ids(plan, number) for i in session}


def test_every_built_in_exercise_says_its_direction_and_the_named_ones_are_right() -> None:
    for path in sorted((built_in_library() / "exercises").glob("*.toml")):
        assert "direction" in tomllib.loads(path.read_text(encoding="utf-8")), f"{path.name} says no direction"
    expected = {"prone-on-elbows": "extension", "standing-back-extension": "extension", "prone-press-up": "extension",
                "single-knee-to-chest": "flexion", "double-knee-to-chest": "flexion", "childs-pose": "flexion",
                "seated-piriformis-stretch": "flexion", "easy-walk": "neutral", "bird-dog": "neutral"}
    assert {i: LIBRARY.exercises[i].direction.value for i in expected} == expected


@pytest.mark.parametrize(("eases", "left_out"), [("forward", Direction.EXTENSION), ("back", Direction.FLEXION)])
def test_the_disliked_direction_waits_four_weeks_then_comes_back_at_its_easiest(eases: str,
                                                                              left_out: Direction) -> None:
    usual = build_plan(inputs(), LIBRARY)
    eased = build_plan(inputs(eases=eases), LIBRARY)
    assert left_out in directions(usual, 1), "the usual plan has some to leave out"
    for number in range(1, 5):
        assert left_out not in directions(eased, number), number
        assert any("Left out until week 5" in r for r in eased.weeks[number - 1].reasons)
    # Week 5 brings one back, or says it waits because week 5 already brings something new.
    assert any(r.startswith(("Back this week at its easiest dose", "Waiting for a week of its own"))
               for r in eased.weeks[4].reasons)
    back_by: set[str] = set()
    for number in range(5, 9):
        # From week 5 the exercises without the answer, the ones left out coming back one a week (one new
        # movement a week; the others named as waiting); never a bigger dose.
        came = set()
        for mine, theirs in zip(eased.weeks[number - 1].sessions, usual.weeks[number - 1].sessions, strict=True):
            doses = {p.track: p for p in theirs.exercises}
            for a in mine.exercises:
                assert a.track in doses and a.volume_seconds <= doses[a.track].volume_seconds, (number, a.id)
            waiting = {p.track for p in theirs.exercises} - {p.track for p in mine.exercises}
            assert all(LIBRARY.exercises[doses[t].id].direction is left_out for t in waiting), (number, waiting)
            if waiting:
                assert any(r.startswith("Waiting for a week of its own") for r in eased.weeks[number - 1].reasons)
            came |= {p.track for p in mine.exercises if LIBRARY.exercises[p.id].direction is left_out} - back_by
        assert len(came) <= 1, (number, came)
        back_by |= came
    assert back_by, "they come back"
    back = {p.track: p for s in eased.weeks[4].sessions for p in s.exercises
            if LIBRARY.exercises[p.id].direction is left_out}
    first = {p.track: p for s in usual.weeks[0].sessions for p in s.exercises}
    for track, item in back.items():
        if track in first:
            assert item.volume_seconds <= first[track].volume_seconds, f"{track} comes back at its week-1 dose"


def test_neither_changes_nothing() -> None:
    assert build_plan(inputs(eases="neither"), LIBRARY) == build_plan(inputs(), LIBRARY)
    assert "eases" not in inputs().as_dict(), "the plan file stays as it was without an answer"


def test_a_changed_answer_changes_the_weeks_from_the_next_one_on() -> None:
    eased = inputs(eases="back")
    changed = change_eases(eased, {}, START + dt.timedelta(days=8), "neither")  # in week 2
    assert changed is not None
    new_inputs, adjustment = changed
    assert adjustment.kind == "direction" and "from week 3 on" in adjustment.reason
    before, after = build_plan(eased, LIBRARY), build_plan(new_inputs, LIBRARY)
    usual = build_plan(inputs(), LIBRARY)
    assert ids(after, 1) == ids(before, 1) and ids(after, 2) == ids(before, 2), "weeks already under way stay"
    # From week 3 nothing is left out for the answer: what was comes back one a week, in a week with nothing
    # else new and not in an easier week (week 3 brings a harder stretch, week 4 is easier), named meanwhile.
    assert any(r.startswith("Waiting for a week of its own") for r in after.weeks[2].reasons)
    assert all(set(a) <= set(b) for a, b in zip(tracks(after, 3), tracks(usual, 3), strict=True))
    assert Direction.FLEXION in directions(after, 5)
    assert change_eases(new_inputs, {}, START + dt.timedelta(days=9), "neither") is None, "already followed"


def test_an_answer_given_later_starts_its_own_four_weeks() -> None:
    changed = change_eases(inputs(), {}, START + dt.timedelta(days=15), "forward")  # in week 3
    assert changed is not None
    plan = build_plan(changed[0], LIBRARY)
    assert Direction.EXTENSION in directions(plan, 3)
    for number in range(4, 8):
        assert Direction.EXTENSION not in directions(plan, number), number
    assert Direction.EXTENSION in directions(plan, 8)


def test_plan_new_on_a_terminal_asks_which_eases_and_insists_on_f_b_or_n(monkeypatch, capsys) -> None:
    from planner.cli.screen_commands import ask_eases

    answers = iter(["sideways", "b"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert ask_eases() == "back"
    assert "Please answer f, b or n." in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert ask_eases() == "neither", "Enter: not sure"
