"""Problems as the shell prints them: each one named, never a flood.

``planner validate /proc`` found 290 folders that loop back and 43 it may not read, and printed a line
for each; a folder of FIFOs printed one line per FIFO. Whole-file and whole-folder problems told in
the same words are said once, with how many more there are and where; and past :data:`MAX_LINES` the
rest are counted, not printed. A problem inside a file (a field, a line) is always its own line until
the cap: those are what a person fixes one by one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from planner.domain.errors import Problem

ALIKE_AT = 4  # this many whole-file problems in the same words, or more, are said in one line
MAX_LINES = 40  # a screenful; more than this is a flood, whatever it is made of
WHOLE = {"file": ("file", "files"), "folder": ("folder", "folders")}


def problem_lines(problems: Iterable[Problem], *, more_hint: str) -> list[str]:
    """The lines to print for ``problems``, sorted as compilers print them.

    Whole-file or whole-folder problems that share their words (``is not a regular file``,
    ``links back to a folder already read``) become one line once there are :data:`ALIKE_AT` of
    them: the first, then how many more and under which folder. Past :data:`MAX_LINES` lines the
    rest are counted in one last line, which ends with ``more_hint`` (what to do to see them).
    """
    ordered = sorted(problems)
    alike: dict[tuple[str, str], list[Problem]] = {}
    for problem in ordered:
        if problem.field in WHOLE and problem.line is None:
            alike.setdefault((problem.field, problem.message), []).append(problem)
    lines: list[tuple[str, int]] = []  # (line, how many problems it tells)
    for problem in ordered:
        group = alike.get((problem.field, problem.message), [])
        if len(group) < ALIKE_AT:
            lines.append((str(problem), 1))
        elif group[0] is problem:
            lines.append((_said_once(group), len(group)))
    if len(lines) <= MAX_LINES:
        return [line for line, _ in lines]
    shown, rest = lines[:MAX_LINES - 1], lines[MAX_LINES - 1:]
    untold = sum(count for _, count in rest)
    return [line for line, _ in shown] + [
        f"planner: {untold:,} more problem{'s' if untold != 1 else ''} not shown; {more_hint}"]


def _said_once(group: list[Problem]) -> str:
    first = group[0]
    one, many = WHOLE[first.field]
    more = len(group) - 1
    try:
        under = os.path.commonpath([p.path for p in group])
    except ValueError:  # relative and absolute paths mixed
        under = ""
    where = f" under {under}" if under not in ("", os.sep, first.path) else ""
    return f"{first}; the same for {more:,} more {one if more == 1 else many}{where}"
