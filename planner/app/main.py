"""PlannerApp: one mode per place (Today, Plan, Library, History, Relief, New plan).

The app owns navigation and the one :class:`Snapshot` every screen draws from.
Store work runs in a thread worker; when it finishes the snapshot is replaced
and every screen watching it redraws. Nothing ticks while the app is idle.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from concurrent.futures import Future

from textual import work
from textual.app import App, ComposeResult
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widgets import Static

from planner.app.bindings import APP_BINDINGS
from planner.app.commands import PlannerCommands
from planner.app.data import AppData, Outcome, Snapshot
from planner.context import Context
from planner.domain.errors import PlannerError

MIN_WIDTH, MIN_HEIGHT = 60, 20


def _modes() -> dict[str, Callable[[], Screen]]:
    """Each place's screen, imported the first time it opens: Today draws without waiting for the rest
    (and ``planner today`` never pays for Textual)."""

    def lazy(module: str, name: str) -> Callable[[], Screen]:
        def make() -> Screen:
            return getattr(importlib.import_module(f"planner.app.screens.{module}"), name)()

        return make

    return {"today": lazy("today", "TodayScreen"), "plan": lazy("weeks", "PlanViewScreen"),
            "library": lazy("catalogue", "LibraryScreen"), "history": lazy("history", "HistoryScreen"),
            "relief": lazy("relief", "ReliefScreen"), "builder": lazy("wizard", "PlanBuilderScreen")}


class PlannerApp(App[None]):
    # Every screen's styles, read once at start: a screen that brings its own CSS_PATH makes Textual
    # re-parse every stylesheet and restyle the whole app the first time it opens.
    CSS_PATH = ["app.tcss", *(f"screens/{name}.tcss" for name in (
        "today", "weeks", "catalogue", "history", "relief", "wizard", "session_runner", "checkin", "days",
        "export", "help", "too_small", "screening", "resume"))]
    TITLE = "planner"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {PlannerCommands}

    snapshot: reactive[Snapshot | None] = reactive(None, always_update=True, init=False)

    def __init__(self, context: Context, data: AppData | None = None, opening: Future[Outcome] | None = None):
        """``opening`` is ``data.load()`` already under way (see ``run_app``): Today can then be the first
        screen drawn, instead of a "loading" screen while the worker reads the store."""
        super().__init__()
        self.data = data or AppData(context)
        self._opening = opening

    def compose(self) -> ComposeResult:
        yield Static("Opening your plan…", id="loading")

    def on_mount(self) -> None:
        self.sub_title = self.data.today.strftime("%a %d %b %Y")
        self._restore_theme()
        for name, screen in _modes().items():
            self.add_mode(name, screen)
        opening = self._opening
        if opening is not None and opening.done() and opening.exception() is None:
            self._publish(opening.result(), self._opened)
        else:
            self.run_store(opening.result if opening is not None else self.data.load, self._opened)

    def _opened(self, outcome: Outcome) -> None:
        self.switch_mode("today" if outcome.snapshot.plan is not None else "builder")
        self._check_size()

    # Theme (chosen in the palette, kept in the store) --------------------

    def _restore_theme(self) -> None:
        try:
            saved = self.data.saved_theme()
        except PlannerError:
            saved = None  # the load that follows reports what is wrong with the store
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_chosen)

    def _theme_chosen(self, theme: Theme) -> None:
        self._save_theme(theme.name)

    @work(thread=True, group="theme", exclusive=True)
    def _save_theme(self, name: str) -> None:
        try:
            self.data.save_theme(name)
        except PlannerError as err:
            self.call_from_thread(self.notify, f"The theme is not kept for next time: {err}", severity="warning")

    # Store work -------------------------------------------------------------

    def run_store(self, operation: Callable[[], Outcome], then: Callable[[Outcome], None] | None = None,
                  failed: Callable[[str], None] | None = None) -> None:
        """Run a store operation off the UI thread; publish its snapshot, then call ``then``.

        A refusal (a :class:`PlannerError`) goes to ``failed`` if given, so a dialog can show it
        where the person is looking; otherwise it pops up as a notification.
        """
        self._store_worker(operation, then, failed)

    @work(thread=True, group="store")
    def _store_worker(self, operation: Callable[[], Outcome], then: Callable[[Outcome], None] | None,
                      failed: Callable[[str], None] | None) -> None:
        try:
            outcome = operation()
        except PlannerError as err:
            if failed is not None:
                self.call_from_thread(failed, str(err))
            else:
                self.call_from_thread(self.notify, str(err), title="Could not do that", severity="error",
                                      timeout=10)
            return
        self.call_from_thread(self._publish, outcome, then)

    def _publish(self, outcome: Outcome, then: Callable[[Outcome], None] | None) -> None:
        self.snapshot = outcome.snapshot
        if then is not None:
            then(outcome)

    # Navigation -------------------------------------------------------------

    def action_go(self, mode: str) -> None:
        if self.snapshot is None or self.current_mode == mode or self.is_too_small:
            return
        if self.snapshot.plan is None and mode not in ("builder", "library", "relief"):
            self.notify("Build a plan first: fill in the form and press ctrl+s.")
            mode = "builder"
        self.switch_mode(mode)

    def action_help(self) -> None:
        from planner.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen) and not self.is_too_small:
            self.push_screen(HelpScreen())

    def action_export(self) -> None:
        from planner.app.screens.export import ExportDialog

        if self.snapshot is None or self.is_too_small or isinstance(self.screen, ModalScreen):
            return
        if self.snapshot.plan is None:
            self.notify("Build a plan first: there is nothing to export yet.")
            return
        self.push_screen(ExportDialog())

    # Terminal too small -----------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Runs before Textual's own handler updates ``self.size``, so it reads the event's size."""
        self._check_size(event.size)

    @property
    def is_too_small(self) -> bool:
        return self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT

    def _check_size(self, size: Size | None = None) -> None:
        from planner.app.screens.too_small import TooSmallScreen

        size = size or self.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
