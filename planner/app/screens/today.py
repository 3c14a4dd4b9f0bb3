"""Today: the session (or rest, or pause) with its reasons; check off and report pain from here."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.bindings import TODAY_BINDINGS
from planner.domain.plan import DAY_NAMES


class TodayScreen(Screen):
    BINDINGS = TODAY_BINDINGS

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            yield Static(id="heading")
            yield OptionList(id="exercises")
            yield Static(id="reasons")
            yield Static(id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#exercises", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        view = data.day()
        week = f" · week {view.week}" if view.week else ""
        self.query_one("#heading", Static).update(
            f"[b]{DAY_NAMES[view.date.weekday()]} {view.date.isoformat()}{week}[/b] — {view.status}")
        options = self.query_one("#exercises", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for item in view.exercises:
            mark = "[x]" if item.id in view.done_ids else "[ ]"
            options.add_option(Option(Text(f"{mark} {item.name:<34} {item.dose_text():>8}"), id=item.id))
        if not view.exercises:
            options.add_option(Option("Nothing to do today.", disabled=True))
        else:
            options.highlighted = min(highlighted or 0, len(view.exercises) - 1)
        self.query_one("#reasons", Static).update("\n".join(f"• {r}" for r in view.reasons))
        summary = data.progress()
        text = ""
        if summary is not None:
            text = (f"Adherence {summary.adherence}% · streak {summary.current_streak} · "
                    f"best {summary.best_streak}")
        self.query_one("#summary", Static).update(text)

    def _selected(self) -> str | None:
        options = self.query_one("#exercises", OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_toggle(self) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        exercise_id = self._selected()
        if exercise_id and data.active is not None:
            data.toggle_done(exercise_id)
            self.refresh_view()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    def action_all_done(self) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        if data.active is not None and data.day().exercises:
            data.all_done()
            self.refresh_view()
            self.notify("Session checked off. How is your back? Press r to report pain.")

    def action_pain(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

        if self.app.data.active is None:  # type: ignore[attr-defined]
            self.notify("Build a plan first (n).")
            return
        self.app.push_screen(PainCheckIn(), lambda _: self.refresh_view())
