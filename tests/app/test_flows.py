"""The app under Pilot: what a person does, and what the store holds afterwards."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.events import Key

import planner.app.screens.session_runner
from planner.app.screens.catalogue import LibraryScreen
from planner.app.screens.checkin import PainCheckIn
from planner.app.screens.export import ExportDialog
from planner.app.screens.screening import ScreeningDialog
from planner.app.screens.session_runner import SessionRunner
from planner.app.screens.today import TodayScreen
from planner.app.screens.too_small import TooSmallScreen
from planner.app.screens.wizard import PlanBuilderScreen
from planner.cli import main as cli
from planner.domain.days.session_run import Phase
from planner.domain.pain.screening import Screening
from planner.store.store import Store
from tests.app.conftest import footer_text, make_app, make_opened_app, settle


def completions(data_dir: Path) -> dict[str, str]:
    with Store(data_dir) as store:
        history = store.history(store.active_plan().id)
    return {c.exercise_id: c.status for c in history.completions}


async def test_first_run_leads_to_the_builder_and_creates_a_plan(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScreeningDialog), "the safety questions come before the first plan"
        await pilot.press("ctrl+s")  # none of the warning signs
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    with Store(data_dir) as store:
        active = store.active_plan()
        assert store.latest_screening() == Screening(dt.date(2026, 3, 2), ())
    assert active is not None and active.inputs.program == "core-flexibility"
    assert active.inputs.start == dt.date(2026, 3, 2)


async def test_the_builder_refuses_a_plan_with_no_days(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for day in ("mon", "wed", "fri"):
            app.screen.query_one(f"#day-{day}").value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        assert "tick at least one weekday" in str(app.screen.query_one("#preview").render())
    with Store(data_dir) as store:
        assert store.active_plan() is None


async def test_without_a_plan_only_the_library_and_relief_open(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_running_a_session_records_every_set_and_today_shows_done(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        planned = app.snapshot.day().exercises
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionRunner)
        exercises = app.snapshot.library.exercises
        presses = sum(p.sets * (2 if exercises[p.id].per_side else 1) for p in planned)  # left, then right
        for _ in range(presses):
            await pilot.press("space")  # a set (or side); the next space ends any rest countdown early
            await settle(pilot)
            if app.screen.run.phase is Phase.REST:
                await pilot.press("space")
                await settle(pilot)
        assert "All finished" in str(app.screen.query_one("#hint").render())
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.snapshot.day().status == "done"
        assert "done" in str(app.screen.query_one("#heading").render())
    assert completions(seeded) == {p.id: "done" for p in planned}


async def test_quitting_mid_session_keeps_the_sets_done(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The warm-up is a single set: take the first exercise with more than one.
        index, first = next((i, p) for i, p in enumerate(app.snapshot.day().exercises) if p.sets > 1)
        await pilot.press("enter", *["down"] * index, "space")
        await settle(pilot)
        await pilot.press("q")
    assert first.sets > 1 and completions(seeded) == {first.id: "partial"}


async def test_a_hold_timer_counts_the_set_and_pauses(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The clock's seconds are forwarded by hand here (clock_tick): nothing depends on the machine's speed.
    monkeypatch.setattr(planner.app.screens.session_runner, "TICK_SECONDS", 3600.0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        index = next(i for i, p in enumerate(app.snapshot.day().exercises) if p.kind.value == "hold" and p.sets > 1)
        await pilot.press("enter", *["down"] * index, "s")
        await settle(pilot)
        runner = app.screen
        assert runner.run.timing and runner._clock is not None
        await pilot.press("p")
        await settle(pilot)
        assert runner.run.paused and runner._clock is None, "paused: the clock stops"
        before = runner.run.remaining
        runner.clock_tick()
        assert runner.run.remaining == before, "a paused hold does not count down"
        await pilot.press("p")
        await settle(pilot)
        for _ in range(runner.run.remaining):
            runner.clock_tick()
        await settle(pilot)
        assert runner.sets_done[runner.item.id] == 1, "the hold, counted, ends the set by itself"
        assert runner.run.phase is Phase.REST and runner.run.timing
        await pilot.press("escape")
        await settle(pilot)
        assert runner._clock is None


async def test_today_checks_off_with_space_and_takes_back_with_backspace(seeded: Path) -> None:
    """Space on a ticked exercise leaves it ticked (twice never unticks by accident); Backspace unticks."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.snapshot.day().exercises[0]
        await pilot.press("space")
        await settle(pilot)
        assert completions(seeded) == {first.id: "done"}
        await pilot.press("up", "space")
        await settle(pilot)
        assert completions(seeded) == {first.id: "done"}
        await pilot.press("backspace")
        await settle(pilot)
        assert completions(seeded) == {}


async def test_all_done_checks_off_the_session_and_leaves_the_walk_for_later(seeded: Path) -> None:
    """d, as `planner done` with no names: the session's own exercises; the walk apart from the session is
    ticked by itself once walked, so the record never holds a walk not yet taken."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.snapshot.day()
        walk = [p.id for p in view.walks]
        assert walk, "Monday's session has a walk apart from it"
        await pilot.press("d")
        await settle(pilot)
        assert completions(seeded) == {p.id: "done" for p in view.exercises if p.id not in walk}
        assert "Session checked off" in " ".join(str(n.message) for n in app._notifications)
        app.clear_notifications()
        await pilot.press("d")
        await settle(pilot)
        assert "the walk is for any time today" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("end", "space")  # the walk, last in the list
        await settle(pilot)
        assert completions(seeded) == {p.id: "done" for p in view.exercises}


async def test_pain_six_eases_the_next_session(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        wednesday = dt.date(2026, 3, 4)
        before = sum(p.volume_seconds for p in app.snapshot.day(wednesday).exercises if not p.apart)
        walk = [p for p in app.snapshot.day(wednesday).exercises if p.apart]
        await pilot.press("d", "r")
        await settle(pilot)
        await pilot.press("6", "ctrl+s")
        await settle(pilot)
        assert "70%" in str(app.screen.query_one("#result").render())
        after = sum(p.volume_seconds for p in app.snapshot.day(wednesday).exercises if not p.apart)
        assert after <= 0.7 * before
        assert walk and [p for p in app.snapshot.day(wednesday).exercises if p.apart] == walk, \
            "the walk apart is kept as it was (staying active helps), never made longer"


async def test_enter_walks_through_the_check_in_without_recording(seeded: Path) -> None:
    """A quick Enter after the score must not skip the red-flag questions."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn) and app.screen.focused.id == "where"
        await pilot.press("enter", "enter")  # the exercises that made it worse, then the first warning sign
        assert app.screen.focused.id == "no" and app.screen.focused.parent.parent.id == "flag-saddle"
        assert app.snapshot.history.pain == ()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p.score for p in app.snapshot.history.pain] == [5]


async def test_severe_pain_pauses_the_program(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "r")
        await settle(pilot)
        await pilot.press("9", "ctrl+s")
        await settle(pilot)
        assert app.snapshot.state.pause == "relief"
        assert app.snapshot.day().status == "done", "the session done stays as it was done (the record)"
        assert app.snapshot.day(app.snapshot.today + dt.timedelta(days=1)).status == "paused"
        assert "paused" in str(app.screen.query_one("#result").render())


async def test_red_flag_pauses_until_confirmed_outside_the_app(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("1")
        app.screen.query_one("#flag-weakness").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = app.screen.query_one("#result")
        assert "paused" in str(result.render()) and result.has_class("urgent")
        alert = app.screen.query_one("#alert")
        assert alert.display and alert.has_class("urgent") and "URGENT" in str(alert.render())
        assert str(alert.render()).lower().count("see a doctor today") == 1
        await pilot.press("escape")
        await settle(pilot)
        said = str(app.screen.query_one("#alert").render()), str(app.screen.query_one("#reasons").render())
        assert "planner resume --confirm" in said[0] and "resume --confirm" not in said[1], "said once, by the alert"
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("0", "ctrl+s")
        await settle(pilot)
        view = app.snapshot.day()
        assert view.status == "paused" and view.exercises == []
    assert cli(["resume", "--confirm"]) == 0
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.snapshot.day().status == "planned"


async def test_library_search_and_category_filter(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l", "slash", *"bridge", "enter")
        await settle(pilot)
        shown = app.screen.shown_ids
        assert shown and all("bridge" in i for i in shown)
        app.screen.query_one("#search").value = ""
        await pilot.press("c", "c", "c", "c")
        await settle(pilot)
        library = app.data.context.library
        assert app.screen.shown_ids and all(library.exercises[i].category == "relief" for i in app.screen.shown_ids)


async def test_command_palette_goes_to_history(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"go to history")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "history"


async def test_a_tiny_terminal_says_so_and_recovers(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(50, 15)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("k")  # skip the day, on the screen beneath: not while too small
        await settle(pilot)
        assert "Keys do nothing until the window is bigger" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.snapshot.day().status == "planned", "the key did not reach Today"


async def test_export_writes_the_same_file_as_the_cli_and_asks_before_replacing(
        seeded: Path, tmp_path: Path, run_planner) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("keep me\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w", "e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "already exists" in str(app.screen.query_one("#export-result").render())
        assert target.read_text() == "keep me\n"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote" in str(app.screen.query_one("#export-result").render())
        app.screen.query_one("#format").value = "ics"
        await settle(pilot)
        assert app.screen.query_one("#path").value == str(tmp_path / "mine.ics")
        app.screen.query_one("#time").value = "25:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Time: use HH:MM" in str(app.screen.query_one("#export-result").render())
        assert not (tmp_path / "mine.ics").exists()
    assert target.read_text() == run_planner("export").stdout


async def test_export_without_a_plan_says_to_build_one(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)


async def test_help_lists_every_key_from_the_one_table(seeded: Path) -> None:
    from planner.app.bindings import FOOTER_ONLY, KEYS_BY_SCREEN, key_label, title
    from planner.app.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one("HelpText").source
        for screen, bindings in KEYS_BY_SCREEN.items():
            assert f"### {screen}" in shown or screen in shown
            for binding in bindings:  # a footer-only copy of a key (Relief's p Resume) is listed once, as its twin
                if binding.id != FOOTER_ONLY:
                    assert f"`{key_label(binding)}` | {title(binding)}" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_changing_training_days_from_the_plan_view(seeded: Path) -> None:
    from planner.app.screens.days import DaysDialog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w", "d")
        await settle(pilot)
        assert isinstance(app.screen, DaysDialog)
        app.screen.query_one("#new-sat").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "pick 3 weekdays (you picked 4)" in str(app.screen.query_one("#days-result").render())
        app.screen.query_one("#new-mon").value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "to Wed, Fri, Sat from week 2" in str(app.screen.query_one("#days-result").render())
        await pilot.press("escape")
        assert app.snapshot.day(dt.date(2026, 3, 14)).planned
        assert not app.snapshot.day(dt.date(2026, 3, 9)).planned
        assert app.snapshot.day(dt.date(2026, 3, 2)).planned
    with Store(seeded) as store:
        assert store.active_plan().inputs.days_in_week(1) == ["wed", "fri", "sat"]


async def test_a_new_plan_says_it_replaces_the_current_one(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "A new plan replaces Core + flexibility" in str(app.screen.query_one("#disclaimer").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_stray_keys_on_every_screen_never_crash_the_app(lived_in: Path) -> None:
    """A person mashing keys that mean nothing (or something elsewhere) gets no traceback anywhere."""
    # A few of each kind (the key masher presses thousands): a letter, a digit, a function key, focus moves, scrolling.
    stray = ["z", "9", "f5", "ctrl+x", "tab", "shift+tab", "pageup", "end"]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for place in ["t", "w", "l", "h", "exclamation_mark", "n", "t", "enter", "escape", "question_mark"]:
            await pilot.press(place)
            await settle(pilot)
            for key in stray:
                await pilot.press(key)
            await settle(pilot)
            while len(app.screen_stack) > 1 and not isinstance(app.screen, SessionRunner):
                await pilot.press("escape")
                await settle(pilot)
        assert app.is_running
    assert completions(lived_in)  # the seeded check-offs are all still there


async def test_f1_opens_and_closes_help_like_question_mark(seeded: Path) -> None:
    from planner.app.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_a_screen_looks_the_same_whichever_screens_opened_before(seeded: Path) -> None:
    """Every screen's styles are read at start; one screen's rules must not reach another's widgets
    (the check-in's ``#pain`` form and the history's ``#pain`` chart share an id)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        first = app.screen.query_one("#pain").region
        await pilot.press("t", "r")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn)
        await pilot.press("escape", "h")
        await settle(pilot)
        assert app.screen.query_one("#pain").region == first
        assert app.screen.query_one("#pain").styles.border_top[0] in ("", "none")


async def test_a_score_typed_before_the_check_in_is_up_is_kept(seeded: Path) -> None:
    """Type-ahead over a slow link: r and the score arrive together, before the check-in exists."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("r", "7"):
            app.post_message(Key(key, key))
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn)
        assert app.screen.query_one("#score").value == "7"
        await pilot.press("escape", "5")  # back on Today, a digit is not kept for the next check-in
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one("#score").value == ""


async def test_a_score_typed_as_the_check_in_opens_is_kept(seeded: Path) -> None:
    """The other window: r has opened the check-in, which is not mounted yet when the digit arrives."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(Key("r", "r"))
        while not isinstance(app.screen, PainCheckIn):
            await asyncio.sleep(0)
        assert not app.screen.is_mounted
        app.post_message(Key("3", "3"))
        await settle(pilot)
        assert app.screen.query_one("#score").value == "3"


async def test_the_chosen_theme_is_kept_for_next_time(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme != "textual-light"
        app.theme = "textual-light"
        await app.workers.wait_for_complete()
        await settle(pilot)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"
        assert isinstance(again.screen, TodayScreen)


async def test_opened_as_planner_starts_it_the_kept_theme_is_there_from_the_first_frame(seeded: Path) -> None:
    """``planner`` reads the store before the app is made, the theme and sound with it: they are restored
    before anything is drawn (the first frame was drawn in the default theme, then restyled), Today draws
    exactly what the app opened through its loading screen draws, the restored theme is not written back
    (it was, at every start, moving the read model's key), and a check-off works."""
    from planner.actions.settings import save_setting
    from planner.context import Context
    from planner.store.views import _data_version

    save_setting(Context.from_args(argparse.Namespace()), "theme", "textual-light")
    loaded = make_app()
    async with loaded.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        drawn = loaded.export_screenshot()
    version = _data_version(seeded / "planner.db")
    app = make_opened_app()
    assert app.theme == "textual-light"  # before the app runs: its stylesheets are parsed in this theme
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.export_screenshot() == drawn
        assert _data_version(seeded / "planner.db") == version  # restoring the theme saved nothing
        await pilot.press("space")
        await settle(pilot)
        assert len(app.snapshot.day().done_ids) == 1
    assert list(completions(seeded).values()) == ["done"]


async def test_k_after_the_session_is_checked_off_skips_nothing(seeded: Path) -> None:
    """A stray k once everything is ticked erased the record of the session (a skip clears its day): the key
    is no longer offered on a day with check-offs, and pressed anyway it changes nothing."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.snapshot.day().status == "done"
        assert "Skip day" not in footer_text(app)
        await pilot.press("k")
        await settle(pilot)
        assert app.snapshot.day().status == "done"
        assert app.snapshot.history.skips == ()
