"""Learn under Pilot: reading records the lesson; a finished session offers the next unread one."""

from __future__ import annotations

import json
from pathlib import Path

from planner.app.screens.learn import LearnScreen, LessonOffer
from planner.app.screens.today import TodayScreen
from planner.store.store import Store
from tests.app.conftest import make_app, settle


def read_ids(data_dir: Path) -> list[str]:
    with Store(data_dir) as store:
        return list(store.lessons_read())


async def test_browsing_previews_and_enter_records_the_lesson(seeded: Path, run_planner) -> None:
    order = [x["id"] for x in json.loads(run_planner("lessons", "--json").stdout)]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        await pilot.press("down", "down")
        await settle(pilot)
        assert read_ids(seeded) == [], "moving through the list only previews"
        await pilot.press("enter")
        await settle(pilot)
        assert read_ids(seeded) == [order[2]]
        await pilot.press("escape", "n")  # back to the list, then the next unread: the first lesson
        await settle(pilot)
        assert read_ids(seeded) == [order[2], order[0]]
        assert app.screen.query_one("#lesson-list").border_title == f"Lessons · 2 of {len(order)} read"
    listed = json.loads(run_planner("lessons", "--json").stdout)
    assert [x["id"] for x in listed if x["read"]] == sorted([order[0], order[2]], key=order.index)


async def test_a_finished_session_offers_the_next_unread_lesson(seeded: Path, run_planner) -> None:
    order = [x["id"] for x in json.loads(run_planner("lessons", "--json").stdout)]
    run_planner("lesson", order[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "f", "1", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LessonOffer) and app.screen.lesson.id == order[1]
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        assert order[1] in read_ids(seeded)
        assert app.screen.query_one("#lesson-list").highlighted_option.id == order[1]


async def test_later_keeps_the_lesson_unread_and_a_paused_plan_offers_nothing(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "f", "1", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LessonOffer)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert read_ids(seeded) == []
        await pilot.press("enter", "f", "9", "ctrl+s")  # pain 9: the plan pauses to the relief routine
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert app.snapshot.state.pause == "relief"
        assert not isinstance(app.screen, LessonOffer)
