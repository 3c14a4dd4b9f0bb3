"""Dismissed once, and only from the top: the guard every dialog and pushed screen of the app shares.

Textual's ``Screen.dismiss`` pops whatever screen is on top of the stack. Keys arrive in bursts (a thumb
on a phone, a paste, a terminal that delivers several at once), so a dialog can receive a key after
something else was pushed over it (the command palette, the too-small notice): dismissing then would
pop that other screen and leave the dialog behind, unable to close. A second choice in the same burst
would also call the caller's callback twice. A dismissal that comes while the screen is not on top,
or after it was already dismissed, is ignored: the key meant for it is dropped, as a key pressed on a
screen that is gone would be.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete


class DismissOnce:
    """Mix in before ``Screen``/``ModalScreen``: ``dismiss`` acts once, and only while on top."""

    _planner_dismissed = False

    @property
    def dismissed(self) -> bool:
        return self._planner_dismissed

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._planner_dismissed or not self.is_active:  # type: ignore[attr-defined]
            return AwaitComplete.nothing()
        self._planner_dismissed = True
        return super().dismiss(result)  # type: ignore[misc]
