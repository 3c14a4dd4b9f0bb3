"""Today, the home screen: the session (or rest, or pause) with its reasons, the week at a glance.

Check off here in one keystroke, or start the session runner for timers and cues.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from planner.app import messages
from planner.app.access import planner_app
from planner.app.bindings import TODAY_BINDINGS, key_for
from planner.app.compact import CompactLayout, is_compact
from planner.app.marked_rows import marked_rows
from planner.app.screens.more import MoreKeys
from planner.app.widgets.alert_box import AlertBox
from planner.app.widgets.exercise_detail import NOTHING, ExerciseDetail
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.app.widgets.week_strip import WeekStrip

if TYPE_CHECKING:  # the domain is imported once a plan is loaded; the first frame may be drawn before
    from planner.app.data import Snapshot
    from planner.domain.days.progress import Progress

PAIN_KEY = key_for(TODAY_BINDINGS, "pain")
UNTICK_KEY, UNDO_ALL_KEY = "Backspace", key_for(TODAY_BINDINGS, "undo_all_done")
ROOMY = (110, 32)  # from this size the highlighted exercise is shown in full beside the list
WALK_LEFT = "The session is checked off; the walk is for any time today: space checks it off once walked."
NOTICE_SECONDS = 6  # a notice is read in a glance; it must not sit over the list for long
# The footer keeps these first when the terminal is narrow (Quit always); the rest are under More…
FOOTER_PRIORITY = ("toggle", "pain", "start", "resume", "undo_pain('paused')", "all_done", "skip_day")


def exercise_row(mark: str, name: str, dose: str, width: int | None) -> str:
    """One line of the list, or for a long name on a narrow screen, the name wrapped under its tick box
    with the dose on its last line. ``width`` None: the comfortable layout's fixed columns."""
    if width is None:
        return f"{mark} {name:<36} {dose:>9}"
    rows = marked_rows(mark, name, width - len(dose) - 1)  # room for the dose on the last row
    indent = " " * len(mark)
    if len(rows[-1]) + 1 + len(dose) <= width:
        rows[-1] = f"{rows[-1]:<{width - len(dose)}}{dose}"
    else:  # too narrow for the name's last line and the dose together: the dose on a line of its own
        rows.append(f"{indent} {dose}")
    return "\n".join(rows)


class TodayScreen(MoreKeys, CompactLayout):
    BINDINGS = TODAY_BINDINGS
    FOOTER_PRIORITY = FOOTER_PRIORITY
    _score_ahead: str | None = None  # digits typed after r, before the check-in is up
    _all_done: list[str] = []  # noqa: RUF012  (what the last d checked off, for z; replaced, never mutated)
    _face: dict[str, Any] | None = None  # what is drawn: the loaded snapshot's face, or the last run's
    _drawn: tuple[object, ...] = ()  # what it was drawn for (see show_face)

    def compose(self) -> ComposeResult:
        yield NavBar("today")
        yield Static(id="heading")
        yield AlertBox(id="alert")
        yield WeekStrip()
        yield Static(id="stats")
        with Horizontal(id="today-body"):
            yield OptionList(id="exercises")
            with VerticalScroll(id="today-detail"):  # on a large terminal: the highlighted exercise in full
                yield ExerciseDetail()
        with VerticalScroll(id="reasons-box"):
            yield Static(id="reasons")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self.show_snapshot)
        self.query_one("#exercises", OptionList).focus()
        kept = planner_app(self).kept_face
        if self.snapshot is None and kept is not None:  # drawn from the last run's face while the plan loads
            self.show_face(kept)

    @property
    def snapshot(self) -> Snapshot | None:
        return planner_app(self).snapshot

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        from planner.app.today_face import face_of

        self.show_face(face_of(snapshot))
        self._show_stats(snapshot)

    def show_face(self, face: dict[str, Any]) -> None:
        """Draw the face (:mod:`planner.app.today_face`): the one way this screen draws a day. Drawn again
        only when the face or what the drawing depends on (the layout, the width) changed: the screen's
        first sizes ask for it twice, and each draw would lay the list out again."""
        compact = is_compact(self)
        drawn = (id(face), compact, self.size.width, self.has_class("-roomy"))
        if face is self._face and drawn == self._drawn:
            return
        self._face, self._drawn = face, drawn
        self.query_one("#heading", Static).update(Content.styled(face["heading_short" if compact else "heading"], "bold"))
        self.query_one(AlertBox).show_face(face["alert"])
        self.refresh_bindings()
        self.query_one(WeekStrip).show(face["week"], dt.date.fromisoformat(face["today"]))
        if face["stats"] and face["plan"] and not compact:
            self.query_one("#stats", Static).update(face["stats"])
        options = self.query_one("#exercises", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        exercises = face["exercises"]
        # Inside the list's border and the options' padding, and clear of its scrollbar: a long session
        # scrolls in the list, and a row wider than that would wrap under its own tick box.
        width = self.size.width - 4 - options.styles.scrollbar_size_vertical
        if not compact:  # the list's margins too; the name column as wide as fits, doses right-aligned
            doses = max((len(item["dose"]) for item in exercises), default=0)
            width = min(width - 2, 4 + 36 + 1 + doses)
        for item in exercises:
            options.add_option(Option(Content(exercise_row(item["mark"], item["name"], item["dose"], width)),
                                      id=item["id"]))
        if exercises:
            options.highlighted = min(highlighted or 0, len(exercises) - 1)
        options.display = bool(exercises)
        self.query_one("#today-detail").display = bool(exercises) and self.has_class("-roomy")
        self._show_detail(self._selected())
        self.query_one("#reasons", Static).update(
            Content("\n").join(Content.styled(text, style) if style else Content(text) for text, style in face["notes"]))
        if face["alert"] is not None:  # the alert can outgrow a small screen: show its heading first
            self.call_after_refresh(self.scroll_home, animate=False)

    def scroll_to_center(self, widget: Widget, animate: bool = True, **kwargs: Any) -> None:
        """Where focus coming back (a dialog closed) scrolls the screen: never away from an alert, whose
        heading must stay in view, and never animated, so what is on screen does not depend on time."""
        if self.query_one(AlertBox).display:
            self.scroll_home(animate=False)
            return
        super().scroll_to_center(widget, animate=False, **kwargs)

    def _show_stats(self, snapshot: Snapshot) -> None:
        """The streak line. Counting it works out every day of the plan so far (a year of history is a
        good part of a second), so the first frame does not wait for it: a worker counts, and the line
        keeps its last words meanwhile. A phone's layout hides the line, and nothing is counted there."""
        stats = self.query_one("#stats", Static)
        if snapshot.plan is None or is_compact(self):  # the compact layout hides the line (today.tcss)
            return
        from planner.app.today_face import stats_words

        counted = snapshot.progress_counted()
        if counted is not None:
            stats.update(stats_words(counted))
        else:  # after this frame is drawn: a thread counting meanwhile would share the interpreter with it
            self.call_after_refresh(self._count_when_shown, snapshot)

    def _count_when_shown(self, snapshot: Snapshot) -> None:
        """Count once the frame is up, if the line is still to be shown: the first show comes before the
        screen knows its size, and a phone's size hides the line."""
        if self.is_mounted and snapshot is self.snapshot and not is_compact(self):
            self._count_progress(snapshot)

    @work(thread=True, exclusive=True, group="progress")
    def _count_progress(self, snapshot: Snapshot) -> None:
        summary = snapshot.progress()
        if summary is None or get_current_worker().is_cancelled:
            return
        with contextlib.suppress(RuntimeError):  # the app closed while this counted: nothing to show it on
            self.app.call_from_thread(self._counted, snapshot, summary)

    def _counted(self, snapshot: Snapshot, summary: Progress) -> None:
        from planner.app.today_face import stats_words

        if self.is_mounted and snapshot is self.snapshot:  # not a count of data replaced meanwhile
            self.query_one("#stats", Static).update(stats_words(summary))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A paused Today offers Resume and hides what cannot be done; Undo pain shows once there is a report."""
        face = self._face
        paused = face is not None and face["paused"]
        if action == "resume":
            return paused
        if action == "undo_pain":
            return face is not None and face["undoable"] and (paused or parameters != ("paused",))
        if action == "skip_day" and face is not None and face["checked_any"]:
            return False  # a skip would erase what was checked off (the action refuses it)
        nothing_to_do = face is not None and face["nothing_to_do"]
        return not (action in ("all_done", "skip_day") and paused or action in ("start", "toggle") and nothing_to_do)

    def action_resume(self) -> None:
        from planner.app.screens.resume import ConfirmResume

        if self.snapshot is None or self.snapshot.state.pause is None:
            self.notify("The program is not paused; nothing to resume.")
            return
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.post_message(messages.Resume(self))

        self.app.push_screen(ConfirmResume(), confirmed)

    def action_undo_pain(self, _shown_when: str = "") -> None:
        if self.snapshot is None or not self.snapshot.history.pain:
            self.notify("There is no pain report to take back.")
            return
        self.post_message(messages.UndoPain(self))

    def _selected(self) -> str | None:
        options = self.query_one("#exercises", OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_start(self) -> None:
        from planner.app.screens.session_runner import SessionRunner

        if self.snapshot is None:
            return
        view = self.snapshot.day()
        if not view.exercises:
            self.notify("Nothing to start today. " + (view.reasons[0] if view.reasons else ""))
            return
        self.app.push_screen(SessionRunner())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click or tap on an exercise checks it off (or back on); Enter, a key on the screen, starts."""
        self.action_toggle()

    def layout_changed(self) -> None:
        super().layout_changed()
        self.set_class(self.size.width >= ROOMY[0] and self.size.height >= ROOMY[1], "-roomy")
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)
        elif self._face is not None:
            self.show_face(self._face)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option.id)

    def _show_detail(self, exercise_id: str | None) -> None:
        if self._face is None or not self.has_class("-roomy"):
            return
        self.query_one(ExerciseDetail).show_lines(self._face["details"].get(exercise_id or "", NOTHING))

    def action_toggle(self) -> None:
        """Check off the highlighted exercise and move on; on one already ticked, say how to take it back."""
        exercise_id = self._selected()
        if self.snapshot is None or exercise_id is None:
            return
        view = self.snapshot.day()
        item = next(p for p in view.exercises if p.id == exercise_id)
        if exercise_id in view.done_ids:
            self.notify(f"{item.name} is checked off. {UNTICK_KEY} takes it back.", timeout=NOTICE_SECONDS)
            return
        self.post_message(messages.CheckOff(self, [item], "done"))
        options = self.query_one("#exercises", OptionList)
        if options.highlighted is not None and options.highlighted < options.option_count - 1:
            options.action_cursor_down()  # on to the next; never round to the first (it may be done)

    def action_untick(self) -> None:
        exercise_id = self._selected()
        if self.snapshot is None or exercise_id is None or exercise_id not in self.snapshot.day().done_ids:
            self.notify("The highlighted exercise is not checked off.", timeout=NOTICE_SECONDS)
            return
        self.post_message(messages.UndoCheckOff(self, [exercise_id]))

    def action_all_done(self) -> None:
        if self.snapshot is None:
            return
        view = self.snapshot.day()
        # The session's own exercises, as `planner done` with no names: a walk apart from the session is for
        # any time of the day, and ticking it before it is taken would put a walk in the record that was not
        # walked. It has its own check-off (space), and on a rest day it is all there is.
        session = [p for p in view.exercises if p not in view.walks] or view.exercises
        todo = [p for p in session if p.id not in view.done_ids]
        if not todo:
            walk_left = any(p.id not in view.done_ids for p in view.exercises)
            self.notify(WALK_LEFT if walk_left else "Nothing left to check off today.", timeout=NOTICE_SECONDS)
            return
        self._all_done = [p.id for p in todo]
        self.post_message(messages.CheckOff(self, todo, "done", all_of_today=True))

    def action_undo_all_done(self) -> None:
        if not self._all_done:
            self.notify("Nothing to take back: d (all done) has not been pressed here.", timeout=NOTICE_SECONDS)
            return
        done, self._all_done = self._all_done, []
        self.post_message(messages.UndoCheckOff(self, done, all_of_today=True))

    def _notify_alone(self, message: str) -> None:
        self.app.clear_notifications()
        self.notify(message, timeout=NOTICE_SECONDS)

    def action_skip_day(self) -> None:
        if self.snapshot is None or not self.snapshot.day().planned:
            self.notify("There is no planned session today to skip.")
            return
        self.post_message(messages.SkipDay(self))

    @on(messages.Done)
    def _done(self, event: messages.Done) -> None:
        """What the person asked for here happened: say so (a single check-off shows in the list)."""
        request = event.request
        if isinstance(request, messages.CheckOff) and request.all_of_today:
            # One line, so it hides little of what opens next (the check-in); the walk left stays unticked in the list.
            view = self.snapshot.day() if self.snapshot is not None else None
            walk_left = view is not None and any(p.id not in view.done_ids for p in view.walks)
            said = "Session checked off" if walk_left else "All checked off"
            self.notify(f"{said}; {UNDO_ALL_KEY} takes them back.", timeout=NOTICE_SECONDS)
        elif isinstance(request, messages.UndoCheckOff) and request.all_of_today:
            self._notify_alone("Taken back.")
        elif isinstance(request, messages.SkipDay):
            self.notify(event.outcome.lines[0], timeout=NOTICE_SECONDS)
        elif isinstance(request, messages.Resume | messages.UndoPain):
            self.notify(event.outcome.lines[0])

    @on(messages.Refused)
    def _refused(self, event: messages.Refused) -> None:
        """Only what asked to hear its refusal here comes back (taking back a pain report)."""
        self.notify(event.reason, severity="warning", timeout=12)

    def action_pain(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

        if self.snapshot is None or self.snapshot.plan is None:
            self._score_ahead = None
            self.notify("Build a plan first (n).")
            return
        typed, self._score_ahead = self._score_ahead or "", None
        self.app.push_screen(PainCheckIn(typed_ahead=typed))

    def on_key(self, event: Key) -> None:
        """Keep a score typed straight after ``r`` for the check-in (type-ahead over a slow SSH link).

        The keys reach this screen before ``r``'s action opens the check-in, and would be lost."""
        if event.key == PAIN_KEY:
            self._score_ahead = ""
        elif self._score_ahead is not None and event.character is not None and event.character.isdigit():
            self._score_ahead += event.character
            event.stop()
