"""Open the SQLite file safely: create it private, refuse foreign or newer files, migrate older ones.

Every connection runs in WAL mode with a busy timeout, so a second planner
(another SSH login, the app and a quick command) waits its turn instead of
failing. Writes go through :func:`write`, one ``BEGIN IMMEDIATE`` transaction
each, so a killed process leaves either the whole write or none of it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.store.views import install_counter

APP_ID = 0x504C4E52  # "PLNR": marks the file as ours in the SQLite header.
BUSY_TIMEOUT_MS = 30_000

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        inputs TEXT NOT NULL,
        program_name TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        archived_at TEXT,
        source TEXT NOT NULL DEFAULT 'built'
    );
    CREATE UNIQUE INDEX one_active_plan ON plans ((archived_at IS NULL)) WHERE archived_at IS NULL;
    CREATE TABLE completions (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'partial', 'skipped')),
        sets INTEGER, reps INTEGER, hold_seconds INTEGER, minutes INTEGER,
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        PRIMARY KEY (plan_id, date, exercise_id)
    );
    CREATE TABLE skips (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        PRIMARY KEY (plan_id, date)
    );
    CREATE TABLE pain_reports (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        timing TEXT NOT NULL CHECK (timing IN ('during', 'after', 'next-morning')),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        area TEXT NOT NULL DEFAULT '',
        aggravated TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now'))
    );
    CREATE TABLE adjustments (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        state TEXT NOT NULL DEFAULT '{}',
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now'))
    );
    CREATE INDEX completions_by_date ON completions (plan_id, date);
    CREATE INDEX pain_by_date ON pain_reports (plan_id, date);
    """,
    # 2: an imported plan keeps its weeks as the plan file it was imported from.
    """
    ALTER TABLE plans ADD COLUMN plan_file TEXT;
    """,
    # 3: the person's choices that are not part of a plan (the app's theme).
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 4: which lessons the person has read, and when (the next unread one is offered after a session).
    """
    CREATE TABLE lessons_read (
        lesson_id TEXT PRIMARY KEY,
        read_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
    );
    """,
    # 5: a short note kept with a day's session.
    """
    CREATE TABLE session_notes (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        text TEXT NOT NULL CHECK (length(text) > 0),
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        PRIMARY KEY (plan_id, date)
    );
    """,
    # 6: the safety screening before a plan: the day it was answered and the warning signs answered yes.
    """
    CREATE TABLE screenings (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        yes TEXT NOT NULL DEFAULT '[]',
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now'))
    );
    """,
    # 7: the activities the person wants back (the Patient-Specific Functional Scale) and their 0-10 ratings.
    # A renamed activity keeps its id and scores; a retired one keeps its scores and the day it was retired.
    """
    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        added TEXT NOT NULL,
        retired TEXT
    );
    CREATE TABLE activity_ratings (
        activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        PRIMARY KEY (activity_id, date)
    );
    """,
    # 8: the record is the truth: a day's session as it was prescribed when it was first checked off
    # (older check-offs have none; their days are read as the plan stood on that day); and with a pain
    # report, whether the person could walk and move about as usual (what ends a relief pause).
    """
    CREATE TABLE session_records (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        record TEXT NOT NULL,
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
        PRIMARY KEY (plan_id, date)
    );
    ALTER TABLE pain_reports ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
    """,
    # 9: the data version, bumped by a trigger on every table in the same transaction as each write; the
    # read model (planner/store/views.py) is keyed on it. The triggers are installed after every migration.
    """
    CREATE TABLE IF NOT EXISTS data_version (n INTEGER NOT NULL);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(PlannerError):
    """The database cannot be used as it is; the message says what to do."""


def _create_private(path: Path) -> None:
    """The data folder ``0700`` and the database ``0600``, whatever the umask: another user must not
    read the history, plant files in ``library/`` or swap the database (SQLite gives its WAL and
    shared-memory files the database's own mode)."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, but planner keeps its data in a folder there; "
                         "move the file away, or choose another folder with --data-dir")
    if not folder.is_dir():
        make_private_folders(folder)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def make_private_folders(folder: Path) -> None:
    """``folder`` and every missing folder above it, each ``0700`` whatever the umask (``mkdir -p``
    under ``umask 000`` would leave them open to every user on the machine)."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)
            os.chmod(candidate, 0o700)  # mkdir's mode passes through the umask


def _exists(path: Path) -> bool:
    """Whether ``path`` exists, without :meth:`Path.exists`'s habit of answering "no" for a folder that
    cannot be searched: that must be said as a permission problem, not met later as "File exists"."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # the folder is missing, or is a file (said as such)
        return False
    return True


def _friendly(err: sqlite3.Error, path: Path) -> StoreError:
    text = str(err)
    if "disk is full" in text or "disk I/O" in text:
        return StoreError(f"{path}: the disk is full; nothing was recorded. Free some space and try again")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: is read-only here (its folder or file cannot be written, or the disk is "
                          "full); nothing was recorded. Check the permissions and the free space, or use --data-dir")
    if "unable to open" in text:
        return StoreError(f"{path}: cannot write here ({text}); check the folder's permissions or use --data-dir")
    if "not a database" in text or "malformed" in text:
        return StoreError(f"{path}: the file is damaged or not a planner database ({text}); it was left untouched")
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: another planner is busy writing; try again in a moment")
    return StoreError(f"{path}: {text}")


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create and migrate) the planner database at ``path``."""
    try:
        if path.is_symlink() and not path.exists():
            raise StoreError(f"{path}: is a link that leads nowhere (its target is missing, or it is a link loop); "
                             "remove the link, or choose another folder with --data-dir")
        if not _exists(path):
            if not create:
                raise StoreError(f"{path}: no history yet")
            _create_private(path)
        elif path.is_dir():
            raise StoreError(f"{path}: is a folder, not a planner database")
    except PermissionError as err:
        raise StoreError(f"{path.parent}: cannot create the data folder or file ({err.strerror}); "
                         "check permissions or use --data-dir") from None
    except OSError as err:
        raise StoreError(f"{path}: cannot create the database ({err.strerror}); choose a folder you can write "
                         "with --data-dir or PLANNER_DATA_DIR") from None
    try:
        connection, writable = _open(path)
    except sqlite3.Error as err:
        raise _friendly(err, path) from None
    try:
        _check_identity(connection, path)  # before anything is written: a foreign file stays as it was
        connection.execute("PRAGMA foreign_keys = ON")
        if writable and connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection, path)
    except sqlite3.Error as err:
        connection.close()
        raise _friendly(err, path) from None
    except StoreError:
        connection.close()
        raise
    return connection


def _open(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection to ``path``, and whether it can write.

    In a folder that cannot be written (a read-only mount, a backup) or on a full disk, SQLite cannot
    make the WAL's shared-memory file, and even reading failed. Then the file is opened read-only: the
    history can still be read (and backed up), and a write is refused with a message saying why.
    ``immutable`` (no locking, no WAL) is used only when no WAL file holds unmerged writes.
    """
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA application_id").fetchone()  # the first read opens the files
        return connection, True
    except sqlite3.OperationalError as err:
        connection.close()
        if not any(words in str(err) for words in ("unable to open", "readonly", "disk I/O", "disk is full")):
            raise
        first_error = err
    wal = path.with_name(path.name + "-wal")
    modes = ["mode=ro"] + ([] if wal.exists() and wal.stat().st_size else ["immutable=1"])
    for mode in modes:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, isolation_level=None,
                                     timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute("PRAGMA application_id").fetchone()
            return connection, False
        except sqlite3.Error:
            connection.close()
    raise first_error


def _check_identity(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not ours, and one from a newer planner, before anything is written to it.

    A file with no application id is taken as new only when it is truly empty: no tables and no
    schema version (an empty database another program stamped with ``user_version`` is not ours)."""
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APP_ID:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: was written by a newer planner (schema {version}, this one knows {SCHEMA_VERSION}); "
                "upgrade planner to open it"
            )
        return
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != 0 or tables or version != 0:
        raise StoreError(
            f"{path}: is not a planner database (it belongs to another program); it was left untouched. "
            "Use --data-dir to choose another folder"
        )


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: was written by a newer planner (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade planner to open it"
        )
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        install_counter(connection)  # also counts the tables any migration just added
        connection.execute(f"PRAGMA application_id = {APP_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        # SQLite may have rolled back already (a full disk does): a failing ROLLBACK must not hide why.
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


@contextlib.contextmanager
def write(connection: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction: all of it lands or none of it does.

    Inside a transaction already open on ``connection`` (see :meth:`planner.store.store.Store.transaction`,
    which the actions open to read the state they decide from), this joins it: everything the action
    reads and writes then commits together, and a second planner waits for all of it.
    """
    if connection.in_transaction:
        yield connection
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as err:
        raise _friendly(err, path) from None
    try:
        yield connection
        connection.execute("COMMIT")
    except sqlite3.Error as err:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise _friendly(err, path) from None
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
