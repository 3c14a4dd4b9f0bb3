"""A marked line of a list (a tick box, a ✓, a ▶ before a name), wrapped so a long name's next lines start
under the name's first letter, not under the mark: the marks stay a clean column to read down.

A list wraps its options by itself, but from the left edge, under the mark. Today's exercise list and the
session runner's list both wrap here instead, to the width they have.
"""

from __future__ import annotations

import textwrap


def marked_rows(mark: str, text: str, width: int | None) -> list[str]:
    """``mark`` and ``text`` as rows no wider than ``width``, the text's later rows indented past the mark;
    ``width`` None (not known yet): one row, as it is."""
    if width is None:
        return [f"{mark} {text}"]
    lines = textwrap.wrap(text, max(8, width - len(mark) - 1)) or [""]
    indent = " " * len(mark)
    return [f"{mark if i == 0 else indent} {line}" for i, line in enumerate(lines)]
