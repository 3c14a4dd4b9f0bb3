"""The session runner, built around the timer: the exercise, its set dots and a large countdown.

It is read from the mat, across the room: every change (a set starts, rest
starts, switch sides, an exercise is done) rings the bell (unless sound is
off, ``b``) and flashes the timer panel. One-sided exercises run left, then
right, each with its own countdown. Every set is recorded the moment it is
checked off (a partial exercise keeps how many sets were done), so quitting
mid-session loses nothing. The exercise list is a side column that gives
way first: on a phone-sized terminal the timer fills the screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.bindings import RUNNER_BINDINGS
from planner.app.data import Outcome, Snapshot
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.domain.library.models import Kind
from planner.domain.plan.model import Prescription, set_reps

FLASH_SECONDS = 0.6
MARKS = {"done": "✓", "skipped": "–", "partial": "◐"}


def reps_in_set(item: Prescription, done: int) -> int:
    """The reps of the set after ``done`` sets: the same each set, or fewer each set when descending (6-4-2)."""
    counts = set_reps(item.sets, item.reps or 1, item.descending)
    return counts[min(done, len(counts) - 1)] if counts else item.reps or 1


def work_seconds(item: Prescription, done: int = 0) -> int:
    """How long the set after ``done`` sets takes: the hold, the whole duration, or its reps at their usual pace."""
    if item.kind is Kind.HOLD:
        return item.hold_seconds or 1
    if item.kind is Kind.DURATION:
        return (item.minutes or 1) * 60
    return reps_in_set(item, done) * item.seconds_per_rep


def set_dots(done: int, sets: int) -> str:
    """● for each set done, ○ for each to go: reads without colour."""
    return " ".join(["●"] * done + ["○"] * (sets - done))


class SessionRunner(SizedScreen):
    """Below 60 columns the list goes and one exercise shows at a time; from 110 the cues sit beside the timer."""

    BINDINGS = RUNNER_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        snapshot: Snapshot = self.app.snapshot  # type: ignore[attr-defined]
        view = snapshot.day()
        self.library = snapshot.library
        self.day = view.date
        self.items = list(view.exercises)
        done = snapshot.history.completions_on(view.date)
        self.sets_done: dict[str, int] = {}
        self.closed: dict[str, str] = {}
        for item in self.items:
            record = done.get(item.id)
            if record is None:
                self.sets_done[item.id] = 0
            elif record.status == "done":
                self.sets_done[item.id] = item.sets
                self.closed[item.id] = "done"
            else:
                self.sets_done[item.id] = min(record.sets or 0, item.sets)
                self.closed[item.id] = record.status if record.status == "skipped" else ""
        self.current = next((i for i, p in enumerate(self.items) if not self.closed.get(p.id)), 0)
        self.side: str | None = None  # "left" or "right" in a one-sided exercise's set
        self.note = snapshot.history.note_on(view.date)
        self._reset_side()

    def compose(self) -> ComposeResult:
        yield Static(id="runner-title")
        with Horizontal(id="runner-body"):
            yield OptionList(id="runner-list")
            with Vertical(id="runner-main"):
                with Vertical(id="runner-focus"):
                    yield Static(id="exercise-name")
                    yield Static(id="set-progress")
                    yield Countdown(id="timer")
                    yield Static(id="cue")
                    yield Static(id="hint")
                with VerticalScroll(id="runner-detail"):
                    yield ExerciseDetail()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.redraw()
        self.query_one("#runner-list", OptionList).focus()
        self._ready = True

    _ready = False  # keys wait for the widgets: in a burst, space can come right after the Enter that opened us

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys act only while the widgets are there: not before they mount, nor once the screen is
        being taken down (a burst of keys can still be queued for it)."""
        return self._ready and bool(self.query(Countdown))

    def size_changed(self, size: Size) -> None:
        if self.is_mounted and self.items:
            self.redraw()

    @property
    def item(self) -> Prescription:
        return self.items[self.current]

    def per_side(self, item: Prescription) -> bool:
        exercise = self.library.exercises.get(item.id)
        return exercise is not None and exercise.per_side

    def _reset_side(self) -> None:
        self.side = "left" if self.items and self.per_side(self.item) else None

    # Drawing ----------------------------------------------------------------

    def redraw(self) -> None:
        finished = sum(1 for p in self.items if self.closed.get(p.id))
        sound = "" if self.app.sound else " · sound off"  # type: ignore[attr-defined]
        title = f"{finished} of {len(self.items)} exercises finished{sound}"
        if self.app.size.width >= 60:
            title = f"{self.day.strftime('%a %d %b')} · {title}"
        self.query_one("#runner-title", Static).update(Content.styled(title, "bold"))
        options = self.query_one("#runner-list", OptionList)
        # Redrawing the list must not post "highlighted" messages: one handled after the session moved on
        # (a slow machine, a resize) would pull the runner back to the exercise it had just left.
        with options.prevent(OptionList.OptionHighlighted):
            options.clear_options()
            for index, item in enumerate(self.items):
                mark = MARKS.get(self.closed.get(item.id) or "", "▶" if index == self.current else " ")
                if not self.closed.get(item.id) and self.sets_done[item.id] and index != self.current:
                    mark = "◐"
                later = " (any time)" if item.apart else ""
                options.add_option(Option(Content(f"{mark} {item.name}{later}"), id=item.id))
            options.highlighted = self.current
        item = self.item
        done = self.sets_done[item.id]
        side = f" · {self.side} side" if self.side else ""
        self.query_one("#exercise-name", Static).update(Content.assemble(
            (item.name, "bold"), f"  {item.dose_text()}" + (" each side" if self.per_side(item) and not item.per_side else ""),
            f"  ({self.current + 1}/{len(self.items)})" + ("  any time today" if item.apart else "")))
        self.query_one("#set-progress", Static).update(Content.assemble(
            (f"Set {min(done + 1, item.sets)} of {item.sets}", "bold"), f"{side}   ", set_dots(done, item.sets)))
        countdown = self.query_one(Countdown)
        countdown.ready(work_seconds(item, done), self._ready_text(item))
        self.query_one(ExerciseDetail).show(self.library, item.id, item, brief=True)
        self.query_one("#hint", Static).update(self.hint())

    def _ready_text(self, item: Prescription) -> str:
        if self.closed.get(item.id):
            return "Finished."
        side = f" ({self.side} side)" if self.side else ""
        if item.kind is Kind.REPS:
            return f"{reps_in_set(item, self.sets_done[item.id])} reps{side}: about this long. s times it."
        return f"{'Hold' if item.kind is Kind.HOLD else 'Keep going'}{side}: s starts the timer."

    def hint(self) -> str:
        if all(self.closed.get(p.id) for p in self.items):
            return "All finished. Press f to finish and say how your back feels."
        if all(self.closed.get(p.id) or p.apart for p in self.items):
            return ("The session is finished. The walk can wait for any time today (check it off on Today): "
                    "f finishes now, or s times the walk.")
        if self.closed.get(self.item.id):
            return "This one is finished. Pick another with ↑↓, or press f to finish."
        countdown = self.query_one(Countdown)
        if countdown.active and countdown.purpose == "rest":
            return "Resting. space ends the rest early; p pauses."
        what = f"{self.side} side done" if self.side else "set done"
        timer = "p: pause" if countdown.active else "s: timer"
        return f"space: {what} · {timer} · m: partial · x: skip · b: sound"

    def sound_changed(self) -> None:
        self.redraw()

    def signal(self, message: str) -> None:
        """A change to notice from the mat: the bell (if sound is on), a flash, and the words in the panel
        (not a notification, which would cover the count on a small screen)."""
        self.app.cue()  # type: ignore[attr-defined]
        focus = self.query_one("#runner-focus")
        focus.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: focus.remove_class("-flash"))
        self.query_one("#cue", Static).update(Content.styled(message, "bold"))

    # Moving through the session ------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            self.current = event.option_index
            self.query_one(Countdown).stop()
            self._reset_side()
            self.redraw()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_next_set()

    def _save(self, item: Prescription, status: str) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        sets = self.sets_done[item.id]
        self.app.run_store(lambda: data.record([item], status, sets))  # type: ignore[attr-defined]

    def action_next_set(self, timed: bool = False) -> None:
        """space: the set (or, in a one-sided exercise, this side) is done. ``timed``: its countdown ran out."""
        countdown = self.query_one(Countdown)
        if countdown.active and countdown.purpose == "rest":
            countdown.stop()
            self.signal(f"Set {self.sets_done[self.item.id] + 1} starts.")
            self.redraw()
            return
        countdown.stop()
        item = self.item
        if self.closed.get(item.id) == "done":
            self._advance()
            return
        if self.side == "left":
            self.side = "right"
            self.signal("Switch sides: now the right.")
            if timed:
                self._start_work(item)
            self.redraw()
            return
        self.sets_done[item.id] += 1
        self._reset_side()
        if self.sets_done[item.id] >= item.sets:
            self.closed[item.id] = "done"
            self._save(item, "done")
            self.signal(f"{item.name} done.")
            self._advance()
            return
        self._save(item, "partial")
        if item.rest_seconds:
            countdown.start(item.rest_seconds, f"Rest before set {self.sets_done[item.id] + 1}:", "rest")
            self.signal("Rest.")
        self.redraw()

    def _advance(self) -> None:
        following = [i for i in range(len(self.items)) if not self.closed.get(self.items[i].id)]
        if following:
            self.current = next((i for i in following if i > self.current), following[0])
        self._reset_side()
        self.redraw()

    def _start_work(self, item: Prescription) -> None:
        done = self.sets_done[item.id]
        what = {Kind.HOLD: "Hold", Kind.DURATION: "Keep going",
                Kind.REPS: f"{reps_in_set(item, done)} reps, about"}[item.kind]
        side = f" ({self.side} side)" if self.side else ""
        self.query_one(Countdown).start(work_seconds(item, done), f"{what}{side}", "work")

    def action_timer(self) -> None:
        item = self.item
        if self.closed.get(item.id):
            self.notify("This exercise is finished; pick another with ↑↓.")
            return
        self._start_work(item)
        self.query_one("#hint", Static).update(self.hint())

    def on_countdown_finished(self, event: Countdown.Finished) -> None:
        if event.purpose == "work":
            self.action_next_set(timed=True)
        elif event.purpose == "rest":
            self.signal(f"Set {self.sets_done[self.item.id] + 1} starts: s times it, space when done.")
            self.redraw()

    def action_pause(self) -> None:
        countdown = self.query_one(Countdown)
        if not countdown.active:
            self.notify("No timer is running.")
            return
        countdown.toggle_pause()

    def action_partial(self) -> None:
        item = self.item
        if self.closed.get(item.id) == "done":
            return
        self.closed[item.id] = "partial"
        self.query_one(Countdown).stop()
        self._save(item, "partial")
        self._advance()

    def action_skip(self) -> None:
        item = self.item
        if self.closed.get(item.id) == "done":
            return
        self.closed[item.id] = "skipped"
        self.sets_done[item.id] = 0
        self.query_one(Countdown).stop()
        self._save(item, "skipped")
        self._advance()

    # Notes, finishing, leaving ---------------------------------------------

    def action_note(self) -> None:
        from planner.app.screens.note import NoteDialog

        self.app.push_screen(NoteDialog(self.note), self._note_written)

    def _note_written(self, text: str | None) -> None:
        if text is None or text == self.note:
            return
        self.note = text
        data, day = self.app.data, self.day  # type: ignore[attr-defined]
        self.app.run_store(lambda: data.save_note(day, text), self._note_kept)  # type: ignore[attr-defined]

    def _note_kept(self, outcome: Outcome) -> None:
        self.notify(" ".join(outcome.lines))

    def action_finish(self) -> None:
        from planner.app.screens.confirm import ConfirmDialog

        # A walk apart from the session is for any time today: finishing without it asks nothing.
        left = [p for p in self.items if not self.closed.get(p.id) and not p.apart]
        if not left:
            self._finish(True)
            return
        names = ", ".join(p.name for p in left[:3]) + (", …" if len(left) > 3 else "")
        question = (f"{len(left)} exercise{'s are' if len(left) > 1 else ' is'} not finished ({names}). "
                    "Finish the session anyway? What you did is kept; the rest stays unchecked.")
        self.app.push_screen(ConfirmDialog(question, "Finish", "Keep going"), self._finish)

    def _finish(self, confirmed: bool | None) -> None:
        from planner.app.screens.checkin import PainCheckIn

        if not confirmed:
            return
        self.query_one(Countdown).stop()
        self.app.push_screen(PainCheckIn(), self._checked_in)

    def _checked_in(self, _: object) -> None:
        self.dismiss()
        self.app.offer_next_lesson()  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        self.query_one(Countdown).stop()
        if any(self.sets_done.values()):
            self.notify("Your sets so far are saved. Enter picks the session up again.")
        self.dismiss()
