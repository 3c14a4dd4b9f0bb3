"""The pain check-in's keys and the paused Today's actions, under Pilot."""

from __future__ import annotations

import os
from pathlib import Path

from textual._time import get_time
from textual.events import AppFocus, Key
from textual.widgets import Static

from planner.app.screens.checkin import PainCheckIn
from planner.app.screens.resume import ConfirmResume
from planner.app.screens.screening import ScreeningDialog
from planner.app.screens.today import TodayScreen
from planner.app.screens.wizard import PlanBuilderScreen
from planner.app.widgets.alert_box import AlertBox
from planner.app.widgets.questions import QuestionBox, SignQuestion
from planner.store.active_plan import standing_state
from planner.store.store import Store
from tests.app.conftest import make_app, settle
from tests.conftest import run_in_process


async def open_check_in(pilot) -> PainCheckIn:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PainCheckIn)
    return pilot.app.screen


async def test_enter_never_lands_on_yes_and_y_answers_yes(seeded: Path) -> None:
    """Quick Enters reach each warning sign's No (and answer no), never its Yes and never a tick box;
    a yes takes a deliberate y (or Tab to Yes)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        await pilot.press("3", "enter", "enter", "enter")
        questions = list(screen.query(SignQuestion))
        for question in questions[:-2]:
            assert screen.focused.id == "no" and screen.focused.parent.parent is question
            await pilot.press("enter")
        assert [q.value for q in questions[:-2]] == [False] * (len(questions) - 2)
        assert not any(box.value for box in screen.query(QuestionBox)), "no exercise ticked by Enter"
        await pilot.press("y")
        assert questions[-2].value is True and questions[-1].value is None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].flags == (questions[-2].id.removeprefix("flag-"),)


async def test_a_paste_sent_as_keystrokes_ticks_nothing(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        await pilot.press("2", "enter")
        text = ("lower back, a little stiff\n" + "yes yearly and then some more text with spaces in it " * 12
                + "\n") * 3
        # As a terminal delivers a paste: 64 characters a read, the reads half a millisecond apart. Each key
        # carries the time it was read (as the driver's thread stamps it), not the time this test got round
        # to making it: on a loaded machine the pauses below took over 0.25 s, and the guard rightly took the
        # first key after such a gap for a person's answer (the test failed under load, not the app).
        read_at = get_time()
        for number, chunk in enumerate(text[i:i + 64] for i in range(0, len(text), 64)):
            for place, character in enumerate(chunk):
                key = Key("enter" if character == "\n" else "space" if character == " " else character, character)
                key.time = read_at + number * 0.0005 + place * 0.000001
                app.post_message(key)
            await pilot.pause()
        assert not any(b.value for b in screen.query(QuestionBox))
        assert not any(q.value for q in screen.query(SignQuestion)), "a y or a space in pasted text answers nothing"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].flags == ()


async def test_a_yes_in_the_screening_builds_no_plan_and_shows_the_alert(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ScreeningDialog)
        # The builder behind it says once, plainly, that planner is not a clinician; the questions don't repeat it.
        assert "not a clinician" in str(app.screen_stack[-2].query_one("#disclaimer").render())
        assert not any("not a clinician" in str(w.render()) for w in screen.query(Static))
        await pilot.press("n", "y", "ctrl+s")  # no to the first sign, yes to the second
        await settle(pilot)
        assert app.screen is screen
        alert = screen.query_one(AlertBox)
        assert alert.display and alert.has_class("emergency") and "EMERGENCY" in str(alert.render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
    with Store(data_dir) as store:
        assert store.active_plan() is None
        assert store.latest_screening().yes == ("bladder-bowel",)
        assert standing_state(store).pause == "red-flag"


async def report_warning_sign(pilot, name: str) -> None:
    screen = await open_check_in(pilot)
    await pilot.press("1")
    screen.query_one(f"#flag-{name}").value = True
    await pilot.press("ctrl+s")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


def footer_actions(app) -> set[str]:
    return {b.action for _, b, enabled, _ in app.active_bindings.values() if enabled and b.show}


async def test_a_paused_today_says_how_to_resume_once(seeded: Path) -> None:
    """The alert says the program stays paused until a professional has assessed you; the note under it
    gives only the app's key for that confirmation, not the instruction again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await report_warning_sign(pilot, "weakness")
        assert isinstance(app.screen, TodayScreen) and app.snapshot.day().status == "paused"
        words = " ".join(str(app.screen.query_one(w).render()) for w in (AlertBox, "#reasons"))
        assert words.count("assessed you") == 1, words
        assert words.count("resume --confirm") == 1, words
        assert "c (Resume)" in words


async def test_a_paused_today_offers_resume_with_a_confirmation(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "resume" not in footer_actions(app)
        await report_warning_sign(pilot, "fever")
        assert isinstance(app.screen, TodayScreen) and app.snapshot.day().status == "paused"
        assert "resume" in footer_actions(app) and "all_done" not in footer_actions(app)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmResume)
        assert "assessed you" in str(app.screen.query_one("#resume-means").render())
        await pilot.press("enter")  # the focused, safe choice: not yet
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.snapshot.day().status == "paused"
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.snapshot.day().status == "planned"
        assert app.snapshot.history.adjustments[-1].kind == "resume"


async def test_resume_and_undo_are_in_the_command_palette(seeded: Path) -> None:
    from planner.app.commands import PlannerCommands
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        names = [name for name, _, _ in PlannerCommands(app.screen)._commands()]
        assert "Resume (after a professional has assessed you)" in names
        assert "Undo the last pain report" in names


async def test_undo_the_last_pain_report_from_today(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.snapshot.day().exercises
        screen = await open_check_in(pilot)
        await pilot.press("7", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen is not app.screen and app.snapshot.history.adjustments
        assert "undo the last pain report" in str(app.screen.query_one("#reasons").render())
        await pilot.press("u")
        await settle(pilot)
        assert app.snapshot.history.pain == () and app.snapshot.history.adjustments == ()
        assert app.snapshot.day().exercises == before


async def test_undo_never_lifts_a_warning_sign_pause(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await report_warning_sign(pilot, "saddle")
        await pilot.press("u")
        await settle(pilot)
        assert app.snapshot.day().status == "paused" and len(app.snapshot.history.pain) == 1


async def test_a_paused_today_offers_undo_pain_in_the_footer(seeded: Path) -> None:
    """Pain 9 pauses to the relief routine: the footer has room then, and offers the way out of a wrong report."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "undo_pain('paused')" not in footer_actions(app), "not paused: u is in help and the palette only"
        screen = await open_check_in(pilot)
        await pilot.press("9", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen is not app.screen and app.snapshot.day().status == "paused"
        assert "undo_pain('paused')" in footer_actions(app)
        footer = " ".join(str(w.render()) for w in app.screen.query("FooterKey"))
        assert "Undo pain" in footer and "Quit" in footer, footer
        await pilot.press("u")
        await settle(pilot)
        assert app.snapshot.history.pain == () and app.snapshot.day().status != "paused"


async def test_undo_from_the_palette_works_when_not_paused(seeded: Path) -> None:
    from planner.app.commands import PlannerCommands
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_check_in(pilot)
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert screen is not app.screen and len(app.snapshot.history.pain) == 1
        undo = [(name, b, on) for name, b, on in PlannerCommands(app.screen)._commands()
                if name == "Undo the last pain report"]
        assert len(undo) == 1
        await PlannerCommands(app.screen)._run(undo[0][1], undo[0][2])
        await settle(pilot)
        assert app.snapshot.history.pain == ()


async def test_a_relief_pause_asks_whether_you_can_move_about_as_usual(seeded: Path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 25: during a relief pause the check-in asks "Can you walk and move about as usual?"; ticked,
    with low pain on a second day, it ends the pause (the app's --settled)."""
    import datetime as dt

    from planner.domain.library.loading import Source, load_library
    from planner.domain.pain.adaptation import apply_pain_report
    from planner.domain.records import PainReport
    from planner.locations import built_in_library
    from planner.store.active_plan import load_active

    library = load_library([Source(built_in_library(), built_in=True)])
    start = dt.date(2026, 3, 2)
    with Store(seeded) as store:
        for report in (PainReport(start, "after", 8), PainReport(start + dt.timedelta(days=1), "next-morning", 1)):
            active = load_active(store, library)
            _, adjustments, _ = apply_pain_report(active.plan, library, active.state, active.history, report,
                                                  active.weekly_increase)
            store.record_pain(active.record.id, report, adjustments)
        assert standing_state(store).pause == "relief"
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-04")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check_in(pilot)
        box = screen.query_one("#settled", QuestionBox)
        await pilot.press("1")
        box.focus()
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert app.snapshot.history.pain[-1].settled
        assert app.snapshot.state.pause is None


async def test_stray_keys_in_the_screening_answer_no_never_yes(data_dir: Path) -> None:
    """Issue 29: the first sign (saddle numbness) had focus as a tick box, one stray space from an
    emergency and a pause only a professional's assessment lifts. Now each sign is a No and a Yes with the
    No first: Enter answers no and moves on, a space answers nothing, so quick keys build the plan."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ScreeningDialog)
        for key in ("enter", "space", "enter"):
            await pilot.press(key)
            await settle(pilot)
        answers = [q.value for q in screen.query(SignQuestion)]
        assert answers[:3] == [False, False, None] and True not in answers, answers
        await pilot.press("ctrl+s")
        for _ in range(10):  # the answers are kept, then the builder creates the plan: two store writes
            await settle(pilot)
            if app.snapshot is not None and app.snapshot.plan is not None:
                break
    with Store(data_dir) as store:
        assert store.active_plan() is not None and store.latest_screening().yes == ()
        assert standing_state(store).pause is None


async def test_a_sign_reported_from_another_terminal_shows_when_the_app_is_back_in_front(seeded: Path) -> None:
    """A pain report with an emergency sign from a second terminal (or a phone over SSH) while the app is
    open: Today showed the live session until restarted. Now the app reads the store again when the
    terminal gives it focus back, and when t is pressed on Today."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(AlertBox).display is False
        assert run_in_process("pain", "3", "--flag", "saddle", env=dict(os.environ), cwd=seeded).returncode == 0
        app.post_message(AppFocus())
        await settle(pilot)
        assert app.screen.query_one(AlertBox).display and "EMERGENCY" in str(app.screen.query_one(AlertBox).render())
        assert run_in_process("resume", "--confirm", env=dict(os.environ), cwd=seeded).returncode == 0
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.screen.query_one(AlertBox).display is False
