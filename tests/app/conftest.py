"""App fixtures: a pinned date, a data dir seeded through the real store, no blinking cursor."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from planner.app.main import PlannerApp
from planner.context import Context
from planner.domain.builder import build_plan
from planner.domain.plan import PlanInputs
from planner.store.store import Store

TODAY = "2026-03-02"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANNER_TODAY", TODAY)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PLANNER_LIBRARY", raising=False)
    return tmp_path / "data"


@pytest.fixture
def seeded(data_dir: Path) -> Path:
    context = Context.from_args(argparse.Namespace())
    inputs = PlanInputs(program="core-flexibility", days=["mon", "wed", "fri"], minutes=25, level=1, weeks=8,
                        start=dt.date.fromisoformat(TODAY))
    with Store(data_dir) as store:
        store.save_plan(inputs, build_plan(inputs, context.library).program_name)
    return data_dir


def make_app() -> PlannerApp:
    app = PlannerApp(Context.from_args(argparse.Namespace()))
    app.cursor_blink = False  # type: ignore[attr-defined]
    return app
