"""The plan as a calendar: one row per week, Mon–Sun marks, easier weeks and adjustments flagged.

The highlighted week's sessions are listed below with their exercises and
volume as they stand today (after any pain adjustments), read through the
same :func:`day_view` as Today.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from planner.app.bindings import PLAN_BINDINGS
from planner.app.data import Snapshot
from planner.app.widgets.nav_bar import NavBar
from planner.app.widgets.week_strip import MARKS
from planner.domain.plan.model import DAY_NAMES

DAY_MARKS = {status: mark.split()[0] for status, mark in MARKS.items() if mark}


def week_dates(snapshot: Snapshot, index: int) -> list[dt.date]:
    assert snapshot.plan is not None
    first = snapshot.plan.inputs.start + dt.timedelta(days=7 * index)
    return [first + dt.timedelta(days=i) for i in range(7)]


class PlanViewScreen(Screen):
    BINDINGS = PLAN_BINDINGS

    def compose(self) -> ComposeResult:
        yield NavBar("plan")
        yield Static(id="plan-title")
        yield DataTable(id="weeks", cursor_type="row", zebra_stripes=False)
        with VerticalScroll(id="week-detail"):
            yield Static(id="week-sessions")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self.show_snapshot)
        self.query_one("#weeks", DataTable).focus()

    @property
    def snapshot(self) -> Snapshot | None:
        return self.app.snapshot  # type: ignore[attr-defined]

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
        table.add_columns("Week", *(DAY_NAMES[(first + i) % 7][:3] for i in range(7)), "Work", "Notes")
        for index, week in enumerate(plan.weeks):
            dates = week_dates(snapshot, index)
            marks = [self._mark(snapshot, day) for day in dates]
            changes = [a for a in snapshot.history.adjustments if dates[0] <= a.date <= dates[-1]]
            notes = ["easier week"] if week.deload else []
            if changes:
                notes.append(f"{len(changes)} adjustment{'s' if len(changes) > 1 else ''}")
            here = "▶" if dates[0] <= snapshot.today <= dates[-1] else " "
            table.add_row(f"{here}{week.number:>2}", *marks, f"{week.volume_seconds // 60}m", ", ".join(notes))
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
        lines = [Content.styled(f"Week {week.number}" + (" · easier week" if week.deload else ""), "bold")]
        for day in week_dates(snapshot, index):
            view = snapshot.day(day)
            if not view.planned and view.status != "paused":
                continue
            work = sum(p.volume_seconds for p in view.exercises) // 60
            items = ", ".join(f"{p.name} {p.dose_text()}" for p in view.exercises) or "nothing (paused)"
            lines.append(Content(f"{day.strftime('%a %d %b')} · {view.status} · {work} min of work: {items}"))
        dates = week_dates(snapshot, index)
        for change in (a for a in snapshot.history.adjustments if dates[0] <= a.date <= dates[-1]):
            lines.append(Content.assemble(("* ", "bold"), f"{change.date.strftime('%a %d')}: {change.reason}"))
        lines.extend(Content(f"  {reason}") for reason in week.reasons)
        self.query_one("#week-sessions", Static).update(Content("\n").join(lines))

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
