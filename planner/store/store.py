"""Read and write plans and history; every write is one transaction.

A built plan is never stored as weeks and doses: only its inputs, from
which :func:`planner.domain.plan.builder.build_plan` rebuilds it exactly. An
imported plan also keeps its plan file, because the person may have edited
the doses and those are what they will do.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planner.domain.files.control import clean_text
from planner.domain.library.models import Category, Kind
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.screening import Screening
from planner.domain.plan.model import PlanInputs, Prescription
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
from planner.store.database import StoreError, connect, write

if TYPE_CHECKING:
    from planner.domain.function import Activity

T = TypeVar("T")


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
            f"SELECT {_PLAN_COLUMNS} FROM plans WHERE archived_at IS NULL"
        )
        return _plan_record(rows[0], self.path) if rows else None

    def active_plan_id(self) -> int | None:
        """The active plan's id, readable even when the rest of its row is damaged."""
        rows = self._read("SELECT id FROM plans WHERE archived_at IS NULL")
        return rows[0][0] if rows else None

    def plans(self) -> list[PlanRecord]:
        """Every plan whose row can be read; a damaged archived plan is named in :data:`DAMAGE` and left out."""
        records = []
        for row in self._read(f"SELECT {_PLAN_COLUMNS} FROM plans ORDER BY id"):
            try:
                records.append(_plan_record(row, self.path))
            except DamagedPlan as err:
                _note_damage(str(err))
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
        return next(_rows(rows, "screenings", lambda r: Screening(dt.date.fromisoformat(r[0]),
                                                                 tuple(map(_text, _json_list(r[1]))))), None)

    # Activities the person wants back (planner.domain.function) ----------

    def activities(self) -> tuple[Activity, ...]:
        """Every activity, current and retired, with its ratings oldest first."""
        from planner.domain.function import Activity, Rating  # imported by the commands that rate them, only

        ratings: dict[int, list[Rating]] = {}
        for activity_id, rating in _rows(self._read("SELECT activity_id, date, score FROM activity_ratings ORDER BY date"),
                                         "activity_ratings",
                                         lambda r: (r[0], Rating(dt.date.fromisoformat(r[1]), _whole(r[2])))):
            ratings.setdefault(activity_id, []).append(rating)
        return tuple(_rows(self._read("SELECT id, name, added, retired FROM activities ORDER BY id"), "activities",
                           lambda r: Activity(r[0], str(r[1]), dt.date.fromisoformat(r[2]),
                                              dt.date.fromisoformat(r[3]) if r[3] else None,
                                              tuple(ratings.get(r[0], ())))))

    def add_activities(self, names: Iterable[str], day: dt.date) -> None:
        with write(self.connection, self.path) as db:
            db.executemany("INSERT INTO activities (name, added) VALUES (?, ?)",
                           [(clean_text(name), day.isoformat()) for name in names])

    def rate_activities(self, scores: Iterable[tuple[int, int]], day: dt.date) -> None:
        """(activity id, score) pairs for ``day``; rating the same day again replaces that day's score."""
        with write(self.connection, self.path) as db:
            db.executemany("INSERT INTO activity_ratings (activity_id, date, score) VALUES (?, ?, ?)"
                           " ON CONFLICT (activity_id, date) DO UPDATE SET score = excluded.score",
                           [(activity, day.isoformat(), score) for activity, score in scores])

    def rename_activity(self, activity_id: int, name: str) -> None:
        with write(self.connection, self.path) as db:
            db.execute("UPDATE activities SET name = ? WHERE id = ?", (clean_text(name), activity_id))

    def retire_activity(self, activity_id: int, day: dt.date) -> None:
        with write(self.connection, self.path) as db:
            db.execute("UPDATE activities SET retired = ? WHERE id = ?", (day.isoformat(), activity_id))

    def merge_activities(self, activities: Iterable[Activity]) -> int:
        """Activities from a plan file: one with the same name (and retired or not alike) takes the
        file's ratings for days it has none of; any other is added. Returns how many were added."""
        added = 0
        with write(self.connection, self.path) as db:
            for activity in activities:
                name = clean_text(activity.name)
                retired = activity.retired.isoformat() if activity.retired else None
                row = db.execute("SELECT id FROM activities WHERE name = ? AND retired IS ?",
                                 (name, retired)).fetchone()
                if row is None:
                    cursor = db.execute("INSERT INTO activities (name, added, retired) VALUES (?, ?, ?)",
                                        (name, activity.added.isoformat(), retired))
                    row, added = (cursor.lastrowid,), added + 1
                db.executemany("INSERT OR IGNORE INTO activity_ratings (activity_id, date, score) VALUES (?, ?, ?)",
                               [(row[0], r.date.isoformat(), r.score) for r in activity.ratings])
        return added

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
                           [(plan_id, s.date.isoformat(), _session_json(s)) for s in sessions])
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
        removed = next(_rows(rows, "pain_reports", _pain_report), None)
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
        return tuple(_rows(self._read(
            "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
            " WHERE plan_id IS NULL ORDER BY id"), "adjustments", _adjustment))

    def history(self, plan_id: int | None) -> History:
        """Everything recorded under the plan. A row that cannot be read (edited by hand, a disk
        fault) is left out and named in :data:`DAMAGE`: the rest of the history still counts."""
        if plan_id is None:
            return History()
        _rows = self._rows
        completions = tuple(_rows(self._read(
            "SELECT date, exercise_id, status, sets, reps, hold_seconds, minutes FROM completions"
            " WHERE plan_id = ? ORDER BY date, exercise_id", (plan_id,)), "completions", _completion))
        skips = tuple(_rows(self._read("SELECT date, why FROM skips WHERE plan_id = ? ORDER BY date", (plan_id,)),
                            "skips", lambda r: Skip(dt.date.fromisoformat(r[0]), str(r[1] or ""))))
        pain = tuple(_rows(self._read(
            "SELECT id, date, timing, score, area, aggravated, flags, settled FROM pain_reports"
            " WHERE plan_id = ? ORDER BY id", (plan_id,)), "pain_reports", _pain_report))
        adjustments = tuple(_rows(self._read(
            "SELECT id, date, kind, reason, state, recorded_at FROM adjustments"
            " WHERE plan_id = ? ORDER BY id", (plan_id,)), "adjustments", _adjustment))
        notes = tuple(_rows(
            self._read("SELECT date, text FROM session_notes WHERE plan_id = ? ORDER BY date", (plan_id,)),
            "session_notes", lambda r: SessionNote(dt.date.fromisoformat(r[0]), str(r[1]))))
        sessions = tuple(_rows(
            self._read("SELECT date, record FROM session_records WHERE plan_id = ? ORDER BY date", (plan_id,)),
            "session_records", lambda r: _session_from(dt.date.fromisoformat(r[0]), r[1])))
        return History(completions, skips, pain, adjustments, notes, sessions, self.usual_pain())

    def _rows(self, rows: Iterable[sqlite3.Row], table: str, read: Callable[[sqlite3.Row], T]) -> Iterator[T]:
        """:func:`_rows`, through :attr:`remembered` when it is set."""
        memo = self.remembered
        if memo is None:
            return _rows(rows, table, read)

        def remembered(row: sqlite3.Row) -> T:
            key = (table, tuple(row))
            if key not in memo:
                memo[key] = read(row)
            return memo[key]  # type: ignore[return-value]

        return _rows(rows, table, remembered)


def _notes_by_day(notes: Iterable[tuple[dt.date, str]]) -> list[tuple[dt.date, str]]:
    """One note a day (the store keeps one): two notes for the same date, as a hand-edited plan file
    may hold, are joined in order rather than failing the import."""
    by_day: dict[dt.date, list[str]] = {}
    for day, text in notes:
        cleaned = clean_text(text)
        if cleaned:
            by_day.setdefault(day, []).append(cleaned)
    return [(day, " / ".join(texts)) for day, texts in by_day.items()]


_PLAN_COLUMNS = "id, inputs, program_name, created_at, archived_at, source, plan_file"


def _plan_record(row: sqlite3.Row, path: Path) -> PlanRecord:
    try:
        inputs = PlanInputs.from_json(row[1])
    except (ValueError, TypeError, KeyError, AttributeError):
        raise DamagedPlan(path, row[0], "its inputs") from None
    return PlanRecord(
        id=row[0],
        inputs=inputs,
        program_name=str(row[2]),
        created_at=row[3],
        archived_at=row[4],
        source=row[5],
        plan_file=row[6],
    )


class DamagedPlan(StoreError):
    """A plan's row cannot be read. The message names it and the way out: a new plan or an import
    archives it (the store can still find its id), and the rest of the history stays."""

    def __init__(self, path: Path, plan_id: int, part: str) -> None:
        self.plan_id = plan_id
        super().__init__(f"{path}: plan {plan_id} is damaged ({part} cannot be read); build a new plan with "
                         "'planner plan new --program ID' or 'planner import FILE', and the damaged one is archived")


# What the store left out because it could not read it, one sentence each, for the face to say once.
DAMAGE: list[str] = []


def _note_damage(sentence: str) -> None:
    if sentence not in DAMAGE:
        DAMAGE.append(sentence)


def _rows(rows: Iterable[sqlite3.Row], table: str, read: Callable[[sqlite3.Row], T]) -> Iterator[T]:
    """Each row read by ``read``; one that cannot be is skipped and named in :data:`DAMAGE`."""
    for row in rows:
        try:
            yield read(row)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            _note_damage(f"a damaged row in {table} was left out ({_shown(row)})")


def _shown(row: sqlite3.Row) -> str:
    text = ", ".join(repr(v) for v in tuple(row))
    return text if len(text) <= 80 else text[:77] + "..."


def _json_list(text: str) -> list:
    value = json.loads(text)
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _text(value: object) -> str:
    """A name as the store wrote it (a warning sign answered yes): text, never a number or a list."""
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a name")
    return value


def _count(value: object) -> int | None:
    """A whole number or nothing, as the store wrote it: SQLite keeps any text in an INTEGER column."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"{value!r} is not a whole number")


def _whole(value: object) -> int:
    number = _count(value)
    if number is None:
        raise TypeError("a whole number is missing")
    return number


def _completion(r: sqlite3.Row) -> Completion:
    if not isinstance(r[1], str):
        raise TypeError("the exercise id is not text")
    return Completion(dt.date.fromisoformat(r[0]), r[1], r[2], _count(r[3]), _count(r[4]), _count(r[5]), _count(r[6]))


def _pain_report(r: sqlite3.Row) -> PainReport:
    return PainReport(dt.date.fromisoformat(r[1]), r[2], int(r[3]), str(r[4] or ""),
                      tuple(map(str, _json_list(r[5]))), tuple(map(str, _json_list(r[6]))), id=r[0],
                      settled=bool(r[7]))


def _adjustment(r: sqlite3.Row) -> Adjustment:
    state = json.loads(r[4])
    if not isinstance(state, dict):
        raise ValueError("state is not a table")
    AdaptationState.load(state)  # a state the domain cannot read is damage, found here and not later
    return Adjustment(dt.date.fromisoformat(r[1]), str(r[2]), str(r[3]), state, id=r[0], recorded_at=r[5])


_PRESCRIPTION_FIELDS = {f.name for f in dataclasses.fields(Prescription)}


def _session_json(record: SessionRecord) -> str:
    """A session record as the store keeps it: plain JSON, each prescription with all its fields."""
    return json.dumps({
        "week": record.week,
        "exercises": [dataclasses.asdict(p) for p in record.exercises],
        "reasons": list(record.reasons),
        "held_back": [{"planned": dataclasses.asdict(planned), "kept": dataclasses.asdict(kept), "done": done,
                       "needed": needed} for planned, kept, done, needed in record.held_back],
    }, sort_keys=True)


_FIELD_TYPES = {"int": (int,), "int | None": (int, type(None)), "bool": (bool,), "str": (str,),
                "str | None": (str, type(None))}


def _prescription(data: dict) -> Prescription:
    """A prescription :func:`_session_json` wrote (fields another version added are left out); a field of
    the wrong type (a hand edit) is damage, found here rather than as a crash in whatever reads it."""
    known = {k: v for k, v in data.items() if k in _PRESCRIPTION_FIELDS}
    for field in dataclasses.fields(Prescription):
        allowed = _FIELD_TYPES.get(str(field.type))
        value = known.get(field.name)
        if field.name in known and allowed and (not isinstance(value, allowed) or (
                isinstance(value, bool) and bool not in allowed)):
            raise TypeError(f"{field.name} is {value!r}")
    return Prescription(**{**known, "category": Category(known["category"]), "kind": Kind(known["kind"])})


def _session_from(day: dt.date, text: str) -> SessionRecord:
    data = json.loads(text)
    return SessionRecord(
        day, data.get("week"), tuple(_prescription(p) for p in data.get("exercises", ())),
        tuple(data.get("reasons", ())),
        tuple((_prescription(h["planned"]), _prescription(h["kept"]), int(h["done"]), int(h["needed"]))
              for h in data.get("held_back", ())))
