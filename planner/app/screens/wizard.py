"""The plan builder: program, weekdays, minutes, level, weeks; a preview; create."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from planner.app.bindings import BUILDER_BINDINGS
from planner.domain.builder import build_plan
from planner.domain.errors import PlannerError
from planner.domain.plan import PlanInputs, parse_days


class PlanBuilderScreen(Screen):
    BINDINGS = BUILDER_BINDINGS

    def compose(self) -> ComposeResult:
        library = self.app.data.library  # type: ignore[attr-defined]
        programs = sorted(library.programs.values(), key=lambda p: p.id)
        first = next((p for p in programs if p.id == "core-flexibility"), programs[0])
        yield Header()
        with VerticalScroll(id="builder"):
            yield Static("[b]Build your plan[/b]")
            yield Select([(p.name, p.id) for p in programs], value=first.id, allow_blank=False, id="program")
            yield Static(id="description")
            with Horizontal(classes="row"):
                yield Label("Days")
                yield Input(",".join(first.default_days), id="days")
                yield Label("Minutes")
                yield Input(str(first.default_minutes), id="minutes", type="integer")
            with Horizontal(classes="row"):
                yield Label("Level")
                yield Input("1", id="level", type="integer")
                yield Label("Weeks")
                yield Input(str(first.weeks), id="weeks", type="integer")
            yield Static(id="preview")
            yield Button("Create plan", variant="primary", id="create")
        yield Footer()

    def on_mount(self) -> None:
        self.update_preview()

    def on_select_changed(self, event: Select.Changed) -> None:
        program = self.app.data.library.programs[str(event.value)]  # type: ignore[attr-defined]
        self.query_one("#days", Input).value = ",".join(program.default_days)
        self.query_one("#minutes", Input).value = str(program.default_minutes)
        self.query_one("#weeks", Input).value = str(program.weeks)
        self.update_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.update_preview()

    def inputs(self) -> PlanInputs:
        def number(widget_id: str, low: int, high: int) -> int:
            text = self.query_one(f"#{widget_id}", Input).value.strip()
            if not text.lstrip("-").isdigit() or not low <= int(text) <= high:
                raise PlannerError(f"{widget_id}: use a whole number from {low} to {high}")
            return int(text)

        return PlanInputs(program=str(self.query_one("#program", Select).value),
                          days=parse_days(self.query_one("#days", Input).value),  # type: ignore[arg-type]
                          minutes=number("minutes", 5, 180), level=number("level", 1, 5),
                          weeks=number("weeks", 1, 52), start=self.app.data.today)  # type: ignore[attr-defined]

    def update_preview(self) -> None:
        library = self.app.data.library  # type: ignore[attr-defined]
        program = library.programs.get(str(self.query_one("#program", Select).value))
        if program is not None:
            self.query_one("#description", Static).update(" ".join(program.description.split()))
        preview = self.query_one("#preview", Static)
        try:
            plan = build_plan(self.inputs(), library)
        except PlannerError as err:
            preview.update(f"[b]Check:[/b] {err}")
            return
        week = plan.weeks[0]
        lines = [f"[b]Week 1 preview[/b] ({week.volume_seconds // 60} min of work)"]
        for session in week.sessions[:3]:
            items = ", ".join(f"{p.name} {p.dose_text()}" for p in session.exercises)
            lines.append(f"{session.date.strftime('%a %d %b')} ~{session.estimated_minutes} min: {items}")
        preview.update("\n".join(lines))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_create()

    def action_create(self) -> None:
        try:
            inputs = self.inputs()
            self.app.data.create_plan(inputs)  # type: ignore[attr-defined]
        except PlannerError as err:
            self.notify(str(err), severity="error")
            return
        self.notify("Plan created. Here is today.")
        self.app.show_today()  # type: ignore[attr-defined]

    def action_cancel(self) -> None:
        if self.app.data.active is not None:  # type: ignore[attr-defined]
            self.app.show_today()  # type: ignore[attr-defined]
