"""Learn: the lessons in order, a reader beside them, and which ones you have read.

Moving through the list previews a lesson; Enter (or n, for the next unread
one) opens it in the reader and records it as read, the same record
``planner lesson ID`` makes. After a finished session the app names the next
unread lesson in a notification (see ``PlannerApp.offer_next_lesson``). Lessons are loaded when the screen opens, so the
app's start never pays for checking them.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from planner.app.access import planner_app
from planner.app.bindings import LEARN_BINDINGS
from planner.app.compact import TWO_PANE_WIDTH
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.domain.errors import PlannerError
from planner.domain.lessons.loading import Lessons
from planner.domain.lessons.model import Lesson


def lesson_markdown(lesson: Lesson) -> str:
    return (f"## {lesson.title}\n\n{lesson.summary} *({lesson.minutes} min read)*\n\n"
            + "\n\n".join(lesson.paragraphs()))


class LearnScreen(Screen):
    BINDINGS = LEARN_BINDINGS

    def __init__(self, open_id: str | None = None) -> None:
        super().__init__()
        self.lessons = Lessons()
        self.read: set[str] = set()
        self.open_id = open_id
        self.highlight_id: str | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("learn")
        with Horizontal(id="learn-body"):
            yield OptionList(id="lesson-list")
            with VerticalScroll(id="reader"):
                yield Markdown("Loading the lessons…", id="lesson")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one("#lesson-list", OptionList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        """Back after a session that named the next lesson: fresh ticks, and that lesson highlighted.
        (Coming back from help or a dialog leaves the reader as it was.)"""
        if self.lessons.by_id and planner_app(self).pending_lesson is not None:
            self.highlight_id, planner_app(self).pending_lesson = planner_app(self).pending_lesson, None
            self._load()

    def on_resize(self) -> None:
        """Below 80 columns the list and the reader take turns at the full width (Enter, Escape)."""
        self.set_class(self.size.width < TWO_PANE_WIDTH, "-one-pane")

    @work(thread=True, group="lessons", exclusive=True)
    def _load(self) -> None:
        data = planner_app(self).data
        try:
            lessons, read = data.lessons(), data.lessons_read()
        except PlannerError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self._show, lessons, set(read))

    def _show(self, lessons: Lessons, read: set[str]) -> None:
        self.lessons, self.read = lessons, read
        options = self.query_one("#lesson-list", OptionList)
        options.clear_options()
        options.add_options([Option(self._label(x), id=x.id) for x in lessons.in_order()])
        self._count()
        if not lessons.by_id:
            self.query_one("#lesson", Markdown).update("No lessons found: run `planner validate` to see why.")
            return
        first = self.lessons.next_unread(read) or self.lessons.in_order()[0]
        target = self.open_id or self.highlight_id or first.id
        self.highlight_id = None
        self.remove_class("-reading")
        options.highlighted = options.get_option_index(target)
        if self.open_id:
            self.open_id = None
            self._open(target)

    def _count(self) -> None:
        read = len(self.read & self.lessons.by_id.keys())
        options = self.query_one("#lesson-list", OptionList)
        options.border_title = f"Lessons · {read} of {len(self.lessons.by_id)} read"
        options.border_subtitle = "enter reads"

    def _label(self, lesson: Lesson) -> Content:
        mark = "✓ " if lesson.id in self.read else "  "
        return Content.assemble((mark, "bold"), lesson.title)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        lesson = self.lessons.by_id.get(event.option.id or "")
        if lesson is not None:
            self.query_one("#lesson", Markdown).update(lesson_markdown(lesson))
            self.query_one("#reader", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or "")

    def _open(self, lesson_id: str) -> None:
        lesson = self.lessons.by_id.get(lesson_id)
        if lesson is None:
            return
        self.query_one("#lesson", Markdown).update(lesson_markdown(lesson))
        self.add_class("-reading")
        self.query_one("#reader", VerticalScroll).focus()
        if lesson.id not in self.read:
            self.read.add(lesson.id)
            options = self.query_one("#lesson-list", OptionList)
            options.replace_option_prompt(lesson.id, self._label(lesson))
            self._count()
            self._record(lesson.id)

    @work(thread=True, group="lesson-read")
    def _record(self, lesson_id: str) -> None:
        try:
            planner_app(self).data.mark_lesson_read(lesson_id)
        except PlannerError as err:
            self.app.call_from_thread(self.notify, f"Not recorded as read: {err}", severity="warning")

    def action_read(self) -> None:
        highlighted = self.query_one("#lesson-list", OptionList).highlighted_option
        if highlighted is not None:
            self._open(highlighted.id or "")

    def open_lesson(self, lesson_id: str) -> None:
        """Open a lesson now, or as soon as the lessons have loaded (from the offer after a session)."""
        if lesson_id in self.lessons.by_id:
            options = self.query_one("#lesson-list", OptionList)
            options.highlighted = options.get_option_index(lesson_id)
            self._open(lesson_id)
        else:
            self.open_id = lesson_id

    def action_next_unread(self) -> None:
        lesson = self.lessons.next_unread(self.read)
        if lesson is None:
            self.notify("You have read every lesson; pick any to read it again.")
            return
        options = self.query_one("#lesson-list", OptionList)
        options.highlighted = options.get_option_index(lesson.id)
        self._open(lesson.id)

    def action_list(self) -> None:
        self.remove_class("-reading")
        self.query_one("#lesson-list", OptionList).focus()
