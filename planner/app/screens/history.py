"""History and progress: sessions per week, pain and minutes of work over time, every adjustment.

Numbers come from :func:`progress` (the same as ``planner history``). The
charts (textual-plotext) have dates along the bottom; pain keeps its 0–10
scale; easier weeks are their own colour and pain adjustments a red line.
``g`` switches the range between the last week, the last month and all of it.
Adherence and streaks are over the whole plan whatever the range.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual_plotext import PlotextPlot

from planner.app.access import planner_app
from planner.app.bindings import HISTORY_BINDINGS
from planner.app.data import Snapshot
from planner.app.screens.sizes import SizedScreen
from planner.app.widgets.charts import Series, draw
from planner.app.widgets.footer import FittedFooter
from planner.app.widgets.nav_bar import NavBar
from planner.domain.kinds import PAIN_CHANGES

RANGES = {"week": 7, "month": 31, "all": None}  # days shown back from today
CHARTS = {"per-week": "Sessions done per week (▒ easier weeks)", "pain": "Pain reports (0–10; red line: the plan adjusted)",
          "function": "Activities you want back: the average rating (0 unable – 10 as before)",
          "work": "Minutes of work per session"}


class HistoryScreen(SizedScreen):
    BINDINGS = HISTORY_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.range = "all"
        self.charted: dict[str, Series] = {}  # what each chart shows now (tests read it)

    def compose(self) -> ComposeResult:
        yield NavBar("history")
        with VerticalScroll(id="history-body"):
            yield Static(id="totals")
            yield Static(id="range")
            with Grid(id="charts"):
                for chart_id, title in CHARTS.items():
                    with Vertical(classes="chart", id=f"{chart_id}-box"):
                        yield Static(title, classes="chart-title")
                        yield PlotextPlot(id=chart_id)
            # Not in the grid: a grid's auto rows measure wrapped text short, and its end could not be reached.
            yield Static(id="adjustments")
        yield FittedFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "snapshot", self.show_snapshot)
        self.query_one("#history-body", VerticalScroll).focus()

    def action_range(self) -> None:
        names = list(RANGES)
        self.range = names[(names.index(self.range) + 1) % len(names)]
        self.show_snapshot(planner_app(self).snapshot)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        summary = snapshot.progress() if snapshot is not None else None
        if snapshot is None or snapshot.plan is None or summary is None:
            self.query_one("#totals", Static).update("No plan yet: press n to build one. Your history shows here.")
            self.query_one("#charts").display = False
            return
        plan, today = snapshot.plan, snapshot.today
        start = plan.inputs.start
        days = RANGES[self.range]
        first = max(start, today - dt.timedelta(days=days - 1)) if days else start
        last = max(today, first + dt.timedelta(days=6))
        done_views = [v for v, _ in summary.sessions if v.counts_as_done]  # one left out counts, as in adherence
        due = [v for v, _ in summary.sessions if v.status not in ("planned", "paused")]
        totals = Content.assemble(
            ("Adherence ", "bold"), f"{summary.adherence}% · ", ("streak ", "bold"),
            f"{summary.current_streak} (best {summary.best_streak}) · ",
            f"{len(done_views)} of {len(due)} sessions due so far done")
        if not due and not snapshot.history.pain:
            totals = Content("Nothing recorded yet: the charts fill in as you check off sessions "
                             "(on Today) and report pain (r).")
        self.query_one("#totals", Static).update(totals)
        choices = Content(" · ").join(Content.styled(f"[{name}]", "bold") if name == self.range else Content(name)
                                     for name in RANGES)
        self.query_one("#range", Static).update(Content.assemble(("Showing ", "bold"), choices, "  (g switches)"))
        self.query_one("#charts").display = True
        self._draw_per_week(snapshot, done_views, first, last)
        in_range = [(v, pain) for v, pain in summary.sessions if first <= v.date <= last]
        marks = [a.date for a in snapshot.history.adjustments
                 if a.kind in PAIN_CHANGES and first <= a.date <= last]
        pain = Series([(p.date, p.score) for p in snapshot.history.pain if first <= p.date <= last], marks=marks)
        self.charted["pain"] = pain
        draw(self.query_one("#pain", PlotextPlot), pain, first, last, kind="line", top=10)
        averages = snapshot.function.averages
        self.query_one("#function-box").display = bool(averages)  # beside pain, once there are ratings
        if averages:
            function = Series([(day, score) for day, score in averages if first <= day <= last])
            self.charted["function"] = function
            draw(self.query_one("#function", PlotextPlot), function, first, last, kind="line", top=10)
        work = Series([(v.date, sum(p.volume_seconds for p in v.exercises if p.id in v.done_ids) / 60)
                       for v, _ in in_range if v.done_ids])
        top = max(5, -(-max((value for _, value in work.points), default=0) * 5 // 4))  # room above the highest
        self.charted["work"] = work
        draw(self.query_one("#work", PlotextPlot), work, first, last, kind="line", top=top)
        self.query_one("#adjustments", Static).update(Content("\n").join(self._changes(snapshot)))

    def _draw_per_week(self, snapshot: Snapshot, done_views: list, first: dt.date, last: dt.date) -> None:
        assert snapshot.plan is not None
        start = snapshot.plan.inputs.start
        per_week = Counter((v.date - start).days // 7 for v in done_views)
        normal, easier = Series(), []
        weeks = range((first - start).days // 7, (snapshot.today - start).days // 7 + 1)
        for index in weeks:
            deload = index < len(snapshot.plan.weeks) and snapshot.easier_week(index)  # as the doses say
            monday, count = start + dt.timedelta(days=7 * index), per_week.get(index, 0)
            (easier if deload else normal.points).append((monday, count))
        normal.easier = easier
        self.charted["per-week"] = normal
        week_one = start + dt.timedelta(days=7 * weeks[0])
        draw(self.query_one("#per-week", PlotextPlot), normal, week_one,
             max(start + dt.timedelta(days=7 * weeks[-1]), week_one + dt.timedelta(days=7)), kind="bar",
             top=len(snapshot.plan.inputs.days), step_days=7)

    @staticmethod
    def _changes(snapshot: Snapshot) -> list[Content]:
        lines = [Content.styled("Adjustments, newest first", "bold")]
        for change in reversed(snapshot.history.adjustments):
            lines.append(Content.assemble((f"{change.date.strftime('%a %d %b')} {change.kind}: ", "bold"),
                                          change.reason))
        if len(lines) == 1:
            lines.append(Content("None yet: the plan runs as built. Pain reports (r) adjust it, and it says why."))
        if snapshot.history.notes:
            lines.append(Content.styled("Your session notes, newest first", "bold"))
        for note in reversed(snapshot.history.notes):
            lines.append(Content.assemble((f"{note.date.strftime('%a %d %b')}: ", "bold"), note.text))
        return lines

    def action_pain(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

        if planner_app(self).snapshot is not None and planner_app(self).snapshot.plan is not None:
            self.app.push_screen(PainCheckIn())
