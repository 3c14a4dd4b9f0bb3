"""Hostile places to read from and write to: full disks, closed pipes, devices, FIFOs, odd names, odd dates.

Each case ends in one clear line and exit 1 or 2 (or in doing the right thing), never a traceback,
and a refusal changes nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY


def planner_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY, **extra}
    env.pop("PLANNER_LIBRARY", None)
    return env


def one_line(result: subprocess.CompletedProcess[str], code: int | tuple[int, ...] = 1) -> str:
    codes = code if isinstance(code, tuple) else (code,)
    assert result.returncode in codes, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def with_plan(run_cli) -> None:
    """Set up in process (tests/conftest.py run_cli: the same data dir and day); the cases run ``planner``."""
    result = run_cli("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    assert result.returncode == 0, result.stderr


# 10: closed and full pipes ------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("today",), ("library", "--json"), ("export",), ("history",)])
def test_a_full_disk_on_standard_output_is_one_line(tmp_path: Path, with_plan, command: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "planner", *command], stdout=full, stderr=subprocess.PIPE,
                                text=True, env=planner_env(tmp_path), cwd=tmp_path, timeout=60)
    line = one_line(result, 1)
    assert line == "planner: cannot write the output (No space left on device)"


@pytest.mark.parametrize("command", [("library", "--json"), ("library",), ("programs", "--json"), ("--help",),
                                     ("export", "--format", "md")])
def test_a_reader_that_goes_away_ends_it_quietly(tmp_path: Path, with_plan, command: tuple[str, ...]) -> None:
    """``planner library --json | head -1``: the pipe closes after one line."""
    process = subprocess.Popen([sys.executable, "-m", "planner", *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=planner_env(tmp_path), cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as head -1 does once it has its line; here before any, so it always bites
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert stderr == "", stderr


# 3: export never replaces a device, FIFO or socket -----------------------------------------------

def test_export_force_refuses_a_fifo_a_socket_and_a_device(tmp_path: Path, run_planner, with_plan) -> None:
    import socket
    import stat

    os.mkfifo(tmp_path / "fifo")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock"))
    (tmp_path / "null").symlink_to("/dev/null")
    try:
        for name, kind in (("fifo", stat.S_ISFIFO), ("sock", stat.S_ISSOCK), ("null", stat.S_ISCHR)):
            result = run_planner("export", "-o", name, "--force")
            assert one_line(result, 1) == (f"planner: {name}: is not a regular file (a device, FIFO or socket); "
                                           "planner writes only to a regular file or a new path")
            assert kind((tmp_path / name).stat().st_mode), f"{name} is untouched"
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
        assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"
    finally:
        listener.close()


def test_export_force_still_replaces_a_regular_file(tmp_path: Path, run_planner, with_plan) -> None:
    (tmp_path / "plan.toml").write_text("old")
    os.chmod(tmp_path / "plan.toml", 0o640)
    assert run_planner("export", "-o", "plan.toml", "--force").returncode == 0
    assert (tmp_path / "plan.toml").read_text().startswith("# A planner plan")
    assert (tmp_path / "plan.toml").stat().st_mode & 0o777 == 0o640, "a replaced file keeps its mode"


# 4: private whatever the umask ---------------------------------------------------------------------

def test_data_and_exports_are_private_whatever_the_umask(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                              env=planner_env(tmp_path), cwd=tmp_path, timeout=60,
                              preexec_fn=lambda: os.umask(0))

    assert run("screen", "--none").returncode == 0  # the first write (plan new needs it), under umask 0 too
    assert run("plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri").returncode == 0
    assert run("done").returncode == 0
    assert run("today").returncode == 0
    for fmt in ("toml", "md", "ics"):
        assert run("export", "--format", fmt, "-o", f"plan.{fmt}").returncode == 0
        assert (tmp_path / f"plan.{fmt}").stat().st_mode & 0o777 == 0o600, fmt
    data = tmp_path / "data"
    assert data.stat().st_mode & 0o777 == 0o700
    found = list(data.rglob("*"))
    assert data / "planner.db" in found
    for path in found:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path


# 6, 9, 12, 17: files that are not what they claim -------------------------------------------------

DEEP = "x = " + "[" * 2000 + "]" * 2000 + "\n"


@pytest.mark.parametrize("command", [("validate", "deep.toml"), ("import", "deep.toml"),
                                     ("library", "--library", "lib"), ("today", "--library", "lib")])
def test_deeply_nested_toml_is_one_problem(tmp_path: Path, run_planner, with_plan, command) -> None:
    (tmp_path / "deep.toml").write_text(DEEP)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "deep.toml").write_text(DEEP)
    before = run_planner("plan", "show", "--json").stdout
    result = run_planner(*command)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr, result.stderr[-500:]
    if command[0] == "today":  # the quick command works on, without the broken file
        assert result.returncode == 0, result.stderr
    else:
        assert "deep.toml: toml: nests arrays or tables too deeply" in result.stderr or \
            "1 file problem skipped" in result.stderr, result.stderr
    assert run_planner("plan", "show", "--json").stdout == before


def test_validate_names_link_loops_broken_links_fifos_and_devices(tmp_path: Path, run_planner) -> None:
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "broken.toml").symlink_to("nowhere.toml")
    os.mkfifo(tmp_path / "fifo.toml")
    result = subprocess.run([sys.executable, "-m", "planner", "validate", "loop", "broken.toml", "fifo.toml",
                             "/dev/zero"], capture_output=True, text=True, env=planner_env(tmp_path),
                            cwd=tmp_path, timeout=30)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "/dev/zero: file: is not a regular file (a folder, device, FIFO or socket); give a .toml file",
        "broken.toml: file: is a broken link (to nowhere.toml, which does not exist)",
        "fifo.toml: file: is not a regular file (a folder, device, FIFO or socket); give a .toml file",
        "loop: file: is a link loop (a link that leads back to itself)",
        "planner: 4 problems found",
    ]


@pytest.mark.parametrize("source", ["/dev/zero", "fifo.toml", "big.toml"])
def test_import_reads_only_regular_files_and_at_most_the_limit(tmp_path: Path, run_planner, with_plan,
                                                               source: str) -> None:
    os.mkfifo(tmp_path / "fifo.toml")
    with open(tmp_path / "big.toml", "w") as big:
        big.write("# " + "x" * 1_000_000 + "\n")
    before = run_planner("plan", "show", "--json").stdout
    result = run_planner("import", source, timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] in (
        f"{source}: file: is not a regular file (a folder, device, FIFO or socket); give a .toml file",
        f"{source}: file: is 1,000,003 bytes; the limit is 1,000,000")
    assert run_planner("plan", "show", "--json").stdout == before


def test_library_folder_problems_are_reported_under_their_own_names(tmp_path: Path, run_planner) -> None:
    library = tmp_path / "lib"
    (library / "sub").mkdir(parents=True)
    (library / "sub" / "up").symlink_to("..")
    (library / "gone.toml").symlink_to("/nonexistent/target.toml")
    (library / "self.toml").symlink_to("self.toml")
    result = run_planner("validate", "lib")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "lib/gone.toml: file: is a broken link (to /nonexistent/target.toml, which does not exist)",
        "lib/self.toml: file: is a link loop (a link that leads back to itself)",
        "lib/sub/up: folder: links back to a folder already read (a link loop); skipped",
        "planner: 3 problems found",
    ]


def test_an_unreadable_library_subfolder_is_reported(tmp_path: Path, monkeypatch, capsys) -> None:
    """In-process, with listing the folder made to fail as it does without permission (root can read all)."""
    from planner.cli import main

    library = tmp_path / "lib"
    (library / "locked").mkdir(parents=True)
    real_scandir = os.scandir

    def scandir(path=None):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    assert main(["validate", "lib"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "lib/locked: folder: cannot be read (Permission denied); its files were skipped",
        "planner: 1 problem found",
    ]


# 7, 8: extreme dates and names ---------------------------------------------------------------------

@pytest.mark.parametrize(("env_today", "args", "what"), [
    ("9999-12-31", ("today",), "PLANNER_TODAY: 9999-12-31"),
    ("0001-01-01", ("today",), "PLANNER_TODAY: 0001-01-01"),
    ("0001-01-01", ("done",), "PLANNER_TODAY: 0001-01-01"),
    (TODAY, ("today", "--date", "9999-12-31"), "--date: 9999-12-31"),
    (TODAY, ("pain", "3", "--date", "0001-01-01"), "--date: 0001-01-01"),
    (TODAY, ("history", "--from", "0001-01-01"), "--from: 0001-01-01"),
    (TODAY, ("plan", "new", "--program", "core-foundation", "--start", "9999-12-31"), "--start: 9999-12-31"),
])
def test_dates_at_the_ends_of_the_calendar_are_refused(run_planner, with_plan, env_today, args, what) -> None:
    result = run_planner(*args, env={"PLANNER_TODAY": env_today})
    assert one_line(result, 2) == (f"planner: {what} is out of range; use a date from 1900-01-01 to 9899-12-31")


def test_an_imported_plan_with_dates_at_the_ends_of_the_calendar_is_refused(tmp_path: Path, run_planner,
                                                                            with_plan) -> None:
    exported = run_planner("export").stdout
    before = run_planner("plan", "show", "--json").stdout
    for old, new in (('start = 2026-03-02', 'start = 9999-12-27'), ("date = 2026-03-02", "date = 0001-01-01")):
        (tmp_path / "bad.toml").write_text(exported.replace(old, new))
        result = run_planner("import", "bad.toml")
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "is out of range; use a date from 1900-01-01 to 9899-12-31" in result.stderr
    assert run_planner("plan", "show", "--json").stdout == before


def test_export_to_a_name_too_long_is_one_line(tmp_path: Path, run_planner, with_plan) -> None:
    name = "x" * 300
    assert one_line(run_planner("export", "-o", name)) == \
        f"planner: {name}: cannot write it (File name too long); nothing was changed"
    long_but_fine = "y" * 250
    assert run_planner("export", "-o", long_but_fine).returncode == 0
    assert (tmp_path / long_but_fine).read_text().startswith("# A planner plan")
    assert not list(tmp_path.glob(".planner-export-*")), "no temporary file left behind"
