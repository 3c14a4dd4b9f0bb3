"""The session runner in a real phone-sized terminal (tmux at 40×16 and 45×25): finishing early works.

Issue 29: `f` with exercises left opened a dialog that needed 60×20 ("Wider terminal needed"), with the
timer running behind it, so a session could not be finished early from a phone. Now the question is asked
in the runner itself, the clock waits, and the footer keeps Finish and Quit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e.test_in_tmux import HEADLINE, app, cli, enter_pain

pytestmark = pytest.mark.tmux


def footer_of(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.mark.parametrize("size", [(40, 16), (45, 25)])
def test_finishing_early_on_a_phone(tmp_path: Path, size: tuple[int, int]) -> None:
    data = tmp_path / "data"
    cli(data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    planned = json.loads(cli(data, "today", "--json").stdout)["exercises"]
    with app(data, width=size[0], height=size[1]) as term:
        term.wait_for("planned")  # Today's compact heading: "Mon 02 Mar · planned · week 1 of 8"
        term.press("Enter")
        term.wait_for(f"0 of {sum(not e['apart'] for e in planned)} exercises finished")
        screen = term.wait_until(lambda s: "Quit" in footer_of(s), "the runner's footer")
        footer = footer_of(screen)
        assert "Finish" in footer and "Quit" in footer, footer
        assert footer.rstrip().endswith("Quit"), f"nothing cut after Quit: {footer!r}"
        term.press("Space")  # the one-set warm-up
        term.wait_for(f"1 of {sum(not e['apart'] for e in planned)} exercises finished")
        term.press("s")  # the count runs
        term.wait_until(re.compile(r"(Rep|Hold) \d+ of").search, "the count under way")
        term.press("f")
        screen = term.wait_for("Finish anyway?")
        assert "Wider terminal" not in screen and "too small" not in screen, screen
        assert "· paused" in screen, "the clock waits while the question is asked:\n" + screen
        assert "p resumes" not in screen, "while it asks, only y or n answer (p does nothing):\n" + screen
        term.press("y")
        enter_pain(term, 2)
        term.press("Escape")  # the check-in says what changes, then closes
        term.wait_until(lambda s: HEADLINE[:3] in s and "exercises finished" not in s, "back on Today")
        term.press("q")
        assert term.wait_exit() == 0, term.screen()
    today = json.loads(cli(data, "today", "--json").stdout)
    assert [e["done"] for e in today["exercises"]] == [True] + [False] * (len(planned) - 1)
    history = json.loads(cli(data, "history", "--json").stdout)
    assert [p["score"] for p in history["sessions"][0]["pain"]] == [2]
