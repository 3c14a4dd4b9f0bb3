"""A cat on the keyboard: thousands of random keys, in bursts, with the window resized between them.

Keys are posted the way a terminal delivers a burst (several in one read, none waiting for the last
to be handled), which is how ctrl+p then PageUp once killed the app. Every place gets its own run,
started in Today and in the command palette (see STARTS). Any exception inside the app fails the test.
Quitting is switched off for the run (the palette's "Quit" command can be typed by chance); everything
else a person can press is in.
"""

from __future__ import annotations

import os
import random
import traceback
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.app.conftest import make_app, settle
from tests.fuzzing import LONG, budget

KEYS = [
    *"abcdefghijklmnoprstuvwxyz0123456789", "space", "enter", "escape", "tab", "shift+tab", "backspace",
    "delete", "up", "down", "left", "right", "pageup", "pagedown", "home", "end", "ctrl+p", "ctrl+s",
    "question_mark", "exclamation_mark", "left_square_bracket", "right_square_bracket", "minus", "full_stop",
    "comma", "f1", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+u", "ctrl+w",
]
# Characters for the keys that are printable, so Input widgets receive text as from a real terminal.
CHARACTERS = {"space": " ", "question_mark": "?", "exclamation_mark": "!", "left_square_bracket": "[",
              "right_square_bracket": "]", "minus": "-", "full_stop": ".", "comma": ","}
SIZES = [(80, 24), (60, 20), (40, 16), (40, 10), (120, 36), (59, 19), (100, 30), (20, 5)]
# Where a person goes between bursts, in turn: each place by its key, then the palette, help and export.
TARGETS = {"t": "today", "w": "plan", "l": "library", "h": "history", "exclamation_mark": "relief",
           "n": "builder", "ctrl+p": "PlannerPalette", "question_mark": "HelpScreen", "e": "ExportDialog"}
PLACE_KEYS = list(TARGETS)
KEYS_PER_RUN = int(os.environ.get("MASH_KEYS", budget(450, 10000)))  # 9 bursts: each target comes up once
BURST = int(os.environ.get("MASH_BURST", "50"))
PLACE_EVERY = 5 if LONG else 1  # bursts between two "go somewhere" steps (each target once in the short run)


def key_event(key: str) -> events.Key:
    character = CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, character)


async def mash(pilot: Pilot, seed: int) -> set[str]:
    """Press the keys; return every place and screen seen on top between bursts."""
    app = pilot.app
    rng = random.Random(seed)
    seen: set[str] = set()
    for burst in range(KEYS_PER_RUN // BURST):
        keys = [rng.choice(KEYS) for _ in range(BURST)]
        for key in keys:
            app.post_message(key_event(key))
        if burst % 7 == 3:
            await pilot.resize_terminal(*rng.choice(SIZES))
        await pilot.pause()
        check(app, seed, burst)
        seen |= {app.current_mode, type(app.screen).__name__}
        if burst % PLACE_EVERY == PLACE_EVERY - 1:  # now and then a person backs out and goes somewhere
            step = burst // PLACE_EVERY
            seen |= await go_somewhere(pilot, PLACE_KEYS[step % len(PLACE_KEYS)],  # each in turn
                                       shrink_first=step % 3 == 0)
            check(app, seed, burst)
            seen |= {app.current_mode, type(app.screen).__name__}
    await pilot.resize_terminal(80, 24)
    await pilot.pause()
    return seen


def check(app, seed: int, burst: int) -> None:  # noqa: ANN001
    assert app._exception is None, f"seed {seed}, burst {burst}: {app._exception!r}\n" + "".join(
        traceback.format_exception(app._exception)[-6:])
    assert app.is_running, f"seed {seed}, burst {burst}: the app stopped"


async def go_somewhere(pilot: Pilot, place_key: str, *, shrink_first: bool = False) -> set[str]:
    """As a person would, and whatever the machine's load: (now and then the window shrunk too small
    first, as on a phone turned sideways), a window big enough to use, Escape until nothing is open over
    the place, then the place's key, each waited for (the burst before was not). Returns the screens seen."""
    app = pilot.app
    seen: set[str] = set()
    if shrink_first:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        seen.add(type(app.screen).__name__)
    if app.size.width < 60 or app.size.height < 20:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
    for _ in range(3):  # a person who sees the key did not take them there backs out and presses it again
        for _ in range(10):
            if len(app.screen_stack) <= 1 and not _typing_into(app.focused):
                break
            await pilot.press("escape")  # closes what is open; leaves a search box or an open drop-down
            await pilot.pause()
        await pilot.press(place_key)
        await pilot.pause()
        if _arrived(app, place_key):
            break
    return seen


def _typing_into(widget) -> bool:  # noqa: ANN001
    """Whether letter keys go into the focused widget rather than to the app: a search box, or an open
    drop-down (it jumps to the option starting with the letter, so `h` there is not History)."""
    if widget is None:
        return False
    return isinstance(widget, Input) or any(isinstance(node, Select) and node.expanded
                                            for node in widget.ancestors_with_self)


def _arrived(app, place_key: str) -> bool:  # noqa: ANN001
    """Whether the app shows the place key's place (or screen) now."""
    return TARGETS[place_key] in (app.current_mode, type(app.screen).__name__)


PLACES = ["today", "plan", "library", "history", "relief", "builder"]
# Every run reaches every place and the palette (the navigation keys are among the random ones; the test
# checks that it did), so by default one run is mashed, from Today, to keep the suite under five minutes on
# two cores; the palette's own bursts are the next test. MASH_EVERYWHERE=1 (and make fuzz) also starts a
# run from the palette and from each place.
STARTS = ["today", *(["palette", *PLACES[1:]] if os.environ.get("MASH_EVERYWHERE") or LONG else [])]


@pytest.mark.parametrize("start", STARTS)
async def test_random_keys_and_resizes_never_crash_the_app(lived_in: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the export dialog writes into the home folder
    monkeypatch.chdir(tmp_path)
    app = make_app()

    async def stay() -> None:
        """The run must go on: quitting, by key or by the palette's command, does nothing."""

    monkeypatch.setattr(app, "action_quit", stay)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if start == "palette":
            await pilot.press("ctrl+p")
        else:
            app.switch_mode(start)
        await settle(pilot)
        seen = await mash(pilot, seed=sum(map(ord, start)))
        await settle(pilot)
        assert set(PLACES) <= seen, f"places never reached: {set(PLACES) - seen}"
        assert {"PlannerPalette", "HelpScreen", "TooSmallScreen", "ExportDialog"} <= seen, seen
        assert app._exception is None, app._exception
    assert app.return_code in (None, 0)


# The keys of the burst that found the palette's crashes: the palette, backing out, focus moves, a few
# place and action keys, and the list keys, with no pause between them.
BURST_KEYS = ["ctrl+p", "escape", "tab", "shift+tab", "c", "z", "6", "0", "end", "v", "enter", "space", "up", "down"]
BURST_SEEDS = range(budget(1, 18))  # 18 seeds at two sizes: 36 runs under make fuzz
BURST_KEYS_PER_RUN = budget(400, 1500)


@pytest.mark.parametrize("size", [(40, 16), (80, 24)], ids=["phone", "desk"])
@pytest.mark.parametrize("seed", BURST_SEEDS)
async def test_bursts_of_palette_keys_never_crash_the_app(lived_in: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, seed: int,
                                                          size: tuple[int, int]) -> None:
    """Keys posted as a terminal delivers a burst: the palette opened twice, keys after it was dismissed."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    app = make_app()

    async def stay() -> None:
        """Quitting (the palette's "Quit" can be chosen by chance) does nothing, so the run goes on."""

    monkeypatch.setattr(app, "action_quit", stay)
    rng = random.Random(seed)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for index in range(BURST_KEYS_PER_RUN):
            app.post_message(key_event(rng.choice(BURST_KEYS)))
            if index % 50 == 49:
                await pilot.pause()
                assert app._exception is None, f"seed {seed}, key {index}: {app._exception!r}\n" + "".join(
                    traceback.format_exception(app._exception)[-6:])
        await settle(pilot)
        assert app._exception is None, app._exception
    assert app.return_code in (None, 0)
