"""Pictures of the Library card with its figure (the still key poses), at 80x24 and 60x20."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import make_app, settle


async def bird_dog_in_the_library(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.app.run_action("go('library')")  # the phone's Today keeps 'l' for its list; the action is the same
    await settle(pilot)
    await pilot.press("slash", *"bird-dog", "enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_the_library_card_draws_the_exercise(snap_compare, seeded: Path, size) -> None:
    """Searching 'bird-dog' shows its start and end poses in braille above its dose and cues."""
    assert snap_compare(make_app(), terminal_size=size, run_before=bird_dog_in_the_library)
