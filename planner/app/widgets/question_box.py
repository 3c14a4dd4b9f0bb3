"""A yes/no question asked with a tick box (pain check-in, safety screening), safe against quick Enters
and pasted text: only a deliberate space ticks it."""

from __future__ import annotations

from textual.binding import Binding
from textual.events import Focus, Key

from planner.app.widgets.tick_box import TickBox

# Keys closer together than this came from a paste (or a key held down), not a person choosing an answer.
PASTE_GAP_SECONDS = 0.001
# A space this soon after a letter is part of the same text; one pressed later is an answer again
# (otherwise a space taken for text would make every later space "text" until another key came).
TEXT_GAP_SECONDS = 0.25


class QuestionBox(TickBox):
    """A yes/no question: space ticks it; Enter moves on to the next question and never ticks.

    A space that arrives in a burst of keys (text pasted into a terminal that sends it as keystrokes)
    is part of the paste, not an answer, so it ticks nothing either.
    """

    BINDINGS = [Binding("space", "toggle_button", "Tick", show=False), Binding("enter", "next", show=False)]

    def action_next(self) -> None:
        self.screen.focus_next()

    _last: float = 0.0  # when this box got focus, or its last key was sent
    _in_text = False  # the last key was part of typed or pasted text, not an answer

    def on_focus(self, event: Focus) -> None:
        self._last, self._in_text = event.time, False

    def on_key(self, event: Key) -> None:
        if event.key == "space":
            gap = event.time - self._last
            pasted = (self._in_text and gap < TEXT_GAP_SECONDS) or gap < PASTE_GAP_SECONDS
            if pasted:  # sent before the box had focus, hard on another key, or after a letter: a paste
                event.prevent_default()
                event.stop()
            self._in_text = pasted
        else:
            self._in_text = event.is_printable
        self._last = max(self._last, event.time)
