"""`make screenshots`: render each screen at 80×24 into SVGs for the README.

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

# name: (history to seed, keys to press)
SHOTS: dict[str, tuple[str, list[str]]] = {
    "plan-builder": ("none", []),
    "today": ("lived-in", []),
    "today-checked": ("fresh", ["space", "space"]),
    "session-runner": ("fresh", ["enter", "space"]),
    "pain-check-in": ("fresh", ["d", "r", "6", "ctrl+s"]),
    "red-flag": ("fresh", ["r", "1", "tab", "tab", "tab", "space", "ctrl+s"]),
    "plan-view": ("lived-in", ["w"]),
    "training-days": ("lived-in", ["w", "d"]),
    "export": ("fresh", ["w", "e"]),
    "library": ("fresh", ["l"]),
    "history": ("lived-in", ["h"]),
    "relief": ("fresh", ["exclamation_mark"]),
    "help": ("fresh", ["question_mark"]),
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


def seed(data_dir: Path, history: str) -> None:
    if history == "fresh":
        seed_plan(data_dir)
    elif history == "lived-in":
        seed_lived_in(data_dir)


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
            app.save_screenshot(str(folder / f"{name}.svg"))


def main(argv: list[str]) -> int:
    os.environ["PLANNER_TODAY"] = DEMO_TODAY
    os.environ.pop("PLANNER_LIBRARY", None)
    os.environ["HOME"] = "/home/you"  # the export dialog shows a file name in the home folder, not ours
    folder = Path(argv[0] if argv else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (history, keys) in SHOTS.items():
        asyncio.run(shoot(name, history, keys, folder, (80, 24)))
        print(folder / f"{name}.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
