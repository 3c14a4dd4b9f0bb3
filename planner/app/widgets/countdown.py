"""A countdown with a progress bar: holds, rest between sets, and the heat or cold timer.

The interval timer exists only while a countdown runs, so an idle app never
redraws. Pausing stops the timer; resuming starts a new one. The time is also
drawn in large digits (Textual's ``Digits``), shown where a screen's styles
ask for them. The session runner, read from across the room, draws its own
time with :class:`BigClock`, whose digits scale with the window.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
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
        # "Heat pack: 9:59 left", and when paused "Heat pack paused at 9:59 · p resumes": a sentence at every size.
        if self.running:
            label.update(f"{self.label}: {clock_text(self.remaining)} left")
        else:
            label.update(f"{self.label} paused at {clock_text(self.remaining)} · p resumes")
        digits.update(clock_text(self.remaining))
        bar.update(total=self.total, progress=self.total - self.remaining)


# A clock to read from across the room ----------------------------------------------------------------

# Each character as 3×5 dots (the colon 1×5): drawn with half blocks, so one row of text holds two rows of
# dots, and scaled by whole numbers, so the same shapes serve a phone and a large window.
GLYPHS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    " ": ("...",) * 5,
}
HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def big_rows(scale: int) -> int:
    """Rows of text the big digits take at ``scale``: 3 at 1, 5 at 2, 8 at 3, 10 at 4."""
    return -(-5 * scale // 2)


def big_width(text: str, scale: int) -> int:
    dots = sum(len(GLYPHS.get(c, GLYPHS[" "])[0]) for c in text) + max(0, len(text) - 1)
    return dots * scale


def big_text(text: str, scale: int = 1) -> list[str]:
    """``text`` (digits, colons, spaces) in large block digits, ``scale`` dots per dot of the font."""
    glyphs = [GLYPHS.get(c, GLYPHS[" "]) for c in text]
    dots: list[list[bool]] = []
    for row in range(5):
        line: list[bool] = []
        for index, glyph in enumerate(glyphs):
            if index:
                line += [False] * scale  # the gap between two characters
            line += [d == "#" for d in glyph[row] for _ in range(scale)]
        dots += [line] * scale
    if len(dots) % 2:
        dots.append([False] * len(dots[0]))
    return ["".join(HALF[top, bottom] for top, bottom in zip(dots[r], dots[r + 1], strict=True))
            for r in range(0, len(dots), 2)]


class BigClock(Widget):
    """Large digits that grow with the room they are given: as wide as the widget allows and no taller
    than ``max_rows`` (the screen decides how much height the clock may take)."""

    DEFAULT_CSS = "BigClock { height: auto; width: 100%; }"

    text: reactive[str] = reactive("0:00", layout=True)
    max_rows: reactive[int] = reactive(3, layout=True)

    def scale_for(self, width: int) -> int:
        scale = 1
        while big_rows(scale + 1) <= self.max_rows and big_width(self.text, scale + 1) <= width:
            scale += 1
        return scale

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return big_rows(self.scale_for(width))

    def render(self) -> Content:
        return Content("\n".join(big_text(self.text, self.scale_for(self.content_region.width or 80))))
