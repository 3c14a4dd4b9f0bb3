"""Where the data folder is: a folder that cannot be searched is said as a permission problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.store.database import StoreError, connect


def test_a_data_folder_that_cannot_be_searched_is_a_permission_problem(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """As another user's XDG_DATA_HOME: stat fails with EACCES (root cannot see this, so it is simulated).
    ``Path.exists`` said "no" there, and creating the file then failed with a puzzling "File exists"."""
    locked = tmp_path / "xdg" / "planner"
    locked.mkdir(parents=True)
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(locked) + os.sep):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(StoreError) as err:
        connect(locked / "planner.db")
    assert str(err.value) == (f"{locked}: cannot create the data folder or file (Permission denied); "
                              "check permissions or use --data-dir")
