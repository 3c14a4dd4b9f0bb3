"""The compact layout under Pilot: what a person does on a phone-sized terminal, and what gets recorded."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from planner.app.screens.catalogue import LibraryScreen
from planner.app.screens.checkin import PainCheckIn
from planner.app.screens.days import DaysDialog
from planner.app.screens.export import ExportDialog
from planner.app.screens.help import HelpScreen
from planner.app.screens.history import HistoryScreen
from planner.app.screens.learn import LearnScreen
from planner.app.screens.more import MoreMenu
from planner.app.screens.relief import ReliefScreen
from planner.app.screens.report import ReportDialog
from planner.app.screens.screening import ScreeningDialog
from planner.app.screens.today import TodayScreen
from planner.app.screens.too_small import TooSmallScreen
from planner.app.screens.weeks import PlanViewScreen
from planner.app.screens.wizard import PlanBuilderScreen
from planner.store.store import Store
from tests.app.conftest import footer_text, make_app, settle


def completions(data_dir: Path) -> dict[str, str]:
    with Store(data_dir) as store:
        history = store.history(store.active_plan().id)
    return {c.exercise_id: c.status for c in history.completions}



async def choose_from_more(pilot: Pilot, label: str) -> None:
    """Open More (m), highlight the entry named ``label`` and press Enter, as a thumb would."""
    await pilot.press("m")
    await settle(pilot)
    menu = pilot.app.screen.query_one(OptionList)
    menu.highlighted = next(i for i in range(menu.option_count) if label in str(menu.get_option_at_index(i).prompt))
    await pilot.press("enter")
    await settle(pilot)

async def test_the_compact_footer_shows_check_off_pain_more_and_quit(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.screen.has_class("-narrow")
        assert footer_text(app) == "space Check off r Pain m More q Quit"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "enter Start" in footer_text(app) and "m More" not in footer_text(app)


async def test_a_tap_checks_off_and_a_second_tap_only_says_how_to_take_it_back(seeded: Path) -> None:
    """Unticking is deliberate: a tap or space on a ticked exercise leaves it ticked (a streak is not reset
    by a key pressed twice); Backspace takes it back."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#exercises", OptionList)
        first = options.get_option_at_index(0).id
        second = options.get_option_at_index(1).id
        await pilot.click(options, offset=(5, 2))  # inside the border: the second row
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen), "a tap checks off; it does not start the session"
        assert completions(seeded) == {second: "done"}
        assert str(options.get_option_at_index(1).prompt).startswith("[x]")
        await pilot.click(options, offset=(5, 2))
        await settle(pilot)
        assert completions(seeded) == {second: "done"}
        assert "Backspace takes it back" in " ".join(str(n.message) for n in app._notifications)
        assert options.highlighted == 1, "the cursor stays on it"
        await pilot.press("backspace")
        await settle(pilot)
        assert completions(seeded) == {}
        assert first not in completions(seeded)


async def test_more_runs_what_the_footer_leaves_out(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(45, 25)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MoreMenu)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await choose_from_more(pilot, "Relief")
        assert isinstance(app.screen, ReliefScreen)
        await pilot.press("escape")  # back to Today, the way a phone user expects
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_more_on_the_plan_library_and_runner_reaches_what_their_footers_drop(seeded: Path) -> None:
    """At 40 columns the plan's footer has no room for d Days and e Export, Library's none for a Target
    area, the runner's none for n Note: More (o in the runner, where m is Partial) lists each, and runs it."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert "e Export" not in footer_text(app) and "m More" in footer_text(app)
        await choose_from_more(pilot, "Export")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("m", "d")  # a key More lists works in it
        await settle(pilot)
        assert isinstance(app.screen, DaysDialog)
        await pilot.press("escape", "l")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen) and "a Target area" not in footer_text(app)
        await pilot.press("m", "a")
        await settle(pilot)
        assert app.screen is library and library.query_one("#target").value != "any"
        await pilot.press("t", "enter")
        await settle(pilot)
        assert "n Note" not in footer_text(app) and "o More" in footer_text(app)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, MoreMenu)
        titles = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt)
                  for i in range(app.screen.query_one(OptionList).option_count)]
        assert any(t.split() == ["n", "Note"] for t in titles) and not any("Go to" in t for t in titles), titles


async def test_every_key_more_lists_works_in_it(seeded: Path) -> None:
    """The keys shown beside More's entries are keys: k skips the day, d checks all off and z takes it back."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("m", "d")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.snapshot.day().status == "done"
        assert "z takes them back" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("m", "z")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and completions(seeded) == {}
        await pilot.press("m", "k")
        await settle(pilot)
        assert app.snapshot.day().status == "skipped"
        await pilot.press("m", "l")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen), "the library has a compact form: it opens on a phone"


def overflowing(screen) -> list[str]:
    """The widgets drawn past the right edge of the terminal (a cut label, a row of boxes half off screen),
    or scrolling sideways to show what does not fit (the plan's weeks, once)."""
    width = screen.size.width
    return [f"{w!r} ends at {w.region.right}" for w in screen.query("*")
            if w.display and w.region.width and w.region.right > width] + \
           [f"{w!r} scrolls sideways" for w in screen.query("*") if w.display and w.show_horizontal_scrollbar]


# A walk through each place and each dialog a phone can open: a key, then the screen it leads to.
PHONE_WALK = [
    ("question_mark", HelpScreen), ("escape", TodayScreen),
    ("w", PlanViewScreen), ("d", DaysDialog), ("escape", PlanViewScreen), ("l", LibraryScreen),
    ("h", HistoryScreen), ("p", ReportDialog), ("escape", HistoryScreen), ("exclamation_mark", ReliefScreen),
    ("e", ExportDialog), ("escape", ReliefScreen), ("n", PlanBuilderScreen), ("t", TodayScreen), ("i", LearnScreen), ("enter", LearnScreen),
]


async def test_every_place_and_dialog_opens_on_a_phone_within_the_width(seeded: Path) -> None:
    """Issue 29: no path on a phone waits for a wider terminal. At 40×16 each place and dialog opens itself
    (not a "wider terminal needed" notice), draws nothing past the right edge, and Escape goes back."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        for key, expected in PHONE_WALK:
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, expected), (key, app.screen)
            assert not overflowing(app.screen), (key, overflowing(app.screen))
        assert app.screen.has_class("-reading"), "Enter opened the lesson"


async def test_the_library_says_whole_when_nothing_matches(seeded: Path) -> None:
    """At 40 and 80 columns the library's "no exercise matches" says how to get the list back, not cut
    with … (it was one line of 66 characters in a list 36 or 28 wide)."""
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("m", "l")
        await settle(pilot)
        await pilot.press("slash", "z", "z", "q")
        await settle(pilot)
        for size in ((40, 16), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            listed = "\n".join(line.text for line in app.screen.query_one(OptionList).render_lines(
                app.screen.query_one(OptionList).region.reset_offset))
            assert "the filters to any." in listed and "…" not in listed, (size, listed)


async def test_the_builder_and_its_safety_questions_fit_a_phone(data_dir: Path) -> None:
    """A first run at 40×16: the builder and the safety questions open at that size, each sign's question
    is read whole (wrapped, not cut with …), and nothing is drawn past the edge."""
    app = make_app()  # no data yet: a first run
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanBuilderScreen) and not overflowing(app.screen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScreeningDialog) and not overflowing(app.screen)
        texts = list(app.screen.query(".sign-text"))
        assert texts and all(text.region.height >= 2 for text in texts[:1]), [t.region for t in texts[:3]]
        assert not any("…" in line for line in app.screen._compositor.render_strips() for line in [line.text])


async def test_too_small_below_40_by_16_and_back(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(39, 16)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(40, 15)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(40, 16)
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_check_off_and_report_pain_at_40_by_16(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("r", "3")
        await settle(pilot)
        assert isinstance(app.screen, PainCheckIn)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Pain 3" in str(app.screen.query_one("#result").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "done" in str(app.screen.query_one("#heading").render())
    assert set(completions(seeded).values()) == {"done"}


async def test_a_tap_closes_more(seeded: Path) -> None:
    """A phone's on-screen keyboard has no Escape: More has a Close entry."""
    app = make_app()
    async with app.run_test(size=(45, 25)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        menu = app.screen.query_one(OptionList)
        assert "Close" in str(menu.get_option_at_index(menu.option_count - 1).prompt)
        menu.highlighted = menu.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_a_key_that_reaches_more_under_the_palette_leaves_both_closable(seeded: Path) -> None:
    """Found by the key masher: a key of a burst reached More after the palette had opened over it; More's
    dismissal popped the palette instead and More could never be closed again (Escape did nothing)."""
    from planner.app.palette import PlannerPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # the palette has no compact form
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        more = app.screen
        assert isinstance(more, MoreMenu)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, PlannerPalette)
        more.action_close()  # the late key: More is not on top
        await settle(pilot)
        assert isinstance(app.screen, PlannerPalette), "the palette stays open"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is more
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen), "Escape still closes More"
