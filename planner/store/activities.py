"""The activities the person wants back and their ratings (planner.domain.function), as the store keeps them.

Only the commands that name or rate activities read them, so the domain's model is imported where they do.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.files.control import clean_text
from planner.store.database import write
from planner.store.record_rows import read_rows, whole

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from planner.domain.function import Activity


class ActivityTables:
    """The activities and activity_ratings tables: a part of :class:`planner.store.store.Store`, which
    gives it the connection and its reading."""

    connection: sqlite3.Connection
    path: Path

    _read: Callable[..., list[sqlite3.Row]]

    def activities(self) -> tuple[Activity, ...]:
        """Every activity, current and retired, with its ratings oldest first."""
        from planner.domain.function import Activity, Rating  # imported by the commands that rate them, only

        ratings: dict[int, list[Rating]] = {}
        for activity_id, rating in read_rows(self._read("SELECT activity_id, date, score FROM activity_ratings "
                                                        "ORDER BY date"), "activity_ratings",
                                             lambda r: (r[0], Rating(dt.date.fromisoformat(r[1]), whole(r[2])))):
            ratings.setdefault(activity_id, []).append(rating)
        return tuple(read_rows(self._read("SELECT id, name, added, retired FROM activities ORDER BY id"), "activities",
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
