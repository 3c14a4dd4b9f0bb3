"""The activities the person wants back, rated 0-10 over time (the Patient-Specific Functional Scale).

Pain alone does not say whether a program is working; whether the person can put on their socks,
sit through a film or lift their child again does. The person names up to five activities that are
hard because of their back and rates each from 0 (unable) to 10 (as before the problem); every two
weeks Today asks for a re-rating.

A change from the first rating counts as important when it reaches 2 points for the average of the
activities or 3 points for a single activity: the thresholds printed on the scale by its authors
(Stratford et al., Physiotherapy Canada 1995), which later low-back-pain studies found of the same
size (see ``docs/programming.md``). An activity can be renamed (its scores stay) or retired (its
scores stay in the history and the report, it is no longer rated or averaged).

Pure: no I/O; the store hands over :class:`Activity` records with their ratings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.domain.errors import UsageError
from planner.domain.files import control

MOST_ACTIVITIES = 5
LONGEST_NAME = 80
RERATE_DAYS = 14
AVERAGE_CHANGE = 2.0  # points on the average of the activities
SINGLE_CHANGE = 3  # points on one activity
SCALE = "0 = unable to do it, 10 = as before the problem"


@dataclass(frozen=True)
class Rating:
    date: dt.date
    score: int

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "score": self.score}


@dataclass(frozen=True)
class Activity:
    """One activity, with every rating it has had (oldest first)."""

    id: int
    name: str
    added: dt.date
    retired: dt.date | None = None
    ratings: tuple[Rating, ...] = ()

    @property
    def first(self) -> Rating | None:
        return self.ratings[0] if self.ratings else None

    @property
    def latest(self) -> Rating | None:
        return self.ratings[-1] if self.ratings else None

    @property
    def change(self) -> int | None:
        """Latest score minus the first (``None`` until it has two ratings on different days)."""
        if len(self.ratings) < 2:
            return None
        return self.ratings[-1].score - self.ratings[0].score

    @property
    def important_change(self) -> bool:
        return self.change is not None and abs(self.change) >= SINGLE_CHANGE

    def as_json(self, number: int | None) -> dict:
        return {
            "number": number,
            "name": self.name,
            "added": self.added.isoformat(),
            "retired": self.retired.isoformat() if self.retired else None,
            "ratings": [r.as_json() for r in self.ratings],
            "first": self.first.score if self.first else None,
            "latest": self.latest.score if self.latest else None,
            "change": self.change,
            "important_change": self.important_change,
        }


@dataclass(frozen=True)
class FunctionSummary:
    """The activities (current ones numbered 1.., retired ones after), and the average over time."""

    activities: tuple[Activity, ...] = ()
    averages: tuple[tuple[dt.date, float], ...] = field(default=())

    @property
    def current(self) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if a.retired is None)

    @property
    def retired(self) -> tuple[Activity, ...]:
        return tuple(a for a in self.activities if a.retired is not None)

    @property
    def average_change(self) -> float | None:
        if len(self.averages) < 2:
            return None
        return round(self.averages[-1][1] - self.averages[0][1], 1)

    @property
    def important_change(self) -> bool:
        return self.average_change is not None and abs(self.average_change) >= AVERAGE_CHANGE

    def last_rated(self) -> dt.date | None:
        dates = [a.latest.date for a in self.current if a.latest]
        return max(dates) if dates else None

    def as_json(self) -> dict:
        numbered = [a.as_json(n) for n, a in enumerate(self.current, 1)]
        return {
            "activities": numbered + [a.as_json(None) for a in self.retired],
            "average": {
                "scores": [{"date": d.isoformat(), "score": s} for d, s in self.averages],
                "first": self.averages[0][1] if self.averages else None,
                "latest": self.averages[-1][1] if self.averages else None,
                "change": self.average_change,
                "important_change": self.important_change,
            },
            "minimal_important_change": {"average": AVERAGE_CHANGE, "activity": SINGLE_CHANGE},
            "last_rated": d.isoformat() if (d := self.last_rated()) else None,
        }


def summarise(activities: tuple[Activity, ...] | list[Activity]) -> FunctionSummary:
    """The activities in order (current first, by when they were added) and the average on each rating day.

    The average of a day is over the current activities rated that day, so a retired activity's old
    scores do not pull later averages about."""
    ordered = tuple(sorted(activities, key=lambda a: (a.retired is not None, a.id)))
    current = [a for a in ordered if a.retired is None]
    by_day: dict[dt.date, list[int]] = {}
    for activity in current:
        for rating in activity.ratings:
            by_day.setdefault(rating.date, []).append(rating.score)
    averages = tuple((day, round(sum(s) / len(s), 1)) for day, s in sorted(by_day.items()))
    return FunctionSummary(ordered, averages)


def rerating_prompt(summary: FunctionSummary, today: dt.date) -> str | None:
    """Today's one line asking for a (re-)rating, or ``None`` when none is due.

    Due when there are current activities and none has been rated, or the last rating was two or
    more weeks ago."""
    current = summary.current
    if not current:
        return None
    last = summary.last_rated()
    scores = " ".join(["N"] * len(current))
    names = ", ".join(a.name for a in current)
    if last is None:
        return f"Rate the activities you want back ({names}), 0-10: planner function rate {scores}"
    if (today - last).days < RERATE_DAYS:
        return None
    return (f"Two weeks since you last rated your activities ({last.isoformat()}): how are {names} now? "
            f"planner function rate {scores}")


def check_names(names: list[str], kept: int = 0) -> list[str]:
    """Activity names, tidied; at most five in all (``kept`` already there), none empty, none twice."""
    tidy = [" ".join(n.split()) for n in names]
    if not tidy:
        raise UsageError("function set: name at least one activity, e.g. planner function set "
                         "\"Putting on socks\" \"Sitting through a film\"")
    for name in tidy:
        if not name:
            raise UsageError("function: an activity's name is empty; say what the activity is, "
                             "e.g. \"Putting on socks\"")
        if len(name) > LONGEST_NAME:
            raise UsageError(f"function: '{name[:20]}…' is {len(name)} characters; keep a name to "
                             f"{LONGEST_NAME} or fewer")
        found = control.ANY_CONTROL.search(name)  # bidi marks and C1 codes too, not only C0
        if found:
            raise UsageError(f"function: an activity's name contains the control character "
                             f"U+{ord(found.group()):04X}; use plain text")
    lowered = [n.casefold() for n in tidy]
    twice = sorted({n for n in tidy if lowered.count(n.casefold()) > 1})
    if twice:
        raise UsageError(f"function: '{twice[0]}' is named twice; name each activity once")
    if kept + len(tidy) > MOST_ACTIVITIES:
        raise UsageError(f"function: at most {MOST_ACTIVITIES} activities at a time (you named "
                         f"{kept + len(tidy)}); retire one with 'planner function retire N' first")
    return tidy


def check_scores(texts: list[str], current: tuple[Activity, ...]) -> list[int]:
    """One whole score 0-10 for each current activity, in order."""
    if not current:
        raise UsageError("function rate: no activities yet; name them first, e.g. planner function set "
                         "\"Putting on socks\" \"Sitting through a film\"")
    if len(texts) != len(current):
        listed = "; ".join(f"{n}. {a.name}" for n, a in enumerate(current, 1))
        raise UsageError(f"function rate: give {len(current)} score{'s' if len(current) > 1 else ''}, one for "
                         f"each activity in order ({listed}); you gave {len(texts)}")
    scores = []
    for text in texts:
        try:
            score = int(text)
        except ValueError:
            score = -1
        if not 0 <= score <= 10 or text.strip() != str(score):
            raise UsageError(f"function rate: '{text}' is not a whole number from 0 to 10 ({SCALE})")
        scores.append(score)
    return scores


def pick(current: tuple[Activity, ...], text: str, command: str) -> Activity:
    """The current activity numbered ``text`` (1 for the first, as 'planner function' lists them)."""
    listed = "; ".join(f"{n}. {a.name}" for n, a in enumerate(current, 1)) or "none yet"
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= len(current):
        raise UsageError(f"function {command}: '{text}' is not the number of a current activity ({listed})")
    return current[number - 1]
