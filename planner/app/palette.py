"""The command palette, robust to keys that arrive before it is built or after it is taken down.

Textual's palette looks up its list and input by query whenever a key, a watcher or its search worker
runs. Keys come in bursts (a terminal hands several over in one read), so a burst can reach the
palette after it was dismissed and its children were removed, or before it composed them; the search
worker can also finish after the list is gone. Each of those lookups then raised ``NoMatches
'CommandList'`` and ended the app. Here every such entry point first asks :meth:`parts_ready`, a
dismissal cancels the search before anything is removed, and the mount finds the screen the commands
act on in the palette's own stack (a place switched in the same burst left none beneath it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from textual import events, work
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from planner.app.screens.dismiss_once import DismissOnce

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


class PlannerPalette(DismissOnce, CommandPalette):
    """Textual's palette; see the module's docstring for what is different."""

    def parts_ready(self) -> bool:
        if not self.is_attached or getattr(self, "_closing", False) or getattr(self, "_pruning", False):
            return False
        return bool(self.query(CommandList))

    def _on_mount(self, event: events.Mount) -> None:
        """Textual's, except that the screen the commands act on is the one beneath this palette in its
        own stack. Textual takes ``screen_stack[-2]`` of the current place, which is wrong, or nothing
        at all (an ``IndexError``), when a key in the same burst switched places before the mount."""
        # Handlers run along the class's MRO: stop Textual's own palette mount (the one replaced here),
        # and run the screen's and widget's, which it would otherwise have reached.
        event.prevent_default()
        Widget._on_mount(self, event)  # noqa: SLF001
        Screen._on_mount(self, event)  # noqa: SLF001
        stack = next((s for s in self.app._screen_stacks.values() if self in s), [])  # noqa: SLF001
        index = stack.index(self) if self in stack else 0
        if index < 1:  # taken off its stack before it was even shown: there is nothing to offer
            return
        self.app.post_message(CommandPalette.Opened())
        self._calling_screen = stack[index - 1]
        match_style = self.get_visual_style("command-palette--highlight", partial=True)
        self._providers = [provider(self._calling_screen, match_style) for provider in self._provider_classes]
        for provider in self._providers:
            provider._post_init()  # noqa: SLF001
        self._gather_commands("")

    def dismiss(self, result: Any = None) -> Any:
        """Dismissed once and only from the top (:class:`DismissOnce`): a second Enter in the same burst
        would set the caller's result twice (``InvalidStateError``)."""
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
