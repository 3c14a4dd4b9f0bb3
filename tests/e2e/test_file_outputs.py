"""Every file planner writes goes through one helper: regular files only, no links, --force to replace,
no FIFO that hangs, no temporary file left behind; folders it makes are private whatever the umask."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from planner.domain.errors import PlannerError
from planner.exports.files import STALE_SECONDS, remove_stale_temporaries, write_export
from planner.exports.live import is_live_calendar
from planner.store.database import make_private_folders


def test_a_link_at_the_target_is_refused_and_its_victim_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "plan.md").symlink_to(victim)
    with pytest.raises(PlannerError, match="is a symbolic link; planner writes only to a regular file"):
        write_export(tmp_path / "out" / "plan.md", "new", force=True)
    assert victim.read_text() == "keep" and (tmp_path / "out" / "plan.md").is_symlink()


@pytest.mark.parametrize("kind", ["fifo", "dev-null-link", "folder"])
def test_special_targets_are_refused_without_opening_them(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)  # opening it for writing would wait for a reader for ever
    elif kind == "dev-null-link":
        target.symlink_to("/dev/null")
    else:
        target.mkdir()
    with pytest.raises(PlannerError, match="is not a regular file|is a folder"):
        write_export(target, "text", force=True)
    assert not list(tmp_path.glob(".planner-export-*"))


def test_an_existing_file_needs_force_unless_it_is_our_own_calendar(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    os.chmod(notes, 0o644)
    with pytest.raises(PlannerError, match="already exists; add --force"):
        write_export(notes, "BEGIN:VCALENDAR", ours=is_live_calendar)
    assert notes.read_text() == "my notes" and stat.S_IMODE(notes.stat().st_mode) == 0o644
    ours = tmp_path / "plan.ics"
    ours.write_text("BEGIN:VCALENDAR\r\nPRODID:-//planner//live calendar//EN\r\nEND:VCALENDAR\r\n")
    write_export(ours, "BEGIN:VCALENDAR\r\nPRODID:-//planner//live calendar//EN\r\nX:1\r\nEND:VCALENDAR\r\n",
                 ours=is_live_calendar)
    assert "X:1" in ours.read_text()
    write_export(notes, "replaced", force=True)
    assert notes.read_text() == "replaced"


def test_stale_temporaries_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".planner-export-old.tmp", tmp_path / ".planner-export-new.tmp"
    stale.write_text("health data from a killed write")
    fresh.write_text("a write in progress")
    old = time.time() - STALE_SECONDS - 5
    os.utime(stale, (old, old))
    write_export(tmp_path / "plan.md", "text")
    assert not stale.exists() and fresh.exists()
    remove_stale_temporaries(tmp_path, now=time.time() + STALE_SECONDS + 5)
    assert not fresh.exists() and (tmp_path / "plan.md").read_text() == "text"


def test_data_folders_are_private_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        make_private_folders(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for folder in ("a", "a/b", "a/b/c"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


def test_schema_and_calendar_go_through_the_same_rules(tmp_path: Path, run_cli, run_planner) -> None:
    """In process, but the FIFO: a regression there would hang, and only a subprocess has a timeout."""
    victim = tmp_path / "victim"
    victim.write_text("keep")
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    (schemas / "lesson.schema.json").symlink_to(victim)
    result = run_cli("schema", "-o", "schemas", "--force")
    assert result.returncode == 1 and result.stderr.splitlines() == [
        "planner: schemas/lesson.schema.json: is a symbolic link; planner writes only to a regular file, never "
        "through a link. Give the real path, or remove the link"]
    assert victim.read_text() == "keep" and not list(schemas.glob("*.json"))[1:], "nothing written"
    (schemas / "lesson.schema.json").unlink()
    assert run_cli("schema", "-o", "schemas").returncode == 0
    again = run_cli("schema", "-o", "schemas")
    assert again.returncode == 1 and "already exists; add --force to replace it" in again.stderr
    assert run_cli("schema", "-o", "schemas", "--force").returncode == 0
    fifo = tmp_path / "fifo-schemas"
    fifo.mkdir()
    os.mkfifo(fifo / "plan.schema.json")
    hung = run_planner("schema", "-o", "fifo-schemas", "--force", timeout=60)
    assert hung.returncode == 1 and "is not a regular file" in hung.stderr

    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    (tmp_path / "notes.txt").write_text("mine")
    refused = run_cli("calendar", "--live", "notes.txt")
    assert refused.returncode == 1 and "notes.txt: already exists; add --force" in refused.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"
    (tmp_path / "link.ics").symlink_to(tmp_path / "elsewhere.ics")
    linked = run_cli("calendar", "--live", "link.ics")
    assert linked.returncode == 1 and "is a symbolic link" in linked.stderr
    assert (tmp_path / "link.ics").is_symlink() and not (tmp_path / "elsewhere.ics").exists()
    assert run_cli("calendar", "--live", "plan.ics").returncode == 0
    assert run_cli("calendar", "--live", "plan.ics").returncode == 0, "its own calendar is replaced"
    assert run_cli("done").returncode == 0
    assert is_live_calendar(tmp_path / "plan.ics")
    assert run_cli("calendar", "--live", "notes.txt", "--force").returncode == 0
    assert (tmp_path / "notes.txt").read_text().startswith("BEGIN:VCALENDAR")
    assert not list(tmp_path.glob(".planner-export-*"))


def test_show_svg_goes_through_the_same_rules(tmp_path: Path, run_cli) -> None:
    """A cousin of the schema case: ``show ID --svg -o FILE`` wrote with ``write_text``, through a link to its
    victim, over a file of the person's own without --force, and hung on a FIFO."""
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / "link.svg").symlink_to(victim)
    linked = run_cli("show", "bird-dog", "--svg", "-o", "link.svg")
    assert linked.returncode == 1 and linked.stderr.startswith("planner: link.svg: is a symbolic link")
    assert victim.read_text() == "keep"
    (tmp_path / "mine.svg").write_text("mine")
    refused = run_cli("show", "bird-dog", "--svg", "-o", "mine.svg")
    assert refused.returncode == 1 and "mine.svg: already exists; add --force" in refused.stderr
    assert (tmp_path / "mine.svg").read_text() == "mine"
    assert run_cli("show", "bird-dog", "--svg", "-o", "mine.svg", "--force").returncode == 0
    assert (tmp_path / "mine.svg").read_text().startswith("<svg")
    os.mkfifo(tmp_path / "fifo.svg")
    hung = run_cli("show", "bird-dog", "--svg", "-o", "fifo.svg")
    assert hung.returncode == 1 and "is not a regular file" in hung.stderr


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_figures_folder_that_is_a_link_or_a_file_is_refused_before_the_plan_is_written(
        tmp_path: Path, run_cli, kind: str) -> None:
    """``export --format md -o plan.md`` writes plan-figures/ID.svg with --force: through a linked folder it
    replaced files of the same name wherever the link pointed."""
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "cat-cow.svg").write_text("mine")
    if kind == "link":
        (tmp_path / "plan-figures").symlink_to(elsewhere)
    else:
        (tmp_path / "plan-figures").write_text("notes")
    result = run_cli("export", "--format", "md", "-o", "plan.md")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("planner: plan-figures: is ")
    assert not (tmp_path / "plan.md").exists(), "a refusal changes nothing"
    assert (elsewhere / "cat-cow.svg").read_text() == "mine"


def test_the_figures_folder_is_never_writable_by_others(tmp_path: Path, run_cli) -> None:
    assert run_cli("plan", "new", "--program", "core-foundation").returncode == 0
    old = os.umask(0)
    try:
        assert run_cli("export", "--format", "md", "-o", "plan.md").returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan-figures").stat().st_mode) == 0o755


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "link-to-a-blocks-file"])
def test_migrate_reads_and_writes_by_the_same_rules(tmp_path: Path, run_cli, kind: str) -> None:
    """``migrate FILE`` read with ``read_text`` (a FIFO waited for ever, /dev/zero filled the memory) and wrote
    FILE.bak before refusing a linked FILE; now one line, exit 1, and nothing written."""
    blocks = tmp_path / "mine.toml"
    blocks.write_text('id = "mine"\nname = "Mine"\ndescription = "x"\nweeks = 4\n\n[[blocks]]\n'
                      'category = "mobility"\nexercises = ["cat-cow"]\n')
    target = tmp_path / "target.toml"
    {"fifo": lambda: os.mkfifo(target), "dev-zero-link": lambda: target.symlink_to("/dev/zero"),
     "link-to-a-blocks-file": lambda: target.symlink_to(blocks)}[kind]()
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli("migrate", "target.toml")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("planner: target.toml: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "nothing written, no backup"
