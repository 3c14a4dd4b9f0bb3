"""Earned variants read a year of check-offs once, not once per day: every day gone by is worked out from a
copy of the history cut to that day (a new History around the same check-offs), and the grouping of done
check-offs by exercise is shared by all of them. Behaviour, not timing: the same grouping object comes
back, and a different set of check-offs gets its own."""

from __future__ import annotations

import dataclasses
import datetime as dt

from planner.domain.days.earned import _done_by_exercise
from planner.domain.records import Completion, History, PainReport

DAY = dt.date(2026, 3, 2)


def test_a_history_cut_to_a_day_shares_the_grouping_of_its_check_offs() -> None:
    history = History(completions=(Completion(DAY, "cat-cow", "done", 1, 6),
                                   Completion(DAY, "curl-up", "partial", 1, 4)),
                      pain=(PainReport(DAY, "after", 2),))
    grouped = _done_by_exercise(history)
    assert grouped == {"cat-cow": [history.completions[0]]}, "only what was done, by exercise"
    cut = dataclasses.replace(history, pain=())  # as days.day._as_of makes for a day gone by
    assert _done_by_exercise(cut) is grouped


def test_other_check_offs_are_grouped_afresh() -> None:
    first = History(completions=(Completion(DAY, "cat-cow", "done", 1, 6),))
    second = History(completions=(*first.completions, Completion(DAY, "curl-up", "done", 1, 4)))
    assert set(_done_by_exercise(first)) == {"cat-cow"}
    assert set(_done_by_exercise(second)) == {"cat-cow", "curl-up"}
    assert set(_done_by_exercise(first)) == {"cat-cow"}
