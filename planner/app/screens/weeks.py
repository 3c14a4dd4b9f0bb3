"""The plan as a calendar: one row per week, Mon–Sun marks, easier weeks and adjustments flagged.

"Easier week" follows the doses: after pain held or eased the plan, the easier week's doses come later
than the calendar's, and the label moves with them (``Snapshot.easier_week``).

The highlighted week's sessions are listed below with their exercises and
volume as they stand today (after any pain adjustments), read through the
same :func:`day_view` as Today.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import DataTable, Static

from planner.app.access import planner_app
from planner.app.bindings import PLAN_BINDINGS
from planner.app.compact import TWO_PANE_WIDTH
from planner.app.data import Snapshot
from planner.app.screens.more import MoreKeys
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.hanging import Hanging, Line
from planner.app.widgets.nav_bar import NavBar
from planner.app.widgets.week_strip import MARKS
from planner.domain.days.day import DayView
from planner.domain.plan.model import DAY_NAMES, Prescription
from planner.domain.plan.wording import work_words

DAY_MARKS = {status: mark.split()[0] for status, mark in MARKS.items() if mark}


def week_dates(snapshot: Snapshot, index: int) -> list[dt.date]:
    assert snapshot.plan is not None
    first = snapshot.plan.inputs.start + dt.timedelta(days=7 * index)
    return [first + dt.timedelta(days=i) for i in range(7)]


def adapted_items(snapshot: Snapshot, index: int) -> list[Prescription]:
    """The week's sessions' items as they stand today (after any adjustment for pain); a week already past
    keeps what it was built with."""
    assert snapshot.plan is not None
    week = snapshot.plan.weeks[index]
    dates = week_dates(snapshot, index)
    if dates[-1] < snapshot.today:
        return [p for s in week.sessions for p in s.exercises]
    items: list[Prescription] = []
    for day in dates:
        if day < snapshot.today:
            items += [p for s in week.sessions if s.date == day for p in s.exercises]
            continue
        view = snapshot.day(day)
        if view.planned:
            items += view.exercises
    return items


def adapted_minutes(snapshot: Snapshot, index: int) -> int:
    """Minutes of work in the week's sessions as they stand today (after any adjustment for pain);
    a week already past keeps what it was built with."""
    return sum(p.volume_seconds for p in adapted_items(snapshot, index)) // 60


def doses_week(views: list[DayView], index: int) -> int | None:
    """The plan week whose doses the calendar week's sessions (``views``) have: later than the calendar's
    after pain held or eased the plan; None when that is the calendar's own week."""
    weeks = {view.week for view in views if view.week is not None} - {index + 1}
    return min(weeks) if weeks else None


class PlanViewScreen(MoreKeys, SizedScreen):
    """From 110 columns the weeks and the highlighted week's sessions sit side by side."""

    BINDINGS = PLAN_BINDINGS
    FOOTER_PRIORITY = ("week(-1)", "week(1)")  # at 40 columns the weeks, then what fits beside More

    def compose(self) -> ComposeResult:
        yield NavBar("plan")
        yield Static(id="plan-title")
        with Horizontal(id="plan-body"):
            yield DataTable(id="weeks", cursor_type="row", zebra_stripes=False)
            with VerticalScroll(id="week-detail"):
                yield Hanging(id="week-sessions")
        yield FittedFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "snapshot", self.show_snapshot)
        self.query_one("#weeks", DataTable).focus()

    def size_changed(self, size: Size) -> None:
        if self.is_mounted and self.snapshot is not None:
            self.show_snapshot(self.snapshot)

    def action_scroll_detail(self, pages: int) -> None:
        """The week's sessions scroll from the weeks table (no Tab needed)."""
        detail = self.query_one("#week-detail", VerticalScroll)
        detail.scroll_to(y=detail.scroll_y + pages * max(detail.size.height - 1, 1), animate=False)

    @property
    def snapshot(self) -> Snapshot | None:
        return planner_app(self).snapshot

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        table = self.query_one("#weeks", DataTable)
        if snapshot is None or snapshot.plan is None:
            self.query_one("#plan-title", Static).update("No plan yet. Press n to build one.")
            table.display = False
            return
        plan = snapshot.plan
        table.display = True
        self.query_one("#plan-title", Static).update(Content.assemble(
            (plan.program_name, "bold"),
            f" · {plan.inputs.start.strftime('%d %b')} – {plan.end.strftime('%d %b %Y')} · "
            f"{plan.inputs.days_text()} · {plan.inputs.minutes} min"))
        row = table.cursor_row if table.row_count else self._this_week(snapshot)
        table.clear(columns=True)
        first = plan.inputs.start.weekday()  # a plan's weeks run from its start day, not always Monday
        short = self.app.size.width < TWO_PANE_WIDTH or self.has_class("-wide")  # narrow, or sharing the width
        letters = 2 if short else 3
        rows = []
        for index, week in enumerate(plan.weeks):
            dates = week_dates(snapshot, index)
            marks = [self._mark(snapshot, day) for day in dates]
            changes = [a for a in snapshot.history.adjustments if dates[0] <= a.date <= dates[-1]]
            notes = [("easier" if short else "easier week")] if snapshot.easier_week(index) else []
            if changes:
                notes.append(f"{len(changes)} adj." if short else
                             f"{len(changes)} adjustment{'s' if len(changes) > 1 else ''}")
            here = "▶" if dates[0] <= snapshot.today <= dates[-1] else " "
            rows.append((f"{here}{week.number:>2}", *marks, f"{adapted_minutes(snapshot, index)}m", ", ".join(notes)))
        # Widths given, not measured: the table would size each column by its heading alone. On a phone
        # (below 60 columns) the columns sit closer, and the notes are left to the week's heading below
        # ("easier week", its adjustments), so the whole week fits without scrolling sideways.
        phone = self.has_class("-narrow")
        table.cell_padding = 0 if phone else 1
        table.add_column("Wk" if phone else "Week", width=4)
        for i in range(7):
            table.add_column(DAY_NAMES[(first + i) % 7][:letters], width=4 if phone else 3)
        table.add_column("Work", width=4)
        if phone:
            rows = [row[:-1] for row in rows]
        else:
            table.add_column("Notes", width=max([5, *(len(r[-1]) for r in rows)]))
        table.add_rows(rows)
        table.move_cursor(row=min(row, len(plan.weeks) - 1))
        self._show_week(min(row, len(plan.weeks) - 1))

    def _mark(self, snapshot: Snapshot, day: dt.date) -> str:
        assert snapshot.plan is not None
        if day <= snapshot.today:
            status = snapshot.day(day).status
        else:
            status = "planned" if snapshot.plan.session_on(day) else "rest"
        mark = DAY_MARKS.get(status, "")
        return f"[{mark}]" if day == snapshot.today else f" {mark}"

    def _this_week(self, snapshot: Snapshot) -> int:
        assert snapshot.plan is not None
        return max(0, min((snapshot.today - snapshot.plan.inputs.start).days // 7, len(snapshot.plan.weeks) - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_week(event.cursor_row)

    def _show_week(self, index: int) -> None:
        snapshot = self.snapshot
        if snapshot is None or snapshot.plan is None or not 0 <= index < len(snapshot.plan.weeks):
            return
        week = snapshot.plan.weeks[index]
        items, built = adapted_items(snapshot, index), week.volume_seconds // 60
        minutes = sum(p.volume_seconds for p in items) // 60
        views = snapshot.week_sessions(index)
        held = doses_week(views, index)
        heading = (f"Week {week.number}" + (f" (week {held}'s doses)" if held else "")
                   + (" · easier week" if snapshot.easier_week(index, views) else "")
                   + f" · {work_words(items)}")
        lines: list[Line] = [("", Content.styled(heading, "bold"))]
        waiting: dict[str, None] = {}  # a harder variant the notes below move up to, still ahead on a day above
        for day in week_dates(snapshot, index):
            view = snapshot.day(day)
            if not view.planned and view.status != "paused":
                continue
            waiting.update(dict.fromkeys(h.reason for h in view.held_back))
            # How long the session takes (as Today and `plan show` say), not its working seconds alone; a walk
            # apart from the session is not in its minutes: named after it, for any time that day.
            took = -(-sum(p.estimated_seconds for p in view.exercises if not p.apart) // 60)
            length = f" · ~{took} min" if view.exercises else ""
            marks = {p.id: "✓ " if p.id in view.done_ids else "◐ " if p.id in view.partial_ids else ""
                     for p in view.exercises}
            items = ", ".join(f"{marks[p.id]}{p.name} {p.dose_text()}" for p in view.exercises if not p.apart) \
                or "nothing (paused)"
            items += "".join(f"; any time that day: {marks[p.id]}{p.name} {p.dose_text()}"
                             for p in view.exercises if p.apart)
            lines.append(("• ", Content.assemble((f"{day.strftime('%a %d %b')} · {view.status_words}{length}: ",
                                                  "bold"), items)))
        dates = week_dates(snapshot, index)
        for change in (a for a in snapshot.history.adjustments if dates[0] <= a.date <= dates[-1]):
            lines.append(("* ", Content(f"{change.date.strftime('%a %d')}: {change.reason}")))
        lines.extend(("* ", Content(reason)) for reason in waiting)
        if minutes != built:  # the week's own notes describe the plan as built, not the sessions above
            lines.append(("", Content.styled(f"As built, before the adjustments for pain ({built} min):", "italic")))
        lines.extend(("  ", Content(reason)) for reason in week.reasons)
        self.query_one("#week-sessions", Hanging).update(lines)

    def action_week(self, step: int) -> None:
        table = self.query_one("#weeks", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_days(self) -> None:
        from planner.app.screens.days import DaysDialog

        snapshot = self.snapshot
        if snapshot is not None and snapshot.plan is not None:
            self.app.push_screen(DaysDialog(snapshot.plan.inputs, self._this_week(snapshot)))

    def action_this_week(self) -> None:
        if self.snapshot is not None and self.snapshot.plan is not None:
            self.query_one("#weeks", DataTable).move_cursor(row=self._this_week(self.snapshot))
