"""Every size decision reads one table (planner.app.compact): the sized screens' classes agree with it."""

from __future__ import annotations

import pytest

from planner.app.compact import COMFORTABLE_HEIGHT, COMFORTABLE_WIDTH, TALL_HEIGHT, WIDE_WIDTH
from planner.app.screens.sizes import HEIGHTS, WIDTHS, _pick


@pytest.mark.parametrize(("width", "expected"), [
    (COMFORTABLE_WIDTH - 1, "-narrow"), (COMFORTABLE_WIDTH, "-normal"), (WIDE_WIDTH - 1, "-normal"),
    (WIDE_WIDTH, "-wide")])
def test_a_sized_screen_turns_narrow_where_the_compact_layout_begins(width: int, expected: str) -> None:
    assert _pick(width, WIDTHS) == expected


def test_a_sized_screen_is_tall_only_with_room_beyond_the_comfortable_height() -> None:
    assert TALL_HEIGHT >= COMFORTABLE_HEIGHT
    assert _pick(TALL_HEIGHT - 1, HEIGHTS) == "-short"
    assert _pick(TALL_HEIGHT, HEIGHTS) == "-tall"
