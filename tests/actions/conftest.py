"""In-process fixtures for the actions: a data folder, a pinned day, the built-in library loaded once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.actions import plans, screening
from planner.context import Context
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.plan.model import PlanInputs
from planner.locations import built_in_library

MONDAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


@pytest.fixture
def at(tmp_path: Path, library: Library):  # noqa: ANN201 - a function: the context on a given day
    """``at(day)``: the context the faces would pass on ``day``, over one data folder."""
    def context(day: dt.date = MONDAY) -> Context:
        made = Context(tmp_path / "data", [], day)
        made.__dict__["library"] = library  # loaded once for the session
        return made

    return context


def inputs(program: str = "core-flexibility", days: tuple[str, ...] = ("mon", "wed", "fri"),
           start: dt.date = MONDAY, walk_days: str = "all") -> PlanInputs:
    return PlanInputs(program=program, days=list(days), minutes=20, level=1, weeks=8, start=start,  # type: ignore[arg-type]
                      walk_days=walk_days)  # type: ignore[arg-type]


@pytest.fixture
def planned(at) -> Context:  # noqa: ANN001
    """Screened (no warning signs) and an 8-week plan from Monday 2 March 2026, as ``plan new`` makes it."""
    context = at()
    screening.screen(context, ())
    plans.new_plan(context, inputs())
    return context
