"""``validate`` and ``import`` pointed at a hostile place print a few clear lines, never a flood.

``planner validate /proc`` printed 335 lines (a line per folder that loops back or may not be read);
a folder of FIFOs printed a line per FIFO. Run in process (tests/conftest.py ``run_cli``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

NOT_REGULAR = "file: is not a regular file (a folder, device, FIFO or socket); give a .toml file"


def lines_of(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def test_a_folder_of_special_files_is_one_line_naming_the_first_and_how_many(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "specials"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.toml", "b.toml", "sub/c.toml", "sub/d.toml", "sub/e.toml"):
        os.mkfifo(folder / name)
    (folder / "zero.toml").symlink_to("/dev/zero")
    result = run_cli("validate", "specials")
    assert result.returncode == 1
    assert lines_of(result) == [
        f"specials/a.toml: {NOT_REGULAR}; the same for 5 more files under specials",
        "planner: 6 problems found",
    ]


def test_a_few_special_files_are_each_named(run_cli, tmp_path: Path) -> None:
    for name in ("a.toml", "b.toml", "c.toml"):
        os.mkfifo(tmp_path / name)
    result = run_cli("validate", "a.toml", "b.toml", "c.toml")
    assert result.returncode == 1
    assert lines_of(result) == [f"{name}: {NOT_REGULAR}" for name in ("a.toml", "b.toml", "c.toml")] + [
        "planner: 3 problems found"]


def test_many_folders_that_loop_back_are_one_line(run_cli, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    for name in ("a", "b", "c", "d", "e"):
        (library / name).mkdir(parents=True)
        (library / name / "up").symlink_to("..")
    result = run_cli("validate", "lib")
    assert result.returncode == 1
    assert lines_of(result) == [
        "lib/a/up: folder: links back to a folder already read (a link loop); skipped; "
        "the same for 4 more folders under lib",
        "planner: 5 problems found",
    ]


def test_past_a_screenful_the_rest_are_counted_not_printed(run_cli, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    for number in range(60):
        (library / f"x{number:02}.toml").write_text("not toml [[\n")
    result = run_cli("validate", "lib")
    said = lines_of(result)
    assert result.returncode == 1
    assert len(said) == 41
    assert said[0].startswith("lib/x00.toml:1: toml: ") and said[38].startswith("lib/x38.toml:1: toml: ")
    assert said[-2:] == ["planner: 21 more problems not shown; name one file or folder to see its own",
                         "planner: 60 problems found"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_proc_is_a_few_lines(run_cli) -> None:
    result = run_cli("validate", "/proc")
    said = lines_of(result)
    assert result.returncode == 1
    # The whole of it refused in one line: half-reading it named whatever the first folders held (in CI,
    # another process's working folder and its pyproject.toml), so the lines depended on what else ran.
    assert said == ["/proc: folder: holds more than 500 folders, so it is not read; give a folder of "
                    "exercise and program files", "planner: 1 problem found"], said


def test_an_import_with_hundreds_of_bad_values_is_a_screenful(run_cli, tmp_path: Path) -> None:
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    exported = run_cli("export").stdout
    before = run_cli("plan", "show", "--json").stdout
    bad = re.sub(r"(?m)^rest_seconds = \d+$", "rest_seconds = -1", exported)
    count = len(re.findall(r"(?m)^rest_seconds = -1$", bad))
    assert count > 100
    (tmp_path / "bad.toml").write_text(bad)
    result = run_cli("import", "bad.toml")
    said = lines_of(result)
    assert result.returncode == 1
    assert len(said) == 41
    assert all(line.endswith("rest_seconds: input should be greater than or equal to 0; got -1")
               for line in said[:39]), said[:39]
    assert re.fullmatch(r"planner: [\d,]+ more problems not shown; fix these and import again to see the rest",
                        said[39])
    assert said[40] == f"planner: {count} problems in bad.toml; nothing was changed"
    assert run_cli("plan", "show", "--json").stdout == before


def test_a_folder_given_to_import_is_named_as_one(run_cli, tmp_path: Path) -> None:
    """It said 'cannot be read: Is a directory' (open's own error), not what is wrong and what to give."""
    (tmp_path / "plans").mkdir()
    result = run_cli("import", "plans")
    assert result.returncode == 1
    assert lines_of(result) == [f"plans: {NOT_REGULAR}", "planner: 1 problem in plans; nothing was changed"]
