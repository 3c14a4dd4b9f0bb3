"""`make screenshots`: render each screen (at 80×24, a few at 120×36) into SVGs for the README, and the
app in a browser.

Uses a throwaway data dir and PLANNER_TODAY=2026-03-02 so the pictures never
depend on the clock. The demo data is written through the app's own store
calls; the snapshot tests seed the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

DEMO_TODAY = "2026-03-02"

WIDE = (120, 36)

# name: (history to seed, keys to press[, terminal size]); 80×24 unless given.
SHOTS: dict[str, tuple] = {
    "plan-builder": ("none", []),
    "today": ("eight-weeks", []),
    "today-checked": ("fresh", ["space", "space"]),
    "session-runner": ("eight-weeks", ["enter", "space"]),
    "session-runner-wide": ("eight-weeks", ["enter", "space", "space", "s"], WIDE),
    # A hold being counted at three sizes: the figure keeps the held pose above the big countdown
    # (on a phone the countdown has the room and the figure gives way).
    "session-runner-40x16": ("eight-weeks", ["enter", "space", "space", "s"], (40, 16)),
    "session-runner-80x24": ("eight-weeks", ["enter", "space", "space", "s"], (80, 24)),
    "session-runner-120x40": ("eight-weeks", ["enter", "space", "space", "s"], (120, 40)),
    "pain-check-in": ("fresh", ["d", "r", "6", "ctrl+s"]),
    "pain-projection": ("eight-weeks", ["r", "6"]),
    # Pain 1, Enter past where and the exercises to the first sign (saddle numbness), y for Yes, record.
    "red-flag": ("fresh", ["r", "1", "enter", "enter", "enter", "y", "ctrl+s"]),
    "plan-view": ("eight-weeks", ["w"]),
    "plan-view-wide": ("eight-weeks", ["w"], WIDE),
    "training-days": ("eight-weeks", ["w", "d"]),
    "export": ("fresh", ["w", "e"]),
    "library": ("fresh", ["l"]),
    "history": ("eight-weeks", ["h"]),
    "history-wide": ("eight-weeks", ["h"], WIDE),
    "relief": ("fresh", ["exclamation_mark"]),
    "help": ("fresh", ["question_mark"]),
    "learn": ("fresh", ["i", "down", "down", "enter"]),
    "report": ("eight-weeks", ["h", "p"]),
}


def seed_plan(data_dir: Path, start: str = DEMO_TODAY) -> None:
    """A core-flexibility plan, Mon/Wed/Fri, 25 minutes, 8 weeks."""
    from planner.context import Context
    from planner.domain.pain.screening import Screening
    from planner.domain.plan.builder import build_plan
    from planner.domain.plan.model import PlanInputs
    from planner.store.store import Store

    context = Context.from_args(argparse.Namespace(data_dir=str(data_dir)))
    inputs = PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=25, level=1, weeks=8,
                        start=dt.date.fromisoformat(start))
    with Store(data_dir) as store:
        store.record_screening(Screening(dt.date.fromisoformat(start)))  # answered: none of the warning signs
        store.save_plan(inputs, build_plan(inputs, context.library).program_name)


def seed_lived_in(data_dir: Path) -> None:
    """The same plan begun a week earlier: Monday done, Wednesday missed, Friday partial, pain 4 once."""
    from planner.app.data import AppData
    from planner.context import Context
    from planner.domain.records import PainReport

    seed_plan(data_dir, "2026-02-23")
    context = Context.from_args(argparse.Namespace(data_dir=str(data_dir)))
    data = AppData(context)
    for day, count in (("2026-02-23", None), ("2026-02-27", 2)):
        context.today = dt.date.fromisoformat(day)
        view = data.load().snapshot.day()
        data.record(view.exercises[:count], "done")
        if count is None:
            data.report_pain(PainReport(context.today, "after", 4, "lower back"))


# Eight weeks of a 12-week plan, as a real person lives them: mostly done, one session skipped while
# travelling, one missed, one cut short; pain mostly low, a 4 (the plan holds), a 6 (it eases off and
# rebuilds); the easier week 4 as planned; a few notes.
EIGHT_WEEKS_START = "2026-01-05"
PAIN = {"2026-01-05": 2, "2026-01-09": 1, "2026-01-16": 2, "2026-01-21": 4, "2026-01-26": 2, "2026-02-04": 1,
        "2026-02-09": 6, "2026-02-13": 3, "2026-02-16": 2, "2026-02-20": 1, "2026-02-27": 1}
SKIPPED = {"2026-01-28": "travelling"}
MISSED = {"2026-02-11"}
PARTIAL = {"2026-02-18": 3}
NOTES = {"2026-01-21": "left hip tight on the bridges", "2026-02-09": "slept badly, back stiff all day",
         "2026-02-20": "felt strong, planks easier"}


def seed_eight_weeks(data_dir: Path) -> None:
    """A 12-week core-flexibility plan begun 8 weeks before the demo's today, lived in as above."""
    from planner.app.data import AppData
    from planner.context import Context
    from planner.domain.plan.builder import build_plan
    from planner.domain.plan.model import PlanInputs
    from planner.domain.records import PainReport
    from planner.store.store import Store

    context = Context.from_args(argparse.Namespace(data_dir=str(data_dir)))
    start = dt.date.fromisoformat(EIGHT_WEEKS_START)
    inputs = PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=25, level=1, weeks=12,
                        start=start)
    with Store(data_dir) as store:
        store.save_plan(inputs, build_plan(inputs, context.library).program_name)
    data = AppData(context)
    day = start
    while day < dt.date.fromisoformat(DEMO_TODAY):
        context.today, text = day, day.isoformat()
        view = data.load().snapshot.day()
        if view.planned and view.exercises and text not in MISSED:
            if text in SKIPPED:
                data.skip_day(SKIPPED[text])
            else:
                data.record(view.exercises[:PARTIAL.get(text)], "done")
                if text in PAIN:
                    data.report_pain(PainReport(day, "after", PAIN[text], "lower back" if PAIN[text] > 3 else ""))
                if text in NOTES:
                    data.save_note(day, NOTES[text])
        day += dt.timedelta(days=1)


def seed(data_dir: Path, history: str) -> None:
    if history == "fresh":
        seed_plan(data_dir)
    elif history == "lived-in":
        seed_lived_in(data_dir)
    elif history == "eight-weeks":
        seed_eight_weeks(data_dir)


async def shoot(name: str, history: str, keys: list[str], folder: Path, size: tuple[int, int]) -> None:
    from planner.app.main import PlannerApp
    from planner.context import Context

    with tempfile.TemporaryDirectory() as data:
        os.environ["PLANNER_DATA_DIR"] = data
        seed(Path(data), history)
        app = PlannerApp(Context.from_args(argparse.Namespace()))
        async with app.run_test(size=size) as pilot:
            for key in ["", *keys]:
                if key:
                    await pilot.press(key)
                for _ in range(3):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
            for widget in app.screen.query(".-flash"):  # the runner's flash at a change lasts a moment
                widget.remove_class("-flash")
            await pilot.pause()
            app.save_screenshot(str(folder / f"{name}.svg"))


def main(argv: list[str]) -> int:
    os.environ["PLANNER_TODAY"] = DEMO_TODAY
    os.environ.pop("PLANNER_LIBRARY", None)
    os.environ["HOME"] = "/home/you"  # the export dialog shows a file name in the home folder, not ours
    folder = Path(argv[0] if argv else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (history, keys, *size) in SHOTS.items():
        asyncio.run(shoot(name, history, keys, folder, size[0] if size else (80, 24)))
        print(folder / f"{name}.svg")
    from tests.tools import browser_screenshots

    if not browser_screenshots.have_browser():
        print("screenshots: no Chromium (apt-get install chromium) or Playwright (the test extras): "
              "the browser pictures are left as they were", file=sys.stderr)
        return 0
    for path in browser_screenshots.shoot(folder, DEMO_TODAY):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
