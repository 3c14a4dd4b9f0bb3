"""Read and write plans and history; every write is one transaction.

A built plan is never stored as weeks and doses: only its inputs, from
which :func:`planner.domain.plan.builder.build_plan` rebuilds it exactly. An
imported plan also keeps its plan file, because the person may have edited
the doses and those are what they will do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.domain.pain.screening import Screening
from planner.domain.plan.model import PlanInputs
from planner.domain.records import Adjustment, Completion, History, PainReport, SessionNote, Skip
from planner.locations import database_path
from planner.store.database import StoreError, connect, write


@dataclass(frozen=True)
class PlanRecord:
    id: int
    inputs: PlanInputs
    program_name: str
    created_at: str
    archived_at: str | None
    source: str = "built"
    plan_file: str | None = None


class Store:
    def __init__(self, data_dir: Path, *, create: bool = True):
        self.path = database_path(data_dir)
        self.connection = connect(self.path, create=create)

    @classmethod
    def open_existing(cls, data_dir: Path) -> Store | None:
        """The store if there is one: read-only commands never create files."""
        if not database_path(data_dir).exists():
            return None
        return cls(data_dir, create=False)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` write transaction: what is read inside it is what the writes inside it
        decide from, because no other planner can write until it commits. Writes made inside join it."""
        return write(self.connection, self.path)

    def _read(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        try:
            cursor = self.connection.execute(sql, tuple(params))
            return cursor.fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: {err}") from None

    # Plans -----------------------------------------------------------------

    def save_plan(
        self, inputs: PlanInputs, program_name: str, source: str = "built", plan_file: str | None = None,
        notes: Iterable[tuple[dt.date, str]] = (), adjustments: Iterable[Adjustment] = (),
        records_from: dt.date | None = None,
    ) -> PlanRecord:
        """Make this the active plan; the previous one is archived, never deleted.

        ``plan_file`` is the TOML of an imported plan: its weeks then replace the built ones, and
        its session ``notes`` (the person's own words) come along, in the same transaction.
        ``adjustments`` start the new plan's record in the same transaction (a pause carried over).
        With ``records_from``, what the person recorded under the previous plan from that day on
        (check-offs, skips, pain reports) is copied to the new one: the same days happened whichever
        plan file describes them, so an edited plan imported back keeps its streak and history.
        """
        with write(self.connection, self.path) as db:
            previous = db.execute("SELECT id FROM plans WHERE archived_at IS NULL").fetchone()
            db.execute(
                "UPDATE plans SET archived_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE archived_at IS NULL"
            )
            db.execute(
                "INSERT INTO plans (inputs, program_name, source, plan_file) VALUES (?, ?, ?, ?)",
                (inputs.to_json(), program_name, source, plan_file),
            )
            plan_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
            db.executemany("INSERT INTO session_notes (plan_id, date, text) VALUES (?, ?, ?)",
                           [(plan_id, day.isoformat(), text) for day, text in notes])
            if records_from is not None and previous is not None:
                self._copy_records(db, previous[0], plan_id, records_from)
            self._insert_adjustments(db, plan_id, adjustments)
        record = self.active_plan()
        assert record is not None
        return record

    @staticmethod
    def _copy_records(db: sqlite3.Connection, source: int, target: int, since: dt.date) -> None:
        day = since.isoformat()
        db.execute("INSERT INTO completions (plan_id, date, exercise_id, status, sets, reps, hold_seconds, minutes, "
                   "recorded_at) SELECT ?, date, exercise_id, status, sets, reps, hold_seconds, minutes, recorded_at "
                   "FROM completions WHERE plan_id = ? AND date >= ?", (target, source, day))
        db.execute("INSERT INTO skips (plan_id, date, why, recorded_at) SELECT ?, date, why, recorded_at "
                   "FROM skips WHERE plan_id = ? AND date >= ?", (target, source, day))
        db.execute("INSERT INTO pain_reports (plan_id, date, timing, score, area, aggravated, flags, recorded_at) "
                   "SELECT ?, date, timing, score, area, aggravated, flags, recorded_at FROM pain_reports "
                   "WHERE plan_id = ? AND date >= ? ORDER BY id", (target, source, day))

    def change_inputs(self, plan_id: int, inputs: PlanInputs, adjustment: Adjustment) -> None:
        """New inputs for the same plan (its history stays with it), and the adjustment saying why, together."""
        with write(self.connection, self.path) as db:
            db.execute("UPDATE plans SET inputs = ? WHERE id = ?", (inputs.to_json(), plan_id))
            self._insert_adjustments(db, plan_id, [adjustment])

    def active_plan(self) -> PlanRecord | None:
        rows = self._read(
            f"SELECT {_PLAN_COLUMNS} FROM plans WHERE archived_at IS NULL"
        )
        return _plan_record(rows[0]) if rows else None

    def plans(self) -> list[PlanRecord]:
        rows = self._read(f"SELECT {_PLAN_COLUMNS} FROM plans ORDER BY id")
        return [_plan_record(r) for r in rows]

    # Settings --------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_setting(self, key: str, value: str) -> None:
        with write(self.connection, self.path) as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # Lessons ---------------------------------------------------------------

    def lessons_read(self) -> dict[str, str]:
        """Lesson id -> when it was first read."""
        return {r[0]: r[1] for r in self._read("SELECT lesson_id, read_at FROM lessons_read ORDER BY read_at")}

    def mark_lesson_read(self, lesson_id: str) -> bool:
        """Record a lesson as read; ``True`` the first time (reading it again keeps the first date)."""
        with write(self.connection, self.path) as db:
            cursor = db.execute("INSERT OR IGNORE INTO lessons_read (lesson_id) VALUES (?)", (lesson_id,))
            return cursor.rowcount == 1

    # Screening -------------------------------------------------------------

    def record_screening(self, screening: Screening, adjustments: Iterable[Adjustment] = ()) -> None:
        """The answers, and the pause a "yes" records (on the active plan, or on none yet), together."""
        with write(self.connection, self.path) as db:
            db.execute("INSERT INTO screenings (date, yes) VALUES (?, ?)",
                       (screening.date.isoformat(), json.dumps(list(screening.yes))))
            plan = db.execute("SELECT id FROM plans WHERE archived_at IS NULL").fetchone()
            self._insert_adjustments(db, plan[0] if plan else None, adjustments)

    def latest_screening(self) -> Screening | None:
        rows = self._read("SELECT date, yes FROM screenings ORDER BY date DESC, id DESC LIMIT 1")
        return Screening(dt.date.fromisoformat(rows[0][0]), tuple(json.loads(rows[0][1]))) if rows else None

    # Sessions --------------------------------------------------------------

    def record_completions(self, plan_id: int, completions: Iterable[Completion]) -> int:
        """Check exercises off; recording the same one twice keeps one row."""
        rows = [
            (plan_id, c.date.isoformat(), c.exercise_id, c.status, c.sets, c.reps, c.hold_seconds, c.minutes)
            for c in completions
        ]
        with write(self.connection, self.path) as db:
            db.executemany(
                "INSERT INTO completions (plan_id, date, exercise_id, status, sets, reps, hold_seconds, minutes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (plan_id, date, exercise_id) DO UPDATE SET status = excluded.status,"
                " sets = excluded.sets, reps = excluded.reps, hold_seconds = excluded.hold_seconds,"
                " minutes = excluded.minutes",
                rows,
            )
            for day in sorted({r[1] for r in rows}):
                db.execute("DELETE FROM skips WHERE plan_id = ? AND date = ?", (plan_id, day))
        return len(rows)

    def remove_completions(self, plan_id: int, day: dt.date, exercise_ids: list[str] | None) -> int:
        with write(self.connection, self.path) as db:
            if exercise_ids:
                marks = ",".join("?" * len(exercise_ids))
                cursor = db.execute(
                    f"DELETE FROM completions WHERE plan_id = ? AND date = ? AND exercise_id IN ({marks})",
                    (plan_id, day.isoformat(), *exercise_ids),
                )
                return cursor.rowcount
            cursor = db.execute("DELETE FROM completions WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))
            removed = cursor.rowcount
            removed += db.execute("DELETE FROM skips WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat())).rowcount
            return removed

    def record_skip(self, plan_id: int, day: dt.date, why: str) -> None:
        with write(self.connection, self.path) as db:
            db.execute(
                "INSERT INTO skips (plan_id, date, why) VALUES (?, ?, ?)"
                " ON CONFLICT (plan_id, date) DO UPDATE SET why = excluded.why",
                (plan_id, day.isoformat(), why),
            )
            db.execute("DELETE FROM completions WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))

    def set_note(self, plan_id: int, day: dt.date, text: str) -> None:
        """Keep ``text`` as the day's session note; an empty text removes the note."""
        text = " ".join(text.split())
        with write(self.connection, self.path) as db:
            if text:
                db.execute("INSERT INTO session_notes (plan_id, date, text) VALUES (?, ?, ?)"
                           " ON CONFLICT (plan_id, date) DO UPDATE SET text = excluded.text",
                           (plan_id, day.isoformat(), text))
            else:
                db.execute("DELETE FROM session_notes WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))

    # Pain and adjustments ------------------------------------------------

    def record_pain(self, plan_id: int | None, report: PainReport, adjustments: Iterable[Adjustment]) -> PainReport:
        """The report and the adjustments it caused land together or not at all."""
        with write(self.connection, self.path) as db:
            cursor = db.execute(
                "INSERT INTO pain_reports (plan_id, date, timing, score, area, aggravated, flags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (plan_id, report.date.isoformat(), report.when, report.score, report.area,
                 json.dumps(list(report.aggravated)), json.dumps(list(report.flags))),
            )
            self._insert_adjustments(db, plan_id, adjustments)
        return PainReport(**{**report.__dict__, "id": cursor.lastrowid})

    def remove_latest_pain(self, plan_id: int, kinds: tuple[str, ...]) -> PainReport | None:
        """Take back the latest pain report and the adjustments of ``kinds`` it made (recorded with it or
        after); the state then falls back to what the earlier records left. Returns the report removed."""
        rows = self._read("SELECT id, date, timing, score, area, aggravated, flags, recorded_at FROM pain_reports"
                          " WHERE plan_id = ? ORDER BY id DESC LIMIT 1", (plan_id,))
        if not rows:
            return None
        r = rows[0]
        marks = ",".join("?" * len(kinds))
        with write(self.connection, self.path) as db:
            db.execute("DELETE FROM pain_reports WHERE id = ?", (r[0],))
            db.execute(f"DELETE FROM adjustments WHERE plan_id = ? AND recorded_at >= ? AND kind IN ({marks})",
                       (plan_id, r[7], *kinds))
        return PainReport(dt.date.fromisoformat(r[1]), r[2], r[3], r[4], tuple(json.loads(r[5])),
                          tuple(json.loads(r[6])), id=r[0])

    def record_adjustments(self, plan_id: int | None, adjustments: Iterable[Adjustment]) -> None:
        with write(self.connection, self.path) as db:
            self._insert_adjustments(db, plan_id, adjustments)

    @staticmethod
    def _insert_adjustments(db: sqlite3.Connection, plan_id: int | None, adjustments: Iterable[Adjustment]) -> None:
        db.executemany(
            "INSERT INTO adjustments (plan_id, date, kind, reason, state) VALUES (?, ?, ?, ?, ?)",
            [(plan_id, a.date.isoformat(), a.kind, a.reason, json.dumps(a.state, sort_keys=True, default=str))
             for a in adjustments],
        )

    # Reading history -------------------------------------------------------

    def loose_adjustments(self) -> tuple[Adjustment, ...]:
        """Adjustments recorded with no plan (a pause from a screening before the first plan), oldest first."""
        return tuple(
            Adjustment(dt.date.fromisoformat(r[1]), r[2], r[3], json.loads(r[4]), id=r[0], recorded_at=r[5])
            for r in self._read(
                "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
                " WHERE plan_id IS NULL ORDER BY id"))

    def history(self, plan_id: int | None) -> History:
        if plan_id is None:
            return History()
        completions = tuple(
            Completion(dt.date.fromisoformat(r[0]), r[1], r[2], r[3], r[4], r[5], r[6])
            for r in self._read(
                "SELECT date, exercise_id, status, sets, reps, hold_seconds, minutes FROM completions"
                " WHERE plan_id = ? ORDER BY date, exercise_id", (plan_id,))
        )
        skips = tuple(
            Skip(dt.date.fromisoformat(r[0]), r[1])
            for r in self._read("SELECT date, why FROM skips WHERE plan_id = ? ORDER BY date", (plan_id,))
        )
        pain = tuple(
            PainReport(dt.date.fromisoformat(r[1]), r[2], r[3], r[4], tuple(json.loads(r[5])),
                       tuple(json.loads(r[6])), id=r[0])
            for r in self._read(
                "SELECT id, date, timing, score, area, aggravated, flags FROM pain_reports"
                " WHERE plan_id = ? ORDER BY id", (plan_id,))
        )
        adjustments = tuple(
            Adjustment(dt.date.fromisoformat(r[1]), r[2], r[3], json.loads(r[4]), id=r[0], recorded_at=r[5])
            for r in self._read(
                "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
                " WHERE plan_id = ? ORDER BY id", (plan_id,))
        )
        notes = tuple(
            SessionNote(dt.date.fromisoformat(r[0]), r[1])
            for r in self._read("SELECT date, text FROM session_notes WHERE plan_id = ? ORDER BY date", (plan_id,))
        )
        return History(completions, skips, pain, adjustments, notes)


_PLAN_COLUMNS = "id, inputs, program_name, created_at, archived_at, source, plan_file"


def _plan_record(row: sqlite3.Row) -> PlanRecord:
    return PlanRecord(
        id=row[0],
        inputs=PlanInputs.from_json(row[1]),
        program_name=row[2],
        created_at=row[3],
        archived_at=row[4],
        source=row[5],
        plan_file=row[6],
    )
