"""The pain check-in's keys and the paused Today's actions, under Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.events import Key

from planner.app.screens.checkin import PainCheckIn, QuestionBox
from tests.app.conftest import make_app, settle


async def open_check_in(pilot) -> PainCheckIn:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PainCheckIn)
    return pilot.app.screen


async def test_enter_moves_through_the_questions_and_never_ticks_one(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        await pilot.press("3", "enter", "enter")
        boxes = list(screen.query(QuestionBox))
        assert screen.focused is boxes[0]
        for box in boxes[1:]:
            await pilot.press("enter")
            assert screen.focused is box
        assert not any(b.value for b in boxes)
        await pilot.press("shift+tab", "space")
        assert boxes[-2].value and sum(b.value for b in boxes) == 1, "space ticks"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].flags == (boxes[-2].id.removeprefix("flag-"),)


async def test_a_paste_sent_as_keystrokes_ticks_nothing(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        await pilot.press("2", "enter")
        text = ("lower back, a little stiff\n" + "and then some more text with spaces in it " * 50 + "\n") * 4
        for chunk in [text[i:i + 64] for i in range(0, len(text), 64)]:  # as a terminal reads a paste
            for key in [Key("enter" if c == "\n" else "space" if c == " " else c, c) for c in chunk]:
                app.post_message(key)
            await pilot.pause()
        assert not any(b.value for b in screen.query(QuestionBox))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].flags == ()
