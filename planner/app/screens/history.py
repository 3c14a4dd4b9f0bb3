"""History and progress: sessions per week, adherence, pain and work over time, and every adjustment.

Numbers come from :func:`progress` (the same as ``planner history``); the
charts are Textual's Sparkline, with the figures written beside them so they
read without colour.
"""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.app.bindings import HISTORY_BINDINGS
from planner.app.data import Snapshot
from planner.app.widgets.bars import BarChart
from planner.app.widgets.nav_bar import NavBar

CHARTS = {"per-week": "Sessions done / week", "pain": "Pain reports (0–10)", "work": "Minutes of work / session"}


class HistoryScreen(Screen):
    BINDINGS = HISTORY_BINDINGS

    def compose(self) -> ComposeResult:
        yield NavBar("history")
        yield Static(id="totals")
        for chart_id, title in CHARTS.items():
            with Horizontal(classes="chart"):
                yield Static(title, classes="chart-title")
                yield BarChart(id=chart_id)
                yield Static(classes="chart-figures", id=f"{chart_id}-figures")
        with VerticalScroll(id="adjustments-box"):
            yield Static(id="adjustments")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self.show_snapshot)

    def show_snapshot(self, snapshot: Snapshot | None) -> None:
        summary = snapshot.progress() if snapshot is not None else None
        if snapshot is None or snapshot.plan is None or summary is None:
            self.query_one("#totals", Static).update("No plan yet: press n to build one. Your history shows here.")
            return
        start = snapshot.plan.inputs.start
        done_views = [v for v, _ in summary.sessions if v.status == "done"]
        due = [v for v, _ in summary.sessions if v.status not in ("planned", "paused")]
        self.query_one("#totals", Static).update(Content.assemble(
            ("Adherence ", "bold"), f"{summary.adherence}% · ", ("streak ", "bold"),
            f"{summary.current_streak} (best {summary.best_streak}) · ",
            f"{len(done_views)} of {len(due)} sessions due so far done"))
        weeks = (snapshot.today - start).days // 7 + 1
        per_week = Counter((v.date - start).days // 7 for v in done_views)
        counts = [per_week.get(i, 0) for i in range(max(weeks, 1))]
        pain = [p.score for p in snapshot.history.pain]
        work = [sum(p.volume_seconds for p in v.exercises if p.id in v.done_ids) / 60
                for v, _ in summary.sessions if v.done_ids]
        self._chart("per-week", counts, len(snapshot.plan.inputs.days),
                    f"this week {counts[-1]} of {len(snapshot.plan.inputs.days)}" if done_views else "none yet")
        self._chart("pain", pain, 10, f"latest {pain[-1]} of 10" if pain else "no reports yet")
        self._chart("work", work, max([snapshot.plan.inputs.minutes, *work]),
                    f"latest {work[-1]:.0f} min" if work else "none yet")
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
        self.query_one("#adjustments", Static).update(Content("\n").join(lines))

    def _chart(self, chart_id: str, data: list[float], scale: float, figures: str) -> None:
        self.query_one(f"#{chart_id}", BarChart).show(data, scale)
        self.query_one(f"#{chart_id}-figures", Static).update(figures)

    def action_pain(self) -> None:
        from planner.app.screens.checkin import PainCheckIn

        if self.app.snapshot is not None and self.app.snapshot.plan is not None:  # type: ignore[attr-defined]
            self.app.push_screen(PainCheckIn())
