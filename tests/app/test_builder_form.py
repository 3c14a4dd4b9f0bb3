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
