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

from collections.abc import Callable
from dataclasses import replace

from textual import on, work
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
from planner.app.screens.runner_words import phase_words, ready_seconds
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.countdown import BigClock, clock_text
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.figure import FigureView
from planner.app.widgets.footer import FittedFooter
from planner.domain.days import session_run as run_events
from planner.domain.days.session_run import (
    SWITCH_CHOICES,
    SWITCH_SECONDS,
    Mark,
    Phase,
    SessionRun,
    Step,
    work_seconds,
)
from planner.domain.errors import PlannerError
from planner.domain.library.models import Kind
from planner.domain.plan.model import Prescription

__all__ = ["SessionRunner", "set_dots", "work_seconds"]

FLASH_SECONDS = 0.6
TICK_SECONDS = 1.0  # the clock's interval; each tick counts one second of the run (tests forward ticks by hand)
MARKS = {Mark.DONE: "✓", Mark.SKIPPED: "–", Mark.PARTIAL: "◐"}
SWITCH_SETTING = "switch_seconds"


def set_dots(done: int, sets: int) -> str:
    """● for each set done, ○ for each to go: reads without colour."""
    return " ".join(["●"] * done + ["○"] * (sets - done))


def figure_rows(size: Size) -> int:
    """How many rows the exercise's figure may take: none on a phone (the countdown comes first), 4 in a
    short window, 6 from 80×24; in a large window it shares the room with the big digits, which keep
    at least 8 rows (twice the small clock's height)."""
    if size.width < 60 or size.height < 20:
        return 0
    if size.width >= 100 and size.height >= 34:
        return max(4, min(8, size.height - 22 - 8))
    return 4 if size.height < 24 else 6


def figure_columns(size: Size) -> int:
    """The width the figure may take: the clock's column, beside the list (and, from 110, the cues)."""
    main = size.width - (0 if size.width < 60 else min(32, size.width * 3 // 10))
    return max(8, (main // 2 if size.width >= 110 else main) - 4)


def clock_rows(size: Size) -> int:
    """How many rows the big digits may take: 3 up to a comfortable laptop window, then what is left
    once the rest of the runner and the figure have their lines (from 100×34 at least twice as tall)."""
    if size.width < 100 or size.height < 34:
        return 3
    return size.height - 22 - figure_rows(size)


class SessionRunner(DismissOnce, MoreKeys, SizedScreen):
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
        self._switch_chosen = False  # the person chose a switch time here: the saved one no longer applies
        self.note = snapshot.history.note_on(view.date)
        self._clock: Timer | None = None
        self._live = False  # the widgets are there: set on mount, cleared when the screen goes
        self._asking: tuple[str, Callable[[bool], None]] | None = None  # an inline yes/no on a small screen
        self._resume_after_question = False

    def _one_sided(self, item: Prescription) -> bool:
        exercise = self.library.exercises.get(item.id)
        return exercise is not None and exercise.per_side

    @work(thread=True, exclusive=True, group="switch-setting")
    def _read_switch_setting(self) -> None:
        """The switch time chosen last time, read off the UI thread (reading never creates a store)."""
        try:
            saved = planner_app(self).data.saved_setting(SWITCH_SETTING)
        except PlannerError:
            saved = None  # the default; a problem with the store shows elsewhere
        self.post_message(messages.SettingRead(SWITCH_SETTING, saved))

    @on(messages.SettingRead)
    def _switch_setting_read(self, event: messages.SettingRead) -> None:
        if event.key == SWITCH_SETTING and not self._switch_chosen and event.value is not None \
                and event.value.isdigit():
            self.run = replace(self.run, switch_seconds=int(event.value))
            if self._live:
                self.redraw()

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
            return self._asking is not None
        if self._asking is not None:
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
        # The session's own exercises, as 'planner done' and history count them; the walk apart is said on its own.
        done = run_events.count(run, Mark.DONE, session_only=True)
        skipped = run_events.count(run, Mark.SKIPPED, session_only=True)
        walked = any(p.apart for p in run.items) and all(
            progress.mark is Mark.DONE for p, progress in zip(run.items, run.progress, strict=True) if p.apart)
        sound = "" if planner_app(self).sound else " · sound off"
        title = (f"{done} of {sum(not p.apart for p in run.items)} exercises finished"
                 + (f" · {skipped} skipped" if skipped else "") + (" · walk done" if walked else ""))
        title += sound
        if self.app.size.width >= COMFORTABLE_WIDTH:
            title = f"{self.day.strftime('%a %d %b')} · {title}"
        self.query_one("#runner-title", Static).update(Content.styled(title, "bold"))
        options = self.query_one("#runner-list", OptionList)
        # Redrawing the list must not post "highlighted" messages: one handled after the session moved on
        # (a slow machine, a resize) would pull the runner back to the exercise it had just left.
        with options.prevent(OptionList.OptionHighlighted):
            options.clear_options()
            for index, (item, progress) in enumerate(zip(run.items, run.progress, strict=True)):
                mark = MARKS.get(progress.mark, "▶" if index == run.current else " ") if progress.mark else (
                    "▶" if index == run.current else "◐" if progress.sets_done else " ")
                later = " (any time)" if item.apart else ""
                options.add_option(Option(Content(f"{mark} {item.name}{later}"), id=item.id))
            options.highlighted = run.current
        item, here = run.item, run.here
        each_side = " each side" if run.sided[run.current] and not item.per_side else ""
        self.query_one("#exercise-name", Static).update(Content.assemble(
            (item.name, "bold"), f"  {item.dose_text()}{each_side}",
            # The count is the session's own exercises (as in 'planner done' and history); the walk apart is not one.
            "  any time today" if item.apart else
            f"  ({run.current + 1 - sum(p.apart for p in run.items[:run.current])}/"
            f"{sum(not p.apart for p in run.items)})"))
        side = f" · {run.side} side" if run.side else ""
        self.query_one("#set-progress", Static).update(Content.assemble(
            (f"Set {min(here.sets_done + 1, item.sets)} of {item.sets}", "bold"), f"{side}   ",
            set_dots(here.sets_done, item.sets)))
        self._draw_clock()
        self._draw_figure()
        self.query_one(ExerciseDetail).show(self.library, item.id, item, brief=True)
        self.query_one("#hint", Static).update(self.hint())

    def _draw_clock(self) -> None:
        run = self.run
        clock = self.query_one(BigClock)
        clock.max_rows = clock_rows(self.app.size)
        bar = self.query_one("#clock-bar", ProgressBar)
        self.query_one("#clock-label", Static).update(phase_words(run))
        if run.phase is Phase.READY:
            clock.text = clock_text(ready_seconds(run))
            bar.update(total=1, progress=0)
            return
        counting_reps = run.phase is Phase.WORK and run.item.kind is Kind.REPS and not run.descending
        clock.text = str(run.counted + 1) if counting_reps else clock_text(run.remaining)
        if counting_reps:
            bar.update(total=run.units, progress=run.counted)
        else:
            bar.update(total=run.total, progress=run.total - run.remaining)

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
        run = self.run
        if self._asking is not None:
            return f"{self._asking[0]}  y: yes · n: no"
        if run_events.all_closed(run):
            return "All finished. Press f to finish and say how your back feels."
        if not run_events.left_to_do(run):
            return ("The session is finished. The walk can wait for any time today (check it off on Today): "
                    "f finishes now, or s times the walk.")
        if run.here.mark is not None:
            return "This one is finished. Pick another with ↑↓, or press f to finish."
        if run.paused:
            return "Paused: p resumes · space: set done · m: partial · x: skip"
        if run.phase is Phase.REST:
            return "Resting: space ends the rest early · p: pause"
        if run.phase is Phase.SWITCH:
            return "Roll over: space starts the other side now · p: pause"
        what = f"{run.side} side done" if run.side else "set done"
        if run.timing:
            return f"s or space: {what} now · p: pause · m: partial · x: skip"
        return f"s: start the count · space: {what} · m: partial · x: skip · b: sound"

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
        if self._live and self._asking is None and event.option_index != self.run.current:
            self.pick(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self._live and self._asking is None:
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

    def action_switch_time(self) -> None:
        """g: the seconds to roll over between sides, round the choices; kept for next time."""
        now = self.run.switch_seconds
        following = next((s for s in SWITCH_CHOICES if s > now), SWITCH_CHOICES[0])
        self.run = replace(self.run, switch_seconds=following)
        self._switch_chosen = True
        self.post_message(messages.SaveSetting(SWITCH_SETTING, str(following)))
        self.notify(f"Time to switch sides: {following} s." if following else "No pause between sides.")

    def action_partial(self) -> None:
        run = self.run
        if run.here.mark is Mark.DONE:
            return
        self.ask(f"Stop {run.item.name} part-way ({run.here.sets_done} of {run.item.sets} sets done)? "
                 "What you did is kept.", lambda: self.apply(run_events.partial(self.run)),
                 yes="Stop here", no="Keep going")

    def action_skip(self) -> None:
        self.apply(run_events.skip(self.run))

    # Questions: a dialog where it fits, inline on a phone; the clock waits for the answer ------------

    def ask(self, question: str, then: Callable[[], None], *, yes: str = "Yes", no: str = "No") -> None:
        from planner.app.screens.confirm import ConfirmDialog

        self._resume_after_question = self.run.timing
        if self.run.timing:
            self.apply(run_events.toggle_pause(self.run))

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()
            elif self._resume_after_question and self.run.paused:
                self.apply(run_events.toggle_pause(self.run))

        if self._compact:
            self._asking = (question, answered)
            self.refresh_bindings()
            self.redraw()
            return
        self.app.push_screen(ConfirmDialog(question, yes, no), answered)

    def action_answer(self, yes: bool) -> None:
        if self._asking is None:
            return
        answered = self._asking[1]
        self._asking = None
        self.refresh_bindings()
        self.redraw()
        answered(yes)

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

