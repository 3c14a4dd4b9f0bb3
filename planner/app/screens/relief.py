"""Relief, for when the back has just seized: a gentle routine, a heat or cold timer, the red flags.

Works with or without a plan. The routine is the domain's own relief routine
(the one a paused plan gives), so the advice never differs between screens.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.access import planner_app
from planner.app.bindings import RELIEF_BINDINGS
from planner.app.compact import CompactFooterKeys
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.nav_bar import NavBar
from planner.domain.days.relief import relief_routine
from planner.domain.library.loading import Library
from planner.domain.pain.warning_signs import HEADINGS, SIGNS

HEAT_MINUTES = (15, 20)


class ReliefScreen(CompactFooterKeys, SizedScreen):
    BINDINGS = RELIEF_BINDINGS
    COMPACT_KEYS = ("timer", "pause", "app.go('today')")  # the footer on a phone

    def __init__(self) -> None:
        super().__init__()
        self.minutes = HEAT_MINUTES[0]

    @property
    def library(self) -> Library:
        return planner_app(self).data.context.library

    def compose(self) -> ComposeResult:
        self.routine = relief_routine(self.library)
        yield NavBar("relief")
        yield Static(Content.assemble(("Back just seized? ", "bold"), "Breathe out slowly. Move gently, and only "
                                      "within comfort. These usually help:"), id="relief-intro")
        with Horizontal(id="relief-body"):
            options = [Option(Content(f"{p.name} · {p.dose_text()}"), id=p.id) for p in self.routine]
            yield OptionList(*(options or [Option("The library has no relief exercises.", disabled=True)]),
                             id="relief-list")
            with VerticalScroll(id="relief-detail"):
                yield ExerciseDetail()
        yield Static(id="heat-title")
        yield Countdown(id="heat-timer")
        yield Static(self._flags(), id="red-flags")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self._show_heat()
        self.query_one("#relief-list", OptionList).focus()
        if self.routine:
            self.query_one(ExerciseDetail).show(self.library, self.routine[0].id, self.routine[0], brief=True)

    @staticmethod
    def _flags() -> Content:
        flags = "; ".join(s.question for s in SIGNS if s.level == "emergency")
        return Content.assemble((f"{HEADINGS['emergency']} if you have any of: ", "bold"), flags, ".")

    def _show_heat(self) -> None:
        self.query_one("#heat-title", Static).update(
            f"Heat or cold pack in a towel, {self.minutes} min: s start · p pause · +/- time")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        item = next((p for p in self.routine if p.id == event.option.id), None)
        if item is not None:
            self.query_one(ExerciseDetail).show(self.library, item.id, item, brief=True)

    def action_timer(self) -> None:
        self.query_one(Countdown).start(self.minutes * 60, "Heat/cold:", "heat")

    def action_pause(self) -> None:
        countdown = self.query_one(Countdown)
        if not countdown.active:
            self.notify("No timer is running: press s to start it.")
            return
        countdown.toggle_pause()

    def _change(self, minutes: int) -> None:
        """Within 15–20 minutes (longer risks the skin); a running countdown changes with it."""
        if minutes == self.minutes:
            self.notify(f"{minutes} min is the {'longest' if minutes == HEAT_MINUTES[1] else 'shortest'} "
                        f"the pack should stay on: {HEAT_MINUTES[0]} to {HEAT_MINUTES[1]} min.")
            return
        countdown = self.query_one(Countdown)
        if countdown.active:
            countdown.extend((minutes - self.minutes) * 60)
        self.minutes = minutes
        self._show_heat()

    def action_longer(self) -> None:
        self._change(HEAT_MINUTES[1])

    def action_shorter(self) -> None:
        self._change(HEAT_MINUTES[0])

    def on_countdown_finished(self, event: Countdown.Finished) -> None:
        planner_app(self).cue()
        self.notify("Time to take the pack off. Check your skin; rest before another round.", timeout=15)
