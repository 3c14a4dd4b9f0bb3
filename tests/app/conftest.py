"""App fixtures: a pinned date, a data dir seeded through the real store, no blinking cursor."""

from __future__ import annotations

import argparse
import contextlib
import shutil
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from planner.app.data import AppData, Outcome
from planner.app.main import PlannerApp
from planner.context import Context
from tests.tools.screenshots import DEMO_TODAY, seed_lived_in, seed_plan

TODAY = DEMO_TODAY

_PARSED: dict[tuple[object, ...], list[object]] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(self: Stylesheet, css: str, read_from: object, is_default_rules: bool = False,
                      tie_breaker: int = 0, scope: str = "") -> list[object]:
    """Textual parses every stylesheet again for each new app; a test worker starts hundreds of apps
    from the same stylesheets, so they are parsed once per worker (keyed as Textual keys its own
    per-app cache, plus the theme's variables). The parsed rules are only read afterwards, never changed.
    Measured: about a tenth of an app test's CPU. The app in use starts once and is unaffected."""
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
    rules = _PARSED.get(key)
    if rules is None:
        rules = _PARSED[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return rules


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def lasting_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notices stay up for the whole test. A notice lasts a few seconds, and on a busy machine a test
    can take longer than that between the key that raised it and the picture (or the check), so the
    same keys gave a picture with the toast on a quiet machine and without it on a loaded one."""
    notify = App.notify

    def lasting(self: App, message: object, **options: object) -> None:
        options["timeout"] = 3600.0
        notify(self, message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "notify", lasting)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANNER_TODAY", TODAY)
    monkeypatch.setenv("PLANNER_HOUR", "18")  # an evening: the check-in starts at "after the session"
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PLANNER_LIBRARY", raising=False)
    return tmp_path / "data"


_SEEDED: dict[str, Path] = {}  # each kind of data dir, seeded once per test worker


def _copy_of(seed: Callable[[Path], None], data_dir: Path, factory: pytest.TempPathFactory) -> Path:
    """``data_dir`` as ``seed`` leaves it, copied from one seeded through the real store once per worker:
    seeding through the store (building the plan, writing the rows) was ~0.13 s of CPU per app test, for the
    same files every time. The files hold no path of their own, so a copy is the same data dir."""
    template = _SEEDED.get(seed.__name__)
    if template is None:
        template = factory.mktemp(seed.__name__) / "data"
        seed(template)
        _SEEDED[seed.__name__] = template
    shutil.copytree(template, data_dir)
    return data_dir


@pytest.fixture
def seeded(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh plan starting today (Monday 2 March 2026)."""
    return _copy_of(seed_plan, data_dir, tmp_path_factory)


@pytest.fixture
def lived_in(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan begun a week ago: Monday done (pain 4), Wednesday missed, Friday partial."""
    return _copy_of(seed_lived_in, data_dir, tmp_path_factory)


def seed_paused(data: Path) -> None:
    """A fresh plan, then pain 1 with a leg getting weaker (urgent) reported today through the CLI's own
    command: the program is paused until ``resume --confirm``."""
    from tests.conftest import run_in_process

    seed_plan(data)
    env = {"PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY, "PLANNER_HOUR": "18"}
    reported = run_in_process("pain", "1", "--flag", "weakness", env=env, cwd=data.parent)
    assert reported.returncode == 0, reported.stderr


@pytest.fixture
def paused(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Today's plan paused by an urgent warning sign, as Today shows it when the app next opens (the
    check-in that records one by keys is its own test: tests/app/test_snapshots.py TestPainCheckIn)."""
    return _copy_of(seed_paused, data_dir, tmp_path_factory)


def footer_text(app: PlannerApp) -> str:
    """The footer's keys as shown: "space Check off r Pain ..."."""
    return " ".join(f"{key.key} {key.description}" for key in app.screen.query("FooterKey"))


def make_app() -> PlannerApp:
    return PlannerApp(Context.from_args(argparse.Namespace()))


def make_opened_app() -> PlannerApp:
    """The app as ``planner`` starts it (``run_app``): the store read before the app is made."""
    context = Context.from_args(argparse.Namespace())
    data = AppData(context)
    opening: Future[Outcome] = Future()
    opening.set_result(data.load())
    return PlannerApp(context, data, opening)


async def settle(pilot: Pilot) -> None:
    """Let store workers finish and the screen redraw; stop cursors blinking for stable pictures."""
    # Wait on the condition, not a count of rounds: a worker's result posts a Message whose handler may
    # start another worker (a report, then Today's reload), so keep going until a round starts none.
    # Two rounds at least, at most 20 (a screen that starts workers forever fails below).
    for round_ in range(20):
        await _workers_done(pilot)
        await pilot.pause()
        if round_ >= 1 and all(worker.is_finished for worker in pilot.app.workers):
            break
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(".-flash"):  # the runner's flash at a change lasts a moment
        widget.remove_class("-flash")


async def _workers_done(pilot: Pilot) -> None:
    """Wait for every worker to end. A cancelled one has ended too: an exclusive worker (the check-in's
    projection) is cancelled by the next keystroke's, and ``wait_for_complete`` raised WorkerCancelled
    for it when the cancel landed while it was being waited on (seen on a loaded machine)."""
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


def keys(*presses: str) -> Callable[[Pilot], Awaitable[None]]:
    """A run_before that waits for the app to open, then presses keys one by one, settling after each."""
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)

    return run_before
