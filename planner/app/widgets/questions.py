"""A yes/no question a person answers on purpose: never by a quick Enter, never by pasted text.

Two forms of the one idea. A :class:`QuestionBox` is a tick box (pain check-in, safety screening): space
ticks it, Enter moves on and never ticks. A :class:`SignQuestion` asks a warning sign with a No and a Yes
button and nothing chosen at first, since a tick box is one stray space away from a "yes" to an emergency
sign: Tab or Enter reaches No first, so quick Enters never land on Yes; ``y`` and ``n`` answer the question
whose button has focus; a tap on either answers it too. A sign left unanswered counts as no, as it does for
the CLI's ``planner pain`` without ``--flag``.

Both guard their answer keys the same way (:class:`PasteGuard`): a key that arrives in a burst (text pasted
into a terminal that sends it as keystrokes, or typed into a field just before) is part of the text, not an
answer, so it answers nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Focus, Key
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from planner.app.widgets.tick_box import TickBox

# Keys closer together than this came from a paste (or a key held down), not a person choosing an answer.
PASTE_GAP_SECONDS = 0.001
# A key this soon after a letter is part of the same text; one pressed later is an answer again
# (otherwise a space taken for text would make every later space "text" until another key came).
TEXT_GAP_SECONDS = 0.25


class PasteGuard:
    """Mix in before a focusable widget: its ``ANSWER_KEYS`` do nothing when they come in a burst."""

    ANSWER_KEYS: ClassVar[frozenset[str]] = frozenset()
    _last: float = 0.0  # when the widget got focus, or its last key was sent
    _in_text = False  # the last key was part of typed or pasted text, not an answer

    def on_focus(self, event: Focus) -> None:
        self._last, self._in_text = event.time, False

    def on_key(self, event: Key) -> None:
        if event.key in self.ANSWER_KEYS:
            gap = event.time - self._last
            pasted = (self._in_text and gap < TEXT_GAP_SECONDS) or gap < PASTE_GAP_SECONDS
            if pasted:  # sent before the widget had focus, hard on another key, or after a letter: a paste
                event.prevent_default()
                event.stop()
            self._in_text = pasted
        else:
            self._in_text = event.is_printable
        self._last = max(self._last, event.time)


class QuestionBox(PasteGuard, TickBox):
    """A yes/no question as a tick box: space ticks it; Enter moves on to the next question and never ticks."""

    ANSWER_KEYS = frozenset({"space"})
    BINDINGS = [Binding("space", "toggle_button", "Tick", show=False), Binding("enter", "next", show=False)]

    def action_next(self) -> None:
        self.screen.focus_next()


class AnswerButton(PasteGuard, Button):
    """A warning sign's No or Yes."""

    ANSWER_KEYS = frozenset({"y", "n", "space", "enter"})


def label(answer: str, chosen: bool) -> str:
    """``(•) No`` when chosen: readable without colour."""
    return f"({'•' if chosen else ' '}) {answer}"


class SignQuestion(Vertical):
    """One warning sign's question; ``value`` is None (unanswered), False (no) or True (yes)."""

    BINDINGS = [Binding("y", "answer(True)", "Yes", show=False), Binding("n", "answer(False)", "No", show=False)]

    value: reactive[bool | None] = reactive(None, init=False)

    class Answered(Message):
        def __init__(self, question: SignQuestion) -> None:
            super().__init__()
            self.question = question

    def __init__(self, question: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="sign-question")
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(self.question, classes="sign-text")
        with Horizontal(classes="sign-answers"):
            yield AnswerButton(label("No", False), id="no", compact=True)
            yield AnswerButton(label("Yes", False), id="yes", compact=True)

    def focus_first(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.value = yes
        self.post_message(self.Answered(self))

    def watch_value(self, value: bool | None) -> None:
        for button, chosen in ((self.query_one("#yes", Button), value is True),
                               (self.query_one("#no", Button), value is False)):
            button.label = label("Yes" if button.id == "yes" else "No", chosen)
            button.set_class(chosen, "-chosen")
        self.set_class(value is True, "-yes")
