"""`make screenshots`: render each screen at 80×24 into SVGs for the README.

Uses a throwaway data dir and PLANNER_TODAY=2026-03-02 so the pictures never depend on the clock.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

SHOTS = {
    "plan-builder": [],
    "today": ["__seed__"],
    "today-checked": ["__seed__", "space", "down", "space"],
    "pain-check-in": ["__seed__", "r", "6", "enter"],
    "help": ["__seed__", "question_mark"],
}


async def shoot(name: str, keys: list[str], folder: Path) -> None:
    from planner.app.main import PlannerApp
    from planner.context import Context
    from planner.domain.builder import build_plan
    from planner.domain.plan import PlanInputs
    from planner.store.store import Store

    with tempfile.TemporaryDirectory() as data:
        os.environ["PLANNER_DATA_DIR"] = data
        context = Context.from_args(argparse.Namespace())
        if keys and keys[0] == "__seed__":
            inputs = PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=25, level=1,
                                weeks=8, start=dt.date(2026, 3, 2))
            with Store(Path(data)) as store:
                store.save_plan(inputs, build_plan(inputs, context.library).program_name)
            keys = keys[1:]
        app = PlannerApp(context)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            app.save_screenshot(str(folder / f"{name}.svg"))


def main(argv: list[str]) -> int:
    os.environ["PLANNER_TODAY"] = "2026-03-02"
    os.environ.pop("PLANNER_LIBRARY", None)
    folder = Path(argv[0] if argv else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, keys in SHOTS.items():
        asyncio.run(shoot(name, list(keys), folder))
        print(folder / f"{name}.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
