"""Mon–Sun of the current week, each day with a mark a person can read without colour."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import Static

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


def week_of(day: dt.date) -> list[dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


class WeekStrip(Static):
    """Seven columns as wide as the strip allows (6 to 9 cells), so the week stays on one line at 60."""

    DEFAULT_CLASSES = "week-strip"

    def __init__(self) -> None:
        super().__init__()
        self.views: list[DayView] = []
        self.today: dt.date | None = None

    def show(self, views: list[DayView], today: dt.date) -> None:
        self.views, self.today = list(views), today
        self.refresh(layout=True)

    def render(self) -> Content:
        if not self.views:
            return Content("")
        cell = max(6, min(9, ((self.content_region.width or 69) - 6) // 7))
        heads: list[Content] = []
        marks: list[Content] = []
        for view in self.views:
            style = "reverse" if view.date == self.today else ""
            heads.append(Content.styled(f"{view.date.strftime('%a %d'):^{cell}}", style))
            status = "done" if view.one_left_out else view.status  # as adherence counts it; the week lists it
            mark = MARKS.get(status, status)
            if len(mark) > cell:
                mark = mark.split()[0]
            marks.append(Content.styled(f"{mark:^{cell}}", COLOURS.get(status, "")))
        return Content("\n").join([Content(" ").join(heads), Content(" ").join(marks)])
