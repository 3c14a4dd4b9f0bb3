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
    DEFAULT_CLASSES = "week-strip"

    def show(self, views: list[DayView], today: dt.date) -> None:
        heads: list[Content] = []
        marks: list[Content] = []
        for view in views:
            style = "reverse" if view.date == today else ""
            heads.append(Content.styled(f"{view.date.strftime('%a %d'):^9}", style))
            marks.append(Content.styled(f"{MARKS.get(view.status, view.status):^9}", COLOURS.get(view.status, "")))
        self.update(Content("\n").join([Content(" ").join(heads), Content(" ").join(marks)]))
