"""The plan builder's form: each level explained where it is chosen, typed values kept across programs."""

from __future__ import annotations

from pathlib import Path

from planner.app.screens.wizard import PlanBuilderScreen
from tests.app.conftest import make_app, settle


async def test_the_level_is_explained_in_one_line_as_it_is_typed(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        words = app.screen.query_one("#level-words")
        assert str(words.render()).startswith("Level 1, gentlest")
        app.screen.query_one("#level").value = "4"
        await settle(pilot)
        assert str(words.render()).startswith("Level 4, firm")
        app.screen.query_one("#level").value = "7"
        await settle(pilot)
        assert "use 1 (gentlest) to 5 (hardest)" in str(words.render())


async def test_switching_program_keeps_what_the_person_typed(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        library = app.data.context.library.programs
        minutes, weeks = screen.query_one("#minutes"), screen.query_one("#weeks")
        assert weeks.value == str(library["core-flexibility"].weeks)
        minutes.value = "17"
        await settle(pilot)
        other = next(p for p in library.values()
                     if p.id != "core-flexibility" and p.weeks != library["core-flexibility"].weeks)
        screen.query_one("#program").value = other.id
        await settle(pilot)
        assert minutes.value == "17", "typed minutes are kept"
        assert weeks.value == str(other.weeks), "an untouched field follows the new program"


async def test_three_questions_suggest_the_level_by_keyboard_and_a_gentle_program_caps_it(data_dir: Path) -> None:
    """Issue 25: tick (space) what you can do, and the Level field follows; gentle return stops at 2, saying so."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:  # the smallest the builder draws at (narrow.py)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanBuilderScreen)
        level, suggested = screen.query_one("#level"), screen.query_one("#level-suggested")
        screen.query_one("#ask-side-plank").focus()
        await settle(pilot)
        await pilot.press("space", "enter", "space", "enter", "space")
        await settle(pilot)
        assert [screen.query_one(f"#ask-{k}").value for k in ("side-plank", "walk", "lift")] == [True] * 3
        assert level.value == "3" and "Suggested: level 3" in str(suggested.render())
        screen.query_one("#program").value = "gentle-return"
        await settle(pilot)
        assert level.value == "2"
        assert "Gentle return starts at level 2 at most" in str(suggested.render())
        level.value = "5"
        await settle(pilot)
        assert "so level 2 instead of 5" in str(screen.query_one("#level-words").render())
        assert screen.inputs().level == 2


def test_the_preview_heads_each_week_in_the_words_the_weekly_plan_uses() -> None:
    """The preview's week headline says how much of the work is strength and stretch, as `plan show` and the
    Weeks screen do, from the same function (it said only "N min of work")."""
    import datetime as dt
    import re

    from planner.app.screens.wizard import preview_lines
    from planner.domain.library.loading import Source, load_library
    from planner.domain.plan.builder import build_plan
    from planner.domain.plan.model import PlanInputs
    from planner.domain.plan.wording import work_words
    from planner.locations import built_in_library

    library = load_library([Source(built_in_library(), built_in=True)])
    plan = build_plan(PlanInputs(program="core-foundation", days=["mon", "wed", "fri"], minutes=30, level=1,
                                 weeks=12, start=dt.date(2026, 3, 2)), library)
    headlines = [line.plain for line in preview_lines(plan) if line.plain.startswith("Week ")]
    # The numbers are the program's to change; the words say what they count.
    assert re.fullmatch(r"Week 2 · \d+ min of work, \d+ of them strength and stretch", headlines[1]), headlines
    assert headlines == [f"Week {w.number} · {work_words(p for s in w.sessions for p in s.exercises)}"
                         for w in plan.weeks[:2]]
