"""Program files in the older ``[[blocks]]`` format (before ``[[slots]]``) still load, with a notice."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunPlanner

# As program files were written before slots (the built-in core-foundation of that time, as [[blocks]]).
OLD_PROGRAM = """\
name = "My old core"
goal = "Build the deep trunk muscles that steady the lower back."
description = "Written for planner before movement slots."
weeks = 8
default_days = ["mon", "wed", "fri"]
default_minutes = 20
fill = 0.5

[[blocks]]
category = "core"
count = 3

[[blocks]]
exercises = ["glute-bridge"]

[[blocks]]
category = "flexibility"
count = 1
"""

INLINE_PROGRAM = """\
name = "Inline blocks"
goal = "Steady trunk."
description = "Blocks as an inline array."
blocks = [
    { category = "core", count = 2 },
    { category = "flexibility", count = 1 },
]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "lib" / "programs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    return folder / name


def test_validate_accepts_a_blocks_program_with_a_notice(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path, "my-old.toml", OLD_PROGRAM)
    write(tmp_path, "inline-old.toml", INLINE_PROGRAM)
    result = run_planner("validate", "--library", "lib")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
    notices = [line for line in result.stderr.splitlines() if "[[blocks]]" in line]
    assert len(notices) == 2
    assert any("lib/programs/my-old.toml" in line and "still works" in line for line in notices)
    programs = json.loads(run_planner("programs", "--library", "lib", "--json").stdout)
    assert {"my-old", "inline-old"} <= {p["id"] for p in programs}


def test_plan_new_builds_from_a_blocks_program(run_planner: RunPlanner, tmp_path: Path) -> None:
    write(tmp_path, "my-old.toml", OLD_PROGRAM)
    result = run_planner("plan", "new", "--library", "lib", "--program", "my-old", "--json")
    assert result.returncode == 0, result.stderr
    assert "my-old.toml" in result.stderr and "still works" in result.stderr
    plan = json.loads(result.stdout)
    assert plan["program"] == "my-old" and len(plan["weeks"]) == 8
    slots = [e["slot"] for e in plan["weeks"][0]["sessions"][0]["exercises"]]
    assert {"curl-up", "side-plank", "bird-dog", "bridge-hinge", "stretch"} <= set(slots)
    assert slots[-1] == "stretch", "stretches last"
    bridge = [e for e in plan["weeks"][0]["sessions"][0]["exercises"] if e["slot"] == "bridge-hinge"]
    chain = json.loads(run_planner("show", "glute-bridge", "--json").stdout)
    assert bridge and bridge[0]["id"] in {"glute-bridge", chain["easier"]}, "the block's own exercise chain"
    today = json.loads(run_planner("today", "--library", "lib", "--json").stdout)
    assert today["status"] == "planned" and today["exercises"]


def test_a_bad_block_is_reported_at_its_line(run_planner: RunPlanner, tmp_path: Path) -> None:
    bad = OLD_PROGRAM.replace('category = "flexibility"', 'category = "flexy"').replace(
        'exercises = ["glute-bridge"]', 'exercises = ["glute-bridgee"]').replace("count = 3", "count = 9")
    write(tmp_path, "my-old.toml", bad)
    result = run_planner("validate", "--library", "lib")
    assert result.returncode == 1
    lines = bad.splitlines()
    expected = {
        lines.index("count = 9") + 1: "blocks[0].count",
        lines.index('exercises = ["glute-bridgee"]') + 1: "blocks[1].exercises",
        lines.index('category = "flexy"') + 1: "blocks[2].category",
    }
    for number, field in expected.items():
        assert any(line.startswith(f"lib/programs/my-old.toml:{number}: {field}: ") for line in
                   result.stderr.splitlines()), (number, field, result.stderr)
    assert "Traceback" not in result.stderr
    assert "glute-bridgee" in result.stderr and "'flexy' is not a category" in result.stderr


def test_migrate_rewrites_a_blocks_file_with_slots_keeping_its_comments(run_planner: RunPlanner,
                                                                        tmp_path: Path) -> None:
    """'planner migrate FILE': the same program in [[slots]], comments above the blocks kept, a .bak left."""
    mine = tmp_path / "lib"
    mine.mkdir(exist_ok=True)
    file = mine / "my-old-core.toml"
    file.write_text("# My physio's program, March 2026\n" + OLD_PROGRAM.replace(
        'weeks = 8', 'weeks = 8  # eight weeks, then review'), encoding="utf-8")
    before = run_planner("--library", str(mine), "programs", "--json")
    assert before.returncode == 0 and "[[blocks]]" in before.stderr
    result = run_planner("--library", str(mine), "migrate", str(file))
    assert result.returncode == 0, result.stderr
    text = file.read_text(encoding="utf-8")
    assert "[[slots]]" in text and "[[blocks]]" not in text
    assert text.startswith("# My physio's program, March 2026\n") and "# eight weeks, then review" in text
    assert (mine / "my-old-core.toml.bak").read_text(encoding="utf-8").count("[[blocks]]") == 3
    after = run_planner("--library", str(mine), "programs", "--json")
    assert after.returncode == 0 and "[[blocks]]" not in after.stderr
    assert json.loads(after.stdout) == json.loads(before.stdout), "the same program, now written with slots"
    again = run_planner("--library", str(mine), "migrate", str(file))
    assert again.returncode == 0 and "already in the current format" in again.stdout
    missing = run_planner("migrate", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
