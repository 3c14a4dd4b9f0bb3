"""Check off, skip, take back and note: the rules both faces get from the one action."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.actions import plans, reading, screening, sessions
from planner.domain.days.progress import progress
from planner.domain.errors import PlannerError, UsageError
from tests.actions.conftest import MONDAY, inputs

TUESDAY = MONDAY + dt.timedelta(days=1)


def test_check_off_records_every_exercise_and_says_the_day_is_done(planned) -> None:
    outcome = sessions.check_off(planned, MONDAY)
    assert outcome.after is not None and outcome.after.status == "done"
    assert outcome.changed and outcome.lines[0].startswith("Checked off ")
    active = reading.active_plan(planned)
    assert active is not None
    assert {c.exercise_id for c in active.history.completions} == {p.id for p in outcome.chosen}


def test_check_off_counts_the_session_and_leaves_its_walk_for_later(planned) -> None:
    """'planner done' said "(13/13)", counting the walk apart as one of the session's exercises, and ticked
    a walk not yet taken. The session is its own exercises; the walk is checked off on its own."""
    outcome = sessions.check_off(planned, MONDAY)
    assert outcome.after is not None
    walks = [p for p in outcome.after.exercises if p.apart]
    floor = [p for p in outcome.after.exercises if not p.apart]
    assert walks and not any(p.apart for p in outcome.chosen)
    assert outcome.after.status == "done" and outcome.after.session_count == (len(floor), len(floor))
    assert f"session done ({len(floor)}/{len(floor)})." in outcome.lines[0]
    assert outcome.lines[1] == (f"Still to do, at any time that day: the {walks[0].minutes}-minute easy walk "
                                "(check it off on its own).")
    walked = sessions.check_off(planned, MONDAY, [walks[0].id])
    assert walked.lines == [f"Checked off Easy walk on {MONDAY.isoformat()}, the walk apart from the session; "
                            f"the session is done ({len(floor)}/{len(floor)})."]
    active = reading.active_plan(planned)
    assert active is not None
    [row] = progress(active.plan, planned.library,
                     active.history, MONDAY, active.weekly_increase).as_json()["sessions"]
    assert (row["exercises_done"], row["exercises_planned"], row["walk_done"]) == (len(floor), len(floor), True)


def test_check_off_one_exercise_leaves_the_session_partly_done(planned) -> None:
    first = sessions.check_off(planned, MONDAY, ["supine-knee-rocks"])
    assert [p.id for p in first.chosen] == ["supine-knee-rocks"]
    assert first.after is not None and first.after.status == "partial"


def test_a_partial_exercise_keeps_the_sets_done(planned) -> None:
    sessions.check_off(planned, MONDAY, ["supine-knee-rocks"], status="partial", sets=0)
    active = reading.active_plan(planned)
    assert active is not None
    [completion] = active.history.completions
    assert (completion.status, completion.sets) == ("partial", 0)


@pytest.mark.parametrize("day, error, words", [
    (MONDAY + dt.timedelta(days=2), UsageError, "is after today"),
    (MONDAY - dt.timedelta(days=1), UsageError, "before your plan started"),
])
def test_check_off_refuses_a_day_to_come_or_before_the_plan(at, planned, day, error, words) -> None:
    with pytest.raises(error, match=words) as raised:
        sessions.check_off(at(MONDAY + dt.timedelta(days=1)), day)
    assert raised.value.field == "date"  # the face names its own input (the CLI: --date)


def test_check_off_refuses_a_rest_day_for_both_faces(at) -> None:
    """With walks on session days only, a day between sessions has nothing to check off."""
    context = at()
    screening.screen(context, ())
    plans.new_plan(context, inputs(walk_days="sessions"))
    with pytest.raises(UsageError, match="rest day"):
        sessions.check_off(at(TUESDAY), TUESDAY)


def test_check_off_on_a_rest_day_ticks_the_walk_between_sessions(at, planned) -> None:
    """With walks most days (the default), the day between sessions has its walk and nothing else."""
    checked = sessions.check_off(at(TUESDAY), TUESDAY)
    assert checked.chosen and all(p.apart for p in checked.chosen)


def test_check_off_names_an_unknown_exercise_and_the_nearest(planned) -> None:
    # Monday's warm-up is knee rocks (at 20 minutes, with every roll-over counted, cat-cow is Wednesday's).
    with pytest.raises(UsageError, match=r"did you mean supine-knee-rocks\?"):
        sessions.check_off(planned, MONDAY, ["supine-knee-rokcs"])


def test_check_off_without_a_plan_says_how_to_build_one(at) -> None:
    with pytest.raises(PlannerError, match="plan new"):
        sessions.check_off(at(), MONDAY)


def test_skip_and_undo(planned) -> None:
    skipped = sessions.skip(planned, MONDAY, "  tired ")
    assert skipped.lines == [f"Skipped the session on {MONDAY.isoformat()}. {sessions.SKIPPED}"]
    active = reading.active_plan(planned)
    assert active is not None and [s.why for s in active.history.skips] == ["tired"]
    removed = sessions.undo_check_off(planned, MONDAY)
    assert removed.count == 1 and removed.lines == [f"Took back 1 record for {MONDAY.isoformat()}."]


def test_skip_refuses_a_day_already_checked_off_and_changes_nothing(planned) -> None:
    """A skip clears the day: after a check-off (a stray k in the app) it erased the record of a session done."""
    sessions.check_off(planned, MONDAY)
    before = reading.active_plan(planned)
    assert before is not None
    with pytest.raises(PlannerError, match=r"already has \d+ exercises checked off, and a skip would erase them"):
        sessions.skip(planned, MONDAY)
    after = reading.active_plan(planned)
    assert after is not None and after.history.completions == before.history.completions
    assert after.history.skips == before.history.skips == ()


def test_skip_refuses_a_day_with_no_session(at, planned) -> None:
    with pytest.raises(UsageError, match="no planned session"):
        sessions.skip(at(TUESDAY), TUESDAY)


def test_a_note_is_kept_and_removed(planned) -> None:
    assert sessions.note(planned, MONDAY, " felt  easy ").lines == ["Note kept with the session."]
    active = reading.active_plan(planned)
    assert active is not None and [n.text for n in active.history.notes] == ["felt easy"]
    assert sessions.note(planned, MONDAY, "").lines == ["Note removed."]


def test_catch_up_eases_the_plan_once_after_two_weeks_away(at, planned) -> None:
    sessions.check_off(planned, MONDAY)
    later = at(MONDAY + dt.timedelta(days=16))
    first = sessions.catch_up(later)
    assert first.changed and first.active is not None
    again = sessions.catch_up(later)
    assert not again.changed
    assert len(again.active.history.adjustments) == len(first.active.history.adjustments)  # type: ignore[union-attr]


def test_catch_up_without_a_store_creates_nothing(at) -> None:
    context = at()
    assert sessions.catch_up(context).active is None
    assert not context.data_dir.exists()
