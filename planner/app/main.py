"""PlannerApp: one mode per place (Today, Plan, Library, History, Relief, New plan).

The app owns navigation and the one :class:`Snapshot` every screen draws from.
Store work runs in a thread worker; when it finishes the snapshot is replaced
and every screen watching it redraws. Nothing ticks while the app is idle.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from textual import events, on, work
from textual._context import active_message_pump
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.events import Resize
from textual.geometry import Size
from textual.message_pump import MessagePump
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from planner.app import messages
from planner.app.bindings import APP_BINDINGS
from planner.app.commands import PlannerCommands
from planner.app.compact import (
    HORIZONTAL_BREAKPOINTS,
    MIN_HEIGHT,
    MIN_WIDTH,
    VERTICAL_BREAKPOINTS,
)
from planner.app.kept_settings import KeptSettings
from planner.app.paging import guard_paging
from planner.app.stylesheets import AT_START, ScreenStylesheets
from planner.domain.errors import PlannerError

if TYPE_CHECKING:  # the data's module imports the domain: made when first needed (see ``data``)
    from typing import Any

    from planner.app.data import AppData, Outcome, Snapshot
    from planner.context import Context
    from planner.domain.lessons.model import Lesson
    from planner.exports.live import LiveCalendar


# Input that waits while Today is drawn from a kept face and the plan loads (see PlannerApp.on_event).
HELD_INPUT = (events.Key, events.Paste, events.MouseDown, events.MouseUp, events.Click, events.MouseScrollDown,
              events.MouseScrollUp)
FACE_AFTER_WRITES = 2.0  # seconds without a write before Today's face is kept for the next start


def _modes() -> dict[str, Callable[[], Screen]]:
    """Each place's screen, imported the first time it opens: Today draws without waiting for the rest
    (and ``planner today`` never pays for Textual)."""

    def lazy(module: str, name: str) -> Callable[[], Screen]:
        def make() -> Screen:
            return getattr(importlib.import_module(f"planner.app.screens.{module}"), name)()

        return make

    def unopened() -> Screen:  # made when a load fails before anything was loaded (PlannerApp._refused)
        from planner.app.access import planner_app

        screen = Screen()
        reason = planner_app(screen).unopened_reason
        said = Static(f"Your plan could not be opened.\n\n{reason}\n\nPress q to quit, put that right, and "
                      "start planner again.", id="unopened")
        said.styles.padding = (1, 2)
        screen.compose_add_child(said)
        return screen

    return {"unopened": unopened, "today": lazy("today", "TodayScreen"), "plan": lazy("weeks", "PlanViewScreen"),
            "library": lazy("catalogue", "LibraryScreen"), "history": lazy("history", "HistoryScreen"),
            "relief": lazy("relief", "ReliefScreen"), "builder": lazy("wizard", "PlanBuilderScreen"),
            "learn": lazy("learn", "LearnScreen")}


def _attached(owner: MessagePump) -> bool:
    """Whether the screen or widget that asked is still on screen to hear the answer."""
    if not isinstance(owner, Widget):
        return True
    if not owner.is_attached:
        return False
    return (owner if isinstance(owner, Screen) else owner.screen) in owner.app.screen_stack


class PlannerApp(KeptSettings, ScreenStylesheets, App[None]):
    # Only the first screen's styles are parsed at start; every other screen's is read when that screen is
    # first made (see planner.app.stylesheets).
    CSS_PATH = ["app.tcss", *(f"screens/{name}.tcss" for name in AT_START)]
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    TITLE = "planner"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {PlannerCommands}

    snapshot: reactive[Snapshot | None] = reactive(None, always_update=True, init=False)

    def __init__(self, context: Context, data: AppData | None = None, opening: Future[Outcome] | None = None,
                 face: dict[str, Any] | None = None):
        """``opening`` is ``data.load()`` already under way (see ``run_app``): Today can then be the first
        screen drawn, instead of a "loading" screen while the worker reads the store. When it has finished
        by now, the theme and sound read with it are restored before anything is drawn.

        ``face``: Today as the last run showed it, kept for this very state (:mod:`planner.app.first_face`).
        Today is then drawn from it before anything is loaded, the plan is loaded once that frame is up,
        and keys and clicks meanwhile wait for it (:meth:`on_event`)."""
        super().__init__()
        guard_paging()
        self.context = context
        self._data = data
        self._making_data = threading.Lock()  # two workers asking at once make one
        self.kept_face = face
        self._held: list[events.Event] | None = [] if face is not None else None  # input waiting for the plan
        self.pending_lesson: str | None = None  # named after a session; Learn highlights it when shown again
        self.unopened_reason = ""  # why the plan could not be opened, when a first load failed
        self._opening = opening
        self.sound = True  # the bell at each change in a session; the person's choice is restored on mount
        self._kept_theme: str | None = None  # the theme the store holds: choosing it again saves nothing
        opened = opening is not None and opening.done() and opening.exception() is None
        settings = face["settings"] if face is not None else self.data.settings if opened else None
        self._settings_restored = settings is not None
        if settings is not None:  # read with the plan (or kept with its face): the first frame is in the person's theme
            for key, value in settings.items():
                self._restore_setting(key, value)
            # Nothing is parsed yet: the stylesheets are parsed once, with the theme's colours (the restyle
            # the theme asked for then finds the same colours, and parses nothing again).
            self.stylesheet.set_variables(self.get_css_variables())

    @property
    def data(self) -> AppData:
        """The door to the actions, made when first used: on a start drawn from a kept face, that is in the
        worker that loads the plan, after the first frame (its module imports the domain)."""
        with self._making_data:
            if self._data is None:
                from planner.app.data import AppData

                # On a start from a kept face (the ``planner`` command), the faces are kept from then on too.
                self._data = AppData(self.context, keep_faces=self.kept_face is not None)
        return self._data

    def compose(self) -> ComposeResult:
        yield Static("Opening your plan…", id="loading")

    def on_mount(self) -> None:
        self.sub_title = self.context.today.strftime("%a %d %b %Y")
        self._restore_theme()
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_later(self.check_size))
        for name, screen in _modes().items():
            self.add_mode(name, screen)
        if self.kept_face is not None:  # Today from the kept face now; the plan once that frame is drawn
            self.switch_mode("today")
            self.check_size()
            self.call_after_refresh(lambda: self.post_message(messages.Load(self)))
            return
        opening = self._opening
        if opening is not None and opening.done() and opening.exception() is None:
            self._publish(messages.Load(self, opening), opening.result())
        else:
            self.post_message(messages.Load(self, opening))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands (theme, keys, screenshot…) but its "Quit": :class:`PlannerCommands` lists
        ours, with its key, and the palette would otherwise offer Quit twice."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    # Store work -------------------------------------------------------------

    @on(messages.Request)
    def _requested(self, request: messages.Request) -> None:
        """Every screen's action runs here, off the UI thread; the answer goes back to the screen that asked."""
        request.stop()
        self._store_worker(request)

    @work(thread=True, group="store")
    def _store_worker(self, request: messages.Request) -> None:
        try:
            outcome = request.run(self.data)
        except PlannerError as err:
            self.call_from_thread(self._refused, request, str(err))
            return
        self.call_from_thread(self._publish, request, outcome)

    def _refused(self, request: messages.Request, reason: str) -> None:
        """Show a refusal where the person is looking: in the dialog that asked, if it is still open. A plan
        that could not be loaded after Today was drawn from its kept face takes that face away (it is not
        what the store now says), and the keys held for it go unread."""
        if isinstance(request, messages.Load) and self.snapshot is None:
            # Nothing loaded: Today (drawn from a kept face) or the loading line must not stay up as if it
            # could be, and keys held for the plan go unread.
            self._held, self.unopened_reason = None, reason
            self.switch_mode("unopened")  # which says why: no notice over it
            return
        if request.refusal_here and _attached(request.asker):
            request.asker.post_message(messages.Refused(request, reason))
        else:
            self.notify(reason, title="Could not do that", severity="error", timeout=10)

    def _publish(self, request: messages.Request, outcome: Outcome) -> None:
        self.snapshot = outcome.snapshot
        if _attached(request.asker):  # the dialog that asked may have closed meanwhile
            request.asker.post_message(messages.Done(request, outcome))
        if not self.data.keep_faces:  # an app made in process: no next start to draw
            return
        if isinstance(request, messages.Load | messages.Reload):
            self.call_after_refresh(self._keep_face)  # once this load is drawn
        else:  # the app's own write: keep the face after it
            self._keep_face_soon()

    def _keep_face_soon(self) -> None:
        """Today's face for the next start, read again once the writes have paused (a burst of check-offs
        reads once), so the next start is drawn at once; never in a write's way."""
        if self._face_timer is not None:
            self._face_timer.stop()
        self._face_timer = self.set_timer(FACE_AFTER_WRITES, lambda: self._keep_face(read_again=True))

    _face_timer: Timer | None = None

    @work(thread=True, group="face", exclusive=True)
    def _keep_face(self, read_again: bool = False) -> None:
        self.data.keep_face(read_again=read_again)

    @on(messages.Done)
    def _opened(self, event: messages.Done) -> None:
        if isinstance(event.request, messages.Load):
            self.switch_mode("today" if event.outcome.snapshot.plan is not None else "builder")
            self.check_size()
            self._release_held()

    # Navigation -------------------------------------------------------------

    def action_go(self, mode: str) -> None:
        if self.snapshot is not None and mode == "today" == self.current_mode and len(self.screen_stack) == 1:
            self.post_message(messages.Reload(self))  # t on Today: read again what another writer may have changed
            return
        if self.snapshot is None or self.current_mode == mode or self.is_too_small:
            return
        if self.snapshot.plan is None and mode not in ("builder", "library", "relief", "learn"):
            self.notify("Build a plan first: fill in the form and press ctrl+s.")
            mode = "builder"
        self.switch_mode(mode)

    def on_app_focus(self, _event: events.AppFocus) -> None:
        """Back to the app's terminal: what was written meanwhile elsewhere (a pain report from a phone) shows."""
        if self.snapshot is not None:
            self.post_message(messages.Reload(self))

    async def on_event(self, event: events.Event) -> None:
        """A key still queued as the app closes (its screens already taken down) is dropped: Textual would
        ask for a screen there is none of (``ScreenStackError``). While Today is drawn from a kept face and
        the plan is still loading, keys, clicks and pastes wait for it, in order (a move of the mouse is
        only dropped): what they act on is the plan."""
        if isinstance(event, events.Key) and not self._screen_stack:
            return
        if self._held is not None and isinstance(event, HELD_INPUT):
            self._held.append(event)
            return
        if self._held is not None and isinstance(event, events.MouseEvent):
            return
        await super().on_event(event)

    def _release_held(self) -> None:
        """The plan is loaded: what was pressed meanwhile is handled now, in the order it came."""
        held, self._held = self._held, None
        for event in held or ():
            self.post_message(event)

    def action_command_palette(self) -> None:
        """Open the palette, once. Not while the terminal is too small (it would open over the "too small"
        screen), and not while a palette is anywhere in the app: under a dialog, or still being taken
        down after its dismissal (a second one with the same id was ``DuplicateIds '--command-palette'``)."""
        from planner.app.palette import PALETTE_ID, PlannerPalette

        if self.is_too_small or not self.use_command_palette:
            return
        if any(node.id == PALETTE_ID for node in (*self.screen_stack, *self._registry)):
            return
        self.push_screen(PlannerPalette(id=PALETTE_ID))

    def pop_screen(self) -> AwaitComplete:
        """Pop the top screen, unless a screen that is no longer on top asks (or nothing would be left).

        Textual's ``Screen.dismiss`` pops whatever is on top. Two keys in one burst (Enter, Enter in the
        palette; Escape, Escape in a dialog) reach a screen twice before its first dismissal lands, and
        the second would pop the screen beneath it too, or the last one of the place (a crash)."""
        # Private Textual API (``textual._context``): no public one says which screen asked. A public
        # ``dismiss`` override per dialog would not cover Textual's own command palette.
        pump = active_message_pump.get(None)
        caller = pump if isinstance(pump, Screen) else getattr(pump, "screen", None) if isinstance(pump, Widget) \
            else None
        if len(self.screen_stack) <= 1 or (isinstance(caller, ModalScreen) and caller is not self.screen):
            return AwaitComplete.nothing()
        return super().pop_screen()

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

    def action_report(self) -> None:
        """The report for a physiotherapist or doctor (History's p, or the palette: on a phone too)."""
        from planner.app.screens.report import ReportDialog

        if self.snapshot is None or self.is_too_small or isinstance(self.screen, ModalScreen):
            return
        if self.snapshot.plan is None:
            self.notify("Build a plan first: there is nothing to report yet.")
            return
        self.push_screen(ReportDialog())

    def action_learn(self) -> None:
        """Learn; with a lesson just offered after a session, that lesson opened (and so recorded as read)."""
        pending = self.pending_lesson
        self.action_go("learn")
        if pending is None or self.current_mode != "learn":
            return
        self.pending_lesson = None
        self.clear_notifications()  # the offer would sit over the lesson's text
        learn = next((s for s in self.screen_stack if hasattr(s, "open_lesson")), None)
        if learn is not None:
            learn.open_lesson(pending)

    # Lessons after a finished session -------------------------------------

    def offer_next_lesson(self) -> None:
        """After a finished session, name the next unread lesson (unless the plan is paused);
        Learn opens on it, since it opens on the next unread lesson."""
        if self.snapshot is None or self.snapshot.state.pause is not None:
            return
        self._find_next_lesson()

    @work(thread=True, group="lesson-offer", exclusive=True)
    def _find_next_lesson(self) -> None:
        try:
            lesson = self.data.lessons().next_unread(self.data.lessons_read())
        except PlannerError:
            return  # an offer is a nicety: a problem with the store shows elsewhere
        if lesson is not None:
            self.call_from_thread(self._offer, lesson)

    def _offer(self, lesson: Lesson) -> None:
        """A notification, not a dialog: the person has just closed the check-in and may be done for now."""
        key = next(b.key for b in APP_BINDINGS if b.action == "learn")
        self.pending_lesson = lesson.id
        self.notify(f"{lesson.title} ({lesson.minutes} min). Press {key} to read it.",
                    title="A short read", timeout=8)

    def action_function(self) -> None:
        """The activities the person wants back: name them, or rate them (Today asks every two weeks)."""
        from planner.app.screens.function import FunctionDialog

        if self.snapshot is None or self.is_too_small or isinstance(self.screen, ModalScreen):
            return
        self.push_screen(FunctionDialog(self.snapshot.function))

    def action_live_calendar(self) -> None:
        if self.snapshot is None or self.is_too_small or isinstance(self.screen, ModalScreen):
            return
        self._open_live_calendar()

    @work(thread=True, group="live-calendar", exclusive=True)
    def _open_live_calendar(self) -> None:
        """The file named now (a read of the store), off the UI thread; then the dialog."""
        try:
            current = self.data.live_calendar()
        except PlannerError as err:
            self.call_from_thread(self.notify, str(err), severity="error")
            return
        self.call_from_thread(self._show_live_calendar, current)

    def _show_live_calendar(self, current: LiveCalendar | None) -> None:
        from planner.app.screens.live_calendar import LiveCalendarDialog

        if not self.is_too_small and not isinstance(self.screen, ModalScreen):
            self.push_screen(LiveCalendarDialog(current))

    # Terminal too small ----------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Runs before Textual's own handler updates ``self.size``, so it reads the event's size."""
        self.check_size(event.size)

    @property
    def is_too_small(self) -> bool:
        return self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT

    def check_size(self, size: Size | None = None) -> None:
        """Below 40×16 the too-small screen, and it goes again once the terminal is big enough. From 40×16
        every screen and dialog has a compact form (see :mod:`planner.app.compact`), so nothing else waits
        for a wider terminal."""
        from planner.app.screens.too_small import TooSmallScreen

        if not self.screen_stack:  # between a mode's switch and its first screen, or while closing:
            return  # nothing to cover yet; the screen's arrival runs this again (screen_change_signal)
        size = size or self.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if isinstance(self.screen, TooSmallScreen):
            while not small and isinstance(self.screen, TooSmallScreen):  # one or, after a storm, more
                self.pop_screen()
        elif small:
            self.push_screen(TooSmallScreen())
