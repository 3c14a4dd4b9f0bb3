"""Write an export without ever leaving half a file or silently replacing one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from planner.domain.errors import PlannerError, display_path


def write_export(path: Path, text: str, *, force: bool = False, mode: int | None = None) -> None:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then a rename.

    An existing file is replaced only with ``force``, and only if it is a regular file: replacing a
    device, FIFO or socket with a file (``/dev/null``, as root) would break the system, not export.
    A new file is private (``0600``: exports hold pain history); a replaced one keeps its own mode,
    unless ``mode`` says otherwise (0o600 for a report about someone's health).
    """
    shown = display_path(path)
    try:
        target_mode = _target_mode(path, shown, force)
    except OSError as err:  # a name too long, a folder that cannot be searched, a link loop
        raise PlannerError(f"{shown}: cannot write it ({err.strerror or err}); nothing was changed") from None
    try:
        # A short fixed prefix: the temporary name must fit wherever the final one does.
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".planner-export-", suffix=".tmp")
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


def _target_mode(path: Path, shown: str, force: bool) -> int:
    """The mode the written file gets, after refusing every target that must not be written."""
    if path.is_dir():
        raise PlannerError(f"{shown}: is a folder; give a file name, e.g. {shown.rstrip('/')}/plan.toml")
    exists = path.exists()
    if exists and not path.is_file():
        raise PlannerError(f"{shown}: is not a regular file (a device, FIFO or socket); "
                           "export writes only to a regular file or a new path")
    if exists and not force:
        raise PlannerError(f"{shown}: already exists; add --force to replace it, or choose another name")
    if not path.parent.is_dir():
        raise PlannerError(f"{shown}: the folder {display_path(path.parent)} does not exist")
    return path.stat().st_mode & 0o777 if exists else 0o600
