"""Find the line of a key in TOML text, so validation errors can say ``PATH:LINE``.

tomllib keeps no positions, so this scans the text: it tracks the current
table header (``[dose]``, ``[[blocks]]``) and matches ``key =`` lines and
inline tables. Good enough for hand-written files; when unsure it returns
the line of the enclosing table, or ``None``.
"""

from __future__ import annotations

import re

# Compiled by ``re`` on first use (its own cache), not at import: most commands never locate a line.
_HEADER = r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$"
_KEY = r"^\s*([A-Za-z0-9_\-\"]+(?:\s*\.\s*[A-Za-z0-9_\-\"]+)*)\s*="


def _clean(key: str) -> list[str]:
    return [part.strip().strip('"') for part in key.split(".")]


def locate(text: str, loc: tuple[str | int, ...]) -> int | None:
    """Return the 1-based line where the value at pydantic ``loc`` is written."""
    path = [str(p) for p in loc]
    table: list[str] = []
    array_counts: dict[str, int] = {}
    best: int | None = None
    best_len = 0
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(_HEADER, line)
        if header:
            names = _resolve(_clean(header.group(2)), array_counts)
            if header.group(1) == "[[":
                key = ".".join(names)
                index = array_counts.get(key, -1) + 1
                array_counts[key] = index
                table = [*names, str(index)]
            else:
                table = names
            matched = _prefix_len(table, path)
            if matched == len(table) and matched > best_len:
                best, best_len = number, matched
            continue
        key = re.match(_KEY, line)
        if not key:
            continue
        full = table + _clean(key.group(1))
        matched = _prefix_len(full, path)
        if matched == len(full) and matched > best_len:
            best, best_len = number, matched
        elif matched >= len(table) + 1 and matched > best_len:
            # An inline table or array on this line holds the deeper field.
            best, best_len = number, matched
    return best


def _resolve(names: list[str], array_counts: dict[str, int]) -> list[str]:
    """``[[weeks.sessions]]`` belongs to the latest ``[[weeks]]``: put its index into the path."""
    resolved: list[str] = []
    for name in names[:-1]:
        resolved.append(name)
        index = array_counts.get(".".join(resolved))
        if index is not None:
            resolved.append(str(index))
    return [*resolved, names[-1]]


def _prefix_len(candidate: list[str], path: list[str]) -> int:
    count = 0
    for a, b in zip(candidate, path, strict=False):
        if a != b:
            break
        count += 1
    return count
