"""Typed, user-facing errors: each carries enough to print one actionable line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class PlannerError(Exception):
    """A failure the person can act on; faces print ``str(err)`` and exit with ``exit_code``."""

    exit_code = 1


class UsageError(PlannerError):
    """Bad input (unknown id, bad date, …): exit code 2 like argparse.

    ``field`` names the input in the domain's words (``date``, ``start``, ``days``); the message never
    names a command-line flag: the face adds its own name for the field (the CLI ``--date: ``, the app
    its label), so the same error reads right in both.
    """

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: printed as ``PATH:LINE: FIELD: message``."""

    path: str
    line: int | None
    field: str
    message: str

    def __lt__(self, other: Problem) -> bool:
        """Sorted by file then line; a problem with no line (a missing field) comes first in its file."""
        return (self.path, self.line or 0, self.field, self.message) < (
            other.path, other.line or 0, other.field, other.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {readable_field(self.field)}: {self.message}"


def readable_field(field: str) -> str:
    """A field path as a person counts: ``weeks.4.sessions.1.date`` is "week 5, session 2, date" (the
    machine path, counted from 0, stays in ``Problem.field`` for JSON)."""
    parts = field.split(".")
    words: list[str] = []
    for i, part in enumerate(parts):
        if part.isdigit() and i > 0 and not parts[i - 1].isdigit():
            name = words.pop().rsplit(".", 1)
            singular = name[-1][:-1] if name[-1].endswith("s") else name[-1]
            words.append(".".join([*name[:-1], f"{singular} {int(part) + 1}"]) if len(name) > 1 else
                         f"{singular} {int(part) + 1}")
        elif words and not parts[i - 1].isdigit():
            words[-1] += f".{part}"
        else:
            words.append(part)
    return ", ".join(words)


class InvalidFile(PlannerError):
    """Raised when a file a person edited (plan import, …) has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path) -> str:
    """Relative to the working directory when that is shorter, as compilers print paths.

    Links are not followed: a link is named as the person wrote it, and a link loop or a vanished
    working directory cannot make naming a file fail."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)
