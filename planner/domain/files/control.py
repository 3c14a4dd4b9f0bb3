"""Control characters: refused in the files people write, shown as visible escapes when printed.

A terminal obeys the control codes in what it is sent: ``ESC ] 0 ; … BEL`` retitles the window,
``ESC [ 2 J`` wipes the screen, a carriage return lets a line overwrite what came before it. An
exercise name or cue is printed by ``planner library``, ``today``, the app and the exports, so a
file with such a code in it could rewrite what a person sees about their own health. No text field
needs one: they are refused where files are checked, and anything else that reaches a terminal
(arguments, old data) goes through :func:`visible`.
"""

from __future__ import annotations

import functools
import re

from planner.domain.errors import Problem
from planner.domain.files.toml_lines import locate

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

# Characters that change how the text around them is shown rather than being text: the bidi marks,
# embeddings, overrides and isolates (U+202E shows "gnp.exe" as "exe.png"), and the Unicode line and
# paragraph separators, which some terminals and editors break a line on.
FORMATTING = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
# The patterns, compiled on first use (:func:`_compiled`): ``planner today`` prints a kept view through this
# module without ever needing one. C0 controls, DEL and C1 controls, and the formatting characters; the
# second also spares newline and tab.
_SOURCES = {
    "ANY_CONTROL": rf"[\x00-\x1f\x7f-\x9f{FORMATTING}]",
    "CONTROL_BUT_LAYOUT": rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{FORMATTING}]",
    # For output: a carriage return ending a line (CRLF, as iCalendar requires) is layout too.
    "CONTROL_IN_OUTPUT": rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{FORMATTING}]|\r(?!\n)",
    # What stands between words: layout characters a one-line text keeps as a single space.
    "_SPACING": r"[\t\n\r\x0b\x0c\x85\u2028\u2029]",
    # A byte that was not UTF-8 in an argument reaches Python as a lone surrogate (U+DC80-U+DCFF), which
    # no file or database can store: it becomes the replacement character, as a UTF-8 decoder would show it.
    "_SURROGATE": r"[\ud800-\udfff]",
}


@functools.cache
def _compiled(name: str) -> re.Pattern[str]:
    return re.compile(_SOURCES[name])


def __getattr__(name: str) -> re.Pattern[str]:
    """``ANY_CONTROL`` and the other patterns by name, compiled when first asked for."""
    if name in _SOURCES:
        return _compiled(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Prose fields, where a newline or a tab is part of the writing.
MULTILINE_FIELDS = frozenset({"description", "summary"})


def visible(text: str, *, keep_layout: bool = True) -> str:
    """``text`` with each control character written as ``\\u00NN``, so printing it controls nothing.

    The same escape means the same character inside a JSON or TOML string, so printed JSON and TOML
    stay valid and read back unchanged."""
    pattern = _compiled("CONTROL_IN_OUTPUT" if keep_layout else "ANY_CONTROL")
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_text(text: str) -> str:
    """The one gate for text entering the store from outside (arguments, imported files, notes typed in
    the app): one line, no control or formatting character.

    Line breaks, tabs and the Unicode separators become spaces (a note typed on two lines stays
    readable); every other control or bidi character is dropped, so nothing stored can later forge a
    line in ``planner today``, retitle a terminal, or reverse how a report reads. Runs of spaces
    collapse to one and the ends are trimmed. A byte that was not UTF-8 (a lone surrogate) becomes
    U+FFFD, so it can be stored and shown."""
    text = _compiled("_SURROGATE").sub("\ufffd", str(text))
    return " ".join(_compiled("ANY_CONTROL").sub("", _compiled("_SPACING").sub(" ", text)).split())


def leaves(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any, bool]]:
    """Every value in parsed TOML that is not a table or array, and every key, with its place and
    whether it is a key; a loop, not recursion, so any depth works."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                yield (*loc, key), key, True
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, index), item) for index, item in reversed(list(enumerate(value))))
        else:
            yield loc, value, False


def control_problems(data: Any, shown: str, text: str) -> list[Problem]:
    """One problem per text field (or key) holding a control character, as ``PATH:LINE: FIELD: message``."""
    problems: list[Problem] = []
    reported: set[tuple[str | int, ...]] = set()
    for loc, value, is_key in leaves(data):
        if not isinstance(value, str):
            continue
        name = next((part for part in reversed(loc) if isinstance(part, str)), "")
        multiline = name in MULTILINE_FIELDS and not is_key
        found = _compiled("CONTROL_BUT_LAYOUT" if multiline else "ANY_CONTROL").search(value)
        if found is None or loc in reported:
            continue
        reported.add(loc)
        allowed = "printable characters, newlines and tabs" if multiline else "printable characters on one line"
        field = ".".join(visible(str(part), keep_layout=False) for part in loc) or "(file)"
        problems.append(Problem(shown, locate(text, loc), field,
                                f"contains the control character U+{ord(found.group()):04X}; "
                                f"text may hold only {allowed}"))
    return problems
