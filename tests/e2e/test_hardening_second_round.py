"""The second adversarial round, through the real ``planner`` command: each case and a cousin of it ends
in one line (or in output that still reads), never in a traceback."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY

LONG = "x" * 300  # longer than any file name may be (Errno 36)


@pytest.fixture
def with_plan(run_cli) -> None:
    """Set up in process (tests/conftest.py run_cli: the same data dir and day); the cases run ``planner``."""
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_cli("done", "cat-cow").returncode == 0
    assert run_cli("pain", "3").returncode == 0


def no_traceback(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize(("encoding", "args"), [
    ({"PYTHONIOENCODING": "ascii"}, ("history",)), ({"PYTHONIOENCODING": "ascii"}, ("today",)),
    ({"PYTHONIOENCODING": "latin-1"}, ("report",)), ({"PYTHONIOENCODING": "ascii"}, ("plan", "show")),
    ({"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, ("plan", "show")),
])
def test_a_terminal_that_cannot_show_a_character_gets_a_readable_form(run_planner, with_plan, encoding: dict,
                                                                     args: tuple[str, ...]) -> None:
    result = no_traceback(run_planner(*args, env=encoding))
    assert result.returncode == 0 and result.stdout.strip()


def test_ascii_forms_replace_the_marks(run_planner, with_plan) -> None:
    history = run_planner("history", env={"PYTHONIOENCODING": "ascii"}).stdout
    assert "Adherence" in history and "\u00b7" not in history and " - current streak" in history


def test_a_closed_standard_output_is_one_line(tmp_path: Path, with_plan) -> None:
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY}
    command = f"{shlex.quote(sys.executable)} -m planner today >&-"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["planner: cannot write the output (standard output is closed)"]


@pytest.mark.parametrize("args", [
    ("--data-dir", LONG, "status"), ("--library", LONG, "validate"), ("calendar", "--live", LONG + ".ics"),
    ("export", "-o", LONG + ".toml"), ("report", "-o", LONG + ".md"),
])
def test_a_path_too_long_is_one_line(run_planner, with_plan, args: tuple[str, ...]) -> None:
    result = no_traceback(run_planner(*args))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "File name too long" in result.stderr


def test_a_long_data_dir_from_the_environment_is_one_line(run_planner) -> None:
    result = no_traceback(run_planner("today", env={"PLANNER_DATA_DIR": LONG}))
    assert result.returncode == 1 and "File name too long" in result.stderr


def test_proc_as_a_library_is_refused_in_lines_not_a_traceback(run_planner) -> None:
    result = no_traceback(run_planner("validate", env={"PLANNER_LIBRARY": "/proc/self/fdinfo"}))
    assert result.returncode in (0, 1)


@pytest.mark.parametrize("folder", ["/proc", "/"])
def test_a_whole_machine_as_a_library_is_not_walked_to_its_end(run_cli, folder: str) -> None:
    """``PLANNER_LIBRARY=/proc`` walked every process's links into the whole file system (regressed to a hang
    of minutes). The one library walk stops after MAX_FOLDERS folders and says so."""
    result = no_traceback(run_cli("validate", env={"PLANNER_LIBRARY": folder}))
    assert result.returncode == 1
    assert f"{folder}: folder: holds more than 500 folders, so it is not read" in result.stdout + result.stderr


def test_every_reader_of_a_library_folder_stops_at_the_cap(run_cli, tmp_path, monkeypatch) -> None:
    """Exercises, lessons, pain rules and the read model's key share the one bounded walk: past the cap, none
    of them reads a file of the folder (each would name its broken files otherwise)."""
    from planner.domain.files import folders

    monkeypatch.setattr(folders, "MAX_FOLDERS", 6)
    deep = tmp_path / "lib"
    for depth in range(8):
        deep = deep / f"z{depth}"  # after lessons and pain-rules, as folders sort
        (deep / "lessons").mkdir(parents=True)
        (deep / "pain-rules").mkdir()
        (deep / "lessons" / "x.toml").write_text("not toml [[\n")
        (deep / "pain-rules" / "default.toml").write_text("not toml [[\n")
        (deep / "x.toml").write_text("not toml [[\n")
    result = no_traceback(run_cli("validate", env={"PLANNER_LIBRARY": str(tmp_path / "lib")}))
    said = (result.stdout + result.stderr).splitlines()
    assert result.returncode == 1
    assert "lib: folder: holds more than 6 folders, so it is not read; give a folder of exercise and " \
        "program files" in said
    assert not [line for line in said if ".toml" in line], "no file of a folder past the cap is read, by any reader"
    assert no_traceback(run_cli("today", env={"PLANNER_LIBRARY": str(tmp_path / "lib")})).returncode == 0


def test_control_characters_typed_in_arguments_never_reach_the_store(run_planner, with_plan, tmp_path) -> None:
    assert run_planner("undo").returncode == 0  # a day with a check-off is not skipped (it would erase it)
    assert run_planner("skip", "--why", "sick\r\nForged: all done \x1b]0;x\x07\u202e").returncode == 0
    today = run_planner("today").stdout
    (line,) = [line for line in today.splitlines() if "Skipped:" in line]
    assert line.strip() == "· Skipped: sick Forged: all done ]0;x."
    assert "\x1b" not in today and "\u202e" not in today and "\\u" not in today
    assert run_planner("report", "-o", "report.md").returncode == 0
    report = (tmp_path / "report.md").read_text()
    assert "\x1b" not in report and "\x07" not in report


def test_import_into_a_fresh_folder_needs_the_screening_like_plan_new(run_planner, with_plan, tmp_path) -> None:
    assert run_planner("export", "-o", "plan.toml").returncode == 0
    fresh = {"PLANNER_DATA_DIR": str(tmp_path / "fresh")}
    refused = no_traceback(run_planner("import", "plan.toml", env=fresh))
    assert refused.returncode == 1
    assert refused.stderr.startswith("planner: answer the safety questions before your first plan")
    assert not (tmp_path / "fresh" / "planner.db").exists() or run_planner(
        "status", "--line", env=fresh).stdout.startswith("no plan")
    assert run_planner("screen", "--none", env=fresh).returncode == 0
    assert run_planner("import", "plan.toml", env=fresh).returncode == 0


@pytest.mark.parametrize("kind", ["broken-link", "folder", "fifo", "dev-zero-link", "link-loop"])
def test_a_pain_rules_file_that_is_not_a_regular_file_is_a_problem(run_planner, tmp_path, kind: str) -> None:
    rules = tmp_path / "lib" / "pain-rules"
    rules.mkdir(parents=True)
    target = rules / "default.toml"
    {"broken-link": lambda: target.symlink_to(tmp_path / "missing.toml"), "folder": target.mkdir,
     "fifo": lambda: os.mkfifo(target), "dev-zero-link": lambda: target.symlink_to("/dev/zero"),
     "link-loop": lambda: target.symlink_to(target)}[kind]()
    result = no_traceback(run_planner("--library", "lib", "validate", timeout=60))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "lib/pain-rules/default.toml" in result.stdout + result.stderr
    assert "ok:" not in result.stdout


@pytest.mark.parametrize(("line", "message"), [
    ("progress_max = true", "progress_max: input should be a valid integer; got True"),
    ('reduce_factor = "0.5"', "reduce_factor: input should be a valid number; got '0.5'"),
    ("hold_max = 4.0", "hold_max: input should be a valid integer; got 4.0"),
    ("reduce_factor = nan", "reduce_factor: input should be a finite number"),
])
def test_pain_rule_numbers_are_strict(run_planner, tmp_path, line: str, message: str) -> None:
    rules = tmp_path / "lib" / "pain-rules"
    rules.mkdir(parents=True)
    (rules / "default.toml").write_text(line + "\n")
    result = no_traceback(run_planner("--library", "lib", "validate"))
    assert result.returncode == 1 and message in result.stdout + result.stderr


@pytest.mark.parametrize(("value", "message"), [
    ('"0.5"', "adaptation.factor: input should be a valid number; got '0.5'"),
    ("true", "adaptation.factor: input should be a valid number; got True"),
    ("1e-300", "adaptation.factor: 1e-300 is out of range"),
])
def test_adaptation_numbers_are_strict(run_planner, with_plan, tmp_path, value: str, message: str) -> None:
    assert run_planner("export", "-o", "plan.toml").returncode == 0
    text = (tmp_path / "plan.toml").read_text()
    if "[adaptation]" not in text:
        text += "\n[adaptation]\nfactor = 1.0\n"
    text = re.sub(r"(?m)^factor = .*$", f"factor = {value}", text)
    (tmp_path / "bad.toml").write_text(text)
    result = no_traceback(run_planner("import", "bad.toml"))
    assert result.returncode == 1 and message in result.stderr, result.stderr


def test_simulate_before_the_plan_starts_projects_from_its_first_day(run_planner) -> None:
    assert run_planner("plan", "new", "--program", "core-foundation", "--start", "2026-03-16").returncode == 0
    result = no_traceback(run_planner("simulate", "--pain", "3", "--weeks", "2"))
    assert result.returncode == 0 and "has ended" not in result.stdout
    assert "From Monday 2026-03-16 (week 1 of 12)" in result.stdout  # the plan's own week numbers


@pytest.mark.parametrize(("host", "message"), [
    ("", "planner: --host: is empty, which would listen on every network interface"),
    ("999.1.1.1", "planner: --host: 999.1.1.1 is not an address planner can listen on"),
    (" ", "planner: --host: is empty, which would listen on every network interface"),
    ("lo\ncal", "planner: --host: lo\\u000acal is not an address planner can listen on"),
    # An address, but of another machine: refused before the "anyone who can reach it" warning is printed.
    ("192.0.2.1", "planner: --host: 192.0.2.1 is not an address of this machine; use 127.0.0.1"),
])
def test_serve_names_the_host_as_the_problem(run_cli, host: str, message: str) -> None:
    result = no_traceback(run_cli("serve", "--host", host, "--port", "8791"))
    assert result.returncode == 2 and result.stderr.startswith(message), result.stderr
    assert "--port" not in result.stderr.split(";")[0]


def can_mount() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


def test_on_a_full_disk_reads_and_backups_still_work(run_planner, tmp_path) -> None:
    """A real full disk: a small tmpfs in a private mount namespace, filled to the last byte."""
    if not can_mount():
        pytest.skip("needs root and unshare -m to mount a small tmpfs")
    disk = tmp_path / "disk"
    disk.mkdir()
    data = disk / "data"
    planner = f"{shlex.quote(sys.executable)} -m planner --data-dir {shlex.quote(str(data))}"
    reads = ["status --line", "today", "history", "plan show", "export",
             f"export -o {tmp_path}/backup.toml", f"report -o {tmp_path}/report.md"]
    script = "; ".join([
        f"mount -t tmpfs -o size=2m tmpfs {disk}", f"{planner} screen --none >/dev/null",
        f"{planner} plan new --program core-foundation >/dev/null", f"{planner} done cat-cow >/dev/null",
        f"dd if=/dev/zero of={disk}/fill bs=64k 2>/dev/null",
        *(f"{planner} {r} >/dev/null; echo rc=$?" for r in reads), f"{planner} done; echo rc=$?"])
    env = {**os.environ, "PLANNER_TODAY": "2026-03-20"}
    env.pop("PLANNER_LIBRARY", None)
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, env=env,
                            timeout=300)
    codes = [line for line in result.stdout.splitlines() if line.startswith("rc=")]
    assert codes == ["rc=0"] * len(reads) + ["rc=1"], result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "or the disk is full); nothing was recorded" in result.stderr.splitlines()[-1]
    assert (tmp_path / "backup.toml").stat().st_size > 0 and (tmp_path / "report.md").stat().st_size > 0


def without_root_powers() -> list[str] | None:
    """Root reads any folder; ``setpriv`` drops the two capabilities that let it, so a folder with mode
    000 refuses it as it would refuse anyone else."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.mark.parametrize(("env_name", "args"), [
    (None, ("--data-dir", "{locked}/data", "status", "--line")),
    (None, ("--data-dir", "{locked}/data", "plan", "new", "--program", "core-foundation")),
    ("PLANNER_DATA_DIR", ("today",)),
    ("PLANNER_LIBRARY", ("validate",)),
])
def test_a_folder_the_user_cannot_read_is_one_line(tmp_path: Path, env_name: str | None,
                                                    args: tuple[str, ...]) -> None:
    prefix = without_root_powers()
    if prefix is None:
        pytest.skip("needs root and setpriv to stand for a user without the folder's permission")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    env = {**os.environ, "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    if env_name:
        env[env_name] = str(locked / "data") if env_name == "PLANNER_DATA_DIR" else str(locked)
    argv = [arg.format(locked=locked) for arg in args]
    result = no_traceback(subprocess.run([*prefix, sys.executable, "-m", "planner", *argv], capture_output=True,
                                         text=True, env=env, cwd=tmp_path, timeout=60))
    assert result.returncode == 1, result.stderr
    assert "Permission denied" in result.stderr and len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert "locked" in result.stderr, "the line names the folder"


@pytest.mark.parametrize("args", [("library", "\n"), ("today", "--date", "2026-03-02\r\nForged"), ("x\ny",)])
def test_an_argument_with_a_newline_is_refused_in_one_line(run_planner, args: tuple[str, ...]) -> None:
    """Found by ``make fuzz``: argparse echoed an unknown argument as typed, newline and all."""
    result = no_traceback(run_planner(*args))
    assert result.returncode in (1, 2) and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("args", [("note", "bad\udcffbyte"), ("skip", "--why", "\udce9t\udce9"),
                                  ("pain", "2", "--where", "low \udcff back"), ("function", "set", "So\udcffcks")])
def test_a_byte_that_is_not_utf8_in_an_argument_is_stored_as_a_replacement_character(run_cli, tmp_path,
                                                                                      args) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates, which SQLite refused with a traceback
    (``UnicodeEncodeError``). The text gate turns each into U+FFFD, as a UTF-8 reader would show it."""
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    result = no_traceback(run_cli(*args))
    assert result.returncode == 0, result.stderr
    import sqlite3

    connection = sqlite3.connect(tmp_path / "data" / "planner.db")
    stored = "\n".join(connection.iterdump())
    connection.close()
    assert "\ufffd" in stored
    assert no_traceback(run_cli("report")).returncode == 0


@pytest.mark.parametrize("name", ["\u202eSocks", "Walk\x9b31m", "Film\x1b]0;x\x07"])
def test_an_activity_name_with_a_control_or_bidi_character_is_refused(run_cli, name: str) -> None:
    """Activity names went round the text gate: U+202E and C1 codes were stored and reached report.md."""
    result = no_traceback(run_cli("function", "set", name))
    assert result.returncode == 2
    assert result.stderr.startswith("planner: function: an activity's name contains the control character U+")
    assert "No activities yet" in run_cli("function").stdout, "nothing was stored"


def test_the_store_cleans_activity_names_from_every_face(tmp_path) -> None:
    """The store is the gate whichever face adds, renames or imports an activity."""
    import datetime as dt

    from planner.domain.function import Activity
    from planner.store.store import Store

    with Store(tmp_path / "data") as store:
        store.add_activities(["\u202eSocks\u2028now"], dt.date(2026, 3, 2))
        store.merge_activities([Activity(0, "Film\x9b31m", dt.date(2026, 3, 2), None, ())])
        (first, second) = store.activities()
        store.rename_activity(first.id, "Sit\x1b[2J\udcff")
        assert [a.name for a in store.activities()] == ["Sit[2J\ufffd", "Film31m"]
        assert second.name == "Film31m"


def test_a_warning_sign_is_heard_while_the_plan_is_damaged_and_its_pause_carries_over(run_cli, tmp_path) -> None:
    """The screening needs no plan: with a damaged plan it was refused, emergency advice and all."""
    import sqlite3

    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    connection = sqlite3.connect(tmp_path / "data" / "planner.db")
    connection.execute("UPDATE plans SET inputs = '{bad'")
    connection.commit()
    connection.close()
    heard = no_traceback(run_cli("screen", "--yes", "saddle"))
    assert heard.returncode == 0 and "EMERGENCY: go to an emergency department now" in heard.stdout
    assert run_cli("screen", "--none").returncode == 0
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_cli("status", "--line").stdout.startswith("EMERGENCY"), "only resume --confirm lifts the pause"


@pytest.mark.parametrize("args", [("export", "-o", "plan.toml"), ("report", "-o", "report.md"),
                                  ("calendar", "--live", "live.ics"), ("schema", "-o", ".")])
def test_sigterm_in_the_middle_of_a_write_leaves_no_file_and_no_temporary(run_cli, tmp_path, monkeypatch,
                                                                          args: tuple[str, ...]) -> None:
    """SIGTERM arrives while the text is on its way to the disk (from fsync, so the moment is fixed): the
    command ends with 143 and no traceback, and neither the file nor its temporary is left."""
    import signal

    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    before = set(tmp_path.iterdir())
    monkeypatch.setattr(os, "fsync", lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    result = no_traceback(run_cli(*args))
    monkeypatch.undo()
    assert result.returncode == 143, result.stderr
    assert set(tmp_path.iterdir()) == before, "nothing written, no temporary left"


def test_an_imported_name_reaches_markdown_and_calendar_readers_as_text(run_cli, tmp_path) -> None:
    """Raw HTML, a javascript: link and a remote image in an imported program_name: literal text in the
    Markdown export and report, and an escaped X-WR-CALNAME (its ; and , are iCalendar syntax)."""
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_cli("export", "-o", "plan.toml").returncode == 0
    name = '<img src=http://evil.example/x.png> [x](javascript:alert(1)); a, b'
    text = re.sub(r'(?m)^program_name = .*$', f"program_name = {name!r}".replace("'", '"'),
                  (tmp_path / "plan.toml").read_text())
    (tmp_path / "edited.toml").write_text(text)
    assert run_cli("import", "edited.toml").returncode == 0
    markdown = run_cli("export", "--format", "md").stdout + run_cli("report").stdout
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript:", markdown), "every < and ] is escaped"
    assert "\\<img src=http://evil.example" in markdown
    ics = re.sub(r"\r?\n[ \t]", "", run_cli("export", "--format", "ics").stdout)  # long lines unfolded
    (calname,) = [line for line in ics.splitlines() if line.startswith("X-WR-CALNAME")]
    assert calname.rstrip("\r") == "X-WR-CALNAME:<img src=http://evil.example/x.png> [x](javascript:alert(1))\\; a\\, b"


def test_a_warning_sign_in_a_pain_report_is_heard_while_the_plan_is_damaged(run_cli, tmp_path) -> None:
    """A cousin of the screening case: 'pain 8 --flag saddle' was refused with the damaged-plan line."""
    import sqlite3

    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    connection = sqlite3.connect(tmp_path / "data" / "planner.db")
    connection.execute("UPDATE plans SET inputs = '{bad'")
    connection.commit()
    connection.close()
    plain = no_traceback(run_cli("pain", "3"))
    assert plain.returncode == 1 and "plan 1 is damaged" in plain.stderr, "without a sign: the damage is the answer"
    heard = no_traceback(run_cli("pain", "8", "--flag", "saddle"))
    assert heard.returncode == 0, heard.stderr
    assert heard.stdout.splitlines()[1:3] == ["EMERGENCY: go to an emergency department now",
                                              "You reported: numbness in the saddle area (genitals, buttocks, "
                                              "inner thighs)."]
    assert "the pause stays until 'planner resume --confirm'" in heard.stdout
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    assert run_cli("status", "--line").stdout.startswith("EMERGENCY"), "only resume --confirm lifts the pause"


def test_an_unreadable_pain_rules_folder_is_a_problem_validate_names(run_cli, tmp_path, monkeypatch) -> None:
    """In process, listing the folder made to fail as it does without permission (root reads every folder)."""
    rules = tmp_path / "lib" / "pain-rules"
    rules.mkdir(parents=True)
    (rules / "default.toml").write_text("reduce_factor = 0.5\n")
    real_listdir = os.listdir

    def listdir(path="."):  # type: ignore[no-untyped-def]
        if str(path).endswith("pain-rules"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    result = no_traceback(run_cli("--library", "lib", "validate"))
    assert result.returncode == 1
    assert "lib/pain-rules: folder: cannot be read (Permission denied); the pain rules in it are not used until " \
           "it can be" in result.stdout + result.stderr
