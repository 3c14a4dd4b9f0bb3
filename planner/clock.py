"""What "today" is: ``PLANNER_TODAY`` pins it for tests and demos.

Only the faces call this; the domain always receives the date as an argument.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from planner.domain.date_range import EARLIEST, LATEST
from planner.domain.errors import UsageError


def parse_date(text: str, what: str = "date") -> dt.date:
    try:
        date = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}: '{text}' is not a date; use YYYY-MM-DD, e.g. 2026-03-02") from None
    if not EARLIEST <= date <= LATEST:
        raise UsageError(f"{what}: {date.isoformat()} is out of range; use a date from {EARLIEST.isoformat()} "
                         f"to {LATEST.isoformat()}")
    return date


def today(env: Mapping[str, str] | None = None) -> dt.date:
    env = os.environ if env is None else env
    pinned = env.get("PLANNER_TODAY")
    if pinned:
        return parse_date(pinned, "PLANNER_TODAY")
    return dt.date.today()


def hour(env: Mapping[str, str] | None = None) -> int:
    """The hour of the day (0-23); ``PLANNER_HOUR`` pins it for tests and demos."""
    env = os.environ if env is None else env
    pinned = env.get("PLANNER_HOUR", "").strip()
    if pinned.isdigit() and int(pinned) < 24:
        return int(pinned)
    return dt.datetime.now().hour
