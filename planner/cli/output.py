"""Printing helpers shared by the commands: JSON to stdout, notices to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def notice(message: str) -> None:
    print(f"planner: {message}", file=sys.stderr)
