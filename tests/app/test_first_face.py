"""Today's first frame from the face the last run kept (planner/app/first_face.py): the same picture as
the loaded screen, never a stale one, and keys pressed before the plan has loaded are not lost."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

import pytest

from planner.app.data import AppData, Outcome
from planner.app.first_face import kept_face
from planner.app.main import PlannerApp
from planner.context import Context
from tests.app.conftest import TODAY, make_opened_app, settle
from tests.conftest import run_in_process


class HeldLoad(AppData):
    """The store read waits until the test lets it go: the app is caught with only the kept face drawn."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.go = threading.Event()

    def load(self) -> Outcome:
        assert self.go.wait(30), "the test never let the load go"
        return super().load()


def context() -> Context:
    return Context.from_args(argparse.Namespace())


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
    monkeypatch.setenv("PLANNER_TODAY", "2026-03-03")
    assert kept_face(context()) is None


def test_a_damaged_face_file_means_no_face(lived_in: Path) -> None:
    make_opened_app().data.keep_face()
    (lived_in / "cache" / "app-today.json").write_text('{"key": 1, "views": [', encoding="utf-8")
    assert kept_face(context()) is None
