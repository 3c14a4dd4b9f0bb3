"""Today's first frame from the last run: the face Today showed (:mod:`planner.app.today_face`), kept
beside the read model under a key of everything it was made from (the data version, the date, the
library files, planner's code and the app's; see :mod:`planner.store.views`).

Opening the app used to import the domain and read the plan, the history and the library before the
first frame: about a third of its start. With a face kept for this key, Today is drawn from it at once,
the plan is loaded after that frame, and keys pressed meanwhile wait for it (:class:`planner.app.main.PlannerApp`).
A key that does not hold (anything written, any file changed, another day) means no face: the app loads
first, as it always did, and keeps the face it then shows. Imports nothing of the domain.
"""

from __future__ import annotations

from planner import locations
from planner.actions import views

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from planner.context import Context

SETTINGS = ("theme", "sound")  # the person's choices the app restores before its first frame
FORMAT = 1  # planner.app.today_face.FORMAT, which the code key already covers; checked all the same


def libraries(context: Context) -> list[Path]:
    """The library folders the face depends on: those the context reads, and the default folder in the
    data dir even while it does not exist (making it must change the key)."""
    dirs = context.library_dirs or [locations.default_user_library(context.data_dir)]
    return [locations.built_in_library(), *dirs, *context.extra_sources]


def lookup(context: Context) -> views.Kept | None:
    """The key for the face and whatever is kept under it; ``None`` without a counted store."""
    try:
        return views.lookup_face(context.data_dir, libraries(context))
    except OSError:  # a folder that cannot be read: no face; the load says why
        return None


def kept_face(context: Context) -> dict[str, Any] | None:
    """Today's face kept for this start, if there is one (a plan, this day, nothing changed since)."""
    return face_in(context, lookup(context))


def face_in(context: Context, kept: views.Kept | None) -> dict[str, Any] | None:
    """The face :func:`lookup` found, if it is one to draw for this start: this day's, and whole (a file
    damaged under a key that still holds is not drawn: the app loads first)."""
    face = None if kept is None else kept.views.get("today")
    if not isinstance(face, dict) or face.get("format") != FORMAT or face.get("plan") is not True \
            or face.get("today") != context.today.isoformat() or not _whole(face):
        return None
    return face


def _texts(value: object, n: int | None = None) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value) and (n is None or len(value) == n)


def _whole(face: dict[str, Any]) -> bool:
    """Every field of the face there, of the kind Today draws (see :mod:`planner.app.today_face`)."""
    try:
        alert = face["alert"]
        return (all(isinstance(face[k], str) for k in ("heading", "heading_short"))
                and all(isinstance(face[k], bool) for k in ("paused", "undoable", "nothing_to_do", "checked_any"))
                and (face["stats"] is None or isinstance(face["stats"], str))
                and (alert is None or (isinstance(alert, dict) and isinstance(alert["pauses"], bool) and all(
                    isinstance(alert[k], str) for k in ("level", "heading", "reported", "message"))))
                and isinstance(face["week"], list) and all(_texts(day, 2) and _iso(day[0]) for day in face["week"])
                and isinstance(face["exercises"], list) and all(
                    isinstance(e, dict) and all(isinstance(e[k], str) for k in ("id", "name", "mark", "dose"))
                    for e in face["exercises"])
                and isinstance(face["details"], dict) and all(
                    isinstance(lines, list) and all(
                        isinstance(line, list) and len(line) == 2 and isinstance(line[0], str)
                        and isinstance(line[1], list) and all(_texts(piece, 2) for piece in line[1])
                        for line in lines) for lines in face["details"].values())
                and isinstance(face["notes"], list) and all(_texts(note, 2) for note in face["notes"])
                and isinstance(face["settings"], dict)
                and all(v is None or isinstance(v, str) for v in face["settings"].values()))
    except (KeyError, TypeError):
        return False


def _iso(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
