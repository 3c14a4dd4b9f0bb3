"""The data version the read model is keyed on: every write, to any table, bumps it in the same transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from planner.domain.plan.model import PlanInputs
from planner.domain.records import Completion
from planner.store.database import MIGRATIONS, SCHEMA_VERSION, connect
from planner.store.store import Store
from planner.store.views import counted, install_counter


def version(data: Path) -> int:
    with sqlite3.connect(data / "planner.db") as connection:
        return connection.execute("SELECT n FROM data_version").fetchone()[0]


def test_every_store_write_moves_the_data_version(tmp_path: Path) -> None:
    day = dt.date(2026, 3, 2)
    with Store(tmp_path) as store:
        seen = [version(tmp_path)]
        record = store.save_plan(PlanInputs(program="core-flexibility", days=["mon"], minutes=20, level=1, weeks=4,
                                            start=day), "Core")
        seen.append(version(tmp_path))
        store.record_completions(record.id, [Completion(day, "cat-cow", "done", 1, 6, None, None)])
        seen.append(version(tmp_path))
        store.remove_completions(record.id, day, None)
        seen.append(version(tmp_path))
        store.record_skip(record.id, day, "tired")
        seen.append(version(tmp_path))
        store.set_note(record.id, day, "stiff")
        seen.append(version(tmp_path))
        store.set_setting("theme", "nord")
        seen.append(version(tmp_path))
    assert all(a < b for a, b in zip(seen, seen[1:], strict=False)), seen


def test_a_rolled_back_write_leaves_it_and_a_raw_write_to_any_table_moves_it(tmp_path: Path) -> None:
    connection = connect(tmp_path / "planner.db")
    try:
        assert counted(connection)
        before = connection.execute("SELECT n FROM data_version").fetchone()[0]
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
        connection.execute("ROLLBACK")
        assert connection.execute("SELECT n FROM data_version").fetchone()[0] == before
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert {"plans", "completions", "skips", "pain_reports", "adjustments", "session_notes", "screenings"} <= set(tables)
        connection.execute("INSERT INTO screenings (date) VALUES ('2026-03-02')")
        assert connection.execute("SELECT n FROM data_version").fetchone()[0] == before + 1
    finally:
        connection.close()


def test_a_table_a_later_migration_adds_is_counted_too(tmp_path: Path) -> None:
    """The triggers are installed after every migration, for every table, so none is forgotten."""
    connection = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    for script in MIGRATIONS:
        connection.executescript(script)
    connection.execute("CREATE TABLE walks (date TEXT)")
    assert not counted(connection)
    install_counter(connection)
    assert counted(connection)
    connection.execute("INSERT INTO walks VALUES ('2026-03-02')")
    assert connection.execute("SELECT n FROM data_version").fetchone()[0] == 1
    assert len(MIGRATIONS) == SCHEMA_VERSION
