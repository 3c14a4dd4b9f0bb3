"""A database from before imported plans and settings (schema 1) opens, keeps its plans, and can take an import."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from planner.store.database import APP_ID, MIGRATIONS, SCHEMA_VERSION
from planner.store.store import Store

TODAY = "2026-03-02"
INPUTS = ('{"program": "core-foundation", "days": ["mon", "wed", "fri"], "minutes": 20, "level": 1, '
          '"weeks": 8, "start": "2026-03-02"}')


def planner(data: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                            env=env, cwd=cwd, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def schema_one_database(data: Path) -> None:
    data.mkdir()
    connection = sqlite3.connect(data / "planner.db", isolation_level=None)
    for statement in (s.strip() for s in MIGRATIONS[0].split(";")):
        if statement:
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APP_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO plans (inputs, program_name) VALUES (?, 'Core foundation')", (INPUTS,))
    connection.close()


def test_an_old_database_is_migrated_and_its_plan_still_works(tmp_path: Path) -> None:
    data = tmp_path / "data"
    schema_one_database(data)
    shown = planner(data, tmp_path, "plan", "show", "--json").stdout
    with Store(data) as store:
        version = store.connection.execute("PRAGMA user_version").fetchone()[0]
        (record,) = store.plans()
        assert store.setting("theme") is None  # schema 3's settings table is there, empty
        assert store.lessons_read() == {}  # and schema 4's record of lessons read
        assert store.history(record.id).notes == ()  # schema 5's session notes, none yet
        assert store.latest_screening() is None  # schema 6's screenings table too
        assert store.activities() == ()  # schema 7's activities the person wants back
    assert version == SCHEMA_VERSION == len(MIGRATIONS) >= 8
    assert record.plan_file is None and record.source == "built"
    (tmp_path / "plan.toml").write_text(planner(data, tmp_path, "export").stdout, encoding="utf-8")
    planner(data, tmp_path, "screen", "--none")  # an import needs the safety screening, as a new plan does
    planner(data, tmp_path, "import", "plan.toml")
    assert planner(data, tmp_path, "plan", "show", "--json").stdout == shown
    with Store(data) as store:
        old, new = store.plans()
    assert old.archived_at is not None
    assert new.plan_file == (tmp_path / "plan.toml").read_text(encoding="utf-8")
