"""The exercise library: search by name, filter by category and target area, read the detail.

Reading the library needs no plan, so this screen works on the very first run.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from planner.app.access import planner_app
from planner.app.bindings import LIBRARY_BINDINGS
from planner.app.screens.more import MoreKeys
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.exercise_detail import ExerciseDetail
from planner.app.widgets.figure import FigureView
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.app.widgets.text_field import TextField
from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Exercise

ANY = "any"


def matches(exercise: Exercise, text: str, category: str, target: str) -> bool:
    """Search matches the name, id, summary and targets, case-insensitively."""
    words = text.lower().split()
    haystack = " ".join([exercise.name, exercise.id, exercise.summary, *exercise.targets]).lower()
    return (all(w in haystack for w in words)
            and (category == ANY or exercise.category.value == category)
            and (target == ANY or target in exercise.targets))


class LibraryScreen(MoreKeys, SizedScreen):
    BINDINGS = LIBRARY_BINDINGS

    @property
    def library(self) -> Library:
        return planner_app(self).data.context.library

    def compose(self) -> ComposeResult:
        targets = sorted({t for e in self.library.exercises.values() for t in e.targets})
        self.choices = {"category": [ANY, *(c.value for c in Category)], "target": [ANY, *targets]}
        yield NavBar("library")
        with Horizontal(id="filters"):
            yield TextField(placeholder="search (/)", id="search", compact=True)
            for name, values in self.choices.items():
                yield Select([(f"any {name}" if v == ANY else v, v) for v in values], value=ANY,
                             allow_blank=False, id=name, compact=True)
        with Horizontal(id="library-body"):
            yield OptionList(id="exercise-list")
            with VerticalScroll(id="library-detail"):
                yield FigureView(animate=False, columns=14, rows=4, id="library-figure")
                yield ExerciseDetail()
        yield FittedFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.refilter()
        self.query_one("#exercise-list", OptionList).focus()

    def refilter(self) -> None:
        text = self.query_one("#search", Input).value
        category = str(self.query_one("#category", Select).value)
        target = str(self.query_one("#target", Select).value)
        found = sorted((e for e in self.library.exercises.values() if matches(e, text, category, target)),
                       key=lambda e: (e.category.value, e.name))
        options = self.query_one("#exercise-list", OptionList)
        options.clear_options()
        # The category once, above its exercises (the list is in that order), so each name has the list's
        # whole width; a heading cannot be highlighted.
        group = None
        for exercise in found:
            if exercise.category.value != group:
                group = exercise.category.value
                options.add_option(Option(Content.styled(group.capitalize(), "bold"), disabled=True))
            options.add_option(Option(exercise.name, id=exercise.id))
        if found:
            options.highlighted = 1
        else:
            # Short lines: the list keeps each row to one line (ellipsis), ~28 cells wide at 80 columns.
            options.add_option(Option("No exercise matches.\nClear the search, or set\nthe filters to any.",
                                      disabled=True))
            self.query_one(ExerciseDetail).show(self.library, None)
            self.query_one(FigureView).show_figure(None)

    @property
    def shown_ids(self) -> list[str]:
        options = self.query_one("#exercise-list", OptionList)
        return [o.id for o in options.options if o.id is not None]

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#exercise-list", OptionList).focus()

    def on_key(self, event: Key) -> None:
        """Escape leaves the search box (keeping what was typed), so the keys after it are keys again."""
        if event.key == "escape" and isinstance(self.focused, Input):
            event.stop()
            self.query_one("#exercise-list", OptionList).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refilter()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(ExerciseDetail).show(self.library, event.option.id)
        exercise = self.library.exercises.get(event.option.id or "")
        self.query_one(FigureView).show_figure(exercise.figure if exercise else None)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def _cycle(self, select_id: str) -> None:
        select = self.query_one(f"#{select_id}", Select)
        values = self.choices[select_id]
        select.value = values[(values.index(select.value) + 1) % len(values)]

    def action_category(self) -> None:
        self._cycle("category")

    def action_target(self) -> None:
        self._cycle("target")
