"""The session runner, built around the clock: the exercise, its set dots and a large countdown.

It is read from the mat, across the room: the digits grow with the window, a
descending set is counted hold by hold ("hold 4 of 6", then "relax"), reps
are counted at their tempo, a one-sided exercise gives time to roll over
("Now the right side") before the other side starts, and every change rings
the bell (unless sound is off, ``b``) and flashes the panel. A set ends by
itself when it is counted; ``s`` ends it early.

What happens when is the pure :mod:`planner.domain.days.session_run`: this
screen draws its state and forwards keys and the clock's ticks. Every set is
recorded the moment it is counted (a partial exercise keeps how many sets were
done), so quitting mid-session loses nothing. The exercise list is a side
column that gives way first: on a phone-sized terminal the clock fills the screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.timer import Timer
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from planner.app import messages
from planner.app.access import planner_app
from planner.app.bindings import RUNNER_BINDINGS
from planner.app.compact import COMFORTABLE_HEIGHT, COMFORTABLE_WIDTH
from planner.app.data import Snapshot
from planner.app.screens.dismiss_once import DismissOnce
from planner.app.screens.more import MoreKeys
from planner.app.screens.runner_layout import clock_rows, figure_columns, figure_rows
from planner.app.screens.runner_questions import RunnerQuestions
from planner.app.screens.runner_switch_time import RunnerSwitchTime
from planner.app.screens.runner_words import (
    clock_face,
    exercise_heading,
    hint_words,
    list_line,
    phase_words,
    progress_title,
    set_dots,
    set_progress,
)
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import BigClock
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.figure import FigureView
from planner.app.widgets.footer import FittedFooter
from planner.domain.days import session_run as run_events
from planner.domain.days.session_run import (
    SWITCH_SECONDS,
    Mark,
    Phase,
    SessionRun,
    Step,
    work_seconds,
)
from planner.domain.library.models import Kind
from planner.domain.plan.model import Prescription

__all__ = ["SessionRunner", "set_dots", "work_seconds"]

FLASH_SECONDS = 0.6
TICK_SECONDS = 1.0  # the clock's interval; each tick counts one second of the run (tests forward ticks by hand)


class SessionRunner(DismissOnce, RunnerQuestions, RunnerSwitchTime, MoreKeys, SizedScreen):
    """Below 60 columns the list goes and one exercise shows at a time; from 110 the cues sit beside the clock."""

    BINDINGS = RUNNER_BINDINGS
    # The footer (FittedFooter) keeps what matters most on the mat and drops the rest by width (help and the
    # palette list every key): Quit, an answer while a question is asked, Finish, then the keys of a set.
    FOOTER_PRIORITY = ("answer(True)", "answer(False)", "finish", "next_set", "timer", "note")

    def __init__(self) -> None:
        super().__init__()
        snapshot: Snapshot = planner_app(self).snapshot
        view = snapshot.day()
        self.library = snapshot.library
        self.day = view.date
        items = list(view.exercises)
        recorded = {c.exercise_id: (c.status, c.sets) for c in snapshot.history.completions_on(view.date).values()}
        sided = [self._one_sided(item) for item in items]
        self.run: SessionRun = run_events.begin(items, sided, recorded, SWITCH_SECONDS)
        self.note = snapshot.history.note_on(view.date)
        self._clock: Timer | None = None
        self._live = False  # the widgets are there: set on mount, cleared when the screen goes

    def _one_sided(self, item: Prescription) -> bool:
        exercise = self.library.exercises.get(item.id)
        return exercise is not None and exercise.per_side

    def compose(self) -> ComposeResult:
        yield Static(id="runner-title")
        with Horizontal(id="runner-body"):
            yield OptionList(id="runner-list")
            with Vertical(id="runner-main"):
                with Vertical(id="runner-focus"):
                    yield Static(id="exercise-name")
                    yield Static(id="set-progress")
                    with Vertical(id="figure-slot"):  # the exercise drawn, moving while its reps are counted
                        yield FigureView(id="runner-figure")
                    yield Static(id="clock-label", classes="countdown-label")
                    yield BigClock(id="clock", classes="countdown-digits")
                    yield ProgressBar(id="clock-bar", total=1, show_eta=False, show_percentage=False)
                    yield Static(id="cue")
                    yield Static(id="hint")
                with VerticalScroll(id="runner-detail"):
                    yield ExerciseDetail()
        yield FittedFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self._read_switch_setting()
        self._live = True
        self.size_changed(self.app.size)
        self.query_one("#runner-list", OptionList).focus()

    def on_unmount(self) -> None:
        self._leave_quietly()

    def _leave_quietly(self) -> None:
        """From here on nothing is drawn and no tick arrives: keys or ticks still queued do nothing."""
        self._live = False
        if self._clock is not None:
            self._clock.stop()
            self._clock = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys act only while the widgets are there: not before they mount, nor once the screen is
        being taken down (a burst of keys can still be queued for it). While a question is asked inline,
        only its answers (and the sound and quitting) act."""
        if not self._live:
            return False
        if not self.run.items:  # nothing planned today: only leaving makes sense
            return action == "leave"
        if action == "answer":
            return self.question is not None
        if self.question is not None:
            return action in ("toggle_sound", "quit")
        return True

    @property
    def _compact(self) -> bool:
        size = self.app.size
        return size.width < COMFORTABLE_WIDTH or size.height < COMFORTABLE_HEIGHT

    def size_changed(self, size: Size) -> None:
        if not self._live:
            return
        self.refresh_bindings()
        if self.run.items:
            self.redraw()
            self.call_after_refresh(self._draw_list)  # the list's names wrap to the width it is laid out to

    # A few names the tests and the list read -------------------------------------------------------

    @property
    def items(self) -> list[Prescription]:
        return list(self.run.items)

    @property
    def item(self) -> Prescription:
        return self.run.item

    @property
    def side(self) -> str | None:
        return self.run.side

    @property
    def sets_done(self) -> dict[str, int]:
        return {p.id: done.sets_done for p, done in zip(self.run.items, self.run.progress, strict=True)}

    @property
    def closed(self) -> dict[str, str]:
        return {p.id: done.mark or "" for p, done in zip(self.run.items, self.run.progress, strict=True)}

    def per_side(self, item: Prescription) -> bool:
        return self._one_sided(item)

    # Drawing ----------------------------------------------------------------

    def redraw(self) -> None:
        if not self._live or not self.run.items:
            return
        run = self.run
        title = progress_title(run) + ("" if planner_app(self).sound else " · sound off")
        if self.app.size.width >= COMFORTABLE_WIDTH:
            title = f"{self.day.strftime('%a %d %b')} · {title}"
        self.query_one("#runner-title", Static).update(Content.styled(title, "bold"))
        self._draw_list()
        item = run.item
        self.query_one("#exercise-name", Static).update(exercise_heading(run))
        self.query_one("#set-progress", Static).update(set_progress(run))
        self._draw_clock()
        self._draw_figure()
        self.query_one(ExerciseDetail).show(self.library, item.id, item, brief=True)
        self.query_one("#hint", Static).update(self.hint())

    def _draw_list(self) -> None:
        if not self._live or not self.run.items:
            return
        run, options = self.run, self.query_one("#runner-list", OptionList)
        width = self._list_width(options)
        lines = [list_line(run, index, width) for index in range(len(run.items))]
        if width is not None and sum(line.count("\n") + 1 for line in lines) > options.content_region.height:
            # Too long for the list: the scrollbar will take its columns, so the names wrap clear of it.
            lines = [list_line(run, index, width - options.styles.scrollbar_size_vertical)
                     for index in range(len(run.items))]
        # Redrawing the list must not post "highlighted" messages: one handled after the session moved on
        # (a slow machine, a resize) would pull the runner back to the exercise it had just left.
        with options.prevent(OptionList.OptionHighlighted):
            options.clear_options()
            for line, item in zip(lines, run.items, strict=True):
                options.add_option(Option(Content(line), id=item.id))
            options.highlighted = run.current

    @staticmethod
    def _list_width(options: OptionList) -> int | None:
        """The room for a line of the list, inside its border and padding and each option's own; None until
        the list is laid out."""
        inside = options.content_region.width
        if inside <= 0:
            return None
        return inside - options.get_component_styles("option-list--option").padding.width

    def _draw_clock(self) -> None:
        run = self.run
        clock = self.query_one(BigClock)
        clock.max_rows = clock_rows(self.app.size)
        bar = self.query_one("#clock-bar", ProgressBar)
        self.query_one("#clock-label", Static).update(phase_words(run))
        clock.text, total, progress = clock_face(run)
        bar.update(total=total, progress=progress)

    def _draw_figure(self) -> None:
        """The current exercise's figure, sized by the room: it moves at the set's tempo while reps are
        counted, keeps the held pose while a hold is counted, and otherwise stands still (no timer)."""
        run = self.run
        view = self.query_one("#runner-figure", FigureView)
        rows = figure_rows(self.app.size)
        exercise = self.library.exercises.get(run.item.id)
        figure = exercise.figure if exercise is not None and rows else None
        if (figure, rows) != (view.figure, view.rows):
            view.rows, view.columns = rows, min(rows * 6, figure_columns(self.app.size))
            view.show_figure(figure)
        if figure is None:
            return
        if run.timing and run.phase is Phase.WORK and run.item.kind is Kind.REPS and not run.descending:
            view.play(tempo=max(0.5, run_events.unit_seconds(run.item) / 2))  # one rep: there and back
        else:
            view.hold_still(at_end=run.timing and run.phase is Phase.WORK)

    def hint(self) -> str:
        return hint_words(self.run, self.question)

    def sound_changed(self) -> None:
        self.redraw()

    def signal(self, message: str) -> None:
        """A change to notice from the mat: the bell (if sound is on), a flash, and the words in the panel
        (not a notification, which would cover the count on a small screen)."""
        if not self._live:
            return
        planner_app(self).cue()
        focus = self.query_one("#runner-focus")
        focus.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: focus.remove_class("-flash"))
        self.query_one("#cue", Static).update(Content.styled(message, "bold"))

    # Moving through the session: every key and tick goes through the run ---------------------------

    def apply(self, step: Step, *, key: bool = True) -> None:
        """Take the run's next state: record what it counted, ring for what changed, keep the clock in step.
        ``key``: a key moved the run, so a count it started gets whole seconds from now."""
        if key and self._clock is not None:
            self._clock.stop()
            self._clock = None
        self.run = step.run
        for save in step.saves:
            self._save(save.item, save.status, save.sets)
        if not self._live:
            return
        if step.cues:
            self.signal(step.cues[-1])
        self._keep_clock()
        self.redraw()

    def _keep_clock(self) -> None:
        """A one-second timer only while the run counts: an idle runner never wakes up."""
        if self.run.timing and self._live:
            if self._clock is None:
                self._clock = self.set_interval(TICK_SECONDS, self.clock_tick)
        elif self._clock is not None:
            self._clock.stop()
            self._clock = None

    def clock_tick(self) -> None:
        if self._live:
            self.apply(run_events.tick(self.run), key=False)

    def pick(self, index: int) -> None:
        self.apply(run_events.pick(self.run, index))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._live and self.question is None and event.option_index != self.run.current:
            self.pick(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self._live and self.question is None:
            self.action_next_set()

    def _save(self, item: Prescription, status: str, sets: int) -> None:
        self.post_message(messages.CheckOff(self, [item], status, sets))

    def action_next_set(self) -> None:
        """space: the set (or, in a one-sided exercise, this side) is done; a rest ends early."""
        self.apply(run_events.set_done(self.run))

    def action_timer(self) -> None:
        """s: start counting; while counting, end the set now."""
        if self.run.here.mark is not None:
            self.notify("This exercise is finished; pick another with ↑↓.")
            return
        self.apply(run_events.start(self.run))

    def action_pause(self) -> None:
        if self.run.phase is Phase.READY:
            self.notify("No timer is running.")
            return
        self.apply(run_events.toggle_pause(self.run))

    def action_partial(self) -> None:
        run = self.run
        if run.here.mark is Mark.DONE:
            return
        self.ask(f"Stop {run.item.name} part-way ({run.here.sets_done} of {run.item.sets} sets done)? "
                 "What you did is kept.", lambda: self.apply(run_events.partial(self.run)),
                 yes="Stop here", no="Keep going")

    def action_skip(self) -> None:
        self.apply(run_events.skip(self.run))

    # Notes, finishing, leaving ---------------------------------------------

    def action_note(self) -> None:
        from planner.app.screens.note import NoteDialog

        self.app.push_screen(NoteDialog(self.note), self._note_written)

    def _note_written(self, text: str | None) -> None:
        if text is None or text == self.note:
            return
        self.note = text
        self.post_message(messages.SaveNote(self, self.day, text))

    @on(messages.Done)
    def _note_kept(self, event: messages.Done) -> None:
        if isinstance(event.request, messages.SaveNote):
            self.notify(" ".join(event.outcome.lines))

    def action_finish(self) -> None:
        # A walk apart from the session is for any time today: finishing without it asks nothing.
        left = run_events.left_to_do(self.run)
        if not left:
            self._finish()
            return
        names = ", ".join(p.name for p in left[:3]) + (", …" if len(left) > 3 else "")
        many = len(left) > 1
        if self._compact:
            question = f"{len(left)} not finished. Finish anyway?"
        else:
            question = (f"{len(left)} exercise{'s are' if many else ' is'} not finished ({names}). "
                        "Finish the session anyway? What you did is kept; the rest stays unchecked.")
        self.ask(question, self._finish, yes="Finish", no="Keep going")

    def _finish(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

        self.apply(Step(run_events.stop(self.run)))
        # Straight after a session the report is about it, whatever the hour (before noon, with nothing yet
        # checked off, the check-in would otherwise take it for the next morning's).
        self.app.push_screen(PainCheckIn(when="after"), self._checked_in)

    def _checked_in(self, _: object) -> None:
        self._leave_quietly()
        self.dismiss()
        planner_app(self).offer_next_lesson()

    def action_leave(self) -> None:
        self._leave_quietly()
        if any(p.sets_done for p in self.run.progress):
            self.notify("Your sets so far are saved. Enter picks the session up again.")
        self.dismiss()

