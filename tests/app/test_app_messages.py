"""Screens talk to the app with Messages; the app runs the actions in workers (issue 24, item 3)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from planner.app import messages
from planner.app.data import AppData
from tests.app.conftest import make_app, settle

APP = Path(__file__).resolve().parents[2] / "planner" / "app"


def test_no_screen_reaches_into_the_app_untyped() -> None:
    """No ``self.app.…  # type: ignore[attr-defined]`` (the typed accessor replaces them) and no store work
    run by a screen."""
    for path in APP.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"self\.app\.\w+.*type: ignore\[attr-defined\]", text), path
        assert not re.search(r"\brun_store\b|\._save_setting\b", text), path


def test_every_request_runs_one_method_of_the_apps_door() -> None:
    """Each Request names the AppData method (so the action) it stands for."""
    requests = [cls for cls in vars(messages).values()
                if isinstance(cls, type) and issubclass(cls, messages.Request) and cls is not messages.Request]
    assert len(requests) >= 13
    for cls in requests:
        source = cls.run.__code__.co_names
        assert any(hasattr(AppData, name) for name in source), cls


async def test_a_projection_for_a_score_typed_over_is_never_drawn(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        checkin = app.screen
        box = checkin.query_one("#projection", Static)
        assert "If your pain is 2" in str(box.render())
        checkin.post_message(messages.ProjectionReady(9, []))  # late: worked out for a score since typed over
        await settle(pilot)
        assert box.display and "If your pain is 2" in str(box.render())

