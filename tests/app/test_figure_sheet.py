"""The contact sheet (``make screenshots``) is written the way every export is: whole or not at all, never
through a link or into a FIFO, and a refusal changes nothing."""

from __future__ import annotations

import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.app import figure_sheet
from planner.domain.errors import PlannerError
from planner.domain.library.loading import Source, load_library
from planner.exports.files import TEMP_PREFIX
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])


def test_the_sheet_is_written_whole_and_readable_by_others(tmp_path: Path) -> None:
    written = figure_sheet.write_sheet(tmp_path / "shots", LIBRARY)
    assert written == tmp_path / "shots" / "figures.svg"
    assert ET.fromstring(written.read_text(encoding="utf-8")).tag == "{http://www.w3.org/2000/svg}svg"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    old = written.read_text(encoding="utf-8")
    figure_sheet.write_sheet(tmp_path / "shots", LIBRARY)  # the sheet is ours to replace on each run
    assert written.read_text(encoding="utf-8") == old
    assert os.listdir(tmp_path / "shots") == ["figures.svg"]


def test_a_write_that_fails_leaves_the_old_sheet_and_no_half_file(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    (folder / "figures.svg").write_text("the old sheet\n")

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_room)
    with pytest.raises(PlannerError, match="No space left on device"):
        figure_sheet.write_sheet(folder, LIBRARY)
    assert (folder / "figures.svg").read_text() == "the old sheet\n"
    assert [name for name in os.listdir(folder) if name.startswith(TEMP_PREFIX)] == []


def test_a_link_at_the_sheet_is_refused_and_its_target_is_untouched(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    elsewhere = tmp_path / "notes.txt"
    elsewhere.write_text("mine\n")
    (folder / "figures.svg").symlink_to(elsewhere)
    assert figure_sheet.main(str(folder)) == 1
    said = capsys.readouterr()
    assert said.err.splitlines() == [
        f"planner: {folder / 'figures.svg'}: is a symbolic link; planner writes only to a regular file, never "
        "through a link. Give the real path, or remove the link"]
    assert elsewhere.read_text() == "mine\n" and (folder / "figures.svg").is_symlink()


def test_a_fifo_at_the_sheet_is_refused_without_waiting(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    os.mkfifo(folder / "figures.svg")
    assert figure_sheet.main(str(folder)) == 1
    assert "is not a regular file (a device, FIFO or socket)" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(folder / "figures.svg").st_mode)


def test_a_file_in_the_way_of_the_folder_is_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "shots").write_text("a file\n")
    assert figure_sheet.main(str(tmp_path / "shots")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot make the folder for the sheet" in err and "Traceback" not in err
    assert (tmp_path / "shots").read_text() == "a file\n"
