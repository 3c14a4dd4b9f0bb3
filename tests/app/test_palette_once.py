"""The command palette names each command once: Textual's own "Quit" gives way to ours (with its key)."""

from __future__ import annotations

from pathlib import Path

from planner.app.commands import PlannerCommands
from tests.app.conftest import make_app, settle


async def test_the_palette_offers_quit_once(seeded: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        system = [command.title for command in app.get_system_commands(app.screen)]
        ours = [name for name, _, _ in PlannerCommands(app.screen)._commands()]
        titles = system + ours
        assert sum(1 for t in titles if t.startswith("Quit")) == 1, titles
        assert "Theme" in " ".join(system)  # the rest of Textual's commands stay
