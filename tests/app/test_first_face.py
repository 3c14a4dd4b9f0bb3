"""Today's first frame from the face the last run kept (planner/app/first_face.py): the same picture as
the loaded screen, never a stale one, and keys pressed before the plan has loaded are not lost."""

from __future__ import annotations

import argparse
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from planner.app.data import AppData, Outcome
from planner.app.first_face import kept_face
from planner.app.main import PlannerApp
from planner.context import Context
from tests.app.conftest import TODAY, settle
from tests.conftest import run_in_process


class HeldLoad(AppData):
    """The store read waits until the test lets it go: the app is caught with only the kept face drawn."""

    def __init__(self, context: Context) -> None:
        super().__init__(context, keep_faces=True)
        self.go = threading.Event()

    def load(self) -> Outcome:
        assert self.go.wait(30), "the test never let the load go"
        return super().load()


def context() -> Context:
    return Context.from_args(argparse.Namespace())


def make_opened_app() -> PlannerApp:
    """The app as ``planner`` starts it with no face kept (``run_app``): the store read first, faces kept."""
    data = AppData(context(), keep_faces=True)
    opening: Future[Outcome] = Future()
    opening.set_result(data.load())
    return PlannerApp(data.context, data, opening)


async def loaded_picture(size: tuple[int, int]) -> str:
    """Today as a start that reads the store first draws it (and keeps its face)."""
    app = make_opened_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        return app.export_screenshot()


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (40, 16)])
async def test_a_start_from_the_kept_face_draws_what_the_loaded_screen_draws(lived_in: Path, size) -> None:
    loaded = await loaded_picture(size)
    face = kept_face(context())
    assert face is not None, "the load kept no face"
    data = HeldLoad(context())
    app = PlannerApp(data.context, data, face=face)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.snapshot is None  # nothing loaded: this frame is the face alone
        assert app.export_screenshot() == loaded
        data.go.set()
        await settle(pilot)
        assert app.snapshot is not None
        assert app.export_screenshot() == loaded  # and the loaded plan changes nothing on screen


async def test_a_paused_plan_opens_on_its_alert_from_the_face(paused: Path) -> None:
    loaded = await loaded_picture((80, 24))
    face = kept_face(context())
    assert face is not None and face["paused"] and face["alert"]["level"] == "urgent"
    app = PlannerApp(context(), HeldLoad(context()), face=face)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.export_screenshot() == loaded
        app.data.go.set()


async def test_keys_pressed_before_the_plan_has_loaded_wait_for_it(lived_in: Path) -> None:
    await loaded_picture((80, 24))
    data = HeldLoad(context())
    app = PlannerApp(data.context, data, face=kept_face(data.context))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # check off the first exercise, before anything is loaded
        await pilot.pause()
        assert app.snapshot is None
        data.go.set()
        await settle(pilot)
        first = app.snapshot.day().exercises[0]
        assert first.id in app.snapshot.day().done_ids, "the key pressed while loading was lost"


def test_any_write_since_means_no_face(lived_in: Path) -> None:
    """A pain report from the CLI (here one that pauses the plan) after the face was kept: the next start
    must not draw the day as it was before it, so it loads first."""
    app = make_opened_app()
    app.data.keep_face()
    assert kept_face(context()) is not None
    env = {"PLANNER_DATA_DIR": str(lived_in), "PLANNER_TODAY": TODAY}
    assert run_in_process("pain", "1", "--flag", "saddle", env=env, cwd=lived_in.parent).returncode == 0
    assert kept_face(context()) is None


def test_another_day_means_no_face(lived_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_opened_app().data.keep_face()
    assert kept_face(context()) is not None
    for day in ("2026-03-01", "2026-03-04"):  # the day before, and the day after tomorrow (kept for: the next one)
        monkeypatch.setenv("PLANNER_TODAY", day)
        assert kept_face(context()) is None, day


def test_a_damaged_face_file_means_no_face(lived_in: Path) -> None:
    make_opened_app().data.keep_face()
    (lived_in / "cache" / "app-today.json").write_text('{"key": 1, "views": [', encoding="utf-8")
    assert kept_face(context()) is None


def test_what_the_first_frame_from_a_face_needs_imports_no_domain() -> None:
    """The point of the face: Today's first frame without the plan's, the library's or the store's code
    (imported in the worker that loads the plan, after that frame)."""
    import subprocess
    import sys

    first_frame = ("planner.cli.app_command", "planner.app.main", "planner.app.screens.today",
                   "planner.app.screens.too_small", "planner.app.first_face")
    code = f"import sys, {', '.join(first_frame)}; print(' '.join(sys.modules))"
    modules = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 stdin=subprocess.DEVNULL).stdout.split())
    assert set(first_frame) <= modules, "the trace is there"
    later = ("planner.domain.plan", "planner.domain.library", "planner.domain.days", "planner.domain.records",
             "planner.domain.pain", "planner.store.store", "planner.store.database", "planner.actions.situation",
             "planner.app.data", "planner.app.today_face", "pydantic")
    assert not {m for m in modules if m.startswith(later)}, sorted(m for m in modules if m.startswith(later))


async def test_a_store_that_cannot_be_read_after_the_face_was_drawn_takes_the_face_away(lived_in: Path) -> None:
    """The face stands for the store as it was; if the plan cannot be read now, Today must not stay up as if
    it could, and a key pressed meanwhile must not act on it."""
    from planner.domain.errors import PlannerError

    await loaded_picture((80, 24))

    class Unreadable(HeldLoad):
        def load(self) -> Outcome:
            assert self.go.wait(30)
            raise PlannerError("planner.db: the store cannot be read")

    data = Unreadable(context())
    app = PlannerApp(data.context, data, face=kept_face(data.context))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        data.go.set()
        await settle(pilot)
        assert app.current_mode == "unopened" and app.snapshot is None
        assert "cannot be read" in str(app.screen.query_one("#unopened").render())


def test_the_first_start_of_the_next_day_has_the_face_kept_for_it(lived_in: Path, monkeypatch) -> None:
    """The face kept today for tomorrow, if nothing is written before then, is what tomorrow's load shows:
    the day's first start (the one a person meets most) is drawn at once too."""
    import datetime as dt

    from planner.app.today_face import face_of

    make_opened_app().data.keep_face()
    tomorrow = (dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)).isoformat()
    monkeypatch.setenv("PLANNER_TODAY", tomorrow)
    face = kept_face(context())
    assert face is not None and face["today"] == tomorrow
    loaded = AppData(context()).load().snapshot  # a load that keeps nothing
    assert {**face, "settings": None} == {**face_of(loaded), "settings": None}  # the streak line counts on the day
    assert face["heading"].startswith("Tuesday 03 March 2026"), face["heading"]


async def test_the_kept_face_brings_the_persons_theme_to_the_first_frame(lived_in: Path) -> None:
    from planner.actions.settings import save_setting

    save_setting(context(), "theme", "textual-light")
    await loaded_picture((80, 24))
    face = kept_face(context())
    assert face is not None and face["settings"]["theme"] == "textual-light"
    app = PlannerApp(context(), HeldLoad(context()), face=face)
    assert app.theme == "textual-light"  # before it runs: the stylesheets are parsed in the person's theme
    async with app.run_test(size=(80, 24)) as pilot:
        app.data.go.set()
        await settle(pilot)
        assert app.theme == "textual-light"


@pytest.mark.parametrize("size", [(40, 16), (60, 20), (80, 24), (120, 36)])
def test_a_plan_that_cannot_be_opened_says_so_in_place_of_today(snap_compare, data_dir: Path, size) -> None:
    """A store that cannot be read at start: the app says why in place of Today (the loading line stayed up
    before, as if the plan were on its way, with the reason in a notice that goes), and q quits."""
    from planner.domain.errors import PlannerError

    class Damaged(AppData):
        def load(self) -> Outcome:
            raise PlannerError("planner.db: the file is damaged or not a planner database; it was left untouched")

    assert snap_compare(PlannerApp(context(), Damaged(context())), terminal_size=size, run_before=settle)


async def test_the_real_damaged_store_says_why_and_q_quits(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "planner.db").write_bytes(b"this is not a database, it is a shopping list\n" * 40)
    app = PlannerApp(context())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = str(app.screen.query_one("#unopened").render())
        assert "could not be opened" in shown and "not a planner database" in shown, shown
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("damage", [
    lambda f: f["week"][0].__setitem__(0, "the second of March"),
    lambda f: f["exercises"][0].pop("dose"),
    lambda f: f.__setitem__("details", {"cat-cow": [["", "bold"]]}),
    lambda f: f.__setitem__("notes", "a note"),
    lambda f: f.__setitem__("alert", {"level": "urgent"}),
    lambda f: f.__setitem__("paused", "no"),
])
def test_a_face_damaged_under_a_key_that_holds_is_not_drawn(lived_in: Path, damage) -> None:
    """The file is ours, but a disk fault or a hand edit can leave the key whole and the face not: the app
    then loads first, as with no face, and never stops on a traceback."""
    import json

    make_opened_app().data.keep_face()
    path = lived_in / "cache" / "app-today.json"
    kept = json.loads(path.read_text(encoding="utf-8"))
    damage(kept["views"]["today"])
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert kept_face(context()) is None


async def test_after_the_apps_own_check_off_the_face_kept_shows_it(lived_in: Path) -> None:
    """A check-off in the app moves the key; the face is read again after the writes (on a timer, called
    here directly), so the next start is drawn with the exercise ticked."""
    await loaded_picture((80, 24))
    data = HeldLoad(context())
    data.go.set()
    app = PlannerApp(data.context, data, face=kept_face(data.context))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.snapshot.day().exercises[0].id
        await pilot.press("space")
        await settle(pilot)
        assert kept_face(context()) is None  # the write moved the key: the face before it is not drawn
        data.keep_face(read_again=True)
    face = kept_face(context())
    assert face is not None and next(e for e in face["exercises"] if e["id"] == first)["mark"] == "[x]"
