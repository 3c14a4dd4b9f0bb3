"""Relief, for when the back has just seized: a gentle routine, a heat or cold timer, the red flags.

Works with or without a plan. The routine is the domain's own relief routine
(the one a paused plan gives), so the advice never differs between screens.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planner.app.access import planner_app
from planner.app.bindings import RELIEF_BINDINGS
from planner.app.compact import CompactLayout
from planner.app.screens.more import MoreKeys
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.domain.days.relief import ReliefItem, relief_items
from planner.domain.kinds import AlertLevel
from planner.domain.library.loading import Library
from planner.domain.pain.warning_signs import HEADINGS, SIGNS


class ReliefScreen(MoreKeys, CompactLayout, SizedScreen):
    BINDINGS = RELIEF_BINDINGS
    FOOTER_PRIORITY = ("timer", "pause", "resume", "app.go('today')", "shorter", "longer")

    def __init__(self) -> None:
        super().__init__()
        self.pack: ReliefItem | None = None  # the heat or cold pack the timer is for
        self.minutes = 0

    @property
    def library(self) -> Library:
        return planner_app(self).data.context.library

    def compose(self) -> ComposeResult:
        self.items = relief_items(self.library)
        self.routine = [i.prescription for i in self.items]
        self._choose_pack(next((i for i in self.items if i.timer and i.instead_of is None), None))
        yield NavBar("relief")
        yield Static(Content.assemble(("Back just seized? ", "bold"), "Breathe out slowly. Move gently, and only "
                                      "within comfort. These usually help:"), id="relief-intro")
        with Horizontal(id="relief-body"):
            options = [Option(Content(_label(i)), id=i.prescription.id) for i in self.items]
            yield OptionList(*(options or [Option("The library has no relief exercises.", disabled=True)]),
                             id="relief-list")
            with VerticalScroll(id="relief-detail"):
                yield ExerciseDetail()
        yield Static(id="heat-title")
        yield Countdown(id="heat-timer")
        yield Static(self._flags(), id="red-flags")
        yield FittedFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self._show_heat()
        self.query_one("#relief-list", OptionList).focus()
        if self.routine:
            self.query_one(ExerciseDetail).show(self.library, self.routine[0].id, self.routine[0], brief=True)


    @staticmethod
    def _flags() -> Content:
        flags = "; ".join(s.question for s in SIGNS if s.level == AlertLevel.EMERGENCY)
        return Content.assemble((f"{HEADINGS['emergency']} if you have any of: ", "bold"), flags, ".")

    def _choose_pack(self, item: ReliefItem | None) -> None:
        if item is None or item.timer is None or item is self.pack:
            return
        self.pack, self.minutes = item, item.prescription.minutes or item.timer[0]

    def _show_heat(self) -> None:
        if self.pack is None or self.pack.timer is None:
            self.query_one("#heat-title", Static).update("")
            return
        self.query_one("#heat-title", Static).update(
            f"{self.pack.prescription.name} in a towel, {self.minutes} min (at most {self.pack.timer[1]}): "
            "s start · p pause · +/- time")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        item = next((i for i in self.items if i.prescription.id == event.option.id), None)
        if item is not None:
            self.query_one(ExerciseDetail).show(self.library, item.prescription.id, item.prescription, brief=True)
            if item.timer and not self.query_one(Countdown).active:
                self._choose_pack(item)
                self._show_heat()

    def action_timer(self) -> None:
        if self.pack is None:
            self.notify("The library has no heat or cold pack to time.")
            return
        self.query_one(Countdown).start(self.minutes * 60, self.pack.prescription.name, "heat")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """p is "Pause" in the footer while the timer runs (or before it starts) and "Resume" while it is paused."""
        if action in ("pause", "resume") and self.is_mounted:
            countdown = self.query_one(Countdown)
            paused = countdown.active and not countdown.running
            return paused if action == "resume" else not paused
        return super().check_action(action, parameters)

    def action_pause(self) -> None:
        countdown = self.query_one(Countdown)
        if not countdown.active:
            self.notify("No timer is running: press s to start it.")
            return
        countdown.toggle_pause()
        self.refresh_bindings()

    def action_resume(self) -> None:
        self.action_pause()

    def _change(self, minutes: int) -> None:
        """Within the pack's own limits (cold 10–15, heat 10–20 min); a running countdown changes with it."""
        if self.pack is None or self.pack.timer is None:
            return
        shortest, longest = self.pack.timer
        minutes = max(shortest, min(longest, minutes))
        if minutes == self.minutes:
            self.notify(f"{minutes} min is the {'longest' if minutes == longest else 'shortest'} "
                        f"the {self.pack.kind} pack should stay on: {shortest} to {longest} min.")
            return
        countdown = self.query_one(Countdown)
        if countdown.active:
            countdown.extend((minutes - self.minutes) * 60)
        self.minutes = minutes
        self._show_heat()

    def action_longer(self) -> None:
        self._change(self.minutes + 5)

    def action_shorter(self) -> None:
        self._change(self.minutes - 5)

    def on_countdown_finished(self, event: Countdown.Finished) -> None:
        planner_app(self).cue()
        self.notify("Time to take the pack off. Check your skin; rest before another round.", timeout=15)


def _label(item: ReliefItem) -> str:
    """"Cold pack · instead of heat · 10 min": what the list shows for each step."""
    instead = " · instead of heat, first 2 days only" if item.instead_of else ""
    return f"{item.prescription.name}{instead} · {item.prescription.dose_text()}"
