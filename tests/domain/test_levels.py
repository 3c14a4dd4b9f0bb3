"""Choosing a level: three plain questions suggest one; gentle programs cap it at 2 and say so."""

from __future__ import annotations

import itertools

from planner.domain.library.loading import Source, load_library
from planner.domain.plan.levels import LEVEL_QUESTIONS, capped_level, suggested_level, suggestion
from planner.locations import built_in_library


def answers(side_plank: bool, walk: bool, lift: bool) -> dict[str, bool]:
    return {"side-plank": side_plank, "walk": walk, "lift": lift}


def test_the_three_questions_are_plain_yes_no_questions() -> None:
    assert [q.text for q in LEVEL_QUESTIONS] == [
        "Can you hold a side plank on your knees for 10 seconds each side without pain?",
        "Can you walk for 20 minutes?",
        "Can you pick a light box up from the floor?",
    ]


def test_without_the_side_plank_the_gentlest_forms_come_first() -> None:
    assert {suggested_level(answers(False, w, lift)) for w, lift in itertools.product((True, False), repeat=2)} == {1}
    assert suggested_level({}) == 1, "nothing answered: the gentlest"


def test_each_other_yes_moves_the_suggestion_up_one_to_three_at_most() -> None:
    assert suggested_level(answers(True, False, False)) == 1
    assert suggested_level(answers(True, True, False)) == 2
    assert suggested_level(answers(True, False, True)) == 2
    assert suggested_level(answers(True, True, True)) == 3
    level, words = suggestion(answers(True, True, True))
    assert level == 3 and "4 or 5" in words, "the questions never suggest 4 or 5"


def test_more_yes_never_suggests_a_lower_level() -> None:
    for before in itertools.product((False, True), repeat=3):
        for key in range(3):
            after = list(before)
            after[key] = True
            assert suggested_level(answers(*after)) >= suggested_level(answers(*before))


def test_gentle_programs_cap_the_level_at_two_and_say_so() -> None:
    library = load_library([Source(built_in_library(), built_in=True)])
    capped = {p.id for p in library.programs.values() if p.max_level == 2}
    assert capped == {"gentle-return", "first-days-relief"}
    gentle = library.programs["gentle-return"]
    level, words = suggestion(answers(True, True, True), gentle.max_level, gentle.name)
    assert level == 2 and "Gentle return starts at level 2 at most" in words
    assert capped_level(5, gentle.max_level, gentle.name)[0] == 2
    assert capped_level(2, gentle.max_level, gentle.name) == (2, None), "nothing said when nothing changed"
