"""PlannerApp: opens on Today, or on the plan builder when there is no plan yet."""

from __future__ import annotations

from textual.app import App

from planner.app.bindings import APP_BINDINGS
from planner.app.data import AppData
from planner.context import Context


class PlannerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "planner"
    BINDINGS = APP_BINDINGS

    def __init__(self, context: Context):
        super().__init__()
        self.data = AppData(context)

    def on_mount(self) -> None:
        self.sub_title = self.data.today.isoformat()
        if self.data.active is None:
            self.action_new_plan()
        else:
            self.show_today()

    def show_today(self) -> None:
        from planner.app.screens.today import TodayScreen

        self.switch_screen(TodayScreen()) if len(self.screen_stack) > 1 else self.push_screen(TodayScreen())

    def action_new_plan(self) -> None:
        from planner.app.screens.wizard import PlanBuilderScreen

        if len(self.screen_stack) > 1:
            self.switch_screen(PlanBuilderScreen())
        else:
            self.push_screen(PlanBuilderScreen())

    def action_help(self) -> None:
        from planner.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())
