"""The read model's door: the key ``planner today`` and ``planner status`` are kept under, worked out with
the standard library alone, the views kept under it, and keeping new ones (see :mod:`planner.store.views`).

:func:`lookup` works out the key (the database's data version, the date, the library files, the code)
and reads the views kept under it. When the face finds none to print, the command runs as before inside
:func:`keeping`, where its handler leaves what it worked out in the dict yielded; that is kept if the
key did not move meanwhile and nothing was said on standard error (a notice must be said every time,
not only the first). Importing this module imports no other action, no domain model and no store code
but the read model's own.

The prepared writes (a plain ``done`` and ``pain N``, rehearsed when the views were kept: see
:mod:`planner.actions.rehearsal`) are found with :func:`lookup_prepared` and written with :func:`replay`,
which needs only :mod:`planner.store.prepared` beside the read model.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from planner import locations
from planner.store import views as store_views

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Kept:
    """The key a command's views are kept under, and the views found under it (empty if none)."""

    def __init__(self, data_dir: Path, libraries: list[Path], key: str, newest: float, views: dict[str, Any]):
        self.data_dir, self.libraries, self.key, self.newest, self.views = data_dir, libraries, key, newest, views


def _libraries(args: object, data: Path) -> list[Path]:
    """The library folders as :class:`planner.context.Context` resolves them (built-in first)."""
    dirs = locations.user_library_dirs(getattr(args, "library", None))
    return [locations.built_in_library(), *(dirs or [locations.default_user_library(data)])]


def lookup(command: str, args: object) -> Kept | None:
    """The key for this run and the views kept under it; ``None`` when this run is not one a view can stand for."""
    if command == "today" and getattr(args, "date", None):
        return None  # only today's own day is kept
    data = locations.data_dir(getattr(args, "data_dir", None))
    libraries = _libraries(args, data)
    made = store_views.key(data, libraries)
    if made is None:
        return None
    return Kept(data, libraries, made[0], made[1], store_views.read(data, made[0]))


def lookup_prepared(command: str, args: object) -> Kept | None:
    """As :func:`lookup`, with the prepared writes kept under the key (``store_views.PREPARED``) as its views."""
    data = locations.data_dir(getattr(args, "data_dir", None))
    libraries = _libraries(args, data)
    made = store_views.key(data, libraries)
    if made is None:
        return None
    return Kept(data, libraries, made[0], made[1], store_views.read(data, made[0], store_views.PREPARED))


def lookup_face(data_dir: Path, libraries: list[Path]) -> Kept | None:
    """As :func:`lookup`, for the app's Today (its face, :mod:`planner.app.today_face`): kept under a key that
    counts the app's code too, in a file of its own (``store_views.FACE``), or, on the first start of a day,
    the one kept yesterday for today (``store_views.FACE_NEXT``)."""
    made = store_views.key(data_dir, libraries, app=True)
    if made is None:
        return None
    views = store_views.read(data_dir, made[0], store_views.FACE) or \
        store_views.read(data_dir, made[0], store_views.FACE_NEXT)
    return Kept(data_dir, libraries, made[0], made[1], views)


def face_holds(kept: Kept) -> bool:
    """Whether ``kept``'s key still holds (nothing written since, no library file or code changed)."""
    again = store_views.key(kept.data_dir, kept.libraries, app=True)
    return again is not None and again[0] == kept.key


def keep_face(kept: Kept, face: dict[str, Any], tomorrow: tuple[str, dict[str, Any]] | None = None) -> None:
    """Keep Today's ``face``, worked out from a read that began under ``kept``'s key, if the key still holds;
    and ``tomorrow``'s (its date, its face) under the key tomorrow will have if nothing is written before."""
    if not face_holds(kept):
        return
    now = time.time()
    store_views.write(kept.data_dir, kept.key, kept.newest, {"today": face}, now, store_views.FACE)
    if tomorrow is not None:
        made = store_views.key(kept.data_dir, kept.libraries, app=True, day=tomorrow[0])
        if made is not None and face_holds(kept):
            store_views.write(kept.data_dir, made[0], kept.newest, {"today": tomorrow[1]}, now, store_views.FACE_NEXT)


# Kept with the prepared writes even when none could be prepared: the state was rehearsed, and need not be again.
REHEARSED = "rehearsed"


def rehearsed(kept: Kept) -> bool:
    """Whether the prepared writes for the kept views' state are kept too."""
    return bool(store_views.read(kept.data_dir, kept.key, store_views.PREPARED).get(REHEARSED))


def replay(kept: Kept, name: str) -> str | None:
    """Write the prepared ``name`` (``done``, ``pain 3``) found by :func:`lookup_prepared` if it still stands
    (:mod:`planner.store.prepared`), and keep the views after it (and what was rehearsed after it); the text
    the command prints, or ``None`` when nothing was written and the command must run itself."""
    from planner.store import prepared as store_prepared

    entry = kept.views.get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
        return None
    after = store_prepared.replay(kept.data_dir / "planner.db", entry)
    if after is None:
        return None
    views, then = entry.get("views"), entry.get("then")
    if isinstance(views, dict) and views:  # what the next 'today' and 'status' print, and write
        made = store_views.key_at(kept.data_dir, kept.libraries, after)
        if made is not None:
            now, newest = time.time(), max(kept.newest, made[1])
            store_views.write(kept.data_dir, made[0], newest, views, now)
            if isinstance(then, dict):
                store_views.write(kept.data_dir, made[0], newest, {**then, REHEARSED: True}, now, store_views.PREPARED)
    return entry["text"]


class _Watched:
    """Standard error, noting whether anything was written to it."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.written = stream, False

    def write(self, text: str) -> int:
        self.written = self.written or bool(text)
        return self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def keeping(kept: Kept) -> Iterator[dict[str, Any]]:
    """Run a command that may leave views in the dict yielded; keep them if nothing moved meanwhile."""
    views: dict[str, Any] = {}
    saved = sys.stderr
    watched = _Watched(saved)
    sys.stderr = watched  # type: ignore[assignment]
    try:
        yield views
    finally:
        sys.stderr = saved
    if not views or watched.written:
        return
    prepared = views.pop("prepared", None)  # the prepared writes: a file of their own, read only by done and pain
    again = store_views.key(kept.data_dir, kept.libraries)
    if again is not None and again[0] == kept.key:
        now, newest = time.time(), max(kept.newest, again[1])
        store_views.write(kept.data_dir, kept.key, newest, views, now)
        if prepared:
            store_views.write(kept.data_dir, kept.key, newest, prepared, now, store_views.PREPARED)
