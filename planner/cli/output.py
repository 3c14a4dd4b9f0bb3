"""Printing helpers shared by the commands: JSON to stdout, notices to stderr."""

from __future__ import annotations

import contextlib
import json
import os
import sys

from planner.domain.errors import PlannerError
from planner.domain.files.control import visible

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any, TextIO


def print_json(data: Any) -> None:
    # One write, not json.dump's thousands of small ones through the guarded stream.
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def notice(message: str) -> None:
    print(f"planner: {message}", file=sys.stderr)


class OutputError(PlannerError):
    """Standard output or error cannot be written (a full disk, a device error)."""


# What a terminal that cannot show a character gets instead (``PYTHONIOENCODING=ascii``, ``LC_ALL=C``):
# a readable ASCII form where one exists, ``?`` otherwise. Never a traceback.
ASCII_FORMS = str.maketrans({
    "✓": "ok", "✗": "x", "—": "-", "–": "-", "·": "-", "×": "x", "…": "...", "→": "->", "←": "<-",
    "≥": ">=", "≤": "<=", "‘": "'", "’": "'", "“": '"', "”": '"', "•": "*", "°": " deg", "½": "1/2",
    "\u00a0": " ",
})


def encodable(text: str, encoding: str | None) -> str:
    """``text`` as the stream's encoding can carry it: ASCII forms first, then ``?`` for the rest."""
    encoding = encoding or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    text = text.translate(ASCII_FORMS)
    try:
        return text.encode(encoding, "replace").decode(encoding)
    except LookupError:
        return text.encode("ascii", "replace").decode("ascii")


class ClosedStream:
    """Stands in for a standard stream the shell closed (``planner today >&-``)."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OutputError("cannot write the output (standard output is closed)")

    def flush(self) -> None:
        return None


class VisibleStream:
    """A text stream that shows control characters as ``\\u00NN`` instead of sending them.

    Everything a command prints goes through one of these (see :func:`guarded_streams`), so no name,
    cue, note or argument can retitle, wipe or rewrite the person's terminal. A write that fails
    for want of space becomes an :class:`OutputError`; a closed pipe stays a ``BrokenPipeError``.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream if stream is not None else ClosedStream()

    def write(self, text: str) -> int:
        shown = encodable(visible(text), getattr(self.stream, "encoding", None))
        self._guard(lambda: self.stream.write(shown))
        return len(text)

    def flush(self) -> None:
        self._guard(self.stream.flush)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    @staticmethod
    def _guard(operation: Callable[[], object]) -> None:
        try:
            operation()
        except (BrokenPipeError, OutputError):
            raise
        except ValueError as err:  # a stream closed underneath us
            raise OutputError(f"cannot write the output ({err})") from None
        except OSError as err:
            raise OutputError(f"cannot write the output ({err.strerror or err})") from None


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Standard output and error as :class:`VisibleStream` for the length of a command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def unguarded_streams() -> Iterator[None]:
    """The streams as they were, for a full-screen program that draws with escape codes on purpose."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (s.stream if isinstance(s, VisibleStream) else s for s in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def silence_stdout() -> None:
    """After a closed pipe or a full disk: point standard output at /dev/null, so the flush at exit
    does not fail a second time and print a traceback (Python's advice for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
