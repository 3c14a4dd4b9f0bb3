"""What happened: check-offs, skips, pain reports and adjustments, as the store returns them.

Plain frozen dataclasses so the domain can reason about history without
knowing it came from SQLite.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from planner.domain.plan.model import Prescription

CompletionStatus = Literal["done", "partial", "skipped"]
PainWhen = Literal["during", "after", "next-morning"]


@dataclass(frozen=True)
class Completion:
    date: dt.date
    exercise_id: str
    status: CompletionStatus
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class Skip:
    date: dt.date
    why: str = ""


@dataclass(frozen=True)
class PainReport:
    date: dt.date
    when: PainWhen
    score: int
    area: str = ""
    aggravated: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    id: int | None = None
    settled: bool = False  # "Can you walk and move about as usual?" answered yes (ends a relief pause)

    def as_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "when": self.when,
            "score": self.score,
            "where": self.area,
            "aggravated": list(self.aggravated),
            "flags": list(self.flags),
            "settled": self.settled,
        }


@dataclass(frozen=True)
class Adjustment:
    """One change to the plan and why; ``state`` is the adaptation state it left behind."""

    date: dt.date
    kind: str
    reason: str
    state: dict = field(default_factory=dict)
    id: int | None = None
    recorded_at: str = ""

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "reason": self.reason}


@dataclass(frozen=True)
class SessionNote:
    """A few words the person kept with a day's session ("left hip tight", "felt strong")."""

    date: dt.date
    text: str

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "text": self.text}


@dataclass(frozen=True)
class SessionRecord:
    """A day's session as it was prescribed when its first exercise was checked off: the record of
    what was asked, kept with what was done (the :class:`Completion` rows). Nothing written later (a pain
    report, a rule change, a library edit) changes it; only taking every check-off of that day back does.

    ``held_back`` keeps each easier variant held in place of a harder one as (planned, kept, sessions done,
    sessions needed), so the day reads as it did.
    """

    date: dt.date
    week: int | None
    exercises: tuple[Prescription, ...] = ()
    reasons: tuple[str, ...] = ()
    held_back: tuple[tuple[Prescription, Prescription, int, int], ...] = ()


@dataclass(frozen=True)
class History:
    """Everything recorded against one plan, oldest first."""

    completions: tuple[Completion, ...] = ()
    skips: tuple[Skip, ...] = ()
    pain: tuple[PainReport, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    notes: tuple[SessionNote, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    usual_pain: int | None = None  # the pain on a typical day, as the person said it (planner screen)

    def session_on(self, day: dt.date) -> SessionRecord | None:
        """The recorded session of ``day``, if anything was checked off that day."""
        return next((s for s in self.sessions if s.date == day), None)

    def completions_on(self, day: dt.date) -> dict[str, Completion]:
        """The day's check-offs by exercise (the last one of an exercise counts)."""
        return dict(_by_date(self.completions).get(day, {}))

    def skip_on(self, day: dt.date) -> Skip | None:
        return next((s for s in self.skips if s.date == day), None)

    def pain_on(self, day: dt.date) -> list[PainReport]:
        return [p for p in self.pain if p.date == day]

    def note_on(self, day: dt.date) -> str:
        return next((n.text for n in self.notes if n.date == day), "")


# Days are read one after another over a whole plan (Today's progress, History, the report), each from a
# copy of the history cut to that day that shares its completions tuple: the check-offs are indexed by date
# once per tuple instead of scanned for every day. The last few tuples are held, which keeps their ids from
# being reused while they are keys.
_BY_DATE: dict[int, tuple[tuple[Completion, ...], dict[dt.date, dict[str, Completion]]]] = {}
_BY_DATE_KEPT = 4


def _by_date(completions: tuple[Completion, ...]) -> dict[dt.date, dict[str, Completion]]:
    kept = _BY_DATE.get(id(completions))
    if kept is not None and kept[0] is completions:
        return kept[1]
    index: dict[dt.date, dict[str, Completion]] = {}
    for c in completions:
        index.setdefault(c.date, {})[c.exercise_id] = c
    if len(_BY_DATE) >= _BY_DATE_KEPT:
        _BY_DATE.clear()  # one step, safe beside the app's worker threads; rebuilt on the next ask
    _BY_DATE[id(completions)] = (completions, index)
    return index
