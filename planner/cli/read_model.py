"""``planner today`` and ``planner status`` printed from the read model (:mod:`planner.actions.views`).

The kept views hold what the commands worked out (today's text and JSON; the status line and its
state); the wording around them (``--ascii``, ``--json``, the plain form) is put on here, as the
commands themselves do.
"""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from typing import Any


def json_text(data: Any) -> str:
    """Exactly what :func:`planner.cli.output.print_json` prints."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def show(command: str, args: Any, views: dict[str, Any]) -> bool:
    """Print the kept view for ``command``; ``False`` when there is none to print."""
    view = views.get(command)
    if not isinstance(view, dict):
        return False
    if command == "today":
        sys.stdout.write(view["json"] if args.json else view["text"])
        return True
    line = view["line"]
    if args.ascii:
        line = line.replace("✓", "ok").replace("—", "-")
    if args.json:
        sys.stdout.write(json_text({"date": view["date"], "state": view["state"], "line": line}))
    elif args.line:
        sys.stdout.write(line + "\n")
    else:
        sys.stdout.write(f"{line}  ({view['date']}; 'planner today' shows the session)\n")
    return True
