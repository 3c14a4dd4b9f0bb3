"""The plan builder: program, weekdays, minutes, level, weeks and start date; a preview; create.

The preview is the real :func:`build_plan` on the form's values, so what a
person sees before creating is exactly what they get.
"""

from __future__ import annotations

import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.worker import get_current_worker

from planner.app import messages
from planner.app.access import planner_app
from planner.app.bindings import BUILDER_BINDINGS
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.app.widgets.questions import QuestionBox
from planner.app.widgets.text_field import TextField
from planner.app.widgets.tick_box import TickBox
from planner.domain.errors import PlannerError
from planner.domain.function import check_names
from planner.domain.library.loading import Library
from planner.domain.pain.warning_signs import DISCLAIMER
from planner.domain.plan.builder import build_plan
from planner.domain.plan.levels import LEVEL_QUESTIONS, capped_level, level_line, suggestion
from planner.domain.plan.model import WEEKDAYS, Plan, PlanInputs
from planner.domain.plan.wording import AS_BUILT, work_words

PREVIEW_WEEKS = 2
DEFAULT_PROGRAM = "core-flexibility"


def first_session_figures(plan: Plan, library: Library, width: int) -> list[Content]:
    """The first session's exercises drawn small, so the preview shows what the plan asks the body to do."""
    from planner.domain.figures.terminal import figure_strip

    first = next((s for w in plan.weeks for s in w.sessions), None)
    drawn = [(library.exercises[p.id].name, library.exercises[p.id].figure) for p in (first.exercises if first else [])
             if not p.apart and p.id in library.exercises and library.exercises[p.id].figure is not None]
    if not drawn:
        return []
    strip = figure_strip([(name, figure) for name, figure in drawn if figure is not None], width)
    return [Content.styled("The first session, drawn", "bold"), *(Content(line) for line in strip)]


def preview_lines(plan: Plan, weeks: int = PREVIEW_WEEKS) -> list[Content]:
    walk = " (the walk apart from the session comes on top)" if any(
        p.apart for s in plan.weeks[0].sessions for p in s.exercises) else ""
    lines: list[Content] = [Content.styled(
        f"Sessions start short and build up gradually; none runs over {plan.inputs.minutes} min{walk}. "
        f"This is {AS_BUILT}.", "italic")]
    for week in plan.weeks[:weeks]:
        easier = " · easier week" if week.deload else ""
        work = work_words(p for s in week.sessions for p in s.exercises)
        lines.append(Content.styled(f"Week {week.number}{easier} · {work}", "bold"))
        for session in week.sessions:
            items = ", ".join(f"{p.name} {p.dose_text()}" for p in session.exercises if not p.apart)
            walk = "".join(f" + {p.name} {p.dose_text()} any time that day" for p in session.exercises if p.apart)
            lines.append(Content(f" {session.date.strftime('%a %d %b')} ~{session.estimated_minutes} min: {items}"
                                 f"{walk}"))
    return lines


class PlanBuilderScreen(Screen):
    BINDINGS = BUILDER_BINDINGS
    program_id = ""  # the program chosen (set once mounted; a new choice brings its own defaults and cap)

    @property
    def library(self) -> Library:
        return planner_app(self).data.context.library

    def compose(self) -> ComposeResult:
        programs = sorted(self.library.programs.values(), key=lambda p: p.name)
        first = next((p for p in programs if p.id == DEFAULT_PROGRAM), programs[0] if programs else None)
        yield NavBar("builder")
        with VerticalScroll(id="builder"):
            yield Static(Content.assemble(("Build your plan. ", "bold"), "Choose, check the preview, then press ctrl+s."),
                         id="intro")
            snapshot = planner_app(self).snapshot
            if snapshot is None or snapshot.plan is None:
                yield Static(Content.assemble(("Before you start: ", "bold"), DISCLAIMER), id="disclaimer")
            else:
                yield Static(Content.assemble(
                    ("A new plan replaces ", "bold"), f"{snapshot.plan.program_name}, which stays in your history. ",
                    "Escape keeps it."), id="disclaimer")
            if first is None:
                yield Static("The exercise library has no programs. Add one (see 'planner programs').",
                             classes="empty")
                return
            with Horizontal(classes="row"):
                yield Label("Program")
                # Each choice with its goal under its name, so the list says what each program is for.
                yield Select([(Content.assemble((p.name, "bold"), "\n", (p.goal, "italic")), p.id) for p in programs],
                             value=first.id, allow_blank=False, id="program", compact=True)
            yield Static(id="goal")
            with Horizontal(classes="row", id="days"):
                yield Label("Days")
                for day in WEEKDAYS:
                    yield TickBox(day.capitalize(), day in first.default_days, id=f"day-{day}")
            with Horizontal(classes="row", id="sizes"):
                yield Label("Minutes")
                yield TextField(str(first.default_minutes), id="minutes", type="integer", max_length=3, compact=True)
                yield Label("Weeks", classes="inner")
                yield TextField(str(first.weeks), id="weeks", type="integer", max_length=2, compact=True)
                yield Label("Start", classes="inner")
                yield TextField(planner_app(self).data.today.isoformat(), id="start", max_length=10, compact=True)
            with Horizontal(classes="row", id="level-row"):
                yield Label("Level")
                yield TextField("1", id="level", type="integer", max_length=1, compact=True)
                yield Static(level_line(1), id="level-words")
            with Vertical(id="level-questions"):
                yield Static(Content.assemble(("Not sure? ", "bold"), "Tick (space) what you can do now, and the "
                                              "level follows:"), id="level-ask")
                for question in LEVEL_QUESTIONS:
                    yield QuestionBox(question.text, id=f"ask-{question.key}")
                suggested = Static(id="level-suggested")
                suggested.display = False  # until a question is answered
                yield suggested
            with Horizontal(classes="row", id="walk-row"):
                yield Label("Walks")
                yield Select([("Every day, session or not", "all"), ("On session days only", "sessions")],
                             value="all", allow_blank=False, id="walk-days", compact=True)
            if snapshot is None or not snapshot.function.current:
                with Horizontal(classes="row", id="activities-row"):
                    yield Label("Activity")
                    yield TextField(placeholder="optional: things your back makes hard, e.g. Putting on socks; "
                                "Lifting my child", id="activities", compact=True)
            yield Static(id="preview")
            yield Static(id="description")
            yield Button("Create plan (ctrl+s)", variant="primary", id="create", compact=True)
        yield FittedFooter()

    def on_mount(self) -> None:
        self.program_id = str(self.query_one("#program", Select).value) if self.library.programs else ""
        self.update_preview()
        if self.library.programs:  # the first field has focus, so Enter opens the list of programs
            self.query_one("#program", Select).focus()

    def on_screen_resume(self) -> None:
        self.update_preview()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new program brings its own days, minutes and weeks, except where the person typed their own:
        a field still holding the old program's default follows the new one, anything else is kept."""
        if event.select.id != "program":  # the walks: every day or on session days only
            self.update_preview()
            return
        old, program = self.library.programs.get(self.program_id), self.library.programs.get(str(event.value))
        self.program_id = str(event.value)
        if program is None:
            return
        ticked = [d for d in WEEKDAYS if self.query_one(f"#day-{d}", Checkbox).value]
        if old is None or ticked == [d for d in WEEKDAYS if d in old.default_days]:
            for day in WEEKDAYS:
                self.query_one(f"#day-{day}", Checkbox).value = day in program.default_days
        for field, before, after in (("minutes", old and old.default_minutes, program.default_minutes),
                                     ("weeks", old and old.weeks, program.weeks)):
            box = self.query_one(f"#{field}", Input)
            if old is None or box.value.strip() == str(before):
                box.value = str(after)
        self._say_level()
        if any(self.query_one(f"#ask-{q.key}", Checkbox).value for q in LEVEL_QUESTIONS):
            self._suggest_level()  # the new program's cap may change the suggestion
        self.update_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "activities":
            return
        if event.input.id == "level":
            self._say_level()
        self.update_preview()

    def _say_level(self) -> None:
        """The level in one line, and what the program's cap makes of it (gentle programs stop at 2)."""
        text = self.query_one("#level", Input).value.strip()
        level = int(text) if text.isdigit() else 0
        program = self.library.programs.get(self.program_id)
        capped = capped_level(level, program.max_level, program.name)[1] if program and 1 <= level <= 5 else None
        self.query_one("#level-words", Static).update(capped or level_line(level))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if (event.checkbox.id or "").startswith("ask-"):
            self._suggest_level()
            return
        self.update_preview()

    def _suggest_level(self) -> None:
        """The three questions' answers put their suggested level in the Level field (the person may still
        type another)."""
        answers = {q.key: self.query_one(f"#ask-{q.key}", Checkbox).value for q in LEVEL_QUESTIONS}
        program = self.library.programs.get(self.program_id)
        level, words = suggestion(answers, program.max_level if program else 5, program.name if program else "")
        shown = self.query_one("#level-suggested", Static)
        shown.update(words)
        shown.display = True
        self.query_one("#level", Input).value = str(level)

    def inputs(self) -> PlanInputs:
        """The form as plan inputs, or a PlannerError naming the field to fix."""
        def number(widget_id: str, low: int, high: int) -> int:
            text = self.query_one(f"#{widget_id}", Input).value.strip()
            if not text.isdigit() or not low <= int(text) <= high:
                raise PlannerError(f"{widget_id.capitalize()}: use a whole number from {low} to {high}.")
            return int(text)

        days = [d for d in WEEKDAYS if self.query_one(f"#day-{d}", Checkbox).value]
        if not days:
            raise PlannerError("Days: tick at least one weekday.")
        try:
            start = dt.date.fromisoformat(self.query_one("#start", Input).value.strip())
        except ValueError:
            raise PlannerError("Start: use a date like 2026-03-02.") from None
        walk_days = "sessions" if self.query_one("#walk-days", Select).value == "sessions" else "all"
        program = self.library.programs.get(str(self.query_one("#program", Select).value))
        level = number("level", 1, 5)
        if program is not None:  # a gentle program stops at its cap (the level line says so)
            level = capped_level(level, program.max_level, program.name)[0]
        return PlanInputs(program=str(self.query_one("#program", Select).value), days=days,
                          minutes=number("minutes", 5, 180), level=level,
                          weeks=number("weeks", 1, 52), start=start, walk_days=walk_days)

    def activities(self) -> list[str]:
        """The activities typed in (separated by ";"), checked as 'planner function set' checks them."""
        boxes = self.query("#activities")
        if not boxes:
            return []
        names = [n for n in boxes.first(Input).value.split(";") if n.strip()]
        return check_names(names) if names else []

    def update_preview(self) -> None:
        if not self.library.programs:
            return
        program = self.library.programs.get(str(self.query_one("#program", Select).value))
        if program is not None:
            self.query_one("#goal", Static).update(Content.styled(program.goal, "italic"))
            self.query_one("#description", Static).update(
                Content.assemble(("About this program: ", "bold"), " ".join(program.description.split())))
        try:
            inputs = self.inputs()
        except PlannerError as err:
            self.workers.cancel_group(self, "preview")  # a build still running must not cover this message
            self._show_preview(Content.assemble(("Check: ", "bold"), str(err)))
            return
        self._build_preview(inputs, max(self.size.width - 4, 14))

    @work(thread=True, exclusive=True, group="preview")
    def _build_preview(self, inputs: PlanInputs, width: int) -> None:
        """Build off the UI thread (a year-long plan takes a moment); only the latest keystroke's plan shows."""
        try:
            plan = build_plan(inputs, self.library)
            content = Content("\n").join([*preview_lines(plan), *first_session_figures(plan, self.library, width)])
        except PlannerError as err:
            content = Content.assemble(("Check: ", "bold"), said(err))
        if not get_current_worker().is_cancelled:
            self.post_message(messages.PreviewReady(content))

    @on(messages.PreviewReady)
    def _preview_ready(self, event: messages.PreviewReady) -> None:
        self._show_preview(event.content)

    def _show_preview(self, content: Content) -> None:
        self.query_one("#preview", Static).update(content)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_create()

    def action_create(self) -> None:
        try:
            inputs = self.inputs()
            activities = self.activities()
        except PlannerError as err:
            self.notify(said(err), title="Not yet", severity="error")
            return
        self._check_before_create(inputs, activities)

    @work(thread=True, exclusive=True, group="create")
    def _check_before_create(self, inputs: PlanInputs, activities: list[str]) -> None:
        """Build once to check the form, and ask the store whether the safety questions come first: both
        read files, so off the UI thread."""
        try:
            build_plan(inputs, self.library)
            screening_first = planner_app(self).data.screening_needed() is not None
        except PlannerError as err:
            self.post_message(messages.CreateChecked(inputs, activities, said(err), screening_first=False))
            return
        self.post_message(messages.CreateChecked(inputs, activities, None, screening_first))

    @on(messages.CreateChecked)
    def _create_checked(self, event: messages.CreateChecked) -> None:
        if event.error is not None:
            self.notify(event.error, title="Not yet", severity="error")
            return
        if event.screening_first:  # the safety questions come first, once (see ScreeningDialog)
            from planner.app.screens.screening import ScreeningDialog

            self.app.push_screen(ScreeningDialog(), lambda answered: self.action_create() if answered else None)
            return
        self.query_one("#create", Button).disabled = True
        self.post_message(messages.CreatePlan(self, event.inputs, event.activities))

    @on(messages.Done)
    def _created(self, event: messages.Done) -> None:
        self.query_one("#create", Button).disabled = False
        self.notify(" ".join(event.outcome.lines) + " Here is today.")
        self.app.switch_mode("today")

    def action_cancel(self) -> None:
        snapshot = planner_app(self).snapshot
        if snapshot is not None and snapshot.plan is not None:
            self.app.switch_mode("today")
        else:
            self.notify("No plan yet: create one here (ctrl+s), or press q to quit.")


def said(err: PlannerError) -> str:
    """The error with the form's own name for the field it is about (the domain names no flag)."""
    field = getattr(err, "field", None)
    return f"{field.capitalize()}: {err}" if field else str(err)
