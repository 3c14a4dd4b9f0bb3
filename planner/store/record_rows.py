"""The store's rows as the domain's records, and back; a row that cannot be read is left out and named.

A row edited by hand or hurt by a disk fault must not stop the rest of the history from counting: each
reader here raises on what it cannot read, :func:`read_rows` skips that row, and :data:`DAMAGE` keeps one
sentence about it for the face to say once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from planner.domain.library.models import Category, Kind
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.plan.model import PlanInputs, Prescription
from planner.domain.records import Adjustment, Completion, PainReport, SessionRecord
from planner.store.database import StoreError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path
    from typing import TypeVar

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


PLAN_COLUMNS = "id, inputs, program_name, created_at, archived_at, source, plan_file"


def read_plan(row: sqlite3.Row, path: Path) -> PlanRecord:
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


def note_damage(sentence: str) -> None:
    if sentence not in DAMAGE:
        DAMAGE.append(sentence)


def read_rows(rows: Iterable[sqlite3.Row], table: str, read: Callable[[sqlite3.Row], T]) -> Iterator[T]:
    """Each row read by ``read``; one that cannot be is skipped and named in :data:`DAMAGE`."""
    for row in rows:
        try:
            yield read(row)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            note_damage(f"a damaged row in {table} was left out ({_shown(row)})")


def _shown(row: sqlite3.Row) -> str:
    text = ", ".join(repr(v) for v in tuple(row))
    return text if len(text) <= 80 else text[:77] + "..."


def json_list(text: str) -> list:
    value = json.loads(text)
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def name_text(value: object) -> str:
    """A name as the store wrote it (a warning sign answered yes): text, never a number or a list."""
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a name")
    return value


def _count(value: object) -> int | None:
    """A whole number or nothing, as the store wrote it: SQLite keeps any text in an INTEGER column."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"{value!r} is not a whole number")


def whole(value: object) -> int:
    number = _count(value)
    if number is None:
        raise TypeError("a whole number is missing")
    return number


def read_completion(r: sqlite3.Row) -> Completion:
    if not isinstance(r[1], str):
        raise TypeError("the exercise id is not text")
    return Completion(dt.date.fromisoformat(r[0]), r[1], r[2], _count(r[3]), _count(r[4]), _count(r[5]), _count(r[6]))


def read_pain_report(r: sqlite3.Row) -> PainReport:
    return PainReport(dt.date.fromisoformat(r[1]), r[2], int(r[3]), str(r[4] or ""),
                      tuple(map(str, json_list(r[5]))), tuple(map(str, json_list(r[6]))), id=r[0],
                      settled=bool(r[7]))


def read_adjustment(r: sqlite3.Row) -> Adjustment:
    state = json.loads(r[4])
    if not isinstance(state, dict):
        raise ValueError("state is not a table")
    AdaptationState.load(state)  # a state the domain cannot read is damage, found here and not later
    return Adjustment(dt.date.fromisoformat(r[1]), str(r[2]), str(r[3]), state, id=r[0], recorded_at=r[5])


_PRESCRIPTION_FIELDS = {f.name for f in dataclasses.fields(Prescription)}


def session_json(record: SessionRecord) -> str:
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
    """A prescription :func:`session_json` wrote (fields another version added are left out); a field of
    the wrong type (a hand edit) is damage, found here rather than as a crash in whatever reads it."""
    known = {k: v for k, v in data.items() if k in _PRESCRIPTION_FIELDS}
    for field in dataclasses.fields(Prescription):
        allowed = _FIELD_TYPES.get(str(field.type))
        value = known.get(field.name)
        if field.name in known and allowed and (not isinstance(value, allowed) or (
                isinstance(value, bool) and bool not in allowed)):
            raise TypeError(f"{field.name} is {value!r}")
    return Prescription(**{**known, "category": Category(known["category"]), "kind": Kind(known["kind"])})


def read_session(day: dt.date, text: str) -> SessionRecord:
    data = json.loads(text)
    return SessionRecord(
        day, data.get("week"), tuple(_prescription(p) for p in data.get("exercises", ())),
        tuple(data.get("reasons", ())),
        tuple((_prescription(h["planned"]), _prescription(h["kept"]), int(h["done"]), int(h["needed"]))
              for h in data.get("held_back", ())))
