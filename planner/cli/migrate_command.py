"""``planner migrate FILE``: rewrite a program file from the ``[[blocks]]`` format in the current ``[[slots]]`` one."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from planner.context import Context
from planner.domain.errors import InvalidFile, PlannerError, UsageError, display_path
from planner.domain.library.blocks import migrated_text, written_with_blocks
from planner.exports.files import write_export


def migrate(args: argparse.Namespace, context: Context) -> int:
    path = Path(args.file).expanduser()
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"FILE: {shown} does not exist") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PlannerError(f"{shown}: cannot be read ({err})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise PlannerError(f"{shown}: is not valid TOML ({err}); fix it first ('planner validate {shown}')") from None
    if not written_with_blocks(data):
        print(f"{shown} is already in the current format (no [[blocks]]); nothing to do.")
        return 0
    rewritten, problems = migrated_text(text, shown, context.library.exercises)
    if rewritten is None:
        raise InvalidFile(problems)
    backup = path.with_name(path.name + ".bak")
    if backup.exists() and not args.force:
        raise PlannerError(f"{display_path(backup)} already exists: move it away, or use --force to replace it")
    write_export(backup, text, force=True)
    write_export(path, rewritten, force=True)
    print(f"Rewrote {shown} with [[slots]], the current format; the original is kept in {display_path(backup)}. "
          f"Check it with: planner validate {shown}")
    return 0
