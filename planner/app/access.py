"""The running app, typed: screens and widgets read its snapshot and settings through this.

Textual types ``self.app`` as a plain ``App``; posting writes ``cast("Posting", self.app)`` for the same
reason (``widgets/request/request_editor.py``). One function, so no screen has to silence the type
checker to reach the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from planner.app.main import PlannerApp


def planner_app(node: MessagePump) -> PlannerApp:
    """The :class:`PlannerApp` that ``node`` (a screen or a widget) runs in."""
    return cast("PlannerApp", node.app)
