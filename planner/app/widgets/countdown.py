"""A countdown with a progress bar: holds, rest between sets, and the heat or cold timer.

The interval timer exists only while a countdown runs, so an idle app never
redraws. Pausing stops the timer; resuming starts a new one. The time is also
drawn in large digits (Textual's ``Digits``), shown where a screen's styles
ask for them: the session runner is read from across the room.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Digits, ProgressBar, Static


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class Countdown(Horizontal):
    DEFAULT_CLASSES = "countdown"

    class Finished(Message):
        """The countdown reached zero (or was finished early on purpose)."""

        def __init__(self, countdown: Countdown, purpose: str) -> None:
            super().__init__()
            self.countdown = countdown
            self.purpose = purpose

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 0
        self.remaining = 0
        self.purpose = ""
        self.label = ""
        self.idle_text = "No timer running."
        self.idle_seconds = 0
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.idle_text, classes="countdown-label")
        yield Digits("0:00", classes="countdown-digits")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False)

    def ready(self, seconds: int, text: str) -> None:
        """What the idle countdown shows: the time the next timer would run, and how to start it."""
        self.idle_seconds, self.idle_text = seconds, text
        self._show()

    @property
    def running(self) -> bool:
        return self._timer is not None

    @property
    def active(self) -> bool:
        """Started and not yet finished: running or paused."""
        return self.remaining > 0

    def start(self, seconds: int, label: str, purpose: str) -> None:
        self.stop()
        self.total = self.remaining = max(1, seconds)
        self.label, self.purpose = label, purpose
        self._timer = self.set_interval(1, self._tick)
        self._show()

    def toggle_pause(self) -> bool:
        """Pause or resume; returns whether it is now running."""
        if not self.active:
            return False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        else:
            self._timer = self.set_interval(1, self._tick)
        self._show()
        return self.running

    def extend(self, seconds: int) -> None:
        """Lengthen (or with a negative number, shorten) a started countdown; it never drops below 1 s."""
        if not self.active:
            return
        self.total = max(1, self.total + seconds)
        self.remaining = max(1, min(self.remaining + seconds, self.total))
        self._show()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.remaining = 0
        self._show()

    def finish(self) -> None:
        """End now as if the time ran out (skip the rest, or a test that cannot wait)."""
        purpose = self.purpose
        self.stop()
        self.post_message(self.Finished(self, purpose))

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.finish()
        else:
            self._show()

    def _show(self) -> None:
        if not self.is_mounted:
            return
        label = self.query_one(".countdown-label", Static)
        bar = self.query_one(ProgressBar)
        digits = self.query_one(Digits)
        if not self.active:
            label.update(self.idle_text)
            digits.update(clock_text(self.idle_seconds))
            bar.update(total=1, progress=0)
            return
        state = "" if self.running else "  (paused: p resumes)"
        label.update(f"{self.label} {clock_text(self.remaining)}{state}")
        digits.update(clock_text(self.remaining))
        bar.update(total=self.total, progress=self.total - self.remaining)
