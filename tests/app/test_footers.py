"""Every place's footer at 40, 60, 80 and 120 columns: Quit and the place's main keys whole, nothing cut.

The footer line of each picture is kept as text in ``__snapshots__/test_footers.ambr``, so a change in
what a footer shows at some width is a readable diff. Every place has a compact form, so at 40 columns
every place draws its own footer (none waits for a wider terminal). A key a footer leaves out is never
lost: More is on that footer, and its menu lists the key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from planner.app.screens.more import MoreMenu
from planner.app.widgets.footer import FittedFooter
from tests.app.conftest import make_app, settle

SIZES = {40: (40, 16), 60: (60, 20), 80: (80, 24), 120: (120, 40)}
# Each place: the key that opens it from Today, and the actions its footer must always show.
PLACES = {
    "today": ("t", ("toggle", "pain")),
    "relief": ("exclamation_mark", ("timer", "pause")),
    "plan": ("w", ("week(-1)", "week(1)")),
    "library": ("l", ("search",)),
    "history": ("h", ("pain", "range")),
    "builder": ("n", ("create", "cancel")),
    "learn": ("i", ("next_unread", "list")),
    "runner": ("enter", ("finish", "next_set")),
}


@pytest.mark.parametrize("place", PLACES)
async def test_footer_fits(seeded: Path, place: str, snapshot) -> None:
    """The footer's line at each width, whole keys only, Quit and the place's main keys on it."""
    app = make_app()
    footers = {}
    async with app.run_test(size=SIZES[120]) as pilot:
        await settle(pilot)
        await pilot.press(PLACES[place][0])
        for width, size in reversed(SIZES.items()):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            assert "Wider terminal needed" not in "".join(lines)
            keys = list(app.screen.query_one(FittedFooter).query(FooterKey))
            assert {"quit", *PLACES[place][1]} <= {key.action for key in keys}, lines[-1]
            assert all(key.region.right <= width for key in keys), lines[-1]  # none cut at the edge
            footers[width] = lines[-1].rstrip()
            await dropped_keys_are_under_more(pilot, width)
    assert footers == snapshot


async def dropped_keys_are_under_more(pilot, width: int) -> None:
    """Every key the screen would show that its footer leaves out: More is on the footer, and lists it."""
    screen = pilot.app.screen
    footer = screen.query_one(FittedFooter)
    offered = {b.action: b for _node, b, enabled, _ in screen.active_bindings.values() if b.show and enabled}
    dropped = set(offered) - footer.shown
    if not dropped:
        return
    more = next((b for _node, b, _, _ in screen.active_bindings.values() if b.action == "more"), None)
    assert more is not None and "more" in footer.shown, f"{width} columns: {sorted(dropped)} out, and no More"
    await pilot.press(more.key)
    await settle(pilot)
    menu = pilot.app.screen
    assert isinstance(menu, MoreMenu)
    assert dropped <= {b.action for b, _node in menu.entries}, f"{width} columns: not in More"
    rows = [str(menu.query_one(OptionList).get_option_at_index(i).prompt) for i in range(len(menu.entries) + 1)]
    assert all(row[5:7] == "  " and row[4] != " " for row in rows), rows  # each key in its 5-cell column
    await pilot.press("escape")
    await settle(pilot)
    assert pilot.app.screen is screen
