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

from planner.app.bindings import RELIEF_BINDINGS
from planner.app.compact import CompactLayout
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import Countdown
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.domain.days.relief import relief_routine
from planner.domain.library.loading import Library
from planner.domain.pain.warning_signs import HEADINGS, SIGNS
from planner.domain.plan.active_first import PACK_SHORTEST

# A pack stays on 10 to 20 minutes (cold 10-15, heat 15-20: longer risks the skin), in 5-minute steps.
HEAT_MINUTES = (PACK_SHORTEST, 20)
PACK_START, PACK_STEP = 15, 5


class ReliefScreen(CompactLayout, SizedScreen):
    BINDINGS = RELIEF_BINDINGS
    FOOTER_PRIORITY = ("timer", "pause", "app.go('today')", "shorter", "longer")

    def __init__(self) -> None:
        super().__init__()
        self.minutes = PACK_START

    @property
    def library(self) -> Library:
        return self.app.data.context.library  # type: ignore[attr-defined]

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
        yield FittedFooter()

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
            f"Heat or cold pack in a towel, {self.minutes} min (cold 10-15, heat 15-20): s start · p pause · "
            "+/- 5 min")

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
        """Within 10–20 minutes; a running countdown changes with it."""
        minutes = min(max(minutes, HEAT_MINUTES[0]), HEAT_MINUTES[1])
        if minutes == self.minutes:
            self.notify(f"{minutes} min is the {'longest' if minutes == HEAT_MINUTES[1] else 'shortest'} "
                        f"for a pack: cold {HEAT_MINUTES[0]}-{PACK_START} min, heat {PACK_START}-{HEAT_MINUTES[1]}.")
            return
        countdown = self.query_one(Countdown)
        if countdown.active:
            countdown.extend((minutes - self.minutes) * 60)
        self.minutes = minutes
        self._show_heat()

    def action_longer(self) -> None:
        self._change(self.minutes + PACK_STEP)

    def action_shorter(self) -> None:
        self._change(self.minutes - PACK_STEP)

    def on_countdown_finished(self, event: Countdown.Finished) -> None:
        self.app.cue()  # type: ignore[attr-defined]
        self.notify("Time to take the pack off. Check your skin; rest before another round.", timeout=15)
