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
    """The face :func:`lookup` found, if it is one to draw for this start."""
    face = None if kept is None else kept.views.get("today")
    if not isinstance(face, dict) or face.get("format") != FORMAT or face.get("plan") is not True \
            or face.get("today") != context.today.isoformat() or not isinstance(face.get("settings"), dict):
        return None
    return face
