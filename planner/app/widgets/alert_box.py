"""A warning-sign alert drawn with its level's weight: a heavy border and the word EMERGENCY for an
emergency, a double border for urgent, a light one for advice, so the level reads without colour too."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from planner.domain.kinds import AlertLevel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from planner.domain.pain.warning_signs import Alert


def alert_face(alert: Alert | None) -> dict[str, object] | None:
    """What the box shows of ``alert``, as plain data (Today keeps it for its next first frame)."""
    if alert is None:
        return None
    heading, reported, message = alert.lines()
    return {"level": str(alert.level), "heading": heading, "reported": reported, "message": message,
            "pauses": alert.pauses}


class AlertBox(Static):
    def show(self, alert: Alert | None) -> None:
        self.show_face(alert_face(alert))

    def show_face(self, face: dict[str, object] | None) -> None:
        level = None if face is None else face["level"]
        for name in AlertLevel:
            self.set_class(level == str(name), str(name))
        self.display = face is not None
        if face is None:
            self.update("")
            return
        emergency = level == str(AlertLevel.EMERGENCY)
        self.update(Content.assemble((str(face["heading"]), "bold reverse" if emergency else "bold"), "\n",
                                     str(face["reported"]), "\n", (str(face["message"]), "bold" if face["pauses"] else "")))
