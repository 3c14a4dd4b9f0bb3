"""A warning-sign alert drawn with its level's weight: a heavy border and the word EMERGENCY for an
emergency, a double border for urgent, a light one for advice, so the level reads without colour too."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from planner.domain.kinds import AlertLevel
from planner.domain.pain.warning_signs import LEVELS, Alert


class AlertBox(Static):
    def show(self, alert: Alert | None) -> None:
        for level in LEVELS:
            self.set_class(alert is not None and alert.level == level, level)
        self.display = alert is not None
        if alert is None:
            self.update("")
            return
        heading, reported, message = alert.lines()
        self.update(Content.assemble((heading, "bold reverse" if alert.level == AlertLevel.EMERGENCY else "bold"),
                                     "\n", reported, "\n", (message, "bold" if alert.pauses else "")))
