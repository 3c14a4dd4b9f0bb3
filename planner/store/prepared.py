"""Prepared writes: the rows a plain ``planner done`` or ``planner pain N`` would write, recorded by a rehearsal
of the real action and replayed later without importing the domain.

A rehearsal (:mod:`planner.actions.rehearsal`) runs an action's own code inside a write transaction on a
:class:`Recorder`, which notes every ``INSERT``, ``UPDATE`` and ``DELETE`` with its parameters, and then rolls
the transaction back. What it noted is kept with the read model (:mod:`planner.store.views`), under the same
key as today's view, with the data version it was made at and the one the writes lead to.

:func:`replay` opens its own ``BEGIN IMMEDIATE`` transaction, reads the data version inside it and writes only
when it is the one the rehearsal saw: the same state, so the action would decide the same rows (it decides from
nothing else: the date and the library files are in the key). The statements are the action's own, with the
same parameters, so the rows are the ones the action writes, defaults (``recorded_at``) filled in by SQLite
as they are for it. Anything else (a version moved, a table that does not take the rows, the database busy
or read-only) rolls back and answers ``False``: the command then runs the action itself, which says why if
something is wrong. This module imports nothing of planner's.
"""

from __future__ import annotations

import sqlite3

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

WRITES = ("INSERT", "UPDATE", "DELETE")
READS = ("SELECT",)
BUSY_TIMEOUT_MS = 30_000  # as planner.store.database
KINDS = (str, int, type(None))  # what a kept parameter may be: JSON gives each back as it was


class Recorder:
    """A connection that notes the writes made through it while :attr:`recording` (reads pass through).

    Anything but a read or a write while recording (a pragma, a schema change), or a parameter JSON would not
    give back exactly, makes the record :attr:`unfit`: nothing is prepared from it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.recording = False
        self.unfit = False
        self.statements: list[list[Any]] = []

    def _note(self, sql: str, rows: list[Any], many: bool) -> None:
        if not self.recording:
            return
        verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if verb in READS:
            return
        if verb not in WRITES or not all(
                type(value) in KINDS and not isinstance(value, bool) for row in rows for value in row):
            self.unfit = True
            return
        self.statements.append([sql, [list(row) for row in rows] if many else list(rows[0]), many])

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        if isinstance(parameters, dict):
            self.unfit = self.unfit or self.recording
        else:
            parameters = tuple(parameters)
            self._note(sql, [parameters], many=False)
        return self.connection.execute(sql, parameters)

    def executemany(self, sql: str, seq: Any) -> sqlite3.Cursor:
        rows = [tuple(row) for row in seq]
        self._note(sql, rows, many=True)
        return self.connection.executemany(sql, rows)

    def executescript(self, script: str) -> sqlite3.Cursor:
        self.unfit = self.unfit or self.recording
        return self.connection.executescript(script)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)


def data_version(connection: sqlite3.Connection) -> list[int]:
    """The counter the read model is keyed on, the schema version and the application id."""
    n = connection.execute("SELECT n FROM data_version").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    return [int(n), int(version), int(app_id)]


def replay(database: Path, prepared: dict[str, Any]) -> list[int] | None:
    """Write ``prepared``'s rows if the database is still at the version they were prepared at; the data
    version after them, or ``None`` when nothing was written (the caller then runs the action itself)."""
    try:
        statements, made_at, leads_to = prepared["statements"], prepared["version"], prepared["after"]
        if not isinstance(statements, list) or not statements or not all(
                isinstance(sql, str) and ";" not in sql and sql.lstrip().split(None, 1)[0].upper() in WRITES
                for sql, _parameters, _many in statements):
            return None  # only the writes a rehearsal notes, one statement each
        connection = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (KeyError, TypeError, ValueError, IndexError, sqlite3.Error, OSError):
        return None
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return None  # a database planner's own connection has not opened yet: let it
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            if data_version(connection) != made_at:  # read inside the transaction the rows are written in
                connection.execute("ROLLBACK")
                return None
            for sql, parameters, many in statements:
                if many:
                    connection.executemany(sql, parameters)
                else:
                    connection.execute(sql, parameters)
            after = data_version(connection)
            if after != leads_to:  # not the rows the rehearsal wrote: keep none of them
                connection.execute("ROLLBACK")
                return None
            connection.execute("COMMIT")
            return after
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        connection.close()
