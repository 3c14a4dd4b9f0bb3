"""The read model: what ``planner today`` and ``planner status`` printed, kept so the next run can print it
again without importing the domain or building anything.

A quick command used to open the store, load the library and the plan, replay the history and work out
the day: two thirds of its time was planner's own imports. The views are kept in one JSON file next to
the database (``cache/views.json``) under a key made of everything they were made from, and read back
with the standard library alone (this module imports nothing of planner's but its version):

- the database's **data version**: a counter in the ``data_version`` table that a trigger on every other
  table bumps inside the same transaction as the write (:func:`install_counter`; installed by the
  migrations, so every write, whichever code path made it, changes the key), and the schema version;
- the date the views are for (``PLANNER_TODAY`` exactly as set, or the calendar date);
- every file in every library folder (built-in, ``--library``/``PLANNER_LIBRARY``, ``library/`` in the
  data dir), by path, size and mtime: exercises, programs and pain rules alike;
- planner's version and its code outside the app (every ``.py`` file by path, size and mtime), and the
  working directory.

A view is written only after a run that worked it out from the store, when the data version did not move
while it ran, nothing went to standard error, and no library file changed in the last seconds (its next
edit could keep the same size and mtime). Anything wrong with the file means the command works the day
out as before; it never raises. A wrong "today" is far worse than a slow one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
FILE_NAME = "views.json"
PREPARED = "prepared.json"  # what a plain ``done`` and ``pain N`` would write (planner/store/prepared.py)
FACE = "app-today.json"  # what the app's Today showed (planner/app/today_face.py), keyed with the app's code too
FACE_NEXT = "app-tomorrow.json"  # what it will show tomorrow if nothing is written before (the day's first start)
RECENT_SECONDS = 2.0
COUNTER = "data_version"
_PLANNER = Path(__file__).resolve().parent.parent


def install_counter(connection: sqlite3.Connection) -> None:
    """The counter, and on every other table a trigger per kind of write that bumps it.

    Run inside the migration's transaction (and again after any migration, so a table a later
    migration adds is counted too)."""
    connection.execute(f"CREATE TABLE IF NOT EXISTS {COUNTER} (n INTEGER NOT NULL)")
    if connection.execute(f"SELECT count(*) FROM {COUNTER}").fetchone()[0] == 0:
        connection.execute(f"INSERT INTO {COUNTER} (n) VALUES (0)")
    for table in _tables(connection):
        for event in ("INSERT", "UPDATE", "DELETE"):
            connection.execute(f'CREATE TRIGGER IF NOT EXISTS "{table}_{event.lower()}_counted" AFTER {event} '
                               f'ON "{table}" BEGIN UPDATE {COUNTER} SET n = n + 1; END')


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != ?",
        (COUNTER,))]


def counted(connection: sqlite3.Connection) -> bool:
    """Whether every table has its three triggers (a view is written only then)."""
    triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return all(f"{table}_{event}_counted" in triggers for table in _tables(connection)
               for event in ("insert", "update", "delete"))


def _data_version(database: Path) -> tuple[int, int, int] | None:
    """The counter, the schema version and the application id; ``None`` without a counted database."""
    try:  # a name too long, a folder that cannot be read: no view; the command itself says why
        if not database.is_file():
            return None
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=5.0,
                                     isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        with connection:
            (n,) = connection.execute(f"SELECT n FROM {COUNTER}").fetchone()
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            return int(n), int(version), int(app_id)
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        connection.close()


def _files(folder: Path, parts: list[object]) -> float:
    """Every file under ``folder`` (links followed, loops cut, as the library reads it) by path, size and mtime; the newest time seen."""
    newest = 0.0
    from planner.domain.files.folders import walk_folders

    for root, _folders, files in walk_folders(folder):
        for name in sorted(files):
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:  # a broken link: its name still counts
                parts.append((root, name, None))
                continue
            parts.append((root, name, stat.st_size, stat.st_mtime_ns))
            newest = max(newest, stat.st_mtime, stat.st_ctime)
    return newest


def _code(parts: list[object], app: bool = False) -> None:
    """Planner's code by path, size and mtime; the app's too with ``app`` (the app's kept first frame)."""
    left_out = ("__pycache__", "_library") if app else ("app", "__pycache__", "_library")
    for root, folders, files in os.walk(_PLANNER):
        folders[:] = sorted(f for f in folders if f not in left_out)
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(root, name))
                parts.append((root, name, stat.st_size, stat.st_mtime_ns))


def key(data_dir: Path, libraries: list[Path], app: bool = False, day: str | None = None) -> tuple[str, float] | None:
    """The key of the views for this data dir, these library folders and today; and the newest file time.

    ``libraries`` are the folders as the command resolves them (built-in first). ``None`` when there is
    no counted database, or anything cannot be read."""
    version = _data_version(data_dir / "planner.db")
    if version is None:
        return None
    return key_at(data_dir, libraries, version, app, day)


def key_at(data_dir: Path, libraries: list[Path], version: tuple[int, int, int] | list[int],
           app: bool = False, day: str | None = None) -> tuple[str, float] | None:
    """:func:`key` with the data version given (a prepared write's, as it committed it: :mod:`planner.store.prepared`)."""
    from planner import __version__

    version = tuple(version)
    pinned = os.environ.get("PLANNER_TODAY")
    # ``day``: the key the views will have on another day (the app's face for tomorrow), if nothing changes
    parts: list[object] = [FORMAT, __version__, os.getcwd(), version, day or pinned or dt.date.today().isoformat()]
    newest = 0.0
    try:
        _code(parts, app)
        for folder in libraries:
            parts.append(("source", str(folder), folder.is_dir(), folder.exists()))
            if folder.exists():
                newest = max(newest, _files(folder, parts))
    except OSError:
        return None
    return repr(parts), newest


def _path(data_dir: Path, name: str = FILE_NAME) -> Path:
    return data_dir / "cache" / name


def read(data_dir: Path, current: str, name: str = FILE_NAME) -> dict[str, Any]:
    """The views kept under ``current``; empty when there are none (or they are stale or damaged). ``name``:
    another file kept the same way (the prepared writes, ``PREPARED``), so today's view reads only its own."""
    try:
        data = json.loads(_path(data_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != current or not isinstance(data.get("views"), dict):
        return {}
    return data["views"]


def write(data_dir: Path, made_under: str, newest: float, views: dict[str, Any], now: float,
          name: str = FILE_NAME) -> None:
    """Keep ``views`` (merged with those already kept under the same key) if the key still holds.

    ``made_under`` is the key read before the views were worked out; the caller passes it again as
    it stands now by calling this only when they are equal. ``newest`` is the newest library file time,
    ``now`` the clock: a file changed in the last seconds means nothing is kept."""
    if now - newest <= RECENT_SECONDS or not views:
        return
    database = data_dir / "planner.db"
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=5.0)
        try:
            if not counted(connection):
                return
        finally:
            connection.close()
    except sqlite3.Error:
        return
    merged = {**read(data_dir, made_under, name), **views}
    path = _path(data_dir, name)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps({"key": made_under, "views": merged}, ensure_ascii=False, separators=(",", ":")))
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
