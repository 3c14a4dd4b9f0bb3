"""Learn under Pilot: reading records the lesson; a finished session offers the next unread one."""

from __future__ import annotations

import json
from pathlib import Path

from planner.app.screens.learn import LearnScreen
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


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_finished_session_names_the_next_unread_lesson_and_i_reads_it(seeded: Path, run_planner) -> None:
    order = [x["id"] for x in json.loads(run_planner("lessons", "--json").stdout)]
    titles = {x["id"]: x["title"] for x in json.loads(run_planner("lessons", "--json").stdout)}
    run_planner("lesson", order[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")  # Learn opened once before the session: it still comes back on the named lesson
        await settle(pilot)
        await pilot.press("down", "down", "down", "t")
        await settle(pilot)
        await pilot.press("enter", "f", "y", "1", "ctrl+s")  # y: finish with exercises left
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen), "no dialog in the way after the check-in"
        assert titles[order[1]] in notices(app) and "Press i to read it" in notices(app)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, LearnScreen)
        assert app.screen.query_one("#lesson-list").highlighted_option.id == order[1]
        assert app.screen.has_class("-reading"), "i on the offer opens the lesson it names"
        assert order[1] in read_ids(seeded), "and records it as read, so the next offer is another lesson"
        app.clear_notifications()
        app.offer_next_lesson()  # as after the next finished session
        await settle(pilot)
        assert titles[order[2]] in notices(app) and titles[order[1]] not in notices(app)


async def test_a_paused_plan_names_no_lesson(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "f", "y", "9", "ctrl+s")  # y: finish with exercises left; pain 9: the plan pauses to the relief routine
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert app.snapshot.state.pause == "relief"
        assert "Press i to read it" not in notices(app)
