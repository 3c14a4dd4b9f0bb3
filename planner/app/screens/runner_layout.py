"""How the session runner shares the window between its figure and its clock.

The runner is read from the mat, across the room: the clock comes first, so on a phone the figure gives way
and in a large window the digits grow with what is left. Pure sizes from the window's size, kept apart from
the screen so the rules can be read (and changed) in one place.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from textual.geometry import Size


def figure_rows(size: Size) -> int:
    """How many rows the exercise's figure may take: none on a phone (the countdown comes first), 4 in a
    short window, 6 from 80×24; in a large window it shares the room with the big digits, which keep
    at least 8 rows (twice the small clock's height)."""
    if size.width < 60 or size.height < 20:
        return 0
    if size.width >= 100 and size.height >= 34:
        return max(4, min(8, size.height - 22 - 8))
    return 4 if size.height < 24 else 6


def figure_columns(size: Size) -> int:
    """The width the figure may take: the clock's column, beside the list (and, from 110, the cues)."""
    main = size.width - (0 if size.width < 60 else min(32, size.width * 3 // 10))
    return max(8, (main // 2 if size.width >= 110 else main) - 4)


def clock_rows(size: Size) -> int:
    """How many rows the big digits may take: 3 up to a comfortable laptop window, then what is left
    once the rest of the runner and the figure have their lines (from 100×34 at least twice as tall)."""
    if size.width < 100 or size.height < 34:
        return 3
    return size.height - 22 - figure_rows(size)
