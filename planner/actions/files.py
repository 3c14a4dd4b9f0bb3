"""The plan and the history as files: export, report, and the live calendar file's setting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from planner.actions.situation import NoPlan, Outcome, Situation, decide, reading
from planner.context import Context
from planner.domain.errors import UsageError, display_path
from planner.store.active_plan import ActivePlan

if TYPE_CHECKING:
    from planner.exports.exporting import Format
    from planner.exports.live import LiveCalendar
    from planner.reports.writing import ReportFormat

NO_PLAN_TO_EXPORT = "no plan to export yet: build one with 'planner plan new --program ID' (see 'planner programs')"
NO_PLAN_TO_REPORT = "no plan yet, so nothing to report: build one with 'planner plan new --program ID'"


def _require(situation: Situation | None, message: str) -> ActivePlan:
    """The active plan as Today will show it: what the first look at today records (a step down after a
    break, a week repeated) is applied in memory, so an export or a report made first tells the same story."""
    if situation is None or situation.active is None:
        raise NoPlan(message)
    situation.active.ease_in_memory(situation.today)
    return situation.active


def export_text(context: Context, fmt: Format, at: dt.time, remind: int = 15, *, figures: str | None = None) -> str:
    """The active plan as ``fmt`` (markdown, csv, ics, toml); ``figures`` is the folder (next to a Markdown
    file) its pictures are linked from. Reads only."""
    from planner.exports.exporting import export_plan

    with reading(context) as s:
        return export_plan(_require(s, NO_PLAN_TO_EXPORT), context.library, fmt, at, remind, figures=figures)


def write_figures(context: Context, target: Path) -> Path:
    """Write the plan's exercise figures into the folder next to ``target``; returns the folder."""
    from planner.exports.figure_files import write_plan_figures

    with reading(context) as s:
        return write_plan_figures(target, _require(s, NO_PLAN_TO_EXPORT).plan, context.library)


def export(context: Context, fmt: Format, path: Path, at: dt.time, remind: int = 15, *,
           force: bool = False) -> Outcome:
    """Write the plan to ``path``: atomic, and never over a file without ``force``; a Markdown file gets
    its figures in a folder beside it."""
    from planner.exports.figure_files import check_figures_folder, figures_folder
    from planner.exports.files import write_export

    figures = figures_folder(path) if fmt == "md" else None
    if figures is not None:
        check_figures_folder(path)  # refused before the plan is written: a refusal changes nothing
    write_export(path, export_text(context, fmt, at, remind, figures=figures), force=force)
    if figures is not None:
        write_figures(context, path)
    return Outcome([f"Wrote {display_path(path)}."])


def report_text(context: Context, fmt: ReportFormat, since: dt.date | None) -> str:
    """The report for a clinician (markdown or html). Reads only."""
    from planner.reports.writing import render_report

    if since is not None and since > context.today:
        raise UsageError(f"{since.isoformat()} is after today ({context.today.isoformat()})", field="since")
    with reading(context) as s:
        return render_report(_require(s, NO_PLAN_TO_REPORT), context.library, context.today, fmt, since)


def report(context: Context, fmt: ReportFormat, path: Path, since: dt.date | None, *,
           force: bool = False) -> Outcome:
    """Write the report to ``path``: private, atomic, never over a file without ``force``."""
    from planner.reports.writing import write_report

    write_report(path, report_text(context, fmt, since), force=force)
    return Outcome([f"Wrote {display_path(path)} (readable only by you)."])


def live_calendar(context: Context) -> LiveCalendar | None:
    """The live calendar file's setting, if one is set. Reads only, never creates a store."""
    from planner.exports.live import live_setting

    store = _existing(context)
    if store is None:
        return None
    with store:
        return live_setting(store)


def _existing(context: Context):  # noqa: ANN202
    from planner.store.active_plan import open_store

    return open_store(context.data_dir, create=False)


def set_live_calendar(context: Context, live: LiveCalendar | None, *, force: bool = False) -> Outcome:
    """Name the live file and write it now, or (``None``) stop updating it; the file itself stays. An
    existing file there is replaced only if planner wrote it (its PRODID), or with ``force``."""
    from planner.exports.live import check_target, set_live, write_live

    def act(s: Situation) -> Outcome:
        if live is None:
            set_live(s.store, None)
            return Outcome(["The live calendar file is no longer updated."], active=s.active)
        check_target(live.path, force=force)
        write_live(s.store, s.library, s.today, s.active, live, force=force)
        set_live(s.store, live)
        return Outcome([f"Wrote {display_path(live.path)}; it now follows every change."], active=s.active)

    return decide(context, act)
