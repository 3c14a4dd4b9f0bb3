"""The command palette, robust to keys that arrive before it is built or after it is taken down.

Textual's palette looks up its list and input by query whenever a key, a watcher or its search worker
runs. Keys come in bursts (a terminal hands several over in one read), so a burst can reach the
palette after it was dismissed and its children were removed, or before it composed them; the search
worker can also finish after the list is gone. Each of those lookups then raised ``NoMatches
'CommandList'`` and ended the app. Here every such entry point first asks :meth:`parts_ready`, and a
dismissal cancels the search before anything is removed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from textual import events, work
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Button, Input, OptionList

PALETTE_ID = "--command-palette"
F = TypeVar("F", bound=Callable[..., Any])
# What a person's keys become inside the palette; handled by Textual's ``@on`` methods, so they are
# guarded where they arrive (an ``@on`` method cannot be wrapped in a subclass).
INPUT_MESSAGES = (events.Key, Input.Changed, Input.Submitted, Button.Pressed, OptionList.OptionSelected,
                  OptionList.OptionHighlighted)


def _when_ready(method: F) -> F:
    """Run ``method`` only while the palette's own widgets are in place; otherwise do nothing."""
    @wraps(method)
    def guarded(self: PlannerPalette, *args: Any, **kwargs: Any) -> Any:
        if self.parts_ready():
            return method(self, *args, **kwargs)
        return None

    return guarded  # type: ignore[return-value]


class PlannerPalette(CommandPalette):
    """Textual's palette; see the module's docstring for what is different."""

    def parts_ready(self) -> bool:
        if not self.is_attached or getattr(self, "_closing", False) or getattr(self, "_pruning", False):
            return False
        return bool(self.query(CommandList))

    def dismiss(self, result: Any = None) -> Any:
        self._cancel_gather_commands()
        return super().dismiss(result)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        if not self.parts_ready():
            return
        await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]

    _refresh_command_list = _when_ready(CommandPalette._refresh_command_list)
    _watch__list_visible = _when_ready(CommandPalette._watch__list_visible)
    _start_no_matches_countdown = _when_ready(CommandPalette._start_no_matches_countdown)
    _action_command_list = _when_ready(CommandPalette._action_command_list)
    _action_cursor_down = _when_ready(CommandPalette._action_cursor_down)

    async def _on_message(self, message: Message) -> None:
        """A key, a typed change or a choice that reaches the palette without its widgets is dropped."""
        if isinstance(message, INPUT_MESSAGES) and not self.parts_ready():
            return
        await super()._on_message(message)

    async def _watch__show_busy(self) -> None:
        if self.parts_ready():
            await super()._watch__show_busy()
