"""Every path finishes at every size: the app in tmux at 40×16, 45×25, 60×20 and 80×24.

One app per size walks the paths a new user could not finish: the footer keeps Quit and Pain; More's
keys work (d, then z takes it back); the check-in names the exercise that made it worse; on a phone,
History asks for a wider terminal and Escape comes back. What was recorded is read back with the
one-line commands.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e.test_in_tmux import app, cli

pytestmark = pytest.mark.tmux

SIZES = [(40, 16), (45, 25), (60, 20), (80, 24)]


def footer(screen: str) -> str:
    lines = screen.rstrip().splitlines()
    return lines[-1] if lines else ""


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_paths_finish(tmp_path: Path, size: tuple[int, int]) -> None:
    width, height = size
    phone = width < 60 or height < 20
    data = tmp_path / "data"
    cli(data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,sat")
    exercises = json.loads(cli(data, "today", "--json").stdout)["exercises"]
    with app(data, width=width, height=height) as term:
        screen = term.wait_until(lambda s: "Check off" in footer(s), "Today's footer")
        assert "q Quit" in footer(screen) and "r Pain" in footer(screen), footer(screen)

        # More's keys: d (all done) from the menu, then z takes it back, as the notice says.
        term.press("m")
        term.wait_for("More  (Escape closes)")
        term.press("d")
        term.wait_for("Session checked off")  # the walk apart from the session is left for when it is walked
        assert json.loads(cli(data, "today", "--json").stdout)["status"] == "done"
        term.press("m")
        term.wait_for("More  (Escape closes)")
        term.press("z")
        term.wait_for("Taken back")

        # The check-in names the exercise that made it worse: Enter after Where reaches the first one.
        term.press("r")
        term.wait_for("0 = no pain")
        term.type("7")
        term.wait_until(re.compile(r"Pain\s+7\b").search, "7 in the pain field")
        term.press("Enter")  # on to Where (a focused field is underlined)
        term.wait_until(lambda _: any("Where" in line and "\x1b[4m" in line
                                      for line in term.screen(escapes=True).splitlines()), "Where focused")
        term.press("Enter")  # on to the first exercise
        for _ in range(3):  # a space that arrives before the box has focus is taken as pasted text, not a tick
            term.press("Space")
            try:
                term.wait_for(f"[x] {exercises[0]['name']}", timeout=3)
                break
            except AssertionError:
                continue
        term.press("C-s")
        term.wait_for("What changes")  # the result's heading (its last line may be below a phone's fold)
        term.press("Escape")
        term.wait_gone("What changes")
        term.wait_until(lambda s: "Check off" in footer(s), "Today's footer after the check-in")
        pain = json.loads(cli(data, "history", "--json").stdout)["sessions"][0]["pain"]
        assert [p["aggravated"] for p in pain][-1] == [exercises[0]["id"]], pain

        # On a phone, History asks for a wider terminal and Escape comes back (its end, its scrolling and
        # Library's Escape are walked under Pilot in tests/app/test_rough_edges.py).
        if phone:
            term.press("h")
            term.wait_for("Wider terminal needed")
            term.press("Escape")
            term.wait_until(lambda s: "Check off" in footer(s), "Today's footer")

        term.press("q")
        assert term.wait_exit() == 0, term.screen()
