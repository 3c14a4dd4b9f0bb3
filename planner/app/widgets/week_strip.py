"""Mon–Sun of the current week, each day with a mark a person can read without colour."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import Static

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.domain.days.day import DayView

COLOURS = {"done": "$success", "partial": "$warning", "planned": "$accent", "missed": "$error",
           "paused": "$warning"}

MARKS = {
    "done": "✓ done",
    "partial": "◐ part",
    "planned": "○ plan",
    "missed": "✗ miss",
    "skipped": "– skip",
    "rest": "· rest",
    "paused": "‖ pause",
    "no-plan": "",
}


def strip_days(views: list[DayView]) -> list[tuple[str, str]]:
    """Each day's date and the mark it gets, as plain data (Today keeps it for its next first frame). One
    left out shows as done, as adherence counts it; the week lists it."""
    return [(view.date.isoformat(), "done" if view.one_left_out else view.status) for view in views]


def week_of(day: dt.date) -> list[dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


class WeekStrip(Static):
    """Seven columns as wide as the strip allows (6 to 9 cells), so the week stays on one line at 60."""

    DEFAULT_CLASSES = "week-strip"

    def __init__(self) -> None:
        super().__init__()
        self.days: list[tuple[dt.date, str]] = []
        self.today: dt.date | None = None

    def show(self, days: list[tuple[str, str]], today: dt.date) -> None:
        """``days``: :func:`strip_days` of the week's views."""
        self.days, self.today = [(dt.date.fromisoformat(day), status) for day, status in days], today
        self.refresh(layout=True)

    def render(self) -> Content:
        if not self.days:
            return Content("")
        cell = max(6, min(9, ((self.content_region.width or 69) - 6) // 7))
        heads: list[Content] = []
        marks: list[Content] = []
        for day, status in self.days:
            style = "reverse" if day == self.today else ""
            heads.append(Content.styled(f"{day.strftime('%a %d'):^{cell}}", style))
            mark = MARKS.get(status, status)
            if len(mark) > cell:
                mark = mark.split()[0]
            marks.append(Content.styled(f"{mark:^{cell}}", COLOURS.get(status, "")))
        return Content("\n").join([Content(" ").join(heads), Content(" ").join(marks)])
