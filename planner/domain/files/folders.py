"""The one walk over a library folder: exercises, programs, lessons, pain rules and the read model's key
all list their files with it, so each is bounded and says the same things about links and loops."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from planner.domain.errors import Problem, display_path

MAX_FOLDERS = 500  # a library is a few folders of files; /proc or / is not one, and is not walked to its end


def walk_folders(path: Path, problems: list[Problem] | None = None,
                 skip: Iterable[str] = ()) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk`` over a library folder, the one walk every reader of library folders uses.

    Links are followed; a link back to a folder already read is cut (and named in ``problems``), a
    subfolder that cannot be read is named, and folders named in ``skip`` are not entered. A folder with
    more than :data:`MAX_FOLDERS` folders is not a library: it ends in that one problem and none of its
    files is given, so ``/proc`` or ``/`` is refused in a line, not half-read. (Half-reading it named
    whatever the first folders held: under ``/proc`` every process's working folder, ``pyproject.toml``
    and all, so the lines depended on what else was running.)
    """
    found: list[Problem] = []
    listed = list(_walk(path, found, skip))
    if len(listed) > MAX_FOLDERS:
        found = [Problem(display_path(path), None, "folder", f"holds more than {MAX_FOLDERS:,} folders, so it "
                         "is not read; give a folder of exercise and program files")]
        listed = []
    if problems is not None:
        problems.extend(found)
    yield from listed


def _walk(path: Path, problems: list[Problem],
          skip: Iterable[str]) -> Iterator[tuple[str, list[str], list[str]]]:
    """The walk itself, stopping one folder past the cap (enough for the caller to know it was passed)."""
    seen: set[tuple[int, int]] = set()

    def named(message: str, where: Path) -> None:
        problems.append(Problem(display_path(where), None, "folder", message))

    def unreadable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else path
        named(f"cannot be read ({err.strerror or err}); its files were skipped", where)

    skipped = set(skip)
    for root, folders, files in os.walk(path, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(root)
        except OSError as err:
            unreadable(err)
            folders.clear()
            continue
        if (info.st_dev, info.st_ino) in seen:
            named("links back to a folder already read (a link loop); skipped", Path(root))
            folders.clear()
            continue
        if len(seen) == MAX_FOLDERS:
            yield root, [], []  # one past the cap: the caller refuses the whole folder
            return
        seen.add((info.st_dev, info.st_ino))
        folders[:] = sorted(name for name in folders if name not in skipped)
        yield root, folders, files
