"""The session runner on a phone (40×16, 45×25): every path finishes, the footer keeps Finish and Quit,
questions are asked inline while the clock waits, and keys arriving around its teardown do nothing."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

import planner.app.main
from planner.app.screens.checkin import PainCheckIn
from planner.app.screens.confirm import ConfirmDialog
from planner.app.screens.session_runner import SessionRunner
from planner.app.screens.today import TodayScreen
from planner.store.store import Store
from tests.app.conftest import make_app, settle
from tests.app.test_runner import go_to, hand_clock, open_runner, several_sets  # noqa: F401 (hand_clock: autouse)
from tests.fuzzing import budget


@pytest.fixture(autouse=True)
def phone_sized_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner.app.main, "MIN_WIDTH", 40)
    monkeypatch.setattr(planner.app.main, "MIN_HEIGHT", 16)


def footer_words(screen: SessionRunner) -> list[str]:
    return [key.description for key in screen.query(FooterKey) if key.display]


def hint(screen: SessionRunner) -> str:
    return str(screen.query_one("#hint").render())


@pytest.mark.parametrize("size", [(40, 16), (45, 25)])
async def test_finishing_early_on_a_phone_asks_inline_and_the_clock_waits(seeded: Path, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        runner = await open_runner(pilot)
        await pilot.press("s")  # the count runs
        await settle(pilot)
        assert runner.run.timing
        await pilot.press("f")
        await settle(pilot)
        assert app.screen is runner, "no dialog that needs a wider terminal"
        assert "not finished. Finish anyway?" in hint(runner) and "y: yes" in hint(runner)
        assert runner.run.paused, "the clock waits while the question is asked"
        assert "p resumes" not in hint(runner) + str(runner.query_one("#clock-label").render()), \
            "p does nothing while a question is asked: only y or n"
        assert footer_words(runner)[:2] == ["Yes", "No"]
        await pilot.press("space")  # not an answer: nothing is counted while asking
        await settle(pilot)
        assert runner.run.here.sets_done == 0 and runner.run.paused
        await pilot.press("n")
        await settle(pilot)
        assert runner.run.timing, "n: the clock goes on"
        assert "Finish anyway" not in hint(runner)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn)


async def test_the_footer_at_40_columns_keeps_finish_and_quit(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        runner = await open_runner(pilot)
        words = footer_words(runner)
        assert "Finish" in words and "Quit" in words, words
        keys = [key for key in runner.query(FooterKey) if key.display]
        assert all(key.region.right <= 40 for key in keys), [(k.description, k.region) for k in keys]
        assert not any(key.has_class("-command-palette") for key in keys), "ctrl+p is in help, not here"
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert {"Done", "Timer", "Note", "Finish", "Quit"} <= set(footer_words(runner))


async def test_partial_asks_first_and_keeps_the_sets_done(seeded: Path, run_planner) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        runner = await open_runner(pilot)
        item = await go_to(pilot, runner, several_sets(runner))
        await pilot.press("space")  # one set of several, then the rest
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert f"Stop {item.name} part-way (1 of {item.sets} sets done)?" in hint(runner)
        await pilot.press("n")
        await settle(pilot)
        assert runner.closed[item.id] == "" and runner.run.current == runner.items.index(item)
        await pilot.press("m", "y")
        await settle(pilot)
        assert runner.closed[item.id] == "partial" and runner.run.current != runner.items.index(item)
    rows = {e["id"]: e for e in json.loads(run_planner("today", "--json").stdout)["exercises"]}
    assert rows[item.id]["partial"] and not rows[item.id]["done"]


async def test_partial_asks_in_a_dialog_where_it_fits(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await open_runner(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "part-way" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is runner and runner.closed[runner.items[0].id] == "partial"


async def test_a_skipped_exercise_is_not_counted_as_finished(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        runner = await open_runner(pilot)
        await pilot.press("space", "x")  # the warm-up done, the next one skipped
        await settle(pilot)
        title = str(runner.query_one("#runner-title").render())
        assert title.startswith(f"1 of {sum(not p.apart for p in runner.items)} exercises finished · 1 skipped"), \
            title


async def test_the_paused_hint_says_how_to_resume_once(seeded: Path) -> None:
    """The hint says how to resume; the line above the clock says only that it is paused."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await open_runner(pilot)
        await pilot.press("s", "p")
        await settle(pilot)
        label = str(runner.query_one("#clock-label").render())
        assert runner.run.paused and hint(runner).startswith("Paused: p resumes")
        assert label.endswith("· paused") and "resume" not in label, label


async def test_the_time_to_switch_sides_is_a_setting_kept_for_next_time(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await open_runner(pilot)
        assert runner.run.switch_seconds == 5
        await pilot.press("g")
        await app.workers.wait_for_complete()
        assert runner.run.switch_seconds == 10
    with Store(seeded) as store:
        assert store.setting("switch_seconds") == "10"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        assert (await open_runner(pilot)).run.switch_seconds == 10


KEYS = ["space", "s", "p", "m", "x", "y", "n", "f", "escape", "enter", "up", "down", "g", "b", "tab"]


@pytest.mark.parametrize("seed", [1, 2, 3][:budget(1, 3)])
async def test_keys_in_bursts_around_the_runner_never_reach_a_torn_down_screen(seeded: Path, seed: int) -> None:
    """Issue 30: keys and clock ticks queued for a runner that was just taken down (or not yet up) once
    crashed redraw with NoMatches '#runner-title'."""
    app = make_app()
    shuffle = random.Random(seed)
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        runners: list[SessionRunner] = []
        for _ in range(budget(3, 6)):
            if isinstance(app.screen, TodayScreen):
                await pilot.press("enter", *shuffle.choices(KEYS, k=6))  # no settling: a burst
            if isinstance(app.screen, SessionRunner):
                runners.append(app.screen)
                await pilot.press(*shuffle.choices(KEYS, k=25))
            await pilot.press("escape", "escape")
            await settle(pilot)
        assert runners, "the burst opened the runner"
        for gone in (r for r in runners if r is not app.screen):
            gone.clock_tick()  # a tick that was already queued
            gone.redraw()
            gone.size_changed(app.size)
            assert not gone._live and gone._clock is None, "its clock stopped when it went"
        assert app.is_running


async def test_today_explains_the_descending_dose_until_it_has_been_done(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reasons = str(app.screen.query_one("#reasons").render())
        assert "6-4-2×10s: three sets of 10-second holds, 6 then 4 then 2." in reasons
        assert reasons.count("10-second holds") == 1, "said once, not for each exercise with that dose"


async def test_today_says_nothing_more_once_the_dose_is_known(lived_in: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(p.descending for p in app.snapshot.day().exercises)
        assert "10-second holds" not in str(app.screen.query_one("#reasons").render())


async def test_one_side_waiting_says_which_side_in_plain_words(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await open_runner(pilot)
        await go_to(pilot, runner, next(i for i, p in enumerate(runner.items) if runner.per_side(p)))
        await pilot.press("space")  # the left side, without the timer
        await settle(pilot)
        label = str(runner.query_one("#clock-label").render())
        assert label.startswith("Set 1 · right side: ") and "about (" not in label, label
