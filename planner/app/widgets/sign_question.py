"""A warning-sign question answered No or Yes on purpose: two buttons, No first, nothing chosen at first.

A tick box is one stray space away from a "yes" to an emergency sign. Here the question is a line of
text with a No and a Yes button under it: Tab or Enter reaches No first, so quick Enters never land
on Yes; ``y`` and ``n`` answer the question whose button has focus; a tap on either answers it too.
A question left unanswered counts as no, as it does for the CLI's ``planner pain`` without ``--flag``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Focus, Key
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from planner.app.widgets.question_box import PASTE_GAP_SECONDS, TEXT_GAP_SECONDS


class AnswerButton(Button):
    """No or Yes. A key that arrives in a burst (text pasted into a terminal that sends it as keystrokes,
    or typed into a field just before) is part of the text, not an answer: it answers nothing."""

    _last: float = 0.0
    _in_text = False

    def on_focus(self, event: Focus) -> None:
        self._last, self._in_text = event.time, False

    def on_key(self, event: Key) -> None:
        if event.key in ANSWER_KEYS:
            gap = event.time - self._last
            pasted = (self._in_text and gap < TEXT_GAP_SECONDS) or gap < PASTE_GAP_SECONDS
            if pasted:
                event.prevent_default()
                event.stop()
            self._in_text = pasted
        else:
            self._in_text = event.is_printable
        self._last = max(self._last, event.time)


ANSWER_KEYS = frozenset({"y", "n", "space", "enter"})


def label(answer: str, chosen: bool) -> str:
    """``(•) No`` when chosen: readable without colour."""
    return f"({'•' if chosen else ' '}) {answer}"


class SignQuestion(Vertical):
    """One question; ``value`` is None (unanswered), False (no) or True (yes)."""

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
