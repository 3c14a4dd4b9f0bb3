"""``planner migrate FILE``: rewrite a program file from the ``[[blocks]]`` format in the current ``[[slots]]`` one."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.context import Context
from planner.domain.errors import InvalidFile, PlannerError, UsageError, display_path
from planner.domain.library.blocks import migrated_text, written_with_blocks
from planner.domain.library.loading import read_toml
from planner.exports.files import check_target, write_export


def migrate(args: argparse.Namespace, context: Context) -> int:
    path = Path(args.file).expanduser()
    shown = display_path(path)
    if not path.exists() and not path.is_symlink():
        raise UsageError(f"FILE: {shown} does not exist")
    # Read as every file is read: a regular file only, and no more than the limit (a FIFO would wait
    # for ever, /dev/zero would fill the memory).
    data, text, problems = read_toml(path)
    if data is None:
        raise InvalidFile(problems)
    if not written_with_blocks(data):
        print(f"{shown} is already in the current format (no [[blocks]]); nothing to do.")
        return 0
    rewritten, problems = migrated_text(text, shown, context.library.exercises)
    if rewritten is None:
        raise InvalidFile(problems)
    backup = path.with_name(path.name + ".bak")
    if backup.exists() and not args.force:
        raise PlannerError(f"{display_path(backup)} already exists: move it away, or use --force to replace it")
    check_target(path, force=True)  # a link is refused before the backup is written: a refusal changes nothing
    write_export(backup, text, force=True)
    write_export(path, rewritten, force=True)
    print(f"Rewrote {shown} with [[slots]], the current format; the original is kept in {display_path(backup)}. "
          f"Check it with: planner validate {shown}")
    return 0
