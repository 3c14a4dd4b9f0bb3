"""The report from the active plan: what ``planner report`` and the app's History dialog both call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from planner.domain.function import summarise
from planner.domain.library.loading import Library
from planner.exports.files import write_export
from planner.reports.model import SessionNote, build_report
from planner.store.active_plan import ActivePlan

ReportFormat = Literal["md", "html"]
PRIVATE = 0o600  # a report about someone's health is theirs alone


def session_notes(active: ActivePlan) -> list[SessionNote]:
    """Every note the person kept (from ``planner note`` or the app's runner), oldest first."""
    return [SessionNote(n.date, n.text) for n in active.history.notes]


def render_report(active: ActivePlan, library: Library, today: dt.date, fmt: ReportFormat = "md",
                  since: dt.date | None = None) -> str:
    report = build_report(active.plan, library, active.history, active.state, today, active.weekly_increase,
                          since, session_notes(active), active.rules.hold_max, summarise(active.store.activities()))
    if fmt == "html":
        from planner.reports.html import report_html

        return report_html(report)
    from planner.reports.markdown import report_markdown

    return report_markdown(report)


def format_for(path: Path | None, fmt: str | None) -> ReportFormat:
    """``--format`` if given, else the file's extension (.html/.htm), else Markdown."""
    if fmt:
        return "html" if fmt == "html" else "md"
    if path is not None and path.suffix.lower() in (".html", ".htm"):
        return "html"
    return "md"


def write_report(path: Path, text: str, *, force: bool = False) -> None:
    """Atomically, private (0600), and never over an existing file without ``force``."""
    write_export(path, text, force=force, mode=PRIVATE)
