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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from planner.domain.files.control import clean_text
from planner.domain.pain.screening import Screening
from planner.domain.plan.model import PlanInputs
from planner.domain.records import (
    Adjustment,
    Completion,
    History,
    PainReport,
    SessionNote,
    SessionRecord,
    Skip,
)
from planner.locations import database_path
from planner.store.activities import ActivityTables
from planner.store.database import StoreError, connect, write
from planner.store.record_rows import (  # PlanRecord, DamagedPlan and DAMAGE are read from here by their callers
    DAMAGE,
    PLAN_COLUMNS,
    DamagedPlan,
    PlanRecord,
    json_list,
    name_text,
    note_damage,
    read_adjustment,
    read_completion,
    read_pain_report,
    read_plan,
    read_rows,
    read_session,
    session_json,
)

__all__ = ["DAMAGE", "DamagedPlan", "PlanRecord", "Store"]

T = TypeVar("T")


class Store(ActivityTables):
    # Rows of the history already read, by table and values, when set: a rehearsal (planner/actions/rehearsal.py)
    # reads the same history again after each action it rehearses, and a row it did not change is made once.
    # The records are frozen, so a row read twice may well be the same object.
    remembered: dict[tuple, object] | None = None

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
                (inputs.to_json(), clean_text(program_name), source, plan_file),
            )
            plan_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
            db.executemany("INSERT INTO session_notes (plan_id, date, text) VALUES (?, ?, ?)",
                           [(plan_id, day.isoformat(), text) for day, text in _notes_by_day(notes)])
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
        db.execute("INSERT INTO session_records (plan_id, date, record, recorded_at) SELECT ?, date, record, "
                   "recorded_at FROM session_records WHERE plan_id = ? AND date >= ?", (target, source, day))
        db.execute("INSERT INTO pain_reports (plan_id, date, timing, score, area, aggravated, flags, settled, "
                   "recorded_at) SELECT ?, date, timing, score, area, aggravated, flags, settled, recorded_at "
                   "FROM pain_reports "
                   "WHERE plan_id = ? AND date >= ? ORDER BY id", (target, source, day))

    def change_inputs(self, plan_id: int, inputs: PlanInputs, adjustment: Adjustment) -> None:
        """New inputs for the same plan (its history stays with it), and the adjustment saying why, together."""
        with write(self.connection, self.path) as db:
            db.execute("UPDATE plans SET inputs = ? WHERE id = ?", (inputs.to_json(), plan_id))
            self._insert_adjustments(db, plan_id, [adjustment])

    def active_plan(self) -> PlanRecord | None:
        """The active plan; :class:`DamagedPlan` if its row cannot be read (a new plan or an import
        replaces it: :meth:`active_plan_id` still finds it to archive)."""
        rows = self._read(
            f"SELECT {PLAN_COLUMNS} FROM plans WHERE archived_at IS NULL"
        )
        return read_plan(rows[0], self.path) if rows else None

    def active_plan_id(self) -> int | None:
        """The active plan's id, readable even when the rest of its row is damaged."""
        rows = self._read("SELECT id FROM plans WHERE archived_at IS NULL")
        return rows[0][0] if rows else None

    def plans(self) -> list[PlanRecord]:
        """Every plan whose row can be read; a damaged archived plan is named in :data:`DAMAGE` and left out."""
        records = []
        for row in self._read(f"SELECT {PLAN_COLUMNS} FROM plans ORDER BY id"):
            try:
                records.append(read_plan(row, self.path))
            except DamagedPlan as err:
                note_damage(str(err))
        return records

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
            if screening.usual_pain is not None:
                self._set_usual_pain(db, screening.usual_pain)
            plan = db.execute("SELECT id FROM plans WHERE archived_at IS NULL").fetchone()
            self._insert_adjustments(db, plan[0] if plan else None, adjustments)

    def set_usual_pain(self, score: int) -> None:
        """The person's usual pain, said deliberately (``planner screen --usual-pain N``)."""
        with write(self.connection, self.path) as db:
            self._set_usual_pain(db, score)

    @staticmethod
    def _set_usual_pain(db: sqlite3.Connection, score: int) -> None:
        db.execute("INSERT INTO settings (key, value) VALUES ('usual_pain', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(score),))

    def usual_pain(self) -> int | None:
        value = self.setting("usual_pain")
        return int(value) if value is not None and value.isdigit() else None

    def latest_screening(self) -> Screening | None:
        """The latest screening that can be read (a damaged one counts as not answered)."""
        rows = self._read("SELECT date, yes, id FROM screenings ORDER BY date DESC, id DESC")
        return next(read_rows(rows, "screenings", lambda r: Screening(dt.date.fromisoformat(r[0]),
                                                                 tuple(map(name_text, json_list(r[1]))))), None)

    # Sessions --------------------------------------------------------------

    def record_completions(self, plan_id: int, completions: Iterable[Completion],
                           sessions: Iterable[SessionRecord] = ()) -> int:
        """Check exercises off; recording the same one twice keeps one row.

        ``sessions`` are the days' sessions as prescribed now: each is kept only if its day has no record
        yet, so the first check-off fixes what the day asked for and later ones never rewrite it.
        """
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
            db.executemany("INSERT OR IGNORE INTO session_records (plan_id, date, record) VALUES (?, ?, ?)",
                           [(plan_id, s.date.isoformat(), session_json(s)) for s in sessions])
        return len(rows)

    def remove_completions(self, plan_id: int, day: dt.date, exercise_ids: list[str] | None) -> int:
        with write(self.connection, self.path) as db:
            if exercise_ids:
                marks = ",".join("?" * len(exercise_ids))
                cursor = db.execute(
                    f"DELETE FROM completions WHERE plan_id = ? AND date = ? AND exercise_id IN ({marks})",
                    (plan_id, day.isoformat(), *exercise_ids),
                )
                # Every check-off of the day taken back: the day is no longer recorded.
                db.execute("DELETE FROM session_records WHERE plan_id = ? AND date = ? AND NOT EXISTS"
                           " (SELECT 1 FROM completions WHERE plan_id = ? AND date = ?)",
                           (plan_id, day.isoformat(), plan_id, day.isoformat()))
                return cursor.rowcount
            cursor = db.execute("DELETE FROM completions WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))
            removed = cursor.rowcount
            removed += db.execute("DELETE FROM skips WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat())).rowcount
            db.execute("DELETE FROM session_records WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))
            return removed

    def record_skip(self, plan_id: int, day: dt.date, why: str) -> None:
        with write(self.connection, self.path) as db:
            db.execute(
                "INSERT INTO skips (plan_id, date, why) VALUES (?, ?, ?)"
                " ON CONFLICT (plan_id, date) DO UPDATE SET why = excluded.why",
                (plan_id, day.isoformat(), clean_text(why)),
            )
            db.execute("DELETE FROM completions WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))
            db.execute("DELETE FROM session_records WHERE plan_id = ? AND date = ?", (plan_id, day.isoformat()))

    def set_note(self, plan_id: int, day: dt.date, text: str) -> None:
        """Keep ``text`` as the day's session note; an empty text removes the note."""
        text = clean_text(text)
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
                "INSERT INTO pain_reports (plan_id, date, timing, score, area, aggravated, flags, settled)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (plan_id, report.date.isoformat(), report.when, report.score, clean_text(report.area),
                 json.dumps([clean_text(a) for a in report.aggravated]), json.dumps(list(report.flags)),
                 int(report.settled)),
            )
            self._insert_adjustments(db, plan_id, adjustments)
        return PainReport(**{**report.__dict__, "id": cursor.lastrowid})

    def remove_latest_pain(self, plan_id: int, kinds: tuple[str, ...]) -> PainReport | None:
        """Take back the latest pain report and the adjustments of ``kinds`` it made (recorded with it or
        after); the state then falls back to what the earlier records left. Returns the report removed."""
        rows = self._read("SELECT id, date, timing, score, area, aggravated, flags, settled, recorded_at FROM pain_reports"
                          " WHERE plan_id = ? ORDER BY id DESC LIMIT 1", (plan_id,))
        if not rows:
            return None
        r = rows[0]
        removed = next(read_rows(rows, "pain_reports", read_pain_report), None)
        marks = ",".join("?" * len(kinds))
        with write(self.connection, self.path) as db:
            db.execute("DELETE FROM pain_reports WHERE id = ?", (r[0],))
            db.execute(f"DELETE FROM adjustments WHERE plan_id = ? AND recorded_at >= ? AND kind IN ({marks})",
                       (plan_id, r[8], *kinds))
        return removed

    def record_adjustments(self, plan_id: int | None, adjustments: Iterable[Adjustment]) -> None:
        with write(self.connection, self.path) as db:
            self._insert_adjustments(db, plan_id, adjustments)

    @staticmethod
    def _insert_adjustments(db: sqlite3.Connection, plan_id: int | None, adjustments: Iterable[Adjustment]) -> None:
        db.executemany(
            "INSERT INTO adjustments (plan_id, date, kind, reason, state) VALUES (?, ?, ?, ?, ?)",
            [(plan_id, a.date.isoformat(), a.kind, clean_text(a.reason) or a.kind,
              json.dumps(a.state, sort_keys=True, default=str)) for a in adjustments],
        )

    # Reading history -------------------------------------------------------

    def loose_adjustments(self) -> tuple[Adjustment, ...]:
        """Adjustments recorded with no plan (a pause from a screening before the first plan), oldest first."""
        return tuple(read_rows(self._read(
            "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
            " WHERE plan_id IS NULL ORDER BY id"), "adjustments", read_adjustment))

    def history(self, plan_id: int | None) -> History:
        """Everything recorded under the plan. A row that cannot be read (edited by hand, a disk
        fault) is left out and named in :data:`DAMAGE`: the rest of the history still counts."""
        if plan_id is None:
            return History()
        _rows = self._rows
        completions = tuple(_rows(self._read(
            "SELECT date, exercise_id, status, sets, reps, hold_seconds, minutes FROM completions"
            " WHERE plan_id = ? ORDER BY date, exercise_id", (plan_id,)), "completions", read_completion))
        skips = tuple(_rows(self._read("SELECT date, why FROM skips WHERE plan_id = ? ORDER BY date", (plan_id,)),
                            "skips", lambda r: Skip(dt.date.fromisoformat(r[0]), str(r[1] or ""))))
        pain = tuple(_rows(self._read(
            "SELECT id, date, timing, score, area, aggravated, flags, settled FROM pain_reports"
            " WHERE plan_id = ? ORDER BY id", (plan_id,)), "pain_reports", read_pain_report))
        adjustments = tuple(_rows(self._read(
            "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
            " WHERE plan_id = ? ORDER BY id", (plan_id,)), "adjustments", read_adjustment))
        notes = tuple(_rows(
            self._read("SELECT date, text FROM session_notes WHERE plan_id = ? ORDER BY date", (plan_id,)),
            "session_notes", lambda r: SessionNote(dt.date.fromisoformat(r[0]), str(r[1]))))
        sessions = tuple(_rows(
            self._read("SELECT date, record FROM session_records WHERE plan_id = ? ORDER BY date", (plan_id,)),
            "session_records", lambda r: read_session(dt.date.fromisoformat(r[0]), r[1])))
        return History(completions, skips, pain, adjustments, notes, sessions, self.usual_pain())

    def _rows(self, rows: Iterable[sqlite3.Row], table: str, read: Callable[[sqlite3.Row], T]) -> Iterator[T]:
        """:func:`~planner.store.record_rows.read_rows`, through :attr:`remembered` when it is set."""
        memo = self.remembered
        if memo is None:
            return read_rows(rows, table, read)

        def remembered(row: sqlite3.Row) -> T:
            key = (table, tuple(row))
            if key not in memo:
                memo[key] = read(row)
            return memo[key]  # type: ignore[return-value]

        return read_rows(rows, table, remembered)


def _notes_by_day(notes: Iterable[tuple[dt.date, str]]) -> list[tuple[dt.date, str]]:
    """One note a day (the store keeps one): two notes for the same date, as a hand-edited plan file
    may hold, are joined in order rather than failing the import."""
    by_day: dict[dt.date, list[str]] = {}
    for day, text in notes:
        cleaned = clean_text(text)
        if cleaned:
            by_day.setdefault(day, []).append(cleaned)
    return [(day, " / ".join(texts)) for day, texts in by_day.items()]
