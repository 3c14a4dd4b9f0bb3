"""Every path planner uses comes from here; each function takes an override.

Precedence everywhere: the command-line option, then the environment
variable, then the platform default from platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "planner"


def data_dir(override: str | Path | None = None) -> Path:
    """Where the SQLite history lives (``--data-dir``, ``PLANNER_DATA_DIR``)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("PLANNER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def database_path(data: Path) -> Path:
    return data / "planner.db"


def built_in_library() -> Path:
    """The library shipped with planner: inside the wheel, or ``programs/`` in a checkout."""
    packaged = Path(__file__).parent / "_library"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "programs"


def user_library_dirs(overrides: list[str] | None = None) -> list[Path]:
    """The person's own exercise folders (``--library DIR`` repeated, ``PLANNER_LIBRARY``).

    ``PLANNER_LIBRARY`` may hold several folders separated by ``os.pathsep``.
    Without either, the default is ``library/`` in the data dir, used only if it exists.
    """
    if overrides:
        return [Path(p).expanduser() for p in overrides]
    env = os.environ.get("PLANNER_LIBRARY")
    if env:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    return []


def default_user_library(data: Path) -> Path:
    return data / "library"
