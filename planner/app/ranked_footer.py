"""A footer built for the width: a screen names its keys in order of importance, and the footer lists them
while they fit, so the keys that matter most (Quit, a screen's main action) are never the ones cut.

Every key still works; help and the command palette list them all. The bindings stay the one table in
``planner.app.bindings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual.app import App
from textual.binding import ActiveBinding


def action_name(action: str) -> str:
    """"app.toggle_sound" -> "toggle_sound", "answer(True)" -> "answer"."""
    return action.split("(")[0].split(".")[-1]


def ranked_footer(app: App, bindings: dict[str, ActiveBinding], rank: Sequence[str],
                  room: int) -> dict[str, ActiveBinding]:
    """``bindings`` with ``show`` set for the enabled, shown ones whose action is in ``rank``, taken in that
    order while their "key Word" fits in ``room`` columns; every other binding is hidden from the footer."""
    shown: set[str] = set()
    for name in rank:
        for key, active in bindings.items():
            binding = active.binding
            if key in shown or not binding.show or not active.enabled or action_name(binding.action) != name:
                continue
            cost = len(app.get_key_display(binding)) + len(binding.description) + 3
            if cost <= room:
                shown.add(key)
                room -= cost
    return {key: active._replace(binding=replace(active.binding, show=key in shown))
            for key, active in bindings.items()}
