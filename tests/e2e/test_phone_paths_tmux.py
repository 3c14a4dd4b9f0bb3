"""Every path finishes at every size: the app in tmux at 40×16, 45×25, 60×20 and 80×24.

Issue 29. One app per size walks, in order, every path a new user could not finish: Today's footer keeps
Quit and Pain; More's keys work (d, then z takes it back); the runner finishes early (`f`, "Finish
anyway?", `y`; on a phone asked in the runner itself with the clock paused, and its footer keeps Finish and
Quit); `i` on the lesson named afterwards opens it and records it as read; the check-in names the exercise
that made it worse; History scrolls to its oldest entry (End); Escape leaves Library's search box, so `d`
and `w` are keys again, not letters. None of them meets "wider terminal needed". What was recorded is read
back with the one-line commands once the app has quit. The data are built once and copied for each size.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.e2e.test_in_tmux import app, cli, enter_pain
from tests.fuzzing import LONG

pytestmark = pytest.mark.tmux

# 45×25 (a phone in portrait with more rows) walks under ``make fuzz``; the everyday run keeps the sizes every
# screen is held to (40×16 the phone, 60×20, 80×24).
SIZES = [(40, 16), (60, 20), (80, 24)] + ([(45, 25)] if LONG else [])
OLDEST_NOTE = "stiff at first"  # the plan's first session's note: History's last line, newest first


def footer(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.fixture(scope="module")
def lived_two_weeks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan begun two weeks before today (Monday 2 March): its first session done with a note, a
    second note, and so a History longer than any of these screens."""
    data = tmp_path_factory.mktemp("phone") / "data"
    cli(data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,sat", "--start", "2026-02-16")
    cli(data, "done", "--date", "2026-02-16")
    cli(data, "note", "--date", "2026-02-16", OLDEST_NOTE)
    cli(data, "note", "--date", "2026-02-18", "easier by Wednesday")
    return data


def more_keys(term: Terminal) -> None:
    """d (all done) from the More menu, then z takes it back, as the notice says."""
    term.press("m")
    term.wait_for("More  (Escape closes)")
    term.press("d")
    term.wait_for("Session checked off")  # the walk apart from the session is left for when it is walked
    term.press("m")
    term.wait_for("More  (Escape closes)")
    term.press("z")
    term.wait_for("Taken back")


def finish_early(term: Terminal, planned: int, phone: bool) -> None:
    """Start the session, do the warm-up, start the count, and finish with exercises left."""
    term.press("Enter")
    term.wait_for(f"0 of {planned} exercises finished")
    screen = term.wait_until(lambda s: "Quit" in footer(s), "the runner's footer")
    assert "f Finish" in footer(screen) and "q Quit" in footer(screen), footer(screen)  # both whole
    term.press("Space")  # the one-set warm-up
    term.wait_for(f"1 of {planned} exercises finished")
    term.press("s")  # the count runs
    term.wait_until(re.compile(r"(Rep|Hold) \d+ of").search, "the count under way")
    term.press("f")
    # On a phone, "Finish anyway?" in the runner's hint line; from 60×20, a dialog with its two buttons.
    screen = term.wait_until(lambda s: "Finish anyway?" in s or "Keep going (n)" in s, "the question")
    if phone:  # asked in the runner's hint line, not in a dialog that needs more room
        assert "· paused" in screen, "the clock waits while the question is asked:\n" + screen
        assert "p resumes" not in screen, "while it asks, only y or n answer (p does nothing):\n" + screen
    term.press("y")
    enter_pain(term, 2)
    term.press("Escape")  # the check-in says what changes, then closes
    term.wait_until(lambda s: "exercises finished" not in s and "What changes" not in s, "back on Today")


def read_the_named_lesson(term: Terminal, title: str) -> None:
    """After a finished session a notice names the next unread lesson; i opens it (recorded as read)."""
    term.wait_for("A short read")
    term.press("i")
    term.wait_until(lambda s: title in s and "Next unread" in footer(s), "the named lesson in Learn")
    term.press("t")
    term.wait_until(lambda s: "Check off" in footer(s), "Today's footer")


def name_the_aggravating_exercise(term: Terminal, first: str) -> None:
    """The check-in lists today's exercises: Enter after Where reaches the first, space ticks it."""
    term.press("r")
    term.wait_for("0 = no pain")
    term.type("7")
    term.wait_until(re.compile(r"Pain\s+7\b").search, "7 in the pain field")
    term.press("Enter")  # on to Where (a focused field is underlined)
    term.wait_until(lambda _: any("Where" in line and "\x1b[4m" in line
                                  for line in term.screen(escapes=True).splitlines()), "Where focused")
    term.press("Enter")  # on to the first exercise: Where is no longer underlined once the box has focus
    term.wait_until(lambda _: any("Where" in line and "\x1b[4m" not in line
                                  for line in term.screen(escapes=True).splitlines()), "Where left")
    term.press("Space")  # only now: a space sent before the box has focus is taken as pasted text
    term.wait_for(f"[x] {first}")
    term.press("C-s")
    term.wait_for("What changes")  # the result, from its heading (a long reason runs below a phone's fold)
    term.press("Escape")
    term.wait_gone("What changes")
    term.wait_until(lambda s: "Check off" in footer(s), "Today's footer after the check-in")


def reach_the_oldest_history_entry(term: Terminal) -> None:
    term.press("h")
    screen = term.wait_until(lambda s: "Adherence" in s and "Range" in footer(s), "History")
    assert "Wider terminal" not in screen, screen
    assert OLDEST_NOTE not in screen, "the oldest entry starts below the fold:\n" + screen
    term.press("End")
    term.wait_for(OLDEST_NOTE)


def escape_leaves_the_library_search(term: Terminal) -> None:
    term.press("l")
    term.wait_until(lambda s: "Search" in footer(s), "Library")
    term.press("/")  # in the box, letters are text: the footer leaves out the letter keys, Quit among them
    term.wait_until(lambda s: "Search" in footer(s) and "Quit" not in footer(s), "the search box focused")
    term.type("cat")
    term.wait_for("Cat-cow")
    term.press("Escape")  # out of the box: d and w are keys again
    term.wait_until(lambda s: "Quit" in footer(s), "Library's list focused")
    term.press("d")
    term.press("w")
    screen = term.wait_until(lambda s: "Earlier" in footer(s), "the plan (w was a key, not a letter)")
    assert "catd" not in screen and "catdw" not in screen, screen


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_path_finishes(tmp_path: Path, lived_two_weeks: Path, size: tuple[int, int]) -> None:
    width, height = size
    phone = width < 60 or height < 20
    data = tmp_path / "data"
    shutil.copytree(lived_two_weeks, data)
    today = json.loads(cli(data, "today", "--json").stdout)
    own = [e for e in today["exercises"] if not e["apart"]]
    lesson = json.loads(cli(data, "lessons", "--json").stdout)[0]
    assert not lesson["read"]
    with app(data, width=width, height=height) as term:
        screen = term.wait_until(lambda s: "Check off" in footer(s), "Today's footer")
        assert "q Quit" in footer(screen) and "r Pain" in footer(screen), footer(screen)
        more_keys(term)
        finish_early(term, len(own), phone)
        read_the_named_lesson(term, lesson["title"])
        name_the_aggravating_exercise(term, own[0]["name"])
        reach_the_oldest_history_entry(term)
        escape_leaves_the_library_search(term)
        assert "Wider terminal" not in term.screen()
        term.press("q")
        assert term.wait_exit() == 0, term.screen()
    after = json.loads(cli(data, "today", "--json").stdout)
    assert [e["done"] for e in after["exercises"]] == [True] + [False] * (len(after["exercises"]) - 1)
    sessions = json.loads(cli(data, "history", "--json").stdout)["sessions"]
    pain = next(s["pain"] for s in sessions if s["date"] == "2026-03-02")
    assert [(p["score"], p["aggravated"]) for p in pain][-2:] == [(2, []), (7, [own[0]["id"]])], pain
    assert json.loads(cli(data, "lessons", "--json").stdout)[0]["read"], "i recorded the named lesson as read"
