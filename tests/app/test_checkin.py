"""The pain check-in names the exercise that made it worse, starts at the right "when", and says what
its projection assumes in the words of the "when" chosen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Select

from planner.app.screens.checkin import PainCheckIn, default_when
from planner.app.widgets.questions import QuestionBox, SignQuestion
from tests.app.conftest import make_app, settle


async def open_check_in(pilot) -> PainCheckIn:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PainCheckIn)
    return pilot.app.screen


@pytest.mark.parametrize("size", [(40, 16), (80, 24)])
async def test_the_exercise_that_made_it_worse_is_recorded(seeded: Path, size) -> None:
    """Today's exercises are listed; the one ticked goes with the report (the CLI's --aggravated) and,
    at pain 7, to its easier variant."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_check_in(pilot)
        first = app.snapshot.day().exercises[0]
        names = [str(box.label) for box in screen.query("#worse QuestionBox").results(QuestionBox)]
        assert names == [item.name for item in app.snapshot.day().exercises]
        await pilot.press("7", "enter", "enter", "space", "ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].aggravated == (first.id,)
        assert first.name in str(screen.query_one("#result").render())



@pytest.mark.parametrize("size", [(40, 16), (80, 24)])
async def test_the_result_is_read_from_its_heading(seeded: Path, size) -> None:
    """At pain 7 with the first exercise named, the reason runs long: on a phone it is taller than the window,
    and the form shows it from "What changes" (it showed its last lines, the heading above the fold).
    Where it fits, the form is kept at its end, the whole result in view."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_check_in(pilot)
        await pilot.press("7", "enter", "enter", "space", "ctrl+s")
        await settle(pilot)
        form, result = screen.query_one("#pain"), screen.query_one("#result")
        top, window = form.scroll_offset.y, form.scrollable_content_region.height
        assert str(result.render()).startswith("What changes")
        assert top <= result.virtual_region.y < top + window, "the heading is in view"
        if result.outer_size.height <= window:
            assert result.virtual_region.bottom <= top + window, "a result that fits is in view whole"


@pytest.mark.parametrize(("done_today", "hour", "when"), [
    (False, 7, "next-morning"),  # a morning before today's session: about yesterday's
    (True, 9, "after"),  # today's session already done
    (False, 18, "after"),
])
def test_when_starts_by_the_time_of_day(done_today: bool, hour: int, when: str) -> None:
    assert default_when(done_today, hour) == when


async def test_the_morning_check_in_starts_at_next_morning(seeded: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_HOUR", "8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        assert screen.query_one("#when", Select).value == "next-morning"
        await pilot.press("2")
        await settle(pilot)
        assert "If your pain is 2 the morning after each session" in str(screen.query_one("#projection").render())


async def test_today_stops_asking_how_the_back_is_once_a_report_is_in(seeded: Path) -> None:
    """After the session Today asks "How is your back?"; once the check-in has a report, it asks no more."""
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        if isinstance(app.screen, PainCheckIn):  # the check-in may open by itself after the session
            await pilot.press("escape")
            await settle(pilot)

        def notes() -> str:
            return " ".join(str(app.screen.query_one("#reasons", Static).render()).split())

        assert app.snapshot.day().status == "done" and "How is your back? Press r" in notes()
        await open_check_in(pilot)
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        while isinstance(app.screen, PainCheckIn):
            await pilot.press("escape")
            await settle(pilot)
        assert app.snapshot.history.pain_on(app.snapshot.today)
        assert "Session done." in notes() and "How is your back" not in notes()


async def test_backspace_and_a_digit_in_one_read_leave_the_digit(seeded: Path) -> None:
    """A terminal hands over keys typed together in one read: "5", then Backspace and 7 together, is a 7.
    Textual's Input typed the 7 first and deleted it after (Textualize/textual#6605); the check-in's
    fields run their editing keys in order (planner.app.widgets.text_field)."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        screen = await open_check_in(pilot)
        score, where = screen.query_one("#score", Input), screen.query_one("#where", Input)
        await pilot.press("5")
        await settle(pilot)
        in_one_read(app, ("backspace", "\x7f"), ("7", "7"))
        await settle(pilot)
        assert score.value == "7"
        where.focus()
        await pilot.press("b", "a", "k")
        await settle(pilot)
        in_one_read(app, ("left", None), ("c", "c"))  # an arrow is an editing key too
        await settle(pilot)
        assert where.value == "back"


def in_one_read(app, *keys: tuple[str, str | None]) -> None:
    """Post keys as a terminal's read does: all at once, none waiting for the one before to be handled."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


def test_every_text_box_is_a_text_field() -> None:
    """No screen builds Textual's Input directly: each would lose keys typed together (see above)."""
    screens = Path(__file__).resolve().parents[2] / "planner" / "app"
    direct = [f"{path.name}:{node.lineno}" for path in screens.rglob("*.py")
              for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Input"]
    assert direct == []


def test_still_there_is_asked_only_while_the_tingling_advice_is_on_show() -> None:
    """The question comes with the non-pausing tingling alerts (advice, then soon), never with a pause."""
    from planner.domain.pain.warning_signs import alert_for, persisting, still_there

    assert still_there(alert_for(["numbness"])) is not None
    assert still_there(persisting(["numbness"])) is not None
    assert still_there(alert_for(["numbness", "fever"])) is None  # urgent: paused, the alert says what to do
    assert still_there(alert_for(["numbness"], paused=True)) is None
    assert still_there(None) is None


async def test_the_check_in_asks_if_the_tingling_is_still_there(seeded: Path, monkeypatch) -> None:
    """Tingling reported on Monday: on Tuesday the check-in asks first whether it is still there (the CLI
    records it with --flag numbness; the app had only the general list, where unanswered counts as no). A yes
    goes through the same action, and on this second day the alert rises to "soon"."""
    import datetime as dt

    from planner.actions.pain import report_pain
    from planner.context import Context
    from planner.domain.records import PainReport

    monday = dt.date(2026, 3, 2)
    report_pain(Context(seeded, [], monday), PainReport(monday, "after", 2, flags=("numbness",)))
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-03")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        questions = list(screen.query(SignQuestion))
        assert questions[0].id == "flag-numbness" and "Is it still there?" in questions[0].question
        assert [q.id for q in questions].count("flag-numbness") == 1, "asked once, not again in the list"
        await pilot.press("2", "enter", "enter", "enter", "y", "ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].flags == ("numbness",)
        alert = app.snapshot.day().alert
        assert alert is not None and alert.level == "soon"
