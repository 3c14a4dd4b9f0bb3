"""Render the active plan in any export format: the one call both faces make."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from planner.domain.library.loading import Library
from planner.store.active_plan import ActivePlan

Format = Literal["toml", "md", "ics"]
FORMATS: dict[str, str] = {"toml": "plan.toml", "md": "plan.md", "ics": "plan.ics"}


def export_plan(active: ActivePlan, library: Library, fmt: Format = "toml", at: dt.time = dt.time(7, 0),
                remind: int = 15, figures: str | None = None) -> str:
    """The active plan as TOML (to edit and import), Markdown (to print) or iCalendar (for a calendar).

    The TOML carries every adjustment and where they left the plan (a pause
    included), so importing it never loses a change made for pain. ``figures`` (Markdown only) names
    the folder of figure files the Markdown links to; see :mod:`planner.exports.figure_files`.
    """
    # The renderers are imported when asked for: icalendar alone took ~50 ms of the app's start-up,
    # and the plan file's model needs pydantic.
    if fmt == "toml":
        from planner.domain.exchange.plan_file import plan_to_toml

        return plan_to_toml(active.plan, active.history.adjustments, active.state, active.history.notes,
                            active.store.activities())
    if fmt == "md":
        from planner.exports.markdown import plan_markdown

        return plan_markdown(active.plan, library, active.history.adjustments, active.state,
                             active.history.notes, figures)
    from planner.exports.ics import plan_calendar

    return plan_calendar(active.plan, at, remind=remind)
