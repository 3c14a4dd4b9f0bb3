"""Every text box in the app: Textual's Input, with its editing keys run in the order they were typed.

Textual's Input types a character the moment the key reaches it, but its own bound keys (Backspace, the
arrows, Home, End, ...) only run once the key has bubbled up to the app and come back as a binding. When a
terminal hands over two keys in one read (a phone's keyboard, an SSH app, a quick thumb), the character
after a Backspace is typed first and then deleted: "5", then Backspace and 7 together, left "5", not "7".
Reported upstream as Textualize/textual#6605 (open, with a fix proposed in #6631 that does what this does):
the field runs its own non-priority bindings as the key reaches it. Priority bindings were already checked
before the key got here, and the focused widget's bindings come first in the chain anyway, so what a key
does is unchanged; only when.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TextField(Input):
    """An Input whose Backspace, arrows and other bound keys keep their place among the typed characters."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await self._run_own_binding(event.key):
            event.stop()
            event.prevent_default()
        await super()._on_key(event)  # types a character; for any key, restarts the cursor's blink

    async def _run_own_binding(self, key: str) -> bool:
        """Run this field's binding for ``key`` now, as the app would once the key bubbled up to it."""
        for binding in self._bindings.key_to_bindings.get(key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False
