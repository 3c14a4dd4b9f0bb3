"""The built-plan cache, through the real command: quick commands read the plan as last built, and an
edit to anything it was built from (a library file, the plan's inputs) or damage to the cache file
shows in the very next command, never a stale plan."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from planner.locations import built_in_library
from tests.conftest import RunPlanner


@pytest.fixture
def run_planner(run_cli: RunPlanner) -> RunPlanner:
    """These rules are checked through ``planner.cli.main`` in process (tests/conftest.py ``run_cli``);
    the subprocess path of each command is tested once elsewhere."""
    return run_cli

CAT_COW = (built_in_library() / "exercises" / "cat-cow.toml").read_text()


def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cache" / "plan.json"


def settled(path: Path, text: str) -> None:
    """Write a library file and wait until the caches take it: they skip files changed (ctime included)
    in the last two seconds, whose next edit could keep the same size and time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    time.sleep(2.2)


def today(run_planner: RunPlanner) -> str:
    result = run_planner("today")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_today_reads_the_built_plan_from_the_cache_and_shows_the_same(run_planner: RunPlanner,
                                                                         tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    first = today(run_planner)
    assert cache_file(tmp_path).is_file(), "the built plan was kept"
    assert oct(cache_file(tmp_path).stat().st_mode & 0o777) == "0o600"
    written = cache_file(tmp_path).stat().st_mtime_ns
    assert today(run_planner) == first
    assert cache_file(tmp_path).stat().st_mtime_ns == written, "read, not rebuilt"
    assert run_planner("today", "--json").stdout == run_planner("today", "--json").stdout


def test_an_edited_library_file_rebuilds_the_plan(run_planner: RunPlanner, tmp_path: Path) -> None:
    """The dose shown comes from the built plan, so a stale plan would show the old one."""
    own = tmp_path / "data" / "library" / "cat-cow.toml"
    assert "\nreps = 6\n" in CAT_COW
    settled(own, CAT_COW.replace("\nreps = 6\n", "\nreps = 7\n"))
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    assert "1×7 " in today(run_planner)
    assert cache_file(tmp_path).is_file()
    assert "1×7 " in today(run_planner), "from the cache"
    settled(own, CAT_COW.replace("\nreps = 6\n", "\nreps = 8\n"))
    assert "1×8 " in today(run_planner)
    own.unlink()
    assert "1×6 " in today(run_planner)


def test_changed_inputs_rebuild_the_plan(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    before = today(run_planner)
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    after = today(run_planner)
    assert after != before
    fresh = tmp_path / "fresh"
    env = {"PLANNER_DATA_DIR": str(fresh)}
    assert run_planner("plan", "new", "--program", "core-flexibility", env=env).returncode == 0
    assert run_planner("today", env=env).stdout == after, "the same as a plan never cached"


@pytest.mark.parametrize("damage", [b"", b"{", b"\xff\xfe", b"[]", b"null", b'{"key": 1}'])
def test_a_damaged_cache_file_is_rebuilt_silently(run_planner: RunPlanner, tmp_path: Path, damage: bytes) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    first = today(run_planner)
    cache_file(tmp_path).write_bytes(damage)
    (tmp_path / "data" / "cache" / "views.json").unlink()  # the read model would print today without the plan
    result = run_planner("today")
    assert (result.returncode, result.stdout, result.stderr) == (0, first, "")
    assert cache_file(tmp_path).read_bytes() != damage, "written again"


def test_a_cache_with_the_right_key_but_wrong_weeks_is_rebuilt(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation").returncode == 0
    first = today(run_planner)
    text = cache_file(tmp_path).read_text()
    cache_file(tmp_path).write_text(text.split(',"weeks":')[0] + ',"weeks":[{"number":"x"}]}')
    (tmp_path / "data" / "cache" / "views.json").unlink()  # the read model would print today without the plan
    result = run_planner("today")
    assert (result.returncode, result.stdout, result.stderr) == (0, first, "")
