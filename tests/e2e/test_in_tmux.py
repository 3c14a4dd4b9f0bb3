"""The app in a real terminal: tmux at 80×24, keys typed, the screen read back.

A new user's first run (build a plan, run the session set by set, say how the back feels, quit), a
session that survives the window being resized, the terminals people have (TERM), and NO_COLOR.
What the app recorded is checked afterwards with the one-line commands, as a person would.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SCREEN_NONE, builds_a_plan
from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.tmux

TODAY = "2026-03-02"  # a Monday, a training day of the default mon/wed/fri plan
HEADLINE = "Monday 02 March 2026"


def planner_command() -> str:
    """``planner`` as installed in the environment running the tests (the console script when present)."""
    script = Path(sys.executable).with_name("planner")
    return shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m planner"


def cli(data: Path, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    if builds_a_plan(args):
        cli(data, *SCREEN_NONE, today=today)
    result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": today},
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def app(data: Path, *, term: str = "xterm-256color", width: int = 80, height: int = 24,
        extra_env: dict[str, str] | None = None) -> Terminal:
    env = {"PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY, **(extra_env or {})}
    return Terminal(planner_command(), width=width, height=height, env=env, term=term)


def wider_than(width: int, screen: str) -> bool:
    return max(map(len, screen.splitlines()), default=0) > width


def today_status(screen: str) -> str | None:
    """The status at the end of Today's heading ("Monday 02 March 2026 · week 1 of 8 · planned"), if shown."""
    for line in screen.splitlines():
        if line.strip().startswith(HEADLINE):
            return line.rsplit("·", 1)[-1].strip()
    return None


def enter_pain(term: Terminal, score: int) -> None:
    """Type the score into the open check-in and record it with ctrl+s."""
    term.wait_for("0 = no pain")  # the check-in's own line ("How is your back?" is also in a notification)
    term.type(str(score))
    term.wait_until(re.compile(rf"Pain\s+{score}\b").search, f"{score} in the pain field")
    term.press("C-s")
    term.wait_for("What changes")  # the result's heading (what was recorded is read back with the CLI)


def session_state(screen: str) -> tuple | None:
    """Where the session runner is: exercises finished, the set shown, resting or not, the side of a
    one-sided exercise ("left", "right" or None) and whether the walk is done; None mid-redraw."""
    finished = re.search(r"(\d+) of (\d+) exercises finished", screen)
    current = re.search(r"Set (\d+) of (\d+)( · (left|right) side)?", screen)
    if finished is None or current is None:
        return None
    # The walk apart is not one of the session's exercises: checking it off shows as "· walk done".
    return finished.groups(), current.groups()[:2], "Resting" in screen, current.group(4), "walk done" in screen


def presses_for(data: Path, exercise: dict) -> int:
    """Spaces to run an exercise: one a set (one a side in a one-sided exercise), one to end each rest early."""
    shown = json.loads(cli(data, "show", exercise["id"], "--json").stdout)
    rests = exercise["sets"] - 1 if shown["dose"]["rest_seconds"] else 0
    return exercise["sets"] * (2 if shown["per_side"] else 1) + rests


def highlighted(screen: str, name: str) -> bool:
    """The session list marks ``name`` with ▶. A long name wraps in the narrow column, so the marked line
    holds its first words (once it was cut short with …, which is still read)."""
    for found in re.findall(r"▶ (.+?)\s*│", screen):
        if found == name or name.startswith(found + " ") or (found.endswith("…") and name.startswith(found[:-1])):
            return True
    return False


def press_until_changed(term: Terminal, key: str) -> tuple:
    """Press ``key`` in the session runner and wait until the runner shows it moved on."""
    before = session_state(term.screen())
    assert before is not None, term.screen()
    term.press(key)
    screen = term.wait_until(lambda s: session_state(s) not in (None, before), f"{key} moving the session on")
    return session_state(screen)


def run_every_set(term: Terminal) -> int:
    """Check off every set with space (ending each rest early with space too); return the presses made."""
    presses = 0
    while "All finished" not in term.screen():
        assert presses < 60, "the session never finished:\n" + term.screen()
        press_until_changed(term, "Space")
        presses += 1
    return presses


def quit_cleanly(term: Terminal) -> None:
    """q quits with status 0 and leaves the terminal as it found it: main screen, cursor shown, mouse off."""
    term.press("q")
    assert term.wait_exit() == 0, term.screen()
    screen = term.screen()
    assert "Traceback" not in screen and "Error" not in screen, screen
    assert "Quit" not in screen, "the app's last frame is still on the screen:\n" + screen
    assert term.pane_flags() == {"alternate_on": "0", "cursor_flag": "1", "mouse_any_flag": "0",
                                 "mouse_button_flag": "0", "mouse_sgr_flag": "0", "keypad_flag": "0"}


def test_first_run_build_a_plan_run_the_session_report_pain_and_quit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert not data.exists()
    with app(data) as term:
        screen = term.wait_for("Build your plan")
        assert "not a clinician" in screen, "the first run shows the safety note"
        term.wait_for("Can you walk for 20 minutes?")  # the level questions (the preview is below the fold)
        term.press("C-s")
        term.wait_for("Before your first plan")  # the safety questions, once
        term.press("C-s")  # none of them apply
        screen = term.wait_for(HEADLINE)
        assert "week 1 of" in screen and "planned" in screen

        planned = json.loads(cli(data, "today", "--json").stdout)
        assert planned["status"] == "planned"
        names = [e["name"] for e in planned["exercises"]]
        for name in names[:4]:
            assert name in screen, f"Today lists {name!r}:\n{screen}"

        floor = [e for e in planned["exercises"] if not e["apart"]]  # the walk apart is counted on its own
        term.press("Enter")
        term.wait_for(f"0 of {len(floor)} exercises finished")
        presses = run_every_set(term)
        screen = term.wait_for(f"{len(floor)} of {len(floor)} exercises finished")
        # Each set is one space (one a side), and each rest between sets of an exercise is ended early with one more.
        assert presses == sum(presses_for(data, e) for e in planned["exercises"])

        term.press("f")
        enter_pain(term, 1)
        term.press("Escape")
        screen = term.wait_until(lambda s: today_status(s) == "done", "Today showing the session done")
        quit_cleanly(term)

    history = json.loads(cli(data, "history", "--json").stdout)
    assert len(history["sessions"]) == 1
    session = history["sessions"][0]
    assert (session["date"], session["status"]) == (TODAY, "done")
    assert session["exercises_done"] == session["exercises_planned"] == len(names) - sum(
        e["apart"] for e in planned["exercises"])
    assert [(p["score"], p["when"], p["flags"]) for p in session["pain"]] == [(1, "after", [])]
    assert (history["current_streak"], history["adherence"]) == (1, 100)


def test_a_session_survives_the_window_being_resized(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cli(data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--start", TODAY)
    today = json.loads(cli(data, "today", "--json").stdout)
    # The warm-up is one short set: check it off first, so the runner opens on a multi-set exercise.
    cli(data, "done", today["exercises"][0]["id"])
    first = today["exercises"][1]
    assert first["sets"] >= 2
    with app(data) as term:
        term.wait_for(HEADLINE)
        term.press("Enter")
        term.wait_for(f"1 of {sum(not e['apart'] for e in today['exercises'])} exercises finished")
        assert press_until_changed(term, "Space")[1:3] == (("2", str(first["sets"])), True)

        term.resize(120, 40)
        # The whole window redrawn: wider, and the footer on the fortieth line (a frame drawn between the
        # width and the height arriving is still 24 lines tall; waiting on the width alone raced it).
        screen = term.wait_until(lambda s: wider_than(80, s) and "Quit" in s.splitlines()[-1:][0],
                                 "the app redrawing at 120×40")
        assert len(screen.splitlines()) == 40
        assert f"Set 2 of {first['sets']}" in screen and first["name"] in screen, screen

        term.resize(50, 15)
        term.wait_for("too small")
        term.press("x")  # keys while too small must not touch the session (x would skip the exercise)
        term.wait_for("Keys do nothing until the window is bigger")  # the notice took it
        term.resize(80, 24)
        screen = term.wait_until(lambda s: session_state(s) is not None and highlighted(s, first["name"]),
                                 "the session coming back at 80×24, its list beside the timer")
        assert term.size() == (80, 24)
        floor = sum(not e["apart"] for e in today["exercises"])  # the walk apart is counted on its own
        assert session_state(screen)[:2] == (("1", str(floor)), ("2", str(first["sets"]))), screen
        assert highlighted(screen, first["name"]), "still on the first exercise:\n" + screen

        # Keys still work after all that: finish the first exercise, then leave it there.
        while session_state(term.screen())[0][0] == "1":
            press_until_changed(term, "Space")
        term.press("f")
        term.wait_for("not finished")  # exercises are left: finishing asks first
        term.press("y")
        term.wait_for("0 = no pain")
        term.resize(100, 30)  # a resize with the check-in open
        term.wait_until(lambda s: "0 = no pain" in s and wider_than(80, s), "the check-in redrawn at 100×30")
        enter_pain(term, 0)
        term.press("Escape")
        term.wait_until(lambda s: today_status(s) == "partial", "Today showing a partial session")
        quit_cleanly(term)

    today = json.loads(cli(data, "today", "--json").stdout)
    assert today["status"] == "partial"
    assert [e["done"] for e in today["exercises"]] == [True, True] + [False] * (len(today["exercises"]) - 2), (
        cli(data, "today").stdout)


def test_a_whole_session_at_60x20_with_a_note(tmp_path: Path) -> None:
    """The smallest size the app claims: the timer, the set and the count stay readable, every key works."""
    data = tmp_path / "data"
    cli(data, "plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri", "--start", TODAY)
    planned = json.loads(cli(data, "today", "--json").stdout)["exercises"]
    names = [e["name"] for e in planned]
    floor = sum(not e["apart"] for e in planned)  # the count is the session's; the walk apart is its own
    with app(data, width=60, height=20) as term:
        term.wait_for(HEADLINE)
        term.press("Enter")
        screen = term.wait_for(f"0 of {floor} exercises finished")
        assert not wider_than(60, screen) and "Set 1 of" in screen and names[0] in screen
        term.press("n")
        term.wait_for("Note for this session")
        term.type("stiff start")
        term.press("Enter")
        term.wait_for("Note kept")
        run_every_set(term)
        term.wait_for(f"{floor} of {floor} exercises finished")
        term.press("f")
        enter_pain(term, 2)
        term.press("Escape")
        term.wait_until(lambda s: today_status(s) == "done", "Today showing the session done")
        quit_cleanly(term)
    history = json.loads(cli(data, "history", "--json").stdout)
    assert history["sessions"][0]["status"] == "done"
    assert history["notes"] == [{"date": TODAY, "text": "stiff start"}]


def planned_day(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    cli(data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--start", TODAY)
    return data


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colours(screen: str) -> set[tuple[int, ...]]:
    """Every foreground/background colour in the captured escapes, as an RGB triple or a 16/256 palette index."""
    found: set[tuple[int, ...]] = set()
    for params in SGR.findall(screen):
        codes = [int(c) for c in params.split(";") if c]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and codes[i + 1:i + 2] == [5]:
                found.add((codes[i + 2],))
                i += 3
            elif code in (38, 48) and codes[i + 1:i + 2] == [2]:
                found.add(tuple(codes[i + 2:i + 5]))
                i += 5
            else:
                if 30 <= code <= 37 or 40 <= code <= 47:
                    found.add((code % 10,))
                elif 90 <= code <= 97 or 100 <= code <= 107:
                    found.add((code % 10 + 8,))
                i += 1
    return found


def is_grey(colour: tuple[int, ...]) -> bool:
    if len(colour) == 3:
        return colour[0] == colour[1] == colour[2]
    (index,) = colour
    if index < 16:
        return index in (0, 7, 8, 15)
    if index >= 232:
        return True
    r, g, b = (index - 16) // 36, (index - 16) // 6 % 6, (index - 16) % 6
    return r == g == b


@pytest.mark.parametrize("term_name", ["xterm-256color", "screen", "tmux-256color", "linux"])
def test_each_terminal_type_opens_today_and_quits(tmp_path: Path, term_name: str) -> None:
    with app(planned_day(tmp_path), term=term_name) as term:
        screen = term.wait_for(HEADLINE)
        term.wait_for("Check off")
        assert "week 1 of" in screen
        assert any(not is_grey(c) for c in colours(term.screen(escapes=True))), "in colour unless NO_COLOR"
        quit_cleanly(term)


def test_no_color_draws_in_greys_only_and_still_works(tmp_path: Path) -> None:
    data = planned_day(tmp_path)
    with app(data, extra_env={"NO_COLOR": "1"}) as term:
        term.wait_for(HEADLINE)
        term.wait_for("Check off")
        used = colours(term.screen(escapes=True))
        assert used, "the capture has the screen's escapes"
        assert all(is_grey(c) for c in used), sorted(c for c in used if not is_grey(c))
        # What is checked off reads as text, not colour.
        assert "[x]" not in term.screen()
        term.press("Space")
        term.wait_for("[x]")
        quit_cleanly(term)
    assert json.loads(cli(data, "today", "--json").stdout)["exercises"][0]["done"] is True


def test_a_score_typed_straight_after_r_lands_in_the_check_in(tmp_path: Path) -> None:
    with app(planned_day(tmp_path)) as term:
        term.wait_for(HEADLINE)
        term.wait_for("Check off")
        term.press("r", "1", "0", together=True)
        term.wait_for("0 = no pain")
        term.wait_until(lambda s: re.search(r"Pain\s+10\b", s), "10 in the pain field", timeout=2)


PHONE_HEADLINE = "Mon 02 Mar · "


def compact_status(screen: str) -> str | None:
    """The status in the compact Today's heading ("Mon 02 Mar · planned · week 1 of 8"), if shown."""
    found = re.search(rf"^\s*{PHONE_HEADLINE}(\w+)", screen, re.MULTILINE)
    return found.group(1) if found else None


def check_off_and_report_pain_on_a_phone(term: Terminal, score: int, width: int = 45) -> None:
    """In the compact Today: tick the first exercise, then all, report pain, close, quit."""
    screen = term.wait_until(lambda s: compact_status(s) == "planned" and "m More" in s, "the compact Today")
    # The narrow footer keeps the ranked few (start, check off, pain, More, quit); d lives in More but works.
    assert "space Check off" in screen and "r Pain" in screen and "m More" in screen, screen
    assert "w Plan" not in screen, "no navigation bar in the compact layout:\n" + screen
    assert not wider_than(width, screen), screen
    term.press("Space")  # the highlighted (first) exercise
    term.wait_for("[x]")
    term.wait_until(lambda s: compact_status(s) == "partial", "the first exercise checked off")
    term.press("d")  # all done
    term.wait_until(lambda s: compact_status(s) == "done", "the session checked off")
    term.press("r")
    enter_pain(term, score)
    term.press("Escape")
    term.wait_until(lambda s: "0 = no pain" not in s and compact_status(s) == "done", "Today after the report")


def test_on_a_phone_at_45x25_check_off_and_report_pain(tmp_path: Path) -> None:
    """An SSH app on a phone in portrait: the compact Today, one key a step, all recorded."""
    data = planned_day(tmp_path)
    with app(data, width=45, height=25) as term:
        check_off_and_report_pain_on_a_phone(term, 2)
        quit_cleanly(term)
    today = json.loads(cli(data, "today", "--json").stdout)
    # d checks off the session's own exercises; the walk apart from it waits until it is walked.
    assert today["status"] == "done" and all(e["done"] for e in today["exercises"] if not e["apart"])
    history = json.loads(cli(data, "history", "--json").stdout)
    assert [(p["score"], p["when"]) for p in history["sessions"][0]["pain"]] == [(2, "after")]


def test_below_40x16_too_small_and_at_40x16_the_compact_today(tmp_path: Path) -> None:
    with app(planned_day(tmp_path), width=39, height=16) as term:
        term.wait_for("at least 40×16")
        term.resize(40, 16)
        screen = term.wait_until(lambda s: compact_status(s) == "planned" and "m More" in s, "the compact Today")
        assert not wider_than(40, screen), screen
        term.press("w")  # the plan calendar has a compact form too: the whole week within 40 columns
        screen = term.wait_until(lambda s: "Earlier" in s.rstrip().splitlines()[-1], "the plan's footer")
        assert "Wider terminal" not in screen and not wider_than(40, screen), screen
        term.press("t")
        term.wait_until(lambda s: compact_status(s) == "planned", "back on Today")
        quit_cleanly(term)
