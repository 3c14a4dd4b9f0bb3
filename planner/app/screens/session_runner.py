"""The session runner: today's exercises in order, one set at a time, with hold and rest timers.

Every set is recorded the moment it is checked off (a partial exercise keeps
how many sets were done), so quitting mid-session loses nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.bindings import RUNNER_BINDINGS
from planner.app.data import Snapshot
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.domain.library.models import Kind
from planner.domain.plan.model import Prescription


def work_seconds(item: Prescription) -> int:
    """How long one set takes: the hold, the whole duration, or the reps at their usual pace."""
    if item.kind is Kind.HOLD:
        return item.hold_seconds or 1
    if item.kind is Kind.DURATION:
        return (item.minutes or 1) * 60
    return (item.reps or 1) * item.seconds_per_rep


class SessionRunner(Screen):
    BINDINGS = RUNNER_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        snapshot: Snapshot = self.app.snapshot  # type: ignore[attr-defined]
        view = snapshot.day()
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

    def compose(self) -> ComposeResult:
        yield Static(id="runner-title")
        with Horizontal(id="runner-body"):
            yield OptionList(id="runner-list")
            with VerticalScroll(id="runner-detail"):
                yield Static(id="set-progress")
                yield ExerciseDetail()
        yield Countdown(id="timer")
        yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.redraw()
        self.query_one("#runner-list", OptionList).focus()

    @property
    def item(self) -> Prescription:
        return self.items[self.current]

    def redraw(self) -> None:
        finished = sum(1 for p in self.items if self.closed.get(p.id))
        self.query_one("#runner-title", Static).update(Content.assemble(
            (f"Session · {self.day.strftime('%A %d %B')}", "bold"),
            f" · {finished} of {len(self.items)} exercises finished"))
        options = self.query_one("#runner-list", OptionList)
        options.clear_options()
        for index, item in enumerate(self.items):
            status = self.closed.get(item.id)
            mark = {"done": "✓", "skipped": "–", "partial": "◐"}.get(status or "", "▶" if index == self.current else " ")
            options.add_option(Option(Content(f"{mark} {item.name[:24]:<24} {item.dose_text():>7}"), id=item.id))
        options.highlighted = self.current
        item = self.item
        done = self.sets_done[item.id]
        boxes = "■ " * done + "□ " * (item.sets - done)
        self.query_one("#set-progress", Static).update(
            Content.assemble((f"Set {min(done + 1, item.sets)} of {item.sets}  ", "bold"), boxes))
        self.query_one(ExerciseDetail).show(self.app.snapshot.library, item.id, item, brief=True)  # type: ignore[attr-defined]
        self.query_one("#hint", Static).update(self.hint())

    def hint(self) -> str:
        if all(self.closed.get(p.id) for p in self.items):
            return "All finished. Press f to finish and say how your back feels."
        if self.closed.get(self.item.id):
            return "This one is finished. Pick another with ↑↓, or press f to finish."
        countdown = self.query_one(Countdown)
        if countdown.active and countdown.purpose == "rest":
            return "Resting. space ends the rest early; p pauses."
        timer = "s starts the hold" if self.item.kind is Kind.HOLD else "s starts a timer"
        return f"space: set done · {timer} · m: partial · x: skip"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            self.current = event.option_index
            self.query_one(Countdown).stop()
            self.redraw()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_next_set()

    def _save(self, item: Prescription, status: str) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        sets = self.sets_done[item.id]
        self.app.run_store(lambda: data.record([item], status, sets))  # type: ignore[attr-defined]

    def action_next_set(self) -> None:
        countdown = self.query_one(Countdown)
        if countdown.active and countdown.purpose == "rest":
            countdown.stop()
            self.redraw()
            return
        countdown.stop()
        item = self.item
        if self.closed.get(item.id) == "done":
            self._advance()
            return
        self.sets_done[item.id] += 1
        if self.sets_done[item.id] >= item.sets:
            self.closed[item.id] = "done"
            self._save(item, "done")
            self._advance()
            return
        self._save(item, "partial")
        if item.rest_seconds:
            countdown.start(item.rest_seconds, f"Rest before set {self.sets_done[item.id] + 1}:", "rest")
        self.redraw()

    def _advance(self) -> None:
        following = [i for i in range(len(self.items)) if not self.closed.get(self.items[i].id)]
        if following:
            self.current = next((i for i in following if i > self.current), following[0])
        self.redraw()

    def action_timer(self) -> None:
        item = self.item
        if self.closed.get(item.id):
            self.notify("This exercise is finished; pick another with ↑↓.")
            return
        what = {Kind.HOLD: "Hold", Kind.DURATION: "Keep going", Kind.REPS: f"{item.reps} reps, about"}[item.kind]
        self.query_one(Countdown).start(work_seconds(item), f"{what}", "work")

    def on_countdown_finished(self, event: Countdown.Finished) -> None:
        if event.purpose == "work":
            self.app.bell()
            self.action_next_set()
        elif event.purpose == "rest":
            self.notify("Rest over: next set when you are ready (s or space).")
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

    def action_finish(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

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
