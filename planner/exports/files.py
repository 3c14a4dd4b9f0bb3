"""Every file planner writes for a person goes through :func:`write_export`.

Exports, reports, the live calendar and the JSON Schemas all leave through here, so one set of rules
holds for every one of them:

- only a regular file is ever replaced: a symbolic link, a folder, a FIFO, a socket or a device is
  refused, judged with ``lstat`` (which opens nothing, so a FIFO cannot make planner wait);
- the name itself is never followed: a link at the target is refused, so writing cannot reach a
  file outside the folder, and the final ``rename`` replaces a name, never what a link points to;
- an existing file is replaced only with ``force``, or when ``ours`` recognises it as a file planner
  wrote itself (the live calendar, by its ``PRODID``);
- the text lands atomically: a temporary file in the same folder, ``fsync``, then ``rename``; the
  temporary file is removed on every exit path Python sees, and a stale one (left by a SIGKILL or a
  power cut) is removed the next time planner writes in that folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planner.domain.errors import PlannerError, display_path

TEMP_PREFIX = ".planner-export-"
TEMP_SUFFIX = ".tmp"
# A temporary file older than this was left by a process that died mid-write: no write takes a minute.
STALE_SECONDS = 60


def write_export(path: Path, text: str, *, force: bool = False, mode: int | None = None,
                 ours: Callable[[Path], bool] | None = None) -> None:
    """Write ``text`` to ``path`` by the rules above.

    A new file is private (``0600``: exports hold pain history); a replaced one keeps its own mode,
    unless ``mode`` says otherwise (0o600 for a report about someone's health).
    """
    shown = display_path(path)
    try:
        target_mode = _target_mode(path, shown, force, ours)
    except OSError as err:  # a name too long, a folder that cannot be searched
        raise PlannerError(f"{shown}: cannot write it ({err.strerror or err}); nothing was changed") from None
    remove_stale_temporaries(path.parent)
    try:
        # A short fixed prefix: the temporary name must fit wherever the final one does.
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    except OSError as err:
        raise PlannerError(f"{shown}: cannot write here ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, target_mode if mode is None else mode)
        os.replace(temporary, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise PlannerError(f"{shown}: cannot write it ({err.strerror or err}); nothing was changed") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def check_target(path: Path, *, force: bool = False, ours: Callable[[Path], bool] | None = None) -> None:
    """Refuse, before anything is done, a path :func:`write_export` would refuse."""
    shown = display_path(path)
    try:
        _target_mode(path, shown, force, ours)
    except OSError as err:
        raise PlannerError(f"{shown}: cannot write it ({err.strerror or err}); nothing was changed") from None


def _target_mode(path: Path, shown: str, force: bool, ours: Callable[[Path], bool] | None) -> int:
    """The mode the written file gets, after refusing every target that must not be written."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is None:
        if not path.parent.is_dir():
            raise PlannerError(f"{shown}: the folder {display_path(path.parent)} does not exist")
        return 0o600
    if stat.S_ISLNK(info.st_mode):
        try:  # a link to a device or FIFO is named for what it leads to
            leads_to = os.stat(path).st_mode
        except OSError:
            leads_to = stat.S_IFREG
        if not (stat.S_ISREG(leads_to) or stat.S_ISDIR(leads_to)):
            raise PlannerError(f"{shown}: is not a regular file (a device, FIFO or socket); "
                               "planner writes only to a regular file or a new path")
        raise PlannerError(f"{shown}: is a symbolic link; planner writes only to a regular file, never through "
                           "a link. Give the real path, or remove the link")
    if stat.S_ISDIR(info.st_mode):
        raise PlannerError(f"{shown}: is a folder; give a file name, e.g. {shown.rstrip('/')}/plan.toml")
    if not stat.S_ISREG(info.st_mode):
        raise PlannerError(f"{shown}: is not a regular file (a device, FIFO or socket); "
                           "planner writes only to a regular file or a new path")
    if not force and not (ours is not None and ours(path)):
        raise PlannerError(f"{shown}: already exists; add --force to replace it, or choose another name")
    return info.st_mode & 0o777


def remove_stale_temporaries(folder: Path, *, now: float | None = None) -> None:
    """Remove this user's temporary export files in ``folder`` left by a write that never finished."""
    now = time.time() if now is None else now
    uid = os.getuid() if hasattr(os, "getuid") else None
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if (stat.S_ISREG(info.st_mode) and (uid is None or info.st_uid == uid)
                        and now - info.st_mtime > STALE_SECONDS):
                    os.unlink(entry.path)
